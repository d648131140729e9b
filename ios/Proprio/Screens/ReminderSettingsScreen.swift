// Reminder settings as the core stores them (`reminderSettings`), edited within the
// choices of the core's form (`reminderForm`) and saved whole (`setReminderSettings`),
// mirroring android/ui ReminderSettingsScreen.kt. The core validates and names any
// field it refuses, then the new plan's diff is applied.
import ProprioCore
import SwiftUI

struct ReminderSettingsScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var settings: ReminderSettings?
    @State private var form: ReminderForm?
    @State private var saved = false

    var body: some SwiftUI.View {
        Form {
            if let binding = Binding($settings), let form {
                editor(binding, form)
                Section {
                    Button("Save", action: save)
                        .frame(minHeight: 44)
                    if saved {
                        Label("Saved", systemImage: "checkmark")
                    }
                }
            }
        }
        .navigationTitle("Reminders")
        .task { load() }
    }

    @ViewBuilder
    private func editor(_ s: Binding<ReminderSettings>, _ form: ReminderForm) -> some SwiftUI.View {
        Section {
            Toggle(form.enabledLabel, isOn: s.enabled)
            FieldStepper(field: form.windowStart, value: s.windowStartMin)
            FieldStepper(field: form.windowEnd, value: s.windowEndMin)
            ForEach(form.quietHours, id: \.self) { hours in
                LabeledContent(form.quietHoursLabel, value: hours)
            }
        }
        Section(form.weekdaysLabel) {
            ForEach(form.weekdays, id: \.day) { day in
                Toggle(day.label, isOn: weekday(s, iso: day.day))
            }
        }
        Section(form.perDayLabel) {
            ForEach(s.wrappedValue.targets.indices, id: \.self) { i in
                if let field = form.targets.first(where: { $0.kind == s.wrappedValue.targets[i].kind })?.field {
                    FieldStepper(field: field, value: s.targets[i].perDay)
                }
            }
        }
        Section {
            FieldStepper(field: form.minGap, value: s.minGapMin)
            Toggle(form.learnLabel, isOn: s.learnMyTimes)
        }
    }

    private func load() {
        settings = model.run { try $0.reminderSettings() }
        form = model.run { try $0.reminderForm() }
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
}

/// A setting stepped through its field's choices: − and + move to the neighbouring
/// choice; a value between two choices shows as the nearest one.
private struct FieldStepper: SwiftUI.View {
    let field: StepField
    @Binding var value: Int32

    private var at: Int {
        field.choices.indices.min { abs(field.choices[$0].value - value) < abs(field.choices[$1].value - value) } ?? 0
    }

    var body: some SwiftUI.View {
        Stepper(
            onIncrement: { move(1) },
            onDecrement: { move(-1) }
        ) {
            LabeledContent(field.label, value: field.choices.isEmpty ? "" : field.choices[at].label)
        }
    }

    private func move(_ by: Int) {
        let next = at + by
        if field.choices.indices.contains(next) {
            value = field.choices[next].value
        }
    }
}
