package org.proprio.ui

import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.ui.layout.Layout
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import org.proprio.core.ProprioException
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.Constraints
import androidx.compose.ui.unit.dp

/** Smallest touch target (Material and Android accessibility guidance). */
internal val MinTarget = 48.dp

/**
 * A screen with a title, an optional back button, and scrolling content. The title bar
 * grows with the text (Material's TopAppBar has a fixed height, and a title that wraps
 * at a large font scale spills out of it); when a word of the title would not fit beside
 * the back button ("programme" at font scale 2.0), the title goes below it, rather than
 * being broken inside the word.
 */
@Composable
internal fun ScreenScaffold(
    title: String,
    onBack: (() -> Unit)?,
    content: @Composable ColumnScope.() -> Unit,
) {
    Column(modifier = Modifier.fillMaxSize().safeDrawingPadding()) {
        Layout(
            content = {
                if (onBack != null) {
                    TextButton(onClick = onBack, modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)) {
                        Text("‹ Back", style = MaterialTheme.typography.titleMedium)
                    }
                }
                Text(title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
            },
            modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp).padding(horizontal = 4.dp, vertical = 4.dp),
        ) { parts, constraints ->
            val width = constraints.maxWidth
            val loose = constraints.copy(minWidth = 0, minHeight = 0)
            val back = if (parts.size == 2) parts[0].measure(loose) else null
            val heading = parts.last()
            // In line with the content below (16 dp from the edge) when it starts the bar.
            val inset = 12.dp.roundToPx()
            val start = back?.let { it.width + 8.dp.roundToPx() } ?: inset
            if (back == null || heading.minIntrinsicWidth(Constraints.Infinity) <= width - start) {
                val t = heading.measure(loose.copy(maxWidth = (width - start).coerceAtLeast(0)))
                val height = maxOf(constraints.minHeight, back?.height ?: 0, t.height)
                layout(width, height) {
                    back?.place(0, (height - back.height) / 2)
                    t.place(start, (height - t.height) / 2)
                }
            } else {
                val t = heading.measure(loose.copy(maxWidth = (width - inset).coerceAtLeast(0)))
                val height = maxOf(constraints.minHeight, back.height + t.height)
                layout(width, height) {
                    back.place(0, 0)
                    t.place(inset, back.height)
                }
            }
        }
        Column(
            modifier = Modifier.fillMaxSize().verticalScroll(rememberScrollState())
                .padding(horizontal = 16.dp, vertical = 8.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
            content = content,
        )
    }
}

/**
 * An outlined button on a card, named for TalkBack by `description` ("Move silk up").
 * Its outline is the scheme's `outline`: Material's default, `outlineVariant`, all but
 * vanishes on a tinted card (the item practised now) in the dark theme.
 */
@Composable
internal fun CardButton(label: String, description: String, enabled: Boolean = true, onClick: () -> Unit) {
    OutlinedButton(
        onClick = onClick,
        enabled = enabled,
        border = BorderStroke(
            1.dp,
            if (enabled) MaterialTheme.colorScheme.outline else MaterialTheme.colorScheme.onSurface.copy(alpha = 0.12f),
        ),
        modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)
            .semantics { contentDescription = description },
    ) { Text(label, textAlign = TextAlign.Center) }
}

/**
 * One rung of a ladder (an activity, a texture): its name in bold and the core's summary,
 * read as one, then `content` (its buttons or its editor) below the words, not beside
 * them: at a large font scale a long name beside buttons would be squeezed to a word a
 * line. The rung practised now is tinted, and its summary says so in words.
 */
