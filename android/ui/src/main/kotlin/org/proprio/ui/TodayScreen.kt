package org.proprio.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import org.proprio.core.KindTargetField
import org.proprio.core.LeftRightOverview
import org.proprio.core.NextAction
import org.proprio.core.NextStep
import org.proprio.core.SessionKind
import org.proprio.core.Today

/** Where the other screens are reached from Today. */
enum class Destination { JOURNAL, PROGRESS, PROGRAMME, LADDER, TOUCH_LADDER, REMINDERS, PLAN, PROFILE, SHARE, RESTORE, DELETE }

/**
 * Today as the core decides it (`today(now)`): the safety messages first, the next step
 * with its sentence and the way into it, sessions done per kind, the next reminder, each
 * body part's stage; then the left/right overview and the other screens. The kind names
 * come from the reminder form (`kinds`).
 */
@Composable
fun TodayScreen(
    today: Today,
    overview: LeftRightOverview?,
    kinds: List<KindTargetField>,
    error: String?,
    onNext: (NextStep) -> Unit,
    onStart: () -> Unit,
    onOpen: (Destination) -> Unit,
) {
    fun kindName(kind: SessionKind) = kinds.firstOrNull { it.kind == kind }?.field?.label ?: kind.name
    ScreenScaffold(title = "Today, ${today.date}", onBack = null) {
        for (message in today.safety) {
            // Marked by an icon and a heading word, not by colour alone.
            Card(
                colors = CardDefaults.cardColors(
                    containerColor = MaterialTheme.colorScheme.errorContainer,
                    contentColor = MaterialTheme.colorScheme.onErrorContainer,
                ),
                modifier = Modifier.fillMaxWidth(),
            ) {
                Column(modifier = Modifier.padding(16.dp)) {
                    Text(
                        "⚠ Safety",
                        style = MaterialTheme.typography.titleMedium,
                        modifier = Modifier.semantics { heading() },
                    )
                    Text(message.sentence, style = MaterialTheme.typography.bodyLarge)
                }
            }
        }
        val next = today.next
        Card(modifier = Modifier.fillMaxWidth()) {
            Column(modifier = Modifier.padding(16.dp)) {
                Text("Next step", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                Text(next.sentence, style = MaterialTheme.typography.bodyLarge)
                val kind = next.kind
                val label = when {
                    next.action == NextAction.SET_UP -> "Set up"
                    kind != null && next.bodyPart != null -> "Start ${kindName(kind).lowercase()}"
                    else -> null
                }
                if (label != null) {
                    Button(
                        onClick = { onNext(next) },
                        modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp).padding(top = 8.dp),
                    ) { Text(label, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center) }
                }
            }
        }
        ErrorText(error)
        SectionTitle("Sessions today")
        for (kind in today.progress) LabeledValue(kindName(kind.kind), "${kind.done} / ${kind.target}")
        today.nextReminder?.let { reminder ->
            SectionTitle("Next reminder")
            // local_time is YYYY-MM-DDTHH:MM+hh:mm; the clock part is what a person reads.
            LabeledValue(reminder.localTime.substring(11, 16), reminder.title)
        }
        if (today.stages.isNotEmpty()) SectionTitle("Stages")
        for (stage in today.stages) Text(stage.sentence, style = MaterialTheme.typography.bodyLarge)
        if (overview != null) {
            SectionTitle(overview.heading)
            Text(overview.gate.verdict, style = MaterialTheme.typography.bodyMedium)
            OutlinedButton(
                onClick = onStart,
                modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
            ) { Text("Start left/right practice", style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center) }
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
    Destination.PROGRAMME -> "Your programme"
    Destination.LADDER -> "Activity ladder"
    Destination.TOUCH_LADDER -> "Touch ladder"
    Destination.REMINDERS -> "Reminders"
    Destination.PROFILE -> "Profile"
    Destination.DELETE -> "Delete all data"
    Destination.PLAN -> "Therapist's plan"
    Destination.SHARE -> "Share with my therapist"
    Destination.RESTORE -> "Restore from a backup"
}
