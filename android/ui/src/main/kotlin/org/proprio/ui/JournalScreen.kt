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
import org.proprio.core.JournalEntry

/** What the patient fills in; the screen's owner turns it into a `NewJournalEntry`. */
data class JournalDraft(val pain: UByte, val fear: UByte?, val medication: Boolean, val note: String)

/** The pain journal: a 0–10 rating (and fear, optional), medication, a note; past entries. */
@Composable
fun JournalScreen(
    entries: List<JournalEntry>,
    error: String?,
    onAdd: (JournalDraft) -> Unit,
    onBack: () -> Unit,
) {
    var pain by remember { mutableStateOf<UByte?>(null) }
    var fear by remember { mutableStateOf<UByte?>(null) }
    var medication by remember { mutableStateOf(false) }
    var note by remember { mutableStateOf("") }
    val scale = (0..10).map { it.toUByte() }

    ScreenScaffold(title = "Pain journal", onBack = onBack) {
        SectionTitle("Pain now (0 none – 10 worst)")
        ChoiceRow(scale, { it == pain }, { "$it" }) { pain = it }
        SectionTitle("Fear of moving (optional)")
        ChoiceRow(scale, { it == fear }, { "$it" }) { fear = if (fear == it) null else it }
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)
                .toggleable(value = medication, role = Role.Checkbox) { medication = it },
        ) {
            Checkbox(checked = medication, onCheckedChange = null)
            Text("I took pain medication today")
        }
        OutlinedTextField(note, { note = it }, label = { Text("Note") }, modifier = Modifier.fillMaxWidth())
        ErrorText(error)
        Button(
            onClick = { pain?.let { onAdd(JournalDraft(it, fear, medication, note)) } },
            enabled = pain != null,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Save entry", textAlign = TextAlign.Center) }
        SectionTitle("Earlier entries")
        if (entries.isEmpty()) Text("None yet")
        for (e in entries.asReversed()) {
            HorizontalDivider()
            val extra = listOfNotNull(
                e.fear?.let { "fear $it" },
                "medication".takeIf { e.medication },
            ).joinToString(", ")
            LabeledValue(isoMinute(e.at.unixMs, e.at.zone), "pain ${e.pain}" + if (extra.isEmpty()) "" else ", $extra")
            if (e.note.isNotEmpty()) Text(e.note, style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** A stored instant in the zone it was recorded in, as `YYYY-MM-DD HH:MM`. */
internal fun isoMinute(unixMs: Long, zone: String): String =
    java.time.Instant.ofEpochMilli(unixMs).atZone(java.time.ZoneId.of(zone))
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
