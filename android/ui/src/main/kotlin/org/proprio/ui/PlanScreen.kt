package org.proprio.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import org.proprio.core.PlanPage
import org.proprio.core.PlanPreview
import org.proprio.core.PlanSource
import org.proprio.core.PlanWay
import org.proprio.core.Proprio
import org.proprio.core.ProprioException

/** Why an offered plan was not shown: the core's sentence, and its problems for the therapist. */
class PlanRefusal(val sentence: String, val details: List<String>)

/**
 * The plan screen over the core: reads what the patient offers (a typed or pasted code, a
 * file, a scanned QR code, or a plan that came from outside as `offer`) into the core's
 * preview, and on Accept hands the preview's text to the import call for its source.
 */
@Composable
fun PlanRun(core: Proprio, shell: Shell, offer: PlanOffer?, onBack: () -> Unit) {
    var page by remember { mutableStateOf(core.planScreen()) }
    var code by remember { mutableStateOf((offer as? PlanOffer.Code)?.text.orEmpty()) }
    var preview by remember { mutableStateOf<PlanPreview?>(null) }
    var refusal by remember { mutableStateOf<PlanRefusal?>(null) }
    var accepted by remember { mutableStateOf(false) }

    fun show(read: () -> PlanPreview) {
        accepted = false
        try {
            preview = read()
            refusal = null
        } catch (e: ProprioException.PlanNotRead) {
            preview = null
            refusal = PlanRefusal(e.sentence, e.details.map { "${it.path}: ${it.reason}" })
        } catch (e: Exception) {
            preview = null
            refusal = PlanRefusal(describe(e), emptyList())
        }
    }
    fun showCode(text: String) = show { core.previewPlanCode(text, shell.now()) }
    fun showFile(bytes: ByteArray) = show { core.previewPlanFile(bytes, shell.now()) }

    LaunchedEffect(offer) {
        when (offer) {
            is PlanOffer.Code -> showCode(offer.text)
            is PlanOffer.File -> showFile(offer.bytes)
            null -> {}
        }
    }

    val shown = preview
    if (shown != null) {
        PlanPreviewScreen(
            preview = shown,
            onAccept = {
                try {
                    when (shown.source) {
                        PlanSource.FILE -> core.importPlan(shown.text, shell.now())
                        PlanSource.CODE -> core.importPlanCode(shown.text, shell.now())
                    }
                    shell.remindersChanged()
                    page = core.planScreen()
                    preview = null
                    code = ""
                    accepted = true
                } catch (e: Exception) {
                    preview = null
                    refusal = PlanRefusal(describe(e), emptyList())
                }
            },
            onNotNow = { preview = null },
        )
    } else {
        PlanScreen(
            page = page,
            canScan = shell.canScanQr,
            code = code,
            onCode = { code = it },
            refusal = refusal,
            accepted = accepted,
            onCheckCode = { showCode(code) },
            onFile = { shell.pickPlanFile(page.maxFileBytes.toLong()) { bytes -> bytes?.let(::showFile) } },
            onScan = { shell.scanPlanCode { text -> text?.let { code = it; showCode(it) } } },
            onBack = onBack,
        )
    }
}

/**
 * The plan in force as the core words it (or that there is none yet), the ways a new
 * plan comes in (the scan only where the platform can scan), and the plans received.
 */
