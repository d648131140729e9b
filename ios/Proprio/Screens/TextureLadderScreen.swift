// The touch (desensitisation) ladder, mirroring android/ui TextureLadderScreen.kt: the
// core's `textureLadderForm(bodyPart:)` for the practice area, drawn as it is — its title,
// intro, where the patient is now and whose list it is; the textures softest first, each
// in bold with the core's summary below (its place, and "practising now" or "managed" in
// words); under each, Move up / Move down / Rename / Remove, enabled as the row says;
// then the field to add one, up to the form's length, or the form's `full` when there is
// no room; and the way back to the standard textures when the form offers it. Every edit
// is one `editTextureLadder(bodyPart:edit:)`; the form it returns is drawn, and a refusal
// shows in the core's words beside the button that asked (the core changed nothing).
import ProprioCore
import SwiftUI

struct TextureLadderScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var bodyPart: BodyPart?
    @State private var form: TextureLadderForm?
    @State private var newName = ""
    /// The texture being renamed (by position) and the name typed so far.
    @State private var renaming: UInt32?
    @State private var renamed = ""
    @State private var refusal: TextureRefusal?

    var body: some SwiftUI.View {
        Form {
            if let form, let bodyPart {
                Section {
                    Text(form.intro)
                    Text(form.now).font(.headline)
                    Text(form.listNote).font(.subheadline)
                }
                Section {
                    ForEach(form.textures, id: \.position) { row in
                        textureRow(row, form: form, bodyPart: bodyPart)
                    }
                    if let label = form.standardLabel {
                        VStack(alignment: .leading, spacing: 8) {
                            Button(label) { apply(.standard, to: bodyPart, at: .standard) }
                                .frame(minHeight: 44)
                            if let refusal, refusal.place == .standard {
                                RefusalLabel(sentence: refusal.sentence)
                            }
                        }
                    }
                }
                addSection(form, bodyPart: bodyPart)
            }
        }
        .navigationTitle(form?.title ?? "")
        .task { load() }
    }

    @ViewBuilder private func textureRow(_ row: TextureRow, form: TextureLadderForm, bodyPart: BodyPart) -> some SwiftUI.View {
        VStack(alignment: .leading, spacing: 8) {
            if renaming == row.position {
                TextField(form.nameLabel, text: $renamed, prompt: Text(form.nameHint))
                    .onChange(of: renamed) { text in
                        if text.count > Int(form.maxNameChars) {
                            renamed = String(text.prefix(Int(form.maxNameChars)))
                        }
                    }
                    .frame(minHeight: 44)
                    .accessibilityLabel("New name for \(row.name)")
                HStack(spacing: 16) {
                    CardButton(title: "Save", spoken: "Save the new name for \(row.name)") {
                        rename(row, bodyPart: bodyPart)
                    }
                    CardButton(title: "Cancel", spoken: "Keep the name \(row.name)") {
                        renaming = nil
                        refusal = nil
                    }
                }
            } else {
                VStack(alignment: .leading, spacing: 4) {
                    Text(row.name).font(.headline)
                    Text(row.summary).font(.subheadline)
                }
                .frame(maxWidth: .infinity, alignment: .leading)
                .accessibilityElement(children: .combine)
                // Side by side while they fit; one under another at large text sizes.
                ViewThatFits(in: .horizontal) {
                    HStack(spacing: 12) { rowButtons(row, bodyPart: bodyPart) }
                    VStack(alignment: .leading, spacing: 4) { rowButtons(row, bodyPart: bodyPart) }
                }
            }
            if let refusal, refusal.place == .row(row.position) {
                RefusalLabel(sentence: refusal.sentence)
            }
        }
        .padding(.vertical, 4)
    }

    @ViewBuilder private func rowButtons(_ row: TextureRow, bodyPart: BodyPart) -> some SwiftUI.View {
        CardButton(title: "Move up", spoken: "Move \(row.name) up", enabled: row.canMoveUp) {
            apply(.moveUp(position: row.position), to: bodyPart, at: .row(row.position))
        }
        CardButton(title: "Move down", spoken: "Move \(row.name) down", enabled: row.canMoveDown) {
            apply(.moveDown(position: row.position), to: bodyPart, at: .row(row.position))
        }
        CardButton(title: "Rename", spoken: "Rename \(row.name)") {
            renamed = row.name
            renaming = row.position
            refusal = nil
        }
        CardButton(title: "Remove", spoken: "Remove \(row.name)", enabled: row.canRemove) {
            apply(.remove(position: row.position), to: bodyPart, at: .row(row.position))
        }
    }

    @ViewBuilder private func addSection(_ form: TextureLadderForm, bodyPart: BodyPart) -> some SwiftUI.View {
        Section {
            TextField(form.nameLabel, text: $newName, prompt: Text(form.nameHint))
                .onChange(of: newName) { text in
                    if text.count > Int(form.maxNameChars) {
                        newName = String(text.prefix(Int(form.maxNameChars)))
                    }
                }
                .frame(minHeight: 44)
                .disabled(!form.canAdd)
            Button("Add") { add(bodyPart) }
                .frame(minHeight: 44)
                .disabled(!form.canAdd)
            if !form.canAdd {
                Label(form.full, systemImage: "info.circle")
            }
            if let refusal, refusal.place == .add {
                RefusalLabel(sentence: refusal.sentence)
            }
        } header: {
            Text(form.nameLabel)
        }
    }

    private func load() {
        guard let part = model.run({ try $0.practiceBodyPart() }) ?? nil else { return }
        bodyPart = part
        form = model.run { try $0.textureLadderForm(bodyPart: part) }
    }

    /// Sends one edit. The core's form comes back and is drawn (a rename in progress ends:
    /// the positions may have moved); a refusal is kept with where it was asked.
    @discardableResult
    private func apply(_ edit: TextureEdit, to bodyPart: BodyPart, at place: EditPlace) -> Bool {
        guard let core = model.core else { return false }
        do {
            form = try core.editTextureLadder(bodyPart: bodyPart, edit: edit)
            refusal = nil
            renaming = nil
            return true
        } catch {
            refusal = TextureRefusal(place: place, sentence: AppModel.describe(error))
            return false
        }
    }

    private func add(_ bodyPart: BodyPart) {
        if apply(.add(name: newName), to: bodyPart, at: .add) {
            newName = ""
        }
    }

    private func rename(_ row: TextureRow, bodyPart: BodyPart) {
        apply(.rename(position: row.position, name: renamed), to: bodyPart, at: .row(row.position))
    }
}

/// Where an edit was asked for, so a refusal shows beside it.
private enum EditPlace: Equatable {
    case row(UInt32)
    case add
    case standard
}

/// A refused edit: the core's words, and where to show them.
private struct TextureRefusal {
    let place: EditPlace
    let sentence: String
}
