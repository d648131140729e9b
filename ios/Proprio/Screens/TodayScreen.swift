// Today, mirroring android/ui TodayScreen.kt: the core's `today(now)` drawn as it is —
// the safety messages first (an icon and a heading, not colour alone), the next step with
// its sentence and the way into it, sessions done per kind, the next reminder, each body
// part's stage; then the left/right overview and the other screens. The kind names come
// from the reminder form.
import ProprioCore
import SwiftUI

struct TodayScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var today: Today?
    @State private var part: BodyPart?
    @State private var overview: LeftRightOverview?
    @State private var kinds: [KindTargetField] = []

    /// Sessions the heading and verdict look back over.
    private let historyLimit: UInt32 = 30

    var body: some SwiftUI.View {
        List {
            if let today {
                ForEach(Array(today.safety.enumerated()), id: \.offset) { _, message in
                    Section {
                        Label {
                            VStack(alignment: .leading, spacing: 4) {
                                Text("Safety").font(.headline)
                                Text(message.sentence)
                            }
                        } icon: {
                            Image(systemName: "exclamationmark.triangle.fill")
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
                Section("Next step") {
                    Text(today.next.sentence)
                    if let label = nextLabel(today.next) {
                        Button { model.open(today.next) } label: {
                            Text(label).font(.title3).frame(minHeight: 56)
                        }
                    }
                }
                Section("Sessions today") {
                    ForEach(today.progress, id: \.kind) { progress in
                        LabeledContent(kindName(progress.kind), value: "\(progress.done) / \(progress.target)")
                    }
                }
                if let reminder = today.nextReminder {
                    Section("Next reminder") {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(reminder.title).font(.headline)
                            Text(Date(timeIntervalSince1970: Double(reminder.fireAtMs) / 1000), style: .time)
                                .font(.subheadline)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
                if !today.stages.isEmpty {
                    Section("Stages") {
                        ForEach(Array(today.stages.enumerated()), id: \.offset) { _, stage in
                            Text(stage.sentence)
                        }
                    }
                }
            }
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
            Section("More") {
                NavigationLink("Pain journal", value: Route.journal(sessionId: nil))
                NavigationLink("Progress", value: Route.progress)
                NavigationLink("Your programme", value: Route.programme)
                NavigationLink("Reminders", value: Route.reminderSettings)
                NavigationLink("Therapist's plan", value: Route.plan)
                NavigationLink("Activity ladder", value: Route.ladder)
                NavigationLink("Touch ladder", value: Route.textureLadder)
                NavigationLink("Profile", value: Route.onboarding)
                NavigationLink("Share with my therapist", value: Route.share)
                NavigationLink("Restore from a backup", value: Route.restore)
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

    /// The button's words: set up, or start the next step's kind (none when nothing is left).
    private func nextLabel(_ next: NextStep) -> String? {
        if next.action == .setUp { return "Set up" }
        guard let kind = next.kind, next.bodyPart != nil else { return nil }
        return "Start \(kindName(kind).lowercased())"
    }

    private func load() {
        today = model.run { try $0.today(now: AppModel.now()) }
        part = model.run { try $0.practiceBodyPart() } ?? nil
        kinds = model.run { try $0.reminderForm() }?.targets ?? []
        overview = part.flatMap { part in
            model.run { try $0.leftRightOverview(bodyPart: part, historyLimit: historyLimit, now: AppModel.now()) }
        }
    }
}
