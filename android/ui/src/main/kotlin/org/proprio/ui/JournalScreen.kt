package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import org.proprio.core.JournalForm
import org.proprio.core.ScaleField

/** What the patient fills in; the screen's owner turns it into a `NewJournalEntry`. */
data class JournalDraft(val pain: UByte, val fear: UByte?, val medication: Boolean, val note: String)

/** The pain journal as the core's form defines it (scales, anchors, limits); past entries. */
@Composable
fun JournalScreen(
    form: JournalForm,
    error: String?,
    onAdd: (JournalDraft) -> Unit,
    onBack: () -> Unit,
) {
    var pain by remember { mutableStateOf<UByte?>(null) }
    var fear by remember { mutableStateOf<UByte?>(null) }
    var medication by remember { mutableStateOf(false) }
    var note by remember { mutableStateOf("") }

    ScreenScaffold(title = "Pain journal", onBack = onBack) {
        Scale(form.pain, pain) { pain = it }
        Scale(form.fear, fear) { fear = it }
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)
                .toggleable(value = medication, role = Role.Checkbox) { medication = it },
        ) {
            Checkbox(checked = medication, onCheckedChange = null)
            Text(form.medicationLabel)
        }
        OutlinedTextField(
            note,
            { note = it.take(form.noteMaxChars.toInt()) },
            label = { Text(form.noteLabel) },
            modifier = Modifier.fillMaxWidth(),
        )
        ErrorText(error)
        val ready = pain != null || !form.pain.required
        Button(
            onClick = { onAdd(JournalDraft(pain ?: form.pain.min, fear, medication, note)) },
            enabled = ready,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Save entry", textAlign = TextAlign.Center) }
        SectionTitle("Earlier entries")
        if (form.entries.isEmpty()) Text(form.noEntries)
        for (e in form.entries) {
            HorizontalDivider()
            LabeledValue(e.`when`, e.summary)
            if (e.note.isNotEmpty()) Text(e.note, style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** A rating as chips from the field's range, its anchors below; tapping the chosen one
 * again clears an optional rating. */
@Composable
private fun Scale(field: ScaleField, value: UByte?, onChange: (UByte?) -> Unit) {
    SectionTitle(field.label)
    val steps = (field.min.toInt()..field.max.toInt() step field.step.toInt()).map { it.toUByte() }
    ChoiceRow(steps, { it == value }, { "$it" }) { onChange(if (!field.required && it == value) null else it) }
    Text("${field.lowAnchor} · ${field.highAnchor}", style = MaterialTheme.typography.bodyMedium)
}
