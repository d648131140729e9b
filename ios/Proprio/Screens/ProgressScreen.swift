// Progress for one body part, as the core sums it up (`leftRightOverview`): level, the
// stage gate, recent numbers by side, and each session's accuracy and typical time per
// side as Swift Charts. The sides differ by symbol and line style as well as colour.
import Charts
import ProprioCore
import SwiftUI

struct ProgressScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var bodyPart: BodyPart?
    @State private var overview: LeftRightOverview?

    /// Sessions drawn in the charts: the newest ones, as many as fit a phone's width.
    private let chartSessions: UInt32 = 30

    var body: some SwiftUI.View {
        List {
            Section {
                Picker("Body part", selection: $bodyPart) {
                    ForEach(BodyPart.allCases, id: \.self) { part in
                        Text(Labels.bodyPart(part)).tag(Optional(part))
                    }
                }
            }
            if let overview {
                Section("Now") {
                    LabeledContent("Level", value: "\(overview.level)")
                    Text(overview.gate.verdict)
                    LabeledContent(
                        "Sessions", value: "\(overview.gate.sessionsConsidered) of \(overview.gate.sessionsNeeded)")
                    LabeledContent("Days", value: "\(overview.gate.distinctDays) of \(overview.gate.daysNeeded)")
                }
                Section("Recent sessions by side") {
                    SideRow(stats: overview.recent.left)
                    SideRow(stats: overview.recent.right)
                }
                Section("Accuracy per session") {
                    SideChart(points: series(overview.history, \.leftAccuracy, \.rightAccuracy), unit: .percent)
                }
                Section("Typical time per session") {
                    SideChart(points: series(overview.history, \.leftMedianRtMs, \.rightMedianRtMs), unit: .milliseconds)
                }
            }
        }
        .navigationTitle("Progress")
        .task {
            if bodyPart == nil {
                bodyPart = model.profile?.affected.first?.bodyPart ?? BodyPart.allCases.first
            }
        }
        .onChange(of: bodyPart) { _ in load() }
    }

    private func load() {
        guard let bodyPart else { return }
        overview = model.run {
            try $0.leftRightOverview(bodyPart: bodyPart, historyLimit: chartSessions, now: AppModel.now())
        }
    }

    /// The history as one point per session and side, oldest first.
    private func series(
        _ history: [SessionPoint], _ left: KeyPath<SessionPoint, Double?>, _ right: KeyPath<SessionPoint, Double?>
    ) -> [SidePoint] {
        var points: [SidePoint] = []
        let oldestFirst = history.sorted { $0.startedAt.unixMs < $1.startedAt.unixMs }
        for (number, point) in oldestFirst.enumerated() {
            if let value = point[keyPath: left] {
                points.append(SidePoint(session: number + 1, side: .left, value: value))
            }
            if let value = point[keyPath: right] {
                points.append(SidePoint(session: number + 1, side: .right, value: value))
            }
        }
        return points
    }
}

struct SidePoint: Identifiable {
    let session: Int
    let side: Side
    let value: Double
    var id: String { "\(session)-\(Labels.side(side))" }
}

/// Left and right over sessions: distinct symbols, dashed right line, a legend in words,
/// and every point read out by VoiceOver.
struct SideChart: SwiftUI.View {
    enum Unit { case percent, milliseconds }

    let points: [SidePoint]
    let unit: Unit

    var body: some SwiftUI.View {
        if points.isEmpty {
            Text("No sessions yet.")
        } else {
            Chart(points) { point in
                LineMark(x: .value("Session", point.session), y: .value("Value", point.value))
                    .foregroundStyle(by: .value("Side", Labels.side(point.side)))
                    .lineStyle(StrokeStyle(lineWidth: 2, dash: point.side == .left ? [] : [6, 4]))
                PointMark(x: .value("Session", point.session), y: .value("Value", point.value))
                    .foregroundStyle(by: .value("Side", Labels.side(point.side)))
                    .symbol(by: .value("Side", Labels.side(point.side)))
                    .accessibilityLabel("Session \(point.session), \(Labels.side(point.side))")
                    .accessibilityValue(format(point.value))
            }
            .chartLegend(position: .bottom)
            .frame(minHeight: 220)
        }
    }

    private func format(_ value: Double) -> String {
        switch unit {
        case .percent: return Labels.percent(value)
        case .milliseconds: return Labels.milliseconds(value)
        }
    }
}
