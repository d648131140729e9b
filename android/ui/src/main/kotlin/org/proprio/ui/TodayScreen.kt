package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import org.proprio.core.KindTargetField
import org.proprio.core.LeftRightOverview
import org.proprio.core.ReminderToday

/** Where the other screens are reached from Today. */
enum class Destination { JOURNAL, PROGRESS, REMINDERS, PROFILE, DELETE }

/**
 * Today: what is done and left (reminders, sessions per kind, adherence), the left/right
 * level and the stage gate's verdict as the core words it, and the way to practise.
 * The core's `today(now)` (another branch) will replace these pieces with one record;
 * until then the kind names come from the reminder form (`kinds`).
 */
@Composable
fun TodayScreen(
    today: ReminderToday,
    overview: LeftRightOverview?,
    kinds: List<KindTargetField>,
    error: String?,
    onStart: () -> Unit,
    onOpen: (Destination) -> Unit,
) {
    ScreenScaffold(title = "Today, ${today.date}", onBack = null) {
        Card(modifier = Modifier.fillMaxWidth()) {
            Column(modifier = Modifier.padding(16.dp)) {
                if (overview != null) {
                    Text(overview.heading, style = MaterialTheme.typography.titleMedium)
                    Text(overview.gate.verdict, style = MaterialTheme.typography.bodyMedium)
                }
                Button(
                    onClick = onStart,
                    enabled = overview != null,
                    modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp).padding(top = 8.dp),
                ) { Text("Start left/right practice", style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center) }
            }
        }
        ErrorText(error)
        SectionTitle("Sessions today")
        for (kind in today.progress) {
            val name = kinds.firstOrNull { it.kind == kind.kind }?.field?.label ?: kind.kind.name
            LabeledValue(name, "${kind.done} / ${kind.target}")
        }
        LabeledValue("Done as planned", "${today.adherence.percent}\u00A0%")
        SectionTitle("Reminders still to come")
        if (today.remaining.isEmpty()) Text("None today")
        for (reminder in today.remaining) {
            // local_time is YYYY-MM-DDTHH:MM+hh:mm; the clock part is what a person reads.
            LabeledValue(reminder.localTime.substring(11, 16), reminder.title)
        }
        SectionTitle("More")
        for (destination in Destination.entries) {
            OutlinedButton(
                onClick = { onOpen(destination) },
                modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget),
            ) { Text(destinationLabel(destination), textAlign = TextAlign.Center) }
        }
    }
}

internal fun destinationLabel(d: Destination): String = when (d) {
    Destination.JOURNAL -> "Pain journal"
    Destination.PROGRESS -> "Progress"
    Destination.REMINDERS -> "Reminders"
    Destination.PROFILE -> "Profile"
    Destination.DELETE -> "Delete all data"
}
