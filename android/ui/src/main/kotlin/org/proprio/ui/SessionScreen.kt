package org.proprio.ui

import androidx.compose.foundation.Image
import androidx.compose.foundation.gestures.awaitEachGesture
import androidx.compose.foundation.gestures.awaitFirstDown
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.input.pointer.pointerInput
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.disabled
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.onClick
import androidx.compose.ui.semantics.role
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import org.proprio.core.AnswerOutcome
import org.proprio.core.Side

/** What the left/right screen shows at one moment. */
data class TrialView(
    /** 1-based position and session length, as the core numbers them. */
    val position: UInt,
    val total: UInt,
    /** The picture, or null while it is being drawn or feedback is showing. */
    val picture: ImageBitmap?,
    /** The last answer's outcome while its feedback shows. */
    val feedback: AnswerOutcome?,
    /** True once the picture is on screen (its onset is known). */
    val answerable: Boolean,
    val error: String? = null,
)

/**
 * The left/right judgement: the picture as large as the screen allows, progress, and two
 * large buttons at the bottom, reachable with either thumb. An answer is taken when the
 * finger touches down (`eventUptimeMillis` is that touch's time) or, with TalkBack or a
 * key, when the button is activated (null).
 */
@Composable
fun SessionScreen(view: TrialView, onAnswer: (Side, Long?) -> Unit, onStop: () -> Unit) {
    Column(modifier = Modifier.fillMaxSize().safeDrawingPadding().padding(12.dp)) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Text(
                "Picture ${view.position} of ${view.total}",
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.weight(1f),
            )
            TextButton(onClick = onStop, modifier = Modifier.heightIn(min = MinTarget)) { Text("Stop") }
        }
        LinearProgressIndicator(
            progress = { (view.position.toFloat() - 1f) / view.total.toFloat().coerceAtLeast(1f) },
            modifier = Modifier.fillMaxWidth(),
        )
        Box(modifier = Modifier.weight(1f).fillMaxWidth().padding(vertical = 12.dp), contentAlignment = Alignment.Center) {
            when {
                view.feedback != null -> Feedback(view.feedback)
                view.picture != null -> Image(
                    view.picture,
                    contentDescription = "Picture ${view.position}: is it a left or a right?",
                    contentScale = ContentScale.Fit,
                    modifier = Modifier.fillMaxSize(),
                )
            }
        }
        ErrorText(view.error)
        Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            AnswerButton("Left", view.answerable, { onAnswer(Side.LEFT, it) }, Modifier.weight(1f))
            AnswerButton("Right", view.answerable, { onAnswer(Side.RIGHT, it) }, Modifier.weight(1f))
        }
    }
}

/** Right, wrong or too slow, in words and a sign, never by colour alone. */
@Composable
private fun Feedback(outcome: AnswerOutcome) {
    val text = when {
        outcome.timeout -> "⏱ Time is up"
        outcome.correct -> "✓ Correct"
        else -> "✗ Not this time"
    }
    Text(
        text,
        style = MaterialTheme.typography.headlineMedium,
        textAlign = TextAlign.Center,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Assertive },
    )
}

/** A large answer button that answers on touch-down, with the touch's own time stamp. */
@Composable
private fun AnswerButton(label: String, enabled: Boolean, onAnswer: (Long?) -> Unit, modifier: Modifier) {
    val answer by rememberUpdatedState(onAnswer)
    val colors = MaterialTheme.colorScheme
    Surface(
        shape = RoundedCornerShape(20.dp),
        color = if (enabled) colors.primary else colors.surfaceVariant,
        contentColor = if (enabled) colors.onPrimary else colors.onSurfaceVariant,
        modifier = modifier
            .heightIn(min = 112.dp)
            .semantics {
                role = Role.Button
                contentDescription = label
                if (enabled) onClick(label) { answer(null); true } else disabled()
            }
            .pointerInput(enabled) {
                if (!enabled) return@pointerInput
                awaitEachGesture {
                    val down = awaitFirstDown()
                    down.consume()
                    answer(down.uptimeMillis)
                }
            },
    ) {
        Box(contentAlignment = Alignment.Center) {
            Text(label, style = MaterialTheme.typography.headlineMedium)
        }
    }
}
