// Progress for one body part as the core lays it out (`progressCharts`), mirroring
// android/ui ProgressScreen.kt: level and the gate's verdict, per-side accuracy and
// median response time by day as Swift Charts on the core's axes and ticks, the gate's
// goal as a rule, the gate's inputs and the recent statistics. The sides differ by
// symbol and line style as well as colour; the painful side's line is thicker.
import Charts
import ProprioCore
import SwiftUI

struct ProgressScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var charts: ProgressCharts?

    var body: some SwiftUI.View {
        List {
            if let charts {
                Section {
                    Text(charts.levelText).font(.headline)
                    Text(charts.verdict)
                }
                Section(charts.accuracy.title) { SideChart(chart: charts.accuracy) }
                Section(charts.responseTime.title) { SideChart(chart: charts.responseTime) }
                ForEach(charts.sections, id: \.title) { section in
                    FactSectionView(section: section)
                }
            }
        }
        .navigationTitle(charts?.title ?? "Progress")
        .task { load() }
    }

    private func load() {
        guard let part = model.run({ try $0.practiceBodyPart() }) ?? nil else { return }
        charts = model.run { try $0.progressCharts(bodyPart: part, now: AppModel.now()) }
    }
}

/// One point of a series: the day's position on the axis and the side's value.
struct SidePoint: Identifiable {
    let day: Int
    let series: ChartSeries
    let value: Double
    var id: String { "\(day)-\(series.label)" }
}

/// A day chart as the core defines it: the y range and ticks, the goal rule with its
/// label, one line per side labelled in the core's words, every point read by VoiceOver.
struct SideChart: SwiftUI.View {
    let chart: DayChart

    private var points: [SidePoint] {
        chart.series.flatMap { series in
            series.values.enumerated().compactMap { day, value in
                value.map { SidePoint(day: day, series: series, value: $0) }
            }
        }
    }

    var body: some SwiftUI.View {
        Chart {
            RuleMark(y: .value("Goal", chart.goal))
                .lineStyle(StrokeStyle(lineWidth: 2))
                .annotation(position: .top, alignment: .leading) { Text(chart.goalLabel).font(.caption) }
            ForEach(points) { point in
                LineMark(x: .value("Day", point.day), y: .value("Value", point.value))
                    .foregroundStyle(by: .value("Side", point.series.label))
                    .lineStyle(
                        StrokeStyle(
                            lineWidth: point.series.affected ? 4 : 2, dash: point.series.side == .left ? [] : [6, 4]))
                PointMark(x: .value("Day", point.day), y: .value("Value", point.value))
                    .foregroundStyle(by: .value("Side", point.series.label))
                    .symbol(by: .value("Side", point.series.label))
                    .accessibilityLabel("\(chart.days[point.day]), \(point.series.label)")
            }
        }
        .chartYScale(domain: chart.yMin...chart.yMax)
        .chartYAxis {
            AxisMarks(values: chart.ticks.map(\.value)) { mark in
                AxisGridLine()
                AxisValueLabel {
                    if let index = mark.index as Int?, index < chart.ticks.count {
                        Text(chart.ticks[index].label)
                    }
                }
            }
        }
        .chartXAxis {
            AxisMarks(values: Array(chart.days.indices)) { mark in
                AxisValueLabel {
                    if let index = mark.index as Int?, index < chart.days.count {
                        Text(chart.days[index])
                    }
                }
            }
        }
        .chartLegend(position: .bottom)
        .frame(minHeight: 220)
        .accessibilityLabel(chart.description)
    }
}
