package org.proprio.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.graphics.drawscope.clipRect
import androidx.compose.ui.graphics.drawscope.translate
import androidx.compose.ui.text.drawText
import androidx.compose.ui.text.rememberTextMeasurer
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.proprio.core.LeftRightOverview
import org.proprio.core.SessionPoint

/**
 * Progress for one body part: per-side accuracy and median response time of every
 * finished session, with the stage gate's goals as lines, and the recent statistics.
 * Left is a solid line with round dots, right a dashed line with squares, so the sides
 * differ by more than colour.
 */
@Composable
fun ProgressScreen(overview: LeftRightOverview, onBack: () -> Unit) {
    val history = overview.history
    val gate = overview.gate
    ScreenScaffold(title = "Progress: ${words(overview.bodyPart.name)}", onBack = onBack) {
        Text("Level ${overview.level}", style = MaterialTheme.typography.titleMedium)
        Text(gate.verdict, style = MaterialTheme.typography.bodyLarge)
        Text("● left, solid   ■ right, dashed   — goal", style = MaterialTheme.typography.bodyMedium)
        SectionTitle("Correct answers")
        Chart(
            history, SessionPoint::leftAccuracy, SessionPoint::rightAccuracy, gate.accuracyGoal, 1.0, ::percent,
            "Correct answers per session, goal ${percent(gate.accuracyGoal)}; " + lastValues(history, SessionPoint::leftAccuracy, SessionPoint::rightAccuracy, ::percent),
        )
        SectionTitle("Median response time")
        val rtMax = (history.flatMap { listOfNotNull(it.leftMedianRtMs, it.rightMedianRtMs) } + gate.rtGoalMs).max() * 1.1
        Chart(
            history, SessionPoint::leftMedianRtMs, SessionPoint::rightMedianRtMs, gate.rtGoalMs, rtMax, ::seconds,
            "Median response time per session, goal ${seconds(gate.rtGoalMs)}; " + lastValues(history, SessionPoint::leftMedianRtMs, SessionPoint::rightMedianRtMs, ::seconds),
        )
        if (history.isNotEmpty()) {
            Text(
                "${history.size} sessions, ${isoMinute(history.first().startedAt.unixMs, history.first().startedAt.zone)} to " +
                    isoMinute(history.last().startedAt.unixMs, history.last().startedAt.zone),
                style = MaterialTheme.typography.bodyMedium,
            )
        }
        SectionTitle("Last ${gate.sessionsConsidered} sessions for the gate")
        LabeledValue("Sessions", "${gate.sessionsConsidered} of ${gate.sessionsNeeded}")
        LabeledValue("Different days", "${gate.distinctDays} of ${gate.daysNeeded}")
        LabeledValue("Days at this stage", "${gate.daysInStage} of ${gate.minDaysInStage}")
        LabeledValue("Left: correct, time", "${percent(gate.leftAccuracy)}, ${seconds(gate.leftMedianRtMs)}")
        LabeledValue("Right: correct, time", "${percent(gate.rightAccuracy)}, ${seconds(gate.rightMedianRtMs)}")
        if (overview.recent.byAngle.isNotEmpty()) SectionTitle("By rotation (recent)")
        for (g in overview.recent.byAngle) LabeledValue(g.label, "${percent(g.accuracy)}, ${seconds(g.medianRtMs)}")
        if (overview.recent.byDirection.isNotEmpty()) SectionTitle("By direction (recent)")
        for (g in overview.recent.byDirection) LabeledValue(words(g.label), "${percent(g.accuracy)}, ${seconds(g.medianRtMs)}")
    }
}

private fun lastValues(
    history: List<SessionPoint>,
    left: (SessionPoint) -> Double?,
    right: (SessionPoint) -> Double?,
    format: (Double?) -> String,
): String {
    val last = history.lastOrNull() ?: return "no sessions yet"
    return "last session left ${format(left(last))}, right ${format(right(last))}"
}

/**
 * One series per side over the sessions, and the goal as a horizontal line. The scale's
 * ends and the goal are written in a margin on the left (the goal in words, not only as
 * a line of another colour).
 */
@Composable
private fun Chart(
    history: List<SessionPoint>,
    left: (SessionPoint) -> Double?,
    right: (SessionPoint) -> Double?,
    goal: Double,
    max: Double,
    format: (Double?) -> String,
    description: String,
) {
    val colors = MaterialTheme.colorScheme
    val measurer = rememberTextMeasurer()
    val style = MaterialTheme.typography.labelMedium.copy(color = colors.onSurface)
    Canvas(modifier = Modifier.fillMaxWidth().height(160.dp).semantics { contentDescription = description }) {
        val top = measurer.measure(format(max), style)
        val bottom = measurer.measure(format(0.0), style)
        val goalText = measurer.measure("goal ${format(goal)}", style)
        val gutter = maxOf(top.size.width, bottom.size.width, goalText.size.width) + 8.dp.toPx()
        // A margin above and below, so a point at the top or bottom of the scale is whole.
        val pad = 6.dp.toPx()
        val y = { v: Double -> (pad + (size.height - 2 * pad) * (1 - v / max)).toFloat() }
        // The goal's label sits on its line, kept inside the chart; an end label it
        // would overlap is left out.
        val goalTop = (y(goal) - goalText.size.height / 2f).coerceIn(0f, size.height - goalText.size.height)
        val clear = { t: Float, h: Int -> t + h <= goalTop || t >= goalTop + goalText.size.height }
        if (clear(0f, top.size.height)) drawText(top, topLeft = Offset(0f, 0f))
        val bottomTop = size.height - bottom.size.height
        if (clear(bottomTop, bottom.size.height)) drawText(bottom, topLeft = Offset(0f, bottomTop))
        drawText(goalText, topLeft = Offset(0f, goalTop))
        clipRect(left = gutter) {
            translate(left = gutter) {
                val plot = Size(size.width - gutter, size.height)
                drawRect(colors.outline, size = plot, style = Stroke(1.dp.toPx()))
                drawLine(colors.tertiary, Offset(0f, y(goal)), Offset(plot.width, y(goal)), strokeWidth = 2.dp.toPx())
                series(history, left, y, plot.width, colors.primary, dashed = false)
                series(history, right, y, plot.width, colors.secondary, dashed = true)
            }
        }
    }
}

private fun DrawScope.series(
    history: List<SessionPoint>,
    value: (SessionPoint) -> Double?,
    y: (Double) -> Float,
    width: Float,
    color: Color,
    dashed: Boolean,
) {
    val step = width / (history.size + 1)
    val points = history.mapIndexedNotNull { i, p -> value(p)?.let { Offset(step * (i + 1), y(it)) } }
    if (points.size > 1) {
        val path = Path().apply {
            moveTo(points[0].x, points[0].y)
            points.drop(1).forEach { lineTo(it.x, it.y) }
        }
        val effect = if (dashed) PathEffect.dashPathEffect(floatArrayOf(12f, 8f)) else null
        drawPath(path, color, style = Stroke(width = 3.dp.toPx(), pathEffect = effect))
    }
    val r = 4.dp.toPx()
    for (p in points) {
        if (dashed) drawRect(color, Offset(p.x - r, p.y - r), Size(2 * r, 2 * r)) else drawCircle(color, r, p)
    }
}
