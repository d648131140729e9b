package org.proprio.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.proprio.core.Proprio
import org.proprio.core.ShareChoice
import org.proprio.core.ShareForm
import org.proprio.core.SharedExport

/**
 * "Share with my therapist" over the core: the core's form (`share_form`), the export
 * written by the core into the folder the platform gives (`Shell.exportFolder`, then
 * `prepare_share`, off the main thread: years of practice take a while), then handed to
 * the platform (`Shell.share`: Android's share sheet, the desktop's saved folder).
 */
@Composable
fun ShareRun(core: Proprio, shell: Shell, onBack: () -> Unit) {
    val form = remember(core) { core.shareForm() }
    var shared by remember { mutableStateOf<SharedExport?>(null) }
    var note by remember { mutableStateOf<String?>(null) }
    var error by remember { mutableStateOf<String?>(null) }
    var busy by remember { mutableStateOf(false) }
    val scope = rememberCoroutineScope()
    ShareScreen(form, shell.shareLabel, busy, shared, note, error, onBack = onBack) { choice ->
        val folder = try {
            shell.exportFolder()
        } catch (e: Exception) {
            error = e.message ?: e.toString()
            null
        } ?: return@ShareScreen
        busy = true
        scope.launch {
            try {
                val export = withContext(Dispatchers.Default) { core.prepareShare(choice, folder, shell.now()) }
                shared = export
                error = null
                note = shell.share(export)
            } catch (e: Exception) {
                error = describe(e)
            } finally {
                busy = false
            }
        }
    }
}

/**
 * The share screen as the core's form has it: what to send (large radio rows, each with
 * its one-line explanation), which weeks, an optional passphrase, what leaves the phone,
 * and one big button. After an export, the files made (name and size) and, for a locked
 * one, the reminder to pass the passphrase on another way. The core checks the
 * passphrase; its refusal shows as worded.
 */
@Composable
fun ShareScreen(
    form: ShareForm,
    shareLabel: String,
    busy: Boolean,
    shared: SharedExport?,
    note: String?,
    error: String?,
    onBack: () -> Unit,
    onShare: (ShareChoice) -> Unit,
) {
    var format by remember(form) { mutableStateOf(form.format) }
    var range by remember(form) { mutableStateOf(form.range) }
    var locked by remember { mutableStateOf(false) }
    var passphrase by remember { mutableStateOf("") }
    ScreenScaffold(title = "Share with my therapist", onBack = onBack) {
        SectionTitle(form.formatQuestion)
        Column(Modifier.selectableGroup()) {
            for (choice in form.formats) {
                RadioRow(choice.format == format, choice.label, choice.explanation) { format = choice.format }
            }
        }
        SectionTitle(form.rangeQuestion)
        Column(Modifier.selectableGroup()) {
            for (choice in form.ranges) RadioRow(choice.range == range, choice.label, null) { range = choice.range }
        }
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)
                .toggleable(value = locked, role = Role.Checkbox) { locked = it },
        ) {
            Checkbox(checked = locked, onCheckedChange = null)
            Text(form.passphraseToggle, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(start = 8.dp))
        }
        Text(form.passphraseHelp, style = MaterialTheme.typography.bodyMedium)
        if (locked) {
            OutlinedTextField(
                passphrase,
                { passphrase = it },
                label = { Text(form.passphraseLabel) },
                singleLine = true,
                visualTransformation = PasswordVisualTransformation(),
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
                modifier = Modifier.fillMaxWidth(),
            )
        }
        Card(modifier = Modifier.fillMaxWidth()) {
            Text(form.privacy, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
        }
        ErrorText(error)
        Button(
            onClick = { onShare(ShareChoice(format, range, passphrase.takeIf { locked })) },
            enabled = !busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
        ) {
            Text(if (busy) "Preparing…" else shareLabel, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
        }
        if (shared != null) {
            Column(
                modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) { liveRegion = LiveRegionMode.Polite },
            ) {
                Text("✓ Ready", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                note?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
                for (file in shared.files) Text(file.label, style = MaterialTheme.typography.bodyMedium)
                shared.passphraseNote?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
            }
        }
    }
}

/** One choice of several: the whole row is the target, the dot and the words tell the choice. */
@Composable
private fun RadioRow(selected: Boolean, label: String, explanation: String?, onSelect: () -> Unit) {
    Row(
        verticalAlignment = Alignment.CenterVertically,
        modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)
            .selectable(selected = selected, role = Role.RadioButton, onClick = onSelect)
            .padding(vertical = 4.dp),
    ) {
        RadioButton(selected = selected, onClick = null)
        Column(modifier = Modifier.padding(start = 8.dp).weight(1f)) {
            Text(label, style = MaterialTheme.typography.titleMedium)
            if (explanation != null) Text(explanation, style = MaterialTheme.typography.bodyMedium)
        }
    }
}
