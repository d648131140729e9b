package org.proprio.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Checkbox
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
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
import org.proprio.core.RestoreForm
import org.proprio.core.Restored
import java.io.File

/**
 * "Restore from a backup" over the core: the core's form (`restore_form`), a file the
 * platform picks (`Shell.pickBackupFile`: a copy in the app's cache on Android, the file
 * itself on the desktop), restored by the core (`restore_backup_file`, off the main
 * thread: a backup may be large) with `replace` exactly when the form said the phone
 * holds data. A refusal shows in the core's words and keeps the screen (and the file, so
 * that a forgotten passphrase can be typed and tried again); a restore shows the core's
 * sentence and re-plans the reminders. The screen hands the file back to the platform
 * (`Shell.backupFileDone`, where Android deletes its copy) after a restore and when it is
 * left. `onRestored` leaves after a restore (to Today, which reads the restored data from
 * the same core); `onBack` leaves without one.
 */
@Composable
fun RestoreRun(core: Proprio, shell: Shell, onRestored: () -> Unit, onBack: () -> Unit) {
    val form = remember(core) { core.restoreForm() }
    var chosen by remember { mutableStateOf<String?>(null) }
    var restored by remember { mutableStateOf<Restored?>(null) }
    var error by remember { mutableStateOf<String?>(null) }
    var busy by remember { mutableStateOf(false) }
    val scope = rememberCoroutineScope()
    val held by rememberUpdatedState(chosen)
    DisposableEffect(shell) { onDispose { held?.let(shell::backupFileDone) } }
    fun release() {
        chosen?.let(shell::backupFileDone)
        chosen = null
    }
    RestoreScreen(
        form = form,
        fileName = chosen?.let { File(it).name },
        busy = busy,
        error = error,
        restored = restored,
        onChoose = {
            shell.pickBackupFile(form.maxFileBytes.toLong()) { path ->
                // Cancelled (or unreadable): the file chosen before, if any, stays chosen.
                if (path != null) {
                    if (path != chosen) chosen?.let(shell::backupFileDone)
                    chosen = path
                    error = null
                }
            }
        },
        onRestore = { passphrase ->
            val path = chosen ?: return@RestoreScreen
            busy = true
            scope.launch {
                try {
                    restored = withContext(Dispatchers.Default) {
                        core.restoreBackupFile(path, passphrase, form.holdsData)
                    }
                    error = null
                    release()
                    shell.remindersChanged()
                } catch (e: Exception) {
                    error = describe(e)
                } finally {
                    busy = false
                }
            }
        },
        onBack = if (restored != null) onRestored else onBack,
        onDone = onRestored,
    )
}

/**
 * The restore screen as the core's form has it: its title and what a backup is; the
 * button that picks the file (the chosen file's name on it once picked); the optional,
 * masked passphrase (left empty, none is sent); when the phone already holds data, the
 * core's warning of what restoring replaces, marked "⚠" in words and not by colour alone,
 * and an "I understand" box that must be ticked before the confirm button (the core's
 * label) is enabled. After a restore only the core's sentence and the way back to Today.
 */
@Composable
fun RestoreScreen(
    form: RestoreForm,
    fileName: String?,
    busy: Boolean,
    error: String?,
    restored: Restored?,
    onChoose: () -> Unit,
    onRestore: (passphrase: String?) -> Unit,
    onBack: () -> Unit,
    onDone: () -> Unit,
) {
    var passphrase by remember { mutableStateOf("") }
    var understood by remember(form) { mutableStateOf(false) }
    ScreenScaffold(title = form.title, onBack = onBack) {
        if (restored != null) {
            Card(
                modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) { liveRegion = LiveRegionMode.Polite },
            ) {
                Text("✓ ${restored.sentence}", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
            }
            Button(onClick = onDone, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text("Back to Today", style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
            }
            return@ScreenScaffold
        }
        Text(form.intro, style = MaterialTheme.typography.bodyLarge)
        OutlinedButton(
            onClick = onChoose,
            enabled = !busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
        ) {
            Column(horizontalAlignment = Alignment.CenterHorizontally) {
                Text(form.chooseLabel, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
                if (fileName != null) Text(fileName, style = MaterialTheme.typography.bodyMedium, textAlign = TextAlign.Center)
            }
        }
        // The label above the field, not floating on its border: at font scale 2.0 the
        // core's label takes two lines, and a floating one spills out over the border.
        // TalkBack reads the label once, on the field it names.
        Text(form.passphraseLabel, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.clearAndSetSemantics {})
        OutlinedTextField(
            passphrase,
            { passphrase = it },
            singleLine = true,
            visualTransformation = PasswordVisualTransformation(),
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Password),
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = form.passphraseLabel },
        )
        val warning = form.replaceWarning
        if (form.holdsData && warning != null) {
            Card(
                colors = CardDefaults.cardColors(
                    containerColor = MaterialTheme.colorScheme.errorContainer,
                    contentColor = MaterialTheme.colorScheme.onErrorContainer,
                ),
                modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
            ) {
                Text("⚠ $warning", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(16.dp))
            }
            Row(
                verticalAlignment = Alignment.CenterVertically,
                modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)
                    .toggleable(understood, role = Role.Checkbox) { understood = it },
            ) {
                Checkbox(checked = understood, onCheckedChange = null)
                Text("I understand", style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(start = 8.dp))
            }
        }
        ErrorText(error)
        if (busy) LinearProgressIndicator(modifier = Modifier.fillMaxWidth())
        Button(
            onClick = { onRestore(passphrase.ifEmpty { null }) },
            enabled = fileName != null && !busy && (!form.holdsData || understood),
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
        ) { Text(form.confirmLabel, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center) }
    }
}
