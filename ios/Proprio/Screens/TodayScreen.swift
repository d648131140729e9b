// Today, mirroring android/ui TodayScreen.kt: the left/right practice for the body part
// the core picks (`practiceBodyPart`) with its heading and the gate's verdict in the
// core's words; sessions done per kind (`remindersToday`), the reminders still ahead;
// the other screens one step away. The core's `today(now)` (another branch) will
// replace these pieces with one record; until then the kind names come from the
// reminder form.
import ProprioCore
import SwiftUI

struct TodayScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var today: ReminderToday?
    @State private var part: BodyPart?
    @State private var overview: LeftRightOverview?
    @State private var kinds: [KindTargetField] = []

    /// Sessions the heading and verdict look back over.
    private let historyLimit: UInt32 = 30

    var body: some SwiftUI.View {
        List {
            if let part, let overview {
                Section {
                    Text(overview.heading).font(.headline)
                    Text(overview.gate.verdict)
                    NavigationLink(value: Route.session(part)) {
                        Label("Start left/right practice", systemImage: "hand.raised")
                            .font(.title3)
                            .frame(minHeight: 56)
                    }
                }
            }
            if let today {
                Section("Sessions today") {
                    ForEach(today.progress, id: \.kind) { progress in
                        LabeledContent(kindName(progress.kind), value: "\(progress.done) / \(progress.target)")
                    }
                }
                Section("Reminders still to come") {
                    ForEach(today.remaining, id: \.id) { reminder in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(reminder.title).font(.headline)
                            Text(Date(timeIntervalSince1970: Double(reminder.fireAtMs) / 1000), style: .time)
                                .font(.subheadline)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
            Section("More") {
                NavigationLink("Pain journal", value: Route.journal(sessionId: nil))
                NavigationLink("Progress", value: Route.progress)
                NavigationLink("Reminders", value: Route.reminderSettings)
                NavigationLink("Profile", value: Route.onboarding)
                NavigationLink("Delete all data", value: Route.deleteData)
            }
        }
        .navigationTitle(today.map { "Today, \($0.date)" } ?? "Today")
        .task { load() }
        .refreshable { load() }
    }

    private func kindName(_ kind: SessionKind) -> String {
        kinds.first { $0.kind == kind }?.field.label ?? ""
    }

    private func load() {
        today = model.run { try $0.remindersToday(now: AppModel.now()) }
        part = model.run { try $0.practiceBodyPart() } ?? nil
        kinds = model.run { try $0.reminderForm() }?.targets ?? []
        overview = part.flatMap { part in
            model.run { try $0.leftRightOverview(bodyPart: part, historyLimit: historyLimit, now: AppModel.now()) }
        }
    }
}
