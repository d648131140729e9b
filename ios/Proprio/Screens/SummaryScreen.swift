// After a session: the core's results (`sessionResults`): how it ended, the level, each
// side's numbers, and the stage gate with the core's own sentence.
import ProprioCore
import SwiftUI

struct SummaryScreen: SwiftUI.View {
    let sessionId: Int64
    @EnvironmentObject private var model: AppModel
    @State private var results: SessionResults?

    var body: some SwiftUI.View {
        List {
            if let results {
                Section {
                    LabeledContent("Session", value: Labels.state(results.state))
                    LabeledContent("Level", value: "\(results.level)")
                }
                Section("By side") {
                    SideRow(stats: results.stats.left)
                    SideRow(stats: results.stats.right)
                }
                Section("Next stage") {
                    Label(
                        results.gate.ready ? "Ready for the next stage" : "Not yet",
                        systemImage: results.gate.ready ? "checkmark.seal" : "hourglass")
                    Text(results.gate.verdict)
                }
            }
            Section {
                NavigationLink("Add to the pain journal", value: Route.journal(sessionId: sessionId))
                Button("Back to Today") { model.path = [] }
                    .frame(minHeight: 44)
            }
        }
        .navigationTitle("Session summary")
        .navigationBarBackButtonHidden(true)
        .task {
            results = model.run { try $0.sessionResults(sessionId: sessionId, now: AppModel.now()) }
        }
    }
}

/// One side's numbers, the affected side marked in words.
struct SideRow: SwiftUI.View {
    let stats: SideStats

    var body: some SwiftUI.View {
        VStack(alignment: .leading, spacing: 4) {
            Text(Labels.side(stats.side) + (stats.affected ? " (affected side)" : ""))
                .font(.headline)
            Text("Correct: \(stats.correct) of \(stats.n) (\(Labels.percent(stats.accuracy)))")
            Text("Typical time: \(Labels.milliseconds(stats.medianRtMs))")
            if stats.timeouts > 0 || stats.anticipations > 0 {
                Text("Too slow: \(stats.timeouts), too quick: \(stats.anticipations)")
            }
        }
        .accessibilityElement(children: .combine)
    }
}
