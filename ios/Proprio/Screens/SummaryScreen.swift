// After a session: the core's results (`sessionResults`), mirroring android/ui
// SummaryScreen.kt: how it ended and the level in the core's words, each side's facts
// (the painful side named so), and the stage gate with the core's own sentence.
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
                    Text(results.levelText).font(.headline)
                }
                ForEach(results.sides, id: \.title) { side in
                    FactSectionView(section: side)
                }
                Section("Next stage") {
                    Label(
                        results.gate.verdict,
                        systemImage: results.gate.ready ? "checkmark.seal" : "hourglass")
                }
            }
            Section {
                NavigationLink("Rate your pain now", value: Route.journal(sessionId: sessionId))
                Button("Back to Today") { model.path = [] }
                    .frame(minHeight: 44)
            }
        }
        .navigationTitle(results?.title ?? "")
        .navigationBarBackButtonHidden(true)
        .task {
            results = model.run { try $0.sessionResults(sessionId: sessionId, now: AppModel.now()) }
        }
    }
}

/// A titled group of the core's facts, label and value as the core words them.
struct FactSectionView: SwiftUI.View {
    let section: FactSection

    var body: some SwiftUI.View {
        Section(section.title) {
            ForEach(section.facts, id: \.label) { fact in
                LabeledContent(fact.label, value: fact.value)
            }
        }
    }
}
