package org.proprio.ui

import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.widthIn
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext
import org.proprio.core.Backdrop
import org.proprio.core.CountdownWords
import org.proprio.core.GuidedResults
import org.proprio.core.GuidedStart
import org.proprio.core.Proprio
import org.proprio.core.RatingScale
import org.proprio.core.SessionStep
import org.proprio.core.StepAnswer
import org.proprio.core.pictureSize
import org.proprio.core.renderStimulusId

/**
 * A guided session of any kind but left/right, driven by the core: the shell draws each
 * `SessionStep` as it is, sends the patient's answer (`answer_step`) and, when no step is
 * left, finishes it (`finish_guided`), has the reminders re-planned and shows the closing
 * words.
 */
@Composable
fun GuidedRun(core: Proprio, shell: Shell, start: GuidedStart, backdrop: Backdrop, onDone: () -> Unit) {
    val sessionId = start.session.id
    var step by remember(sessionId) { mutableStateOf<SessionStep?>(start.first) }
    var notice by remember(sessionId) { mutableStateOf<String?>(null) }
    var results by remember(sessionId) { mutableStateOf<GuidedResults?>(null) }
    var error by remember(sessionId) { mutableStateOf<String?>(null) }
    val done = results
    val current = step
    when {
        done != null -> GuidedDoneScreen(done, notice, onDone)
        current != null -> GuidedScreen(current, backdrop, shell, notice, error, core::countdownWords) { answer ->
            try {
                val result = core.answerStep(sessionId, current.index, answer, shell.now())
                notice = result.notice
                error = null
                step = result.next
                if (result.next == null) {
                    results = core.finishGuided(sessionId, shell.now())
                    // A finished session can meet a kind's target: the core re-plans.
                    shell.remindersChanged()
                }
            } catch (e: Exception) {
                error = describe(e)
            }
        }
        else -> LaunchedEffect(sessionId) {
            // Restored after the steps were over: finish it.
            try {
                results = core.finishGuided(sessionId, shell.now())
                shell.remindersChanged()
            } catch (e: Exception) {
                error = describe(e)
            }
        }
    }
}

/**
 * One step: position, title, prompt, the picture (motor imagery), the countdown the core
 * asks for, the rating scale with its end words or the choices, the helper's prompt, what
 * comes next, and Stop.
 */
@Composable
fun GuidedScreen(
    step: SessionStep,
    backdrop: Backdrop,
    shell: Shell,
    notice: String?,
    error: String?,
    countdown: (UInt) -> CountdownWords,
    onAnswer: (StepAnswer) -> Unit,
) {
    ScreenScaffold(title = step.title, onBack = null) {
        Text("${step.index + 1u} / ${step.total}", style = MaterialTheme.typography.titleMedium)
        LinearProgressIndicator(
            progress = { step.index.toFloat() / step.total.toFloat().coerceAtLeast(1f) },
            modifier = Modifier.fillMaxWidth(),
        )
        if (notice != null) {
            Text(notice, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        }
        Text(step.prompt, style = MaterialTheme.typography.bodyLarge)
        step.picture?.let { id -> StepPicture(id, backdrop, shell) }
        step.sensory?.let { Card(modifier = Modifier.fillMaxWidth()) { Text(it.target, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.padding(16.dp)) } }
        step.timer?.let { Countdown(step.sessionId, step.index, it.seconds, countdown) }
        ErrorText(error)
        val rating = step.rating
        when {
            rating != null -> RatingInput(rating, onAnswer)
            step.choices.isNotEmpty() -> for (choice in step.choices) {
                OutlinedButton(
                    onClick = { onAnswer(StepAnswer.Choice(choice.id)) },
                    modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget),
                ) { Text(choice.label, textAlign = TextAlign.Center) }
            }
            else -> Button(
                onClick = { onAnswer(StepAnswer.Done) },
                modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
            ) { Text("Done", style = MaterialTheme.typography.titleMedium) }
        }
        step.next?.let { LabeledValue("Next", it) }
        TextButton(onClick = { onAnswer(StepAnswer.Stop) }, modifier = Modifier.heightIn(min = MinTarget)) { Text("Stop session") }
    }
}

/** Counts the core's seconds down, drawn and spoken in the core's words; the patient says Done. */
@Composable
private fun Countdown(sessionId: Long, index: UInt, seconds: UInt, words: (UInt) -> CountdownWords) {
    var left by remember(sessionId, index) { mutableStateOf(seconds.toInt()) }
    LaunchedEffect(sessionId, index) {
        while (left > 0) {
            delay(1000)
            left--
        }
    }
    val said = words(left.toUInt())
    Text(
        said.shown,
        style = MaterialTheme.typography.displayLarge,
        textAlign = TextAlign.Center,
        modifier = Modifier.fillMaxWidth().semantics { contentDescription = said.spoken },
    )
}

@Composable
private fun StepPicture(id: String, backdrop: Backdrop, shell: Shell) {
    var image by remember(id, backdrop) { mutableStateOf<ImageBitmap?>(null) }
    LaunchedEffect(id, backdrop) {
        image = try {
            withContext(Dispatchers.Default) { shell.picture(renderStimulusId(id, pictureSize(768u), backdrop)) }
        } catch (e: Exception) {
            null
        }
    }
    image?.let {
        Image(it, contentDescription = null, modifier = Modifier.fillMaxWidth().widthIn(max = 480.dp))
    }
}

/** The scale's values (chips for a short scale, a slider for 0–100) and its end words. */
@Composable
private fun RatingInput(scale: RatingScale, onAnswer: (StepAnswer) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        LabeledValue("${scale.min}", scale.minLabel)
        LabeledValue("${scale.max}", scale.maxLabel)
        val values = (scale.min..scale.max).toList()
        if (values.size <= 11) {
            ChoiceRow(values, { false }, { it.toString() }) { onAnswer(StepAnswer.Rating(it)) }
        } else {
            var value by remember(scale) { mutableStateOf(scale.min.toFloat()) }
            Text("${value.toInt()}", style = MaterialTheme.typography.headlineMedium)
            Slider(
                value = value,
                onValueChange = { value = it },
                valueRange = scale.min.toFloat()..scale.max.toFloat(),
                modifier = Modifier.fillMaxWidth().heightIn(min = MinTarget),
            )
            Button(
                onClick = { onAnswer(StepAnswer.Rating(value.toInt().toUInt())) },
                modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
            ) { Text("Save ${value.toInt()}") }
        }
    }
}

/** The session's closing words from the core. */
@Composable
fun GuidedDoneScreen(results: GuidedResults, notice: String?, onDone: () -> Unit) {
    ScreenScaffold(title = "Session over", onBack = null) {
        if (notice != null) Text(notice, style = MaterialTheme.typography.bodyLarge)
        Text(results.message, style = MaterialTheme.typography.bodyLarge)
        LabeledValue("Steps answered", "${results.answered} / ${results.totalSteps}")
        Button(onClick = onDone, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) { Text("Back to Today") }
    }
}
