package org.proprio.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import org.proprio.core.HistoryLine

/**
 * The programme as the core lays it out (`programme_screen(now)`): for each painful body
 * part, its stage today and the core's sentence for it, the touch drills by region when
 * there have been any, then under the core's heading every stage change and flare,
 * newest first, each with its date and the core's reason. Not the same screen as Progress (the left/right charts).
 * The record shares this composable's name, so it is named in full.
 */
@Composable
fun ProgrammeScreen(screen: org.proprio.core.ProgrammeScreen, onBack: () -> Unit) {
    ScreenScaffold(title = screen.title, onBack = onBack) {
        Text(screen.intro, style = MaterialTheme.typography.bodyLarge)
        if (screen.parts.isEmpty()) Text(screen.empty, style = MaterialTheme.typography.bodyLarge)
        for (part in screen.parts) {
            HorizontalDivider()
            Text(
                part.title,
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
            Text(part.stage, style = MaterialTheme.typography.titleMedium)
            Text(part.sentence, style = MaterialTheme.typography.bodyLarge)
            part.touch?.let { SectionCard(it) }
            if (part.history.isNotEmpty()) SectionTitle(screen.historyTitle)
            for (line in part.history) HistoryItem(line)
        }
    }
}

/** One dated event: the date in bold, the core's sentence below; read as one. */
@Composable
private fun HistoryItem(line: HistoryLine) {
    Column(
        verticalArrangement = Arrangement.spacedBy(2.dp),
        modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
    ) {
        Text(line.`when`, style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.Bold)
        Text(line.sentence, style = MaterialTheme.typography.bodyMedium)
    }
}
