package org.proprio.ui

import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.runtime.withFrameNanos
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.hapticfeedback.HapticFeedbackType
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.LocalHapticFeedback
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext
import org.proprio.core.AnswerOutcome
import org.proprio.core.LeftRightStart
import org.proprio.core.Proprio
import org.proprio.core.Side
import org.proprio.core.TrialPrompt
import org.proprio.core.renderStimulus

/** The smallest and largest picture `render_stimulus` draws, in pixels. */
private const val MIN_PICTURE_PX = 256
private const val MAX_PICTURE_PX = 1024

/**
 * Runs one left/right session over the core: shows each prompt's picture, stamps its
 * onset on the frame that first shows it, sends the answer (or the time-out) with both
 * stamps, shows the feedback for as long as the core says, and finishes the session
 * when the core has no next prompt. Leaving the app (ON_STOP) voids the current trial,
 * not the session. Every decision is the core's; this only keeps the screen in step.
 */
@Composable
fun LeftRightRun(core: Proprio, shell: Shell, start: LeftRightStart, onFinished: (Long) -> Unit) {
    val sessionId = start.session.id
    var prompt by remember { mutableStateOf<TrialPrompt?>(start.first) }
    var shown by remember { mutableStateOf(start.first) }
    var picture by remember { mutableStateOf<ImageBitmap?>(null) }
    var onset by remember { mutableStateOf<Long?>(null) }
    var outcome by remember { mutableStateOf<AnswerOutcome?>(null) }
    var error by remember { mutableStateOf<String?>(null) }
    val haptic = LocalHapticFeedback.current

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
        val size = px.coerceIn(MIN_PICTURE_PX, MAX_PICTURE_PX).toUInt()

        // One prompt: draw it, stamp the onset, wait out its time limit.
        LaunchedEffect(prompt) {
            val p = prompt ?: return@LaunchedEffect
            shown = p
            val image = withContext(Dispatchers.Default) { renderStimulus(p.stimulus, size) }
            picture = shell.picture(image)
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
            o.feedbackMs?.let { delay(it.toLong()) }
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
                position = shown.position,
                total = shown.total,
                picture = picture,
                feedback = outcome?.takeIf { it.feedbackMs != null },
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
