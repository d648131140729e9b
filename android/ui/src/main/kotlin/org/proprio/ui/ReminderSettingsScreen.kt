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
import org.proprio.core.ReminderForm
import org.proprio.core.ReminderSettings
import org.proprio.core.StepField

/**
 * Reminder settings as the core holds them, edited within the choices its form offers.
 * Saving sends them to the core, which checks them (an error names the field) and
 * re-plans.
 */
@Composable
fun ReminderSettingsScreen(
    settings: ReminderSettings,
    form: ReminderForm,
    error: String?,
    onSave: (ReminderSettings) -> Unit,
    onBack: () -> Unit,
) {
    var s by remember(settings) { mutableStateOf(settings) }
    ScreenScaffold(title = "Reminders", onBack = onBack) {
        Toggle(form.enabledLabel, s.enabled) { s = s.copy(enabled = it) }
        FieldStepper(form.windowStart, s.windowStartMin) { s = s.copy(windowStartMin = it) }
        FieldStepper(form.windowEnd, s.windowEndMin) { s = s.copy(windowEndMin = it) }
        for (q in form.quietHours) LabeledValue(form.quietHoursLabel, q)
        SectionTitle(form.weekdaysLabel)
        // ISO weekdays, Monday = 1; the bindings carry the settings' list as a ByteArray.
        ChoiceRow(form.weekdays, { it.day.toByte() in s.weekdays }, { it.label }) { choice ->
            val d = choice.day.toByte()
            val chosen = if (d in s.weekdays) s.weekdays.filter { it != d }.toByteArray() else s.weekdays + d
            s = s.copy(weekdays = chosen.sortedArray())
        }
        SectionTitle(form.perDayLabel)
        for ((i, t) in s.targets.withIndex()) {
            val field = form.targets.firstOrNull { it.kind == t.kind }?.field ?: continue
            FieldStepper(field, t.perDay) { s = s.withTarget(i, t.copy(perDay = it)) }
        }
        FieldStepper(form.minGap, s.minGapMin) { s = s.copy(minGapMin = it) }
        Toggle(form.learnLabel, s.learnMyTimes) { s = s.copy(learnMyTimes = it) }
        ErrorText(error)
        Button(onClick = { onSave(s) }, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) { Text("Save", textAlign = TextAlign.Center) }
    }
}

/**
 * A setting stepped through its field's choices: − and + move to the neighbouring
 * choice; a value between two choices shows as the nearest one.
 */
@Composable
private fun FieldStepper(field: StepField, value: Int, onChange: (Int) -> Unit) {
    val choices = field.choices
    val at = choices.indices.minByOrNull { kotlin.math.abs(choices[it].value - value) } ?: return
    val move = { by: Int -> choices.getOrNull(at + by)?.let { onChange(it.value) } ?: Unit }
    Stepper(field.label, choices[at].label, { move(-1) }) { move(1) }
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
