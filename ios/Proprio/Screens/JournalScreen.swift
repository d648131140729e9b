// The pain journal: a new entry (pain, fear, medication, a note; linked to a session when
// opened from its summary) and every entry the core holds, newest first. The core
// validates each entry and names the field it refuses.
import ProprioCore
import SwiftUI

struct JournalScreen: SwiftUI.View {
    let sessionId: Int64?
    @EnvironmentObject private var model: AppModel
    @State private var entries: [JournalEntry] = []
    @State private var pain = 0
    @State private var recordFear = false
    @State private var fear = 0
    @State private var medication = false
    @State private var note = ""
    @State private var saved = false

    /// The 0–10 numeric rating scale the core accepts for pain and fear.
    private let scale = 0...10

    var body: some SwiftUI.View {
        Form {
            Section("New entry") {
                Stepper(value: $pain, in: scale) {
                    Text("Pain now: \(pain) of 10")
                }
                .accessibilityValue("\(pain) of 10")
                Toggle("Record fear of moving", isOn: $recordFear)
                if recordFear {
                    Stepper(value: $fear, in: scale) {
                        Text("Fear of moving: \(fear) of 10")
                    }
                    .accessibilityValue("\(fear) of 10")
                }
                Toggle("Took pain medication", isOn: $medication)
                TextField("Note (optional)", text: $note, axis: .vertical)
                Button("Save entry", action: save)
                    .frame(minHeight: 44)
                if saved {
                    Label("Saved", systemImage: "checkmark")
                }
            }
            Section("Entries") {
                if entries.isEmpty {
                    Text("No entries yet.")
                }
                ForEach(entries.reversed(), id: \.id) { entry in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(Labels.dateTime(entry.at)).font(.headline)
                        Text("Pain \(entry.pain) of 10")
                        if let fear = entry.fear {
                            Text("Fear of moving \(fear) of 10")
                        }
                        if entry.medication {
                            Text("Took pain medication")
                        }
                        if !entry.note.isEmpty {
                            Text(entry.note)
                        }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
        .navigationTitle("Pain journal")
        .task { load() }
    }

    private func load() {
        entries = model.run { try $0.journalEntries() } ?? []
    }

    private func save() {
        let entry = NewJournalEntry(
            at: AppModel.now(),
            pain: UInt8(pain),
            fear: recordFear ? UInt8(fear) : nil,
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
