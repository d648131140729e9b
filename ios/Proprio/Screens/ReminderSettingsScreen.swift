// Reminder settings as the core stores them (`reminderSettings`), edited field by field
// and saved whole (`setReminderSettings`); the core validates and names any field it
// refuses, then the new plan's diff is applied. Below, the core's adherence per day.
import ProprioCore
import SwiftUI

struct ReminderSettingsScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var settings: ReminderSettings?
    @State private var adherence: Adherence?
    @State private var saved = false

    /// Days of adherence shown: one week.
    private let adherenceDays: UInt32 = 7

    var body: some SwiftUI.View {
        Form {
            if let binding = Binding($settings) {
                editor(binding)
                Section {
                    Button("Save", action: save)
                        .frame(minHeight: 44)
                    if saved {
                        Label("Saved; reminders updated", systemImage: "checkmark")
                    }
                }
            }
            if let adherence {
                Section("Last \(adherenceDays) days") {
                    ForEach(adherence.days, id: \.date) { day in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(day.date).font(.headline)
                            Text("Sessions done: \(day.completed) of \(day.target)")
                            Text("Reminders answered: \(day.answered) of \(day.sent) (\(day.percent)%)")
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
        }
        .navigationTitle("Reminders")
        .task { load() }
    }

    @ViewBuilder
    private func editor(_ s: Binding<ReminderSettings>) -> some SwiftUI.View {
        Section {
            Toggle("Reminders on", isOn: s.enabled)
            Toggle("Learn my usual times", isOn: s.learnMyTimes)
        }
        Section("Waking hours") {
            DatePicker("From", selection: minutes(s.windowStartMin), displayedComponents: .hourAndMinute)
            DatePicker("Until", selection: minutes(s.windowEndMin), displayedComponents: .hourAndMinute)
        }
        if !s.wrappedValue.quietHours.isEmpty {
            Section("Quiet hours") {
                ForEach(s.wrappedValue.quietHours.indices, id: \.self) { i in
                    DatePicker("Quiet from", selection: minutes(s.quietHours[i].startMin), displayedComponents: .hourAndMinute)
                    DatePicker("Quiet until", selection: minutes(s.quietHours[i].endMin), displayedComponents: .hourAndMinute)
                }
                .onDelete { s.wrappedValue.quietHours.remove(atOffsets: $0) }
            }
        }
        Section("Days") {
            ForEach(1...7, id: \.self) { iso in
                Toggle(Self.weekdayName(iso: iso), isOn: weekday(s, iso: UInt8(iso)))
            }
        }
        Section("Sessions a day") {
            ForEach(SessionKind.allCases, id: \.self) { kind in
                // No bounds here: the core refuses a target out of its range and names it.
                Stepper(
                    onIncrement: { setPerDay(s, kind, perDay(s.wrappedValue, kind) + 1) },
                    onDecrement: { setPerDay(s, kind, perDay(s.wrappedValue, kind) - 1) }
                ) {
                    Text("\(Labels.kind(kind)): \(perDay(s.wrappedValue, kind))")
                }
            }
        }
        Section("Spacing") {
            Stepper("At least \(s.wrappedValue.minGapMin) minutes apart", value: s.minGapMin, step: 5)
            Stepper("Vary times by up to \(s.wrappedValue.jitterMin) minutes", value: s.jitterMin, step: 5)
        }
    }

    private func load() {
        settings = model.run { try $0.reminderSettings() }
        adherence = model.run { try $0.reminderAdherence(now: AppModel.now(), days: adherenceDays) }
    }

    private func save() {
        guard let settings else { return }
        saved = false
        if let stored = model.run({ try $0.setReminderSettings(settings: settings) }) {
            self.settings = stored
            saved = true
            Task { await model.reminders.sync() }
        }
    }

    private func perDay(_ s: ReminderSettings, _ kind: SessionKind) -> Int32 {
        s.targets.first { $0.kind == kind }?.perDay ?? 0
    }

    private func setPerDay(_ s: Binding<ReminderSettings>, _ kind: SessionKind, _ value: Int32) {
        if let i = s.wrappedValue.targets.firstIndex(where: { $0.kind == kind }) {
            s.wrappedValue.targets[i].perDay = value
        } else {
            s.wrappedValue.targets.append(KindTarget(kind: kind, perDay: value))
        }
    }

    private func weekday(_ s: Binding<ReminderSettings>, iso: UInt8) -> Binding<Bool> {
        Binding(
            get: { s.wrappedValue.weekdays.contains(iso) },
            set: { on in
                s.wrappedValue.weekdays.removeAll { $0 == iso }
                if on {
                    s.wrappedValue.weekdays.append(iso)
                    s.wrappedValue.weekdays.sort()
                }
            })
    }

    /// ISO weekday (Monday 1 … Sunday 7) as the device names it.
    private static func weekdayName(iso: Int) -> String {
        Calendar.current.weekdaySymbols[iso % 7]
    }

    /// Minutes after midnight as a Date today, for DatePicker, and back.
    private func minutes(_ value: Binding<Int32>) -> Binding<Date> {
        Binding(
            get: {
                Calendar.current.date(
                    bySettingHour: Int(value.wrappedValue) / 60, minute: Int(value.wrappedValue) % 60, second: 0,
                    of: Date()) ?? Date()
            },
            set: { date in
                let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
                value.wrappedValue = Int32((parts.hour ?? 0) * 60 + (parts.minute ?? 0))
            })
    }
}
