package org.proprio.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import org.proprio.core.BodyPart
import org.proprio.core.Proprio
import org.proprio.core.TextureEdit
import org.proprio.core.TextureLadderForm
import org.proprio.core.TextureRow

/**
 * The touch (desensitisation) ladder over the core: each button makes one `TextureEdit`,
 * the core checks and applies it and returns the screen again, which is drawn; a refusal
 * is shown in the core's words and the screen stays as the core has it.
 */
@Composable
fun TextureLadderRun(core: Proprio, bodyPart: BodyPart, onBack: () -> Unit) {
    var form by remember(bodyPart) { mutableStateOf(core.textureLadderForm(bodyPart)) }
    var error by remember { mutableStateOf<String?>(null) }
    fun edit(edit: TextureEdit): Boolean = try {
        form = core.editTextureLadder(bodyPart, edit)
        error = null
        true
    } catch (e: Exception) {
        error = describe(e)
        form = core.textureLadderForm(bodyPart)
        false
    }
    TextureLadderScreen(form = form, error = error, onEdit = ::edit, onBack = onBack)
}

/**
 * The touch ladder as the core's record has it (`texture_ladder_form(body_part)`): its
 * title, intro, where the patient is, whose list it is; each texture softest first with
 * the core's summary (its place, "practising now", "managed" in words) and the buttons
 * the core allows; then the add field with the core's label, hint and limit, and the way
 * back to the standard textures when the core offers it. `onEdit` says whether the core
 * took the edit (an editor closes, the add field empties then).
 */
@Composable
fun TextureLadderScreen(
    form: TextureLadderForm,
    error: String?,
    onEdit: (TextureEdit) -> Boolean,
    onBack: () -> Unit,
) {
    var name by remember { mutableStateOf("") }
    // The texture being renamed, by position (positions are what the core's edits name).
    var renaming by remember { mutableStateOf<UInt?>(null) }
    val max = form.maxNameChars.toInt()

    ScreenScaffold(title = form.title, onBack = onBack) {
        Text(form.intro, style = MaterialTheme.typography.bodyLarge)
        Text(form.now, style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.Bold)
        Text(form.listNote, style = MaterialTheme.typography.bodyMedium)
        for (row in form.textures) {
            TextureRowCard(
                row = row,
                nameLabel = form.nameLabel,
                maxChars = max,
                renaming = renaming == row.position,
                onRename = { renaming = row.position },
                onCancel = { renaming = null },
                onSave = { newName -> if (onEdit(TextureEdit.Rename(row.position, newName))) renaming = null },
                onEdit = { if (onEdit(it)) renaming = null },
            )
        }
        ErrorText(error)
        OutlinedTextField(
            name,
            { name = it.take(max) },
            label = { Text(form.nameLabel) },
            placeholder = { Text(form.nameHint) },
            enabled = form.canAdd,
            modifier = Modifier.fillMaxWidth(),
        )
        if (!form.canAdd) Text(form.full, style = MaterialTheme.typography.bodyLarge)
        Button(
            onClick = { if (onEdit(TextureEdit.Add(name))) name = "" },
            enabled = form.canAdd,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Add", textAlign = TextAlign.Center) }
        form.standardLabel?.let { label ->
            OutlinedButton(
                onClick = { if (onEdit(TextureEdit.Standard)) renaming = null },
                modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget),
            ) { Text(label, textAlign = TextAlign.Center) }
        }
    }
}

/**
 * One texture: its name in bold and the core's summary, then its buttons on their own
 * lines below the words (beside them, a large font would squeeze a name to a word a
 * line); or, while it is renamed, the name in a field with Save and Cancel.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun TextureRowCard(
    row: TextureRow,
    nameLabel: String,
    maxChars: Int,
    renaming: Boolean,
    onRename: () -> Unit,
    onCancel: () -> Unit,
    onSave: (String) -> Unit,
    onEdit: (TextureEdit) -> Unit,
) {
    LadderCard(row.name, row.summary, row.current) {
        if (renaming) {
            var draft by remember(row.position, row.name) { mutableStateOf(row.name) }
            OutlinedTextField(
                draft,
                { draft = it.take(maxChars) },
                label = { Text(nameLabel) },
                singleLine = true,
                modifier = Modifier.fillMaxWidth().padding(end = 8.dp)
                    .semantics { contentDescription = "New name for ${row.name}" },
            )
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Button(
                    onClick = { onSave(draft) },
                    modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)
                        .semantics { contentDescription = "Save the name of ${row.name}" },
                ) { Text("Save") }
                CardButton("Cancel", "Cancel renaming ${row.name}", onClick = onCancel)
            }
        } else {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                CardButton("Move up", "Move ${row.name} up", row.canMoveUp) { onEdit(TextureEdit.MoveUp(row.position)) }
                CardButton("Move down", "Move ${row.name} down", row.canMoveDown) { onEdit(TextureEdit.MoveDown(row.position)) }
                CardButton("Rename", "Rename ${row.name}", true, onRename)
                CardButton("Remove", "Remove ${row.name}", row.canRemove) { onEdit(TextureEdit.Remove(row.position)) }
            }
        }
    }
}

