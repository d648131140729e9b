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
import org.proprio.core.FactSection

/** A finished session: per-side numbers and the stage gate's verdict, as the core words them. */
@Composable
fun SummaryScreen(results: SessionResults, onJournal: () -> Unit, onDone: () -> Unit) {
    ScreenScaffold(title = results.title, onBack = null) {
        Text(results.levelText, style = MaterialTheme.typography.titleMedium)
        for (side in results.sides) SectionCard(side)
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

/** A titled group of the core's facts, on a card. */
@Composable
internal fun SectionCard(section: FactSection) {
    Card(modifier = Modifier.fillMaxWidth()) {
        Column(modifier = Modifier.padding(16.dp)) {
            SectionTitle(section.title)
            for (fact in section.facts) LabeledValue(fact.label, fact.value)
        }
    }
}