@Composable
fun PlanScreen(
    page: PlanPage,
    canScan: Boolean,
    code: String,
    onCode: (String) -> Unit,
    refusal: PlanRefusal?,
    accepted: Boolean,
    onCheckCode: () -> Unit,
    onFile: () -> Unit,
    onScan: () -> Unit,
    onBack: () -> Unit,
) {
    ScreenScaffold(title = "Your plan", onBack = onBack) {
        if (accepted) {
            Text(
                "✓ Saved: this is your plan now",
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
            )
        }
        Card(modifier = Modifier.fillMaxWidth()) {
            Column(modifier = Modifier.padding(16.dp)) {
                page.inForceFrom?.let {
                    Text(it, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                }
                page.inForceDates?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
                for (line in page.inForce) {
                    Text(line, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(top = 6.dp))
                }
            }
        }
        SectionTitle(page.newPlanHeading)
        for (way in page.waysIn) {
            when (way.way) {
                PlanWay.CODE -> {
                    Text(way.label, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
                    Text(way.hint, style = MaterialTheme.typography.bodyMedium)
                    OutlinedTextField(
                        code,
                        onCode,
                        label = { Text(page.codeLabel) },
                        supportingText = { Text(page.codeHint) },
                        minLines = 2,
                        modifier = Modifier.fillMaxWidth(),
                    )
                    Button(
                        onClick = onCheckCode,
                        enabled = code.isNotBlank(),
                        modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
                    ) { Text("Check the code", textAlign = TextAlign.Center) }
                    refusal?.let { Refusal(it) }
                }
                PlanWay.FILE -> WayButton(way.label, way.hint, onFile)
                PlanWay.SCAN -> if (canScan) WayButton(way.label, way.hint, onScan)
            }
        }
        if (page.history.isNotEmpty()) SectionTitle(page.historyHeading)
        for (item in page.history) {
            HorizontalDivider()
            Text(item.heading, style = MaterialTheme.typography.titleSmall)
            Text(item.fromLine, style = MaterialTheme.typography.bodyMedium)
            for (change in item.changes) Text("• $change", style = MaterialTheme.typography.bodyMedium)
        }
    }
}

@Composable
private fun WayButton(label: String, hint: String, onClick: () -> Unit) {
    OutlinedButton(onClick = onClick, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
        Text(label, textAlign = TextAlign.Center)
    }
    Text(hint, style = MaterialTheme.typography.bodyMedium)
}

/** A code or file the core could not use: its sentence first (an icon and a word, not colour alone). */
@Composable
private fun Refusal(refusal: PlanRefusal) {
    Card(
        colors = CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.errorContainer,
            contentColor = MaterialTheme.colorScheme.onErrorContainer,
        ),
        modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) { liveRegion = LiveRegionMode.Polite },
    ) {
        Column(modifier = Modifier.padding(16.dp)) {
            Text("⚠ Not read", style = MaterialTheme.typography.titleMedium)
            Text(refusal.sentence, style = MaterialTheme.typography.bodyLarge)
            if (refusal.details.isNotEmpty()) {
                Text("For your therapist:", style = MaterialTheme.typography.titleSmall, modifier = Modifier.padding(top = 8.dp))
                for (d in refusal.details) Text(d, style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}

/**
 * A plan before it is applied, as the core previews it: who sent it and when, warnings,
 * every change and where the patient would move, then Accept or Not now.
 */
@Composable
fun PlanPreviewScreen(preview: PlanPreview, onAccept: () -> Unit, onNotNow: () -> Unit) {
    ScreenScaffold(title = "New plan", onBack = onNotNow) {
        Card(modifier = Modifier.fillMaxWidth()) {
            Column(modifier = Modifier.padding(16.dp)) {
                Text(preview.fromLine, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                Text(preview.dateLine, style = MaterialTheme.typography.bodyMedium)
            }
        }
        for (warning in preview.warnings) {
            Card(
                colors = CardDefaults.cardColors(
                    containerColor = MaterialTheme.colorScheme.tertiaryContainer,
                    contentColor = MaterialTheme.colorScheme.onTertiaryContainer,
                ),
                modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
            ) {
                Column(modifier = Modifier.padding(16.dp)) {
                    Text("⚠ Please note", style = MaterialTheme.typography.titleSmall)
                    Text(warning.text, style = MaterialTheme.typography.bodyLarge)
                }
            }
        }
        SectionTitle("What changes")
        for (change in preview.changes) Text("• ${change.text}", style = MaterialTheme.typography.bodyLarge)
        if (preview.stageMoves.isNotEmpty()) {
            SectionTitle("Your stages")
            for (move in preview.stageMoves) Text("• ${move.sentence}", style = MaterialTheme.typography.bodyLarge)
        }
        Text(preview.question, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(top = 8.dp))
        Button(onClick = onAccept, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
            Text(preview.confirmLabel, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
        }
        OutlinedButton(onClick = onNotNow, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
            Text("Not now", textAlign = TextAlign.Center)
        }
    }
}
