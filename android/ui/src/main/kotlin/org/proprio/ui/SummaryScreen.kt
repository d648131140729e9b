package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.proprio.core.SessionResults
import org.proprio.core.SideStats

/** A finished session: per-side numbers and the stage gate's verdict as the core words it. */
@Composable
fun SummaryScreen(results: SessionResults, onJournal: () -> Unit, onDone: () -> Unit) {
    ScreenScaffold(title = "Session ${words(results.state.name).lowercase()}", onBack = null) {
        Text("Level ${results.level}", style = MaterialTheme.typography.titleMedium)
        SideCard("Left", results.stats.left)
        SideCard("Right", results.stats.right)
        SectionTitle("Next stage")
        Text(results.gate.verdict, style = MaterialTheme.typography.bodyLarge)
        Button(onClick = onJournal, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
            Text("Rate your pain now", textAlign = TextAlign.Center)
        }
        OutlinedButton(onClick = onDone, modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)) {
            Text("Back to today", textAlign = TextAlign.Center)
        }
    }
}

@Composable
private fun SideCard(name: String, s: SideStats) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(16.dp)) {
            SectionTitle(if (s.affected) "$name (painful side)" else name)
            LabeledValue("Correct", "${s.correct} of ${s.n} (${percent(s.accuracy)})")
            LabeledValue("Median time", seconds(s.medianRtMs))
            LabeledValue("Middle half", "${seconds(s.q1RtMs)} – ${seconds(s.q3RtMs)}")
            LabeledValue("Too quick", "${s.anticipations}")
            LabeledValue("Time ran out", "${s.timeouts}")
        }
    }
}
