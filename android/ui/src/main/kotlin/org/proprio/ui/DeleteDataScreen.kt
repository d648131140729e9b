package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
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
import org.proprio.core.Status

/** Delete everything: shows what is stored (from the core's status), asks to confirm. */
@Composable
fun DeleteDataScreen(status: Status, error: String?, onDelete: () -> Unit, onBack: () -> Unit) {
    var sure by remember { mutableStateOf(false) }
    ScreenScaffold(title = "Delete all data", onBack = onBack) {
        Text("Stored on this device:", style = MaterialTheme.typography.bodyLarge)
        LabeledValue("Sessions", "${status.sessions}")
        LabeledValue("Pictures answered", "${status.trials}")
        LabeledValue("Journal entries", "${status.journalEntries}")
        LabeledValue("Profile code", status.profile.code)
        Row(
            verticalAlignment = Alignment.CenterVertically,
            modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget)
                .toggleable(sure, role = Role.Checkbox) { sure = it },
        ) {
            Checkbox(checked = sure, onCheckedChange = null)
            Text("I understand this cannot be undone")
        }
        ErrorText(error)
        Button(
            onClick = onDelete,
            enabled = sure,
            colors = ButtonDefaults.buttonColors(
                containerColor = MaterialTheme.colorScheme.error,
                contentColor = MaterialTheme.colorScheme.onError,
            ),
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Delete everything", textAlign = TextAlign.Center) }
    }
}
