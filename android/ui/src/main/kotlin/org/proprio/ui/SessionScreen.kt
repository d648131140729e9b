package org.proprio.ui

import androidx.compose.foundation.Canvas
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
import androidx.compose.foundation.layout.size
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
import androidx.compose.ui.geometry.Offset
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
import org.proprio.core.Side
import org.proprio.core.TrialFeedback
import org.proprio.core.TrialPrompt

/**
 * What the left/right screen shows at one moment: the feedback if there is one, else the
 * picture once it is on screen, else the fixation cross (before the picture).
 */
data class TrialView(
    /** The prompt on screen: its progress words and picture label are the core's. */
    val prompt: TrialPrompt,
    /** The picture, or null while the fixation cross shows or feedback is showing. */
    val picture: ImageBitmap?,
    /** The last answer's feedback while it shows. */
    val feedback: TrialFeedback?,
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
            Text(view.prompt.progressText, style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f))
            TextButton(onClick = onStop, modifier = Modifier.heightIn(min = MinTarget)) { Text("Stop") }
        }
        LinearProgressIndicator(
            progress = { (view.prompt.position.toFloat() - 1f) / view.prompt.total.toFloat().coerceAtLeast(1f) },
            modifier = Modifier.fillMaxWidth(),
        )
        Box(modifier = Modifier.weight(1f).fillMaxWidth().padding(vertical = 12.dp), contentAlignment = Alignment.Center) {
            when {
                view.feedback != null -> Feedback(view.feedback)
                view.picture != null -> Image(
                    view.picture,
                    contentDescription = view.prompt.pictureLabel,
                    contentScale = ContentScale.Fit,
                    modifier = Modifier.fillMaxSize(),
                )
                else -> FixationCross()
            }
        }
        ErrorText(view.error)
        Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            AnswerButton("Left", view.answerable, { onAnswer(Side.LEFT, it) }, Modifier.weight(1f))
            AnswerButton("Right", view.answerable, { onAnswer(Side.RIGHT, it) }, Modifier.weight(1f))
        }
    }
}

/** The core's sentence, with its sign: never told by colour alone. */
@Composable
private fun Feedback(feedback: TrialFeedback) {
    Text(
        feedback.text,
        style = MaterialTheme.typography.headlineMedium,
        textAlign = TextAlign.Center,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Assertive },
    )
}

/** The cross the eyes rest on before each picture (drawn, so it has nothing to read). */
@Composable
private fun FixationCross() {
    val color = MaterialTheme.colorScheme.onSurface
    Canvas(modifier = Modifier.size(48.dp)) {
        val w = 4.dp.toPx()
        drawLine(color, Offset(size.width / 2, 0f), Offset(size.width / 2, size.height), strokeWidth = w)
        drawLine(color, Offset(0f, size.height / 2), Offset(size.width, size.height / 2), strokeWidth = w)
    }
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
