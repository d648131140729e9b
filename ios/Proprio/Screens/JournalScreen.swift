// The pain journal as the core's form defines it (`journalForm`), mirroring android/ui
// JournalScreen.kt: pain and fear on the form's scales with their anchor words,
// medication, a note up to the form's length, linked to a session when opened from its
// summary; and the entries the core lists, newest first, in its words. The core
// validates each entry and names the field it refuses.
import ProprioCore
import SwiftUI

struct JournalScreen: SwiftUI.View {
    let sessionId: Int64?
    @EnvironmentObject private var model: AppModel
    @State private var form: JournalForm?
    @State private var pain: UInt8?
    @State private var fear: UInt8?
    @State private var medication = false
    @State private var note = ""
    @State private var saved = false

    var body: some SwiftUI.View {
        Form {
            if let form {
                ScaleSection(field: form.pain, value: $pain)
                ScaleSection(field: form.fear, value: $fear)
                Section {
                    Toggle(form.medicationLabel, isOn: $medication)
                    TextField(form.noteLabel, text: $note, axis: .vertical)
                        .onChange(of: note) { text in
                            if text.count > Int(form.noteMaxChars) { note = String(text.prefix(Int(form.noteMaxChars))) }
                        }
                    Button("Save entry") { save(form) }
                        .frame(minHeight: 44)
                        .disabled(form.pain.required && pain == nil)
                    if saved {
                        Label("Saved", systemImage: "checkmark")
                    }
                }
                Section("Earlier entries") {
                    if form.entries.isEmpty {
                        Text(form.noEntries)
                    }
                    ForEach(form.entries, id: \.id) { entry in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(entry.when).font(.headline)
                            Text(entry.summary)
                            if !entry.note.isEmpty {
                                Text(entry.note)
                            }
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
        }
        .navigationTitle("Pain journal")
        .task { load() }
    }

    private func load() {
        form = model.run { try $0.journalForm() }
    }

    private func save(_ form: JournalForm) {
        let entry = NewJournalEntry(
            at: AppModel.now(),
            pain: pain ?? form.pain.min,
            fear: fear,
            medication: medication,
            note: note,
            sessionId: sessionId)
        if model.run({ try $0.addJournalEntry(entry: entry) }) != nil {
            saved = true
            note = ""
            load()
        }
    }
}

/// A rating on the field's scale, its anchors in words; choosing the chosen value again
/// clears an optional rating.
private struct ScaleSection: SwiftUI.View {
    let field: ScaleField
    @Binding var value: UInt8?

    private var steps: [UInt8] {
        Array(stride(from: field.min, through: field.max, by: Int(field.step)))
    }

    var body: some SwiftUI.View {
        Section {
            ScrollView(.horizontal) {
                HStack(spacing: 8) {
                    ForEach(steps, id: \.self) { step in
                        Button(value == step ? "✓ \(step)" : "\(step)") {
                            value = (!field.required && value == step) ? nil : step
                        }
                        .buttonStyle(.bordered)
                        .frame(minWidth: 44, minHeight: 44)
                        .accessibilityAddTraits(value == step ? .isSelected : [])
                    }
                }
            }
            Text("\(field.lowAnchor) · \(field.highAnchor)").font(.footnote)
        } header: {
            Text(field.label)
        }
    }
}
