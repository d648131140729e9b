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
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.drawText
import androidx.compose.ui.text.rememberTextMeasurer
import androidx.compose.ui.unit.dp
import org.proprio.core.DayChart
import org.proprio.core.ChartSeries
import org.proprio.core.ProgressCharts
import org.proprio.core.Side

/**
 * Progress for one body part as the core lays it out: per-side accuracy and median
 * response time by day on the core's scales, the gate's goals as lines, the gate's
 * inputs and the recent statistics. Left is a solid line with round dots, right a dashed
 * line with squares, and the painful side's line is thicker, so sides differ by more
 * than colour. `screen` is null before onboarding.
 */
@Composable
fun ProgressScreen(screen: ProgressCharts?, onBack: () -> Unit) {
    ScreenScaffold(title = screen?.title ?: "Progress", onBack = onBack) {
        if (screen == null) return@ScreenScaffold
        Text(screen.levelText, style = MaterialTheme.typography.titleMedium)
        Text(screen.verdict, style = MaterialTheme.typography.bodyLarge)
        for (chart in listOf(screen.accuracy, screen.responseTime)) {
            SectionTitle(chart.title)
            Legend(chart)
            ChartCanvas(chart)
        }
        for (section in screen.sections) SectionCard(section)
    }
}

/** Which line is which side, in the core's words, with the line's own marks. */
@Composable
private fun Legend(chart: DayChart) {
    val marks = chart.series.joinToString("   ") { s -> "${if (s.side == Side.LEFT) "● ——" else "■ - -"} ${s.label}" }
    Text("$marks   ━ ${chart.goalLabel}", style = MaterialTheme.typography.bodyMedium)
}

/**
 * The chart: ticks and the goal labelled in a margin on the left (a tick label the goal
 * would overlap is left out), one series per side, a point per day, the first and last
 * day written below.
 */
@Composable
private fun ChartCanvas(chart: DayChart) {
    val colors = MaterialTheme.colorScheme
    val measurer = rememberTextMeasurer()
    val style = MaterialTheme.typography.labelMedium.copy(color = colors.onSurface)
    Canvas(modifier = Modifier.fillMaxWidth().height(180.dp).semantics { contentDescription = chart.description }) {
        val ticks = chart.ticks.map { it.value to measurer.measure(it.label, style) }
        val goalText = measurer.measure(chart.goalLabel, style)
        val days = listOfNotNull(chart.days.firstOrNull(), chart.days.lastOrNull().takeIf { chart.days.size > 1 })
            .map { measurer.measure(it, style) }
        val gutter = (ticks.map { it.second.size.width } + goalText.size.width).max() + 8.dp.toPx()
        val plotHeight = size.height - (days.maxOfOrNull { it.size.height } ?: 0)
        // A margin above and below, so a point at the top or bottom of the scale is whole.
        val pad = 6.dp.toPx()
        val span = (chart.yMax - chart.yMin).takeIf { it > 0 } ?: 1.0
        val y = { v: Double -> (pad + (plotHeight - 2 * pad) * (1 - (v - chart.yMin) / span)).toFloat() }
        val goalTop = (y(chart.goal) - goalText.size.height / 2f).coerceIn(0f, plotHeight - goalText.size.height)
        val clear = { t: Float, h: Int -> t + h <= goalTop || t >= goalTop + goalText.size.height }
        for ((value, text) in ticks) {
            val top = (y(value) - text.size.height / 2f).coerceIn(0f, plotHeight - text.size.height)
            if (clear(top, text.size.height)) drawText(text, topLeft = Offset(0f, top))
        }
        drawText(goalText, topLeft = Offset(0f, goalTop))
        // The days under the plot's first and last points.
        val step = (size.width - gutter) / (chart.days.size + 1)
        days.forEachIndexed { i, text ->
            val x = gutter + step * (if (i == 0) 1 else chart.days.size) - text.size.width / 2f
            drawText(text, topLeft = Offset(x.coerceIn(gutter, size.width - text.size.width), plotHeight))
        }
        clipRect(left = gutter, bottom = plotHeight) {
            translate(left = gutter) {
                val plot = Size(size.width - gutter, plotHeight)
                drawRect(colors.outline, size = plot, style = Stroke(1.dp.toPx()))
                for ((value, _) in ticks) {
                    drawLine(colors.outlineVariant, Offset(0f, y(value)), Offset(plot.width, y(value)), strokeWidth = 1.dp.toPx())
                }
                drawLine(colors.tertiary, Offset(0f, y(chart.goal)), Offset(plot.width, y(chart.goal)), strokeWidth = 2.dp.toPx())
                for (s in chart.series) {
                    val left = s.side == Side.LEFT
                    series(s, y, plot.width, if (left) colors.primary else colors.secondary, dashed = !left)
                }
            }
        }
    }
}

private fun DrawScope.series(s: ChartSeries, y: (Double) -> Float, width: Float, color: Color, dashed: Boolean) {
    val step = width / (s.values.size + 1)
    val points = s.values.mapIndexedNotNull { i, v -> v?.let { Offset(step * (i + 1), y(it)) } }
    val stroke = (if (s.affected) 5 else 3).dp.toPx()
    if (points.size > 1) {
        val path = Path().apply {
            moveTo(points[0].x, points[0].y)
            points.drop(1).forEach { lineTo(it.x, it.y) }
        }
        val effect = if (dashed) PathEffect.dashPathEffect(floatArrayOf(12f, 8f)) else null
        drawPath(path, color, style = Stroke(width = stroke, pathEffect = effect))
    }
    val r = 4.dp.toPx()
    for (p in points) {
        if (dashed) drawRect(color, Offset(p.x - r, p.y - r), Size(2 * r, 2 * r)) else drawCircle(color, r, p)
    }
}
