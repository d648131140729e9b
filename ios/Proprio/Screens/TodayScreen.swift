// Today: what the core says about today (`remindersToday`): sessions done per kind
// against their targets, the reminders still ahead, the day's adherence; a start button
// for each area the profile names; the other screens one step away.
import ProprioCore
import SwiftUI

struct TodayScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var today: ReminderToday?

    var body: some SwiftUI.View {
        List {
            Section("Practise") {
                ForEach(bodyParts, id: \.self) { part in
                    NavigationLink(value: Route.session(part)) {
                        Label("Left or right: \(Labels.bodyPart(part).lowercased())", systemImage: "hand.raised")
                            .font(.title3)
                            .frame(minHeight: 56)
                    }
                }
            }
            if let today {
                Section("Done today (\(today.date))") {
                    ForEach(today.progress, id: \.kind) { progress in
                        LabeledContent(Labels.kind(progress.kind), value: "\(progress.done) of \(progress.target)")
                    }
                    LabeledContent("Reminders answered", value: "\(today.adherence.answered) of \(today.adherence.sent)")
                    LabeledContent("Sessions done", value: "\(today.adherence.completed) of \(today.adherence.target)")
                }
                Section("Still to come") {
                    if today.remaining.isEmpty {
                        Text("No more reminders today.")
                    }
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
            Section {
                NavigationLink("Pain journal", value: Route.journal(sessionId: nil))
                NavigationLink("Progress", value: Route.progress)
                NavigationLink("Reminders", value: Route.reminderSettings)
                NavigationLink("Areas to practise", value: Route.onboarding)
                NavigationLink("Delete all data", value: Route.deleteData)
            }
        }
        .navigationTitle("Today")
        .task { load() }
        .refreshable { load() }
    }

    /// Each body part the profile names, once, in the profile's order.
    private var bodyParts: [BodyPart] {
        var seen: [BodyPart] = []
        for area in model.profile?.affected ?? [] where !seen.contains(area.bodyPart) {
            seen.append(area.bodyPart)
        }
        return seen
    }

    private func load() {
        today = model.run { try $0.remindersToday(now: AppModel.now()) }
    }
}
