package org.proprio.ui

import androidx.compose.foundation.layout.padding
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.unit.dp
import org.proprio.core.KindTarget
import org.proprio.core.ReminderSettings

/** Steps of the − / + buttons; the core decides what values are allowed. */
private const val TIME_STEP_MIN = 30
private const val GAP_STEP_MIN = 15
private val WEEKDAYS = listOf("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

/**
 * Reminder settings as the core holds them. Saving sends them to the core, which checks
 * them (an error names the field) and re-plans.
 */
@Composable
fun ReminderSettingsScreen(settings: ReminderSettings, error: String?, onSave: (ReminderSettings) -> Unit, onBack: () -> Unit) {
    var s by remember(settings) { mutableStateOf(settings) }
    ScreenScaffold(title = "Reminders", onBack = onBack) {
        Toggle("Remind me to practise", s.enabled) { s = s.copy(enabled = it) }
        Stepper("From", clock(s.windowStartMin), { s = s.copy(windowStartMin = s.windowStartMin - TIME_STEP_MIN) }) {
            s = s.copy(windowStartMin = s.windowStartMin + TIME_STEP_MIN)
        }
        Stepper("Until", clock(s.windowEndMin), { s = s.copy(windowEndMin = s.windowEndMin - TIME_STEP_MIN) }) {
            s = s.copy(windowEndMin = s.windowEndMin + TIME_STEP_MIN)
        }
        for (q in s.quietHours) LabeledValue("Quiet hours", "${clock(q.startMin)} – ${clock(q.endMin)}")
        SectionTitle("Days")
        // ISO weekdays, Monday = 1; the bindings carry them as a ByteArray.
        val days = (1..7).map { it.toByte() }
        ChoiceRow(days, { it in s.weekdays }, { WEEKDAYS[it - 1] }) { d ->
            val chosen = if (d in s.weekdays) s.weekdays.filter { it != d }.toByteArray() else s.weekdays + d
            s = s.copy(weekdays = chosen.sortedArray())
        }
        SectionTitle("Sessions a day")
        for ((i, t) in s.targets.withIndex()) {
            Stepper(words(t.kind.name), "${t.perDay}", { s = s.withTarget(i, t.copy(perDay = t.perDay - 1)) }) {
                s = s.withTarget(i, t.copy(perDay = t.perDay + 1))
            }
        }
        Stepper("At least this far apart", "${s.minGapMin} min", { s = s.copy(minGapMin = s.minGapMin - GAP_STEP_MIN) }) {
            s = s.copy(minGapMin = s.minGapMin + GAP_STEP_MIN)
        }
        Toggle("Move reminders to when I usually practise", s.learnMyTimes) { s = s.copy(learnMyTimes = it) }
        ErrorText(error)
        Button(onClick = { onSave(s) }, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) { Text("Save", textAlign = TextAlign.Center) }
    }
}

private fun ReminderSettings.withTarget(i: Int, t: KindTarget) =
    copy(targets = targets.toMutableList().also { it[i] = t })

@Composable
private fun Toggle(label: String, on: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        verticalAlignment = Alignment.CenterVertically,
        modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget).toggleable(on, role = Role.Switch, onValueChange = onChange),
    ) {
        Text(label, modifier = Modifier.weight(1f))
        // The state in words too, not only the switch's colour and thumb position.
        // (TalkBack hears the state from the toggleable row, so it is not read twice.)
        Text(if (on) "On" else "Off", modifier = Modifier.padding(horizontal = 8.dp).clearAndSetSemantics {})
        Switch(checked = on, onCheckedChange = null)
    }
}
