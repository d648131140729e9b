package org.proprio.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import org.proprio.core.ExposureLadderForm
import org.proprio.core.LadderRow
import org.proprio.core.Proprio
import org.proprio.core.ScaleField

/**
 * The exposure ladder over the core: each edit goes to the core, which checks it, and the
 * form is read again from the core after it; a refusal is shown in the core's words.
 */
@Composable
fun LadderRun(core: Proprio, onBack: () -> Unit) {
    var form by remember { mutableStateOf(core.exposureLadderForm()) }
    var error by remember { mutableStateOf<String?>(null) }
    fun edit(action: () -> Unit): Boolean = try {
        action()
        error = null
        true
    } catch (e: Exception) {
        error = describe(e)
        false
    } finally {
        form = core.exposureLadderForm()
    }
    LadderScreen(
        form = form,
        error = error,
        onAdd = { activity, fear -> edit { core.addExposureStep(activity, fear) } },
        onRemove = { row -> edit { core.removeExposureStep(row.id) } },
        onChange = { row, activity, fear -> edit { core.updateExposureStep(row.id, activity, fear) } },
        onBack = onBack,
    )
}

/**
 * The ladder as the core's record has it (`exposure_ladder_form()`): its title and intro,
 * each activity with the core's summary (fear, practice, "passed" and "practising now" in
 * words), then the add form with the core's label, hint, limit and fear scale. `onAdd`
 * says whether the core took the activity (the field is emptied then). "Change" opens,
 * inside the activity's card, its name and fear to edit; `onChange` says whether the
 * core took them (the editor closes then; a refusal keeps it open, under the core's words).
 */
@Composable
fun LadderScreen(
    form: ExposureLadderForm,
    error: String?,
    onAdd: (String, UByte) -> Boolean,
    onRemove: (LadderRow) -> Unit,
    onChange: (LadderRow, String, UByte) -> Boolean,
    onBack: () -> Unit,
) {
    var activity by remember { mutableStateOf("") }
    var fear by remember(form.fear) { mutableStateOf(form.fear.min) }
    // The activity whose editor is open, by the core's id.
    var changing by remember { mutableStateOf<Long?>(null) }

    ScreenScaffold(title = form.title, onBack = onBack) {
        Text(form.intro, style = MaterialTheme.typography.bodyLarge)
        if (form.steps.isEmpty()) Text(form.empty, style = MaterialTheme.typography.bodyLarge)
        for (row in form.steps) {
            val open = changing == row.id
            LadderRowCard(
                row = row,
                form = form,
                editing = open,
                error = error.takeIf { open },
                onChange = { changing = row.id },
                onCancel = { changing = null },
                onSave = { a, f -> if (onChange(row, a, f)) changing = null },
                onRemove = { changing = null; onRemove(row) },
            )
        }
        // A refusal of a change is shown in its card, beside the editor.
        if (changing == null || form.steps.none { it.id == changing }) ErrorText(error)
        OutlinedTextField(
            activity,
            { activity = it.take(form.maxActivityChars.toInt()) },
            label = { Text(form.activityLabel) },
            placeholder = { Text(form.activityHint) },
            enabled = form.canAdd,
            modifier = Modifier.fillMaxWidth(),
        )
        FearSlider(form.fear, fear) { fear = it }
        if (!form.canAdd) Text(form.full, style = MaterialTheme.typography.bodyLarge)
        Button(
            // An open editor closes, so that a refusal of the new activity shows here.
            onClick = { changing = null; if (onAdd(activity, fear)) activity = "" },
            enabled = form.canAdd,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Add", textAlign = TextAlign.Center) }
    }
}

/**
 * One activity: its name in bold, the core's summary below, and its Change and Remove
 * buttons; while it is changed, its name in a field and its fear on the slider, with
 * Save and Cancel (and the core's refusal, if any, above them).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun LadderRowCard(
    row: LadderRow,
    form: ExposureLadderForm,
    editing: Boolean,
    error: String?,
    onChange: () -> Unit,
    onCancel: () -> Unit,
    onSave: (String, UByte) -> Unit,
    onRemove: () -> Unit,
) {
    LadderCard(row.activity, row.summary, row.current) {
        if (editing) {
            var activity by remember(row.id) { mutableStateOf(row.activity) }
            var fear by remember(row.id) { mutableStateOf(row.fear) }
            Column(
                verticalArrangement = Arrangement.spacedBy(8.dp),
                modifier = Modifier.fillMaxWidth().padding(end = 8.dp),
            ) {
                OutlinedTextField(
                    activity,
                    { activity = it.take(form.maxActivityChars.toInt()) },
                    label = { Text(form.activityLabel) },
                    modifier = Modifier.fillMaxWidth(),
                )
                FearSlider(form.fear, fear) { fear = it }
                ErrorText(error)
            }
            FlowRow(
                horizontalArrangement = Arrangement.spacedBy(8.dp),
                verticalArrangement = Arrangement.spacedBy(4.dp),
                modifier = Modifier.align(Alignment.End),
            ) {
                CardButton("Cancel", "Cancel changing ${row.activity}", onClick = onCancel)
                Button(
                    onClick = { onSave(activity, fear) },
                    modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)
                        .semantics { contentDescription = "Save ${row.activity}" },
                ) { Text("Save") }
            }
        } else {
            FlowRow(
                horizontalArrangement = Arrangement.spacedBy(8.dp),
                verticalArrangement = Arrangement.spacedBy(4.dp),
                modifier = Modifier.align(Alignment.End),
            ) {
                CardButton("Change", "Change ${row.activity}", onClick = onChange)
                CardButton("Remove", "Remove ${row.activity}", onClick = onRemove)
            }
        }
    }
}

/** A 0–100 rating as a slider in the field's steps, its value in figures, the anchors in words. */
@Composable
private fun FearSlider(field: ScaleField, value: UByte, onChange: (UByte) -> Unit) {
    SectionTitle(field.label)
    val min = field.min.toInt()
    val max = field.max.toInt()
    val step = field.step.toInt().coerceAtLeast(1)
    Text("$value", style = MaterialTheme.typography.headlineMedium)
    Slider(
        value = value.toFloat(),
        onValueChange = { v ->
            val snapped = (min + Math.round((v - min) / step) * step).coerceIn(min, max)
            onChange(snapped.toUByte())
        },
        valueRange = min.toFloat()..max.toFloat(),
        steps = ((max - min) / step - 1).coerceAtLeast(0),
        modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)
            .semantics { contentDescription = field.label; stateDescription = "$value" },
    )
    Text(field.lowAnchor, style = MaterialTheme.typography.bodyMedium)
    Text(field.highAnchor, style = MaterialTheme.typography.bodyMedium)
}
