package org.proprio.ui

import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.runtime.withFrameNanos
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.hapticfeedback.HapticFeedbackType
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.LocalHapticFeedback
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import org.proprio.core.AnswerOutcome
import org.proprio.core.Backdrop
import org.proprio.core.LeftRightStart
import org.proprio.core.Proprio
import org.proprio.core.Side
import org.proprio.core.StimulusSpec
import org.proprio.core.TrialPrompt
import org.proprio.core.pictureSize
import org.proprio.core.renderStimulus

/**
 * Runs one left/right session over the core: for each prompt the fixation cross for
 * the core's `fixationMs`, then the picture (its onset stamped on the frame that first
 * shows it); the answer (or the time-out) sent with both stamps; the core's feedback
 * for as long as it says; the session finished when the core has no next prompt.
 * While a picture is on screen the one after it (`nextStimulus`) is drawn in the
 * background, so the next onset never waits for the renderer. Leaving the app (ON_STOP)
 * voids the current trial, not the session. Every decision is the core's.
 */
@Composable
fun LeftRightRun(core: Proprio, shell: Shell, start: LeftRightStart, backdrop: Backdrop, onFinished: (Long) -> Unit) {
    val sessionId = start.session.id
    var prompt by remember { mutableStateOf<TrialPrompt?>(start.first) }
    var shown by remember { mutableStateOf(start.first) }
    var picture by remember { mutableStateOf<ImageBitmap?>(null) }
    var onset by remember { mutableStateOf<Long?>(null) }
    var outcome by remember { mutableStateOf<AnswerOutcome?>(null) }
    var error by remember { mutableStateOf<String?>(null) }
    val haptic = LocalHapticFeedback.current
    val scope = rememberCoroutineScope()
    // Pictures being drawn or drawn, by spec: the current one and the one after it.
    val drawn = remember { mutableMapOf<StimulusSpec, Deferred<ImageBitmap>>() }

    fun record(call: () -> AnswerOutcome) {
        try {
            outcome = call()
            prompt = null
            picture = null
            onset = null
        } catch (e: Exception) {
            error = describe(e)
        }
    }

    fun finish(end: () -> Unit) {
        try {
            end()
            shell.remindersChanged()
            onFinished(sessionId)
        } catch (e: Exception) {
            error = describe(e)
        }
    }

    BoxWithConstraints {
        val px = with(LocalDensity.current) { minOf(maxWidth, maxHeight).roundToPx() }
        val size = pictureSize(px.toUInt())

        fun draw(spec: StimulusSpec): Deferred<ImageBitmap> = drawn.getOrPut(spec) {
            scope.async(Dispatchers.Default) { shell.picture(renderStimulus(spec, size, backdrop)) }
        }

        // One prompt: the cross while its picture is drawn (or was drawn ahead), then the
        // picture; stamp the onset, draw the next one, wait out the time limit.
        LaunchedEffect(prompt) {
            val p = prompt ?: return@LaunchedEffect
            shown = p
            val image = draw(p.stimulus)
            delay(p.fixationMs.toLong())
            picture = image.await()
            drawn.keys.retainAll(setOfNotNull(p.nextStimulus))
            p.nextStimulus?.let(::draw)
            // The picture is in the state now, so the frame this awaits is the one that
            // first draws it.
            val stamp = withFrameNanos { shell.clock.onsetNs(it) }
            onset = stamp
            delay(p.timeLimitMs.toLong())
            record { core.timeOutTrial(sessionId, p.index, stamp) }
        }

        // One outcome: show the feedback for as long as the core asks, then go on.
        LaunchedEffect(outcome) {
            val o = outcome ?: return@LaunchedEffect
            o.feedback?.let { delay(it.showMs.toLong()) }
            outcome = null
            val next = o.next
            if (next != null) prompt = next else finish { core.finishSession(sessionId, shell.now()) }
        }

        LifecycleEventEffect(Lifecycle.Event.ON_STOP) {
            val p = prompt ?: return@LifecycleEventEffect
            try {
                val fresh = core.voidTrial(sessionId, p.index, onset)
                picture = null
                onset = null
                prompt = fresh
            } catch (e: Exception) {
                error = describe(e)
            }
        }

        SessionScreen(
            view = TrialView(
                prompt = shown,
                picture = picture,
                feedback = outcome?.feedback,
                answerable = onset != null && outcome == null,
                error = error,
            ),
            onAnswer = { side: Side, uptimeMillis: Long? ->
                val p = prompt
                val stamp = onset
                if (p != null && stamp != null && outcome == null) {
                    val response = shell.clock.responseNs(uptimeMillis)
                    haptic.performHapticFeedback(HapticFeedbackType.TextHandleMove)
                    record { core.answerTrial(sessionId, p.index, stamp, response, side) }
                }
            },
            onStop = { finish { core.abortSession(sessionId, shell.now()) } },
        )
    }
}