@Composable
internal fun LadderCard(name: String, summary: String, current: Boolean, content: @Composable ColumnScope.() -> Unit) {
    Card(
        colors = if (current) CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.secondaryContainer,
            contentColor = MaterialTheme.colorScheme.onSecondaryContainer,
        ) else CardDefaults.cardColors(),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Column(
            verticalArrangement = Arrangement.spacedBy(8.dp),
            modifier = Modifier.fillMaxWidth().padding(start = 16.dp, end = 8.dp, top = 12.dp, bottom = 8.dp),
        ) {
            Column(modifier = Modifier.fillMaxWidth().padding(end = 8.dp).semantics(mergeDescendants = true) {}) {
                Text(name, style = MaterialTheme.typography.bodyLarge, fontWeight = FontWeight.Bold)
                Text(summary, style = MaterialTheme.typography.bodyMedium)
            }
            content()
        }
    }
}

@Composable
internal fun SectionTitle(text: String) {
    Text(text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
}

/**
 * The core's words for a person: an argument or state refusal's reason (its field path is
 * for developers and logs), otherwise the message.
 */
internal fun describe(e: Exception): String = when (e) {
    is ProprioException.InvalidArgument -> e.reason
    is ProprioException.InvalidState -> e.reason
    is ProprioException.PlanNotRead -> e.sentence
    else -> e.message ?: e.toString()
}

/** A core error, shown as the core worded it. */
@Composable
internal fun ErrorText(message: String?) {
    if (message == null) return
    Text(
        "⚠ $message",
        color = MaterialTheme.colorScheme.error,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
    )
}

/**
 * A label and its value on one line, the value at the end; when both do not fit (large
 * text), the value goes on a line of its own below, still at the end, so that it does
 * not read as a label and is not broken beside it.
 */
@Composable
internal fun LabeledValue(label: String, value: String) {
    Layout(
        content = {
            Text(label, style = MaterialTheme.typography.bodyLarge)
            Text(value, style = MaterialTheme.typography.bodyLarge, textAlign = TextAlign.End)
        },
        modifier = Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
    ) { (labelText, valueText), constraints ->
        val width = constraints.maxWidth
        val gap = 12.dp.roundToPx()
        val loose = constraints.copy(minWidth = 0, minHeight = 0)
        val l = labelText.measure(loose)
        if (l.width + gap + valueText.maxIntrinsicWidth(constraints.maxHeight) <= width) {
            val v = valueText.measure(loose)
            layout(width, maxOf(l.height, v.height)) {
                l.place(0, 0)
                v.place(width - v.width, 0)
            }
        } else {
            val v = valueText.measure(loose.copy(minWidth = width))
            layout(width, l.height + v.height) {
                l.place(0, 0)
                v.place(0, l.height)
            }
        }
    }
}

/**
 * One choice among several, as chips; the chosen one carries a check mark, so the choice
 * is not told by colour alone.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
internal fun <T> ChoiceRow(
    options: List<T>,
    selected: (T) -> Boolean,
    label: (T) -> String,
    onSelect: (T) -> Unit,
) {
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        for (option in options) {
            val on = selected(option)
            FilterChip(
                selected = on,
                onClick = { onSelect(option) },
                // At least 16 dp of text between the chip's 16 dp paddings: a one-digit chip
                // is 48 dp wide with its digit in the middle.
                label = {
                    Text(
                        if (on) "✓ ${label(option)}" else label(option),
                        textAlign = TextAlign.Center,
                        modifier = Modifier.widthIn(min = 16.dp),
                    )
                },
                // A one-digit chip ("7") is narrower than a finger without the width floor.
                modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget),
            )
        }
    }
}

/** A number changed with − and + buttons (the core validates the result). */
@Composable
internal fun Stepper(label: String, value: String, onMinus: () -> Unit, onPlus: () -> Unit) {
    Column {
        Text(label, style = MaterialTheme.typography.bodyLarge)
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            OutlinedButton(
                onClick = onMinus,
                modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)
                    .semantics { contentDescription = "Decrease $label" },
            ) { Text("−") }
            Text(value, style = MaterialTheme.typography.titleMedium, modifier = Modifier.widthIn(min = 64.dp))
            OutlinedButton(
                onClick = onPlus,
                modifier = Modifier.sizeIn(minWidth = MinTarget, minHeight = MinTarget)
                    .semantics { contentDescription = "Increase $label" },
            ) { Text("+") }
        }
    }
}

