// Restore from a backup, mirroring android/ui RestoreScreen.kt: the core's `restoreForm()`
// drawn as it is (what a backup is, the passphrase field, and what restoring would
// replace when the phone already holds data, to be confirmed); the file picked with
// `.fileImporter` goes to `restoreBackupFile` off the main actor, inside its
// security-scoped access. The core reads, checks and restores (or refuses, changing
// nothing) and says what came back; then the reminders are re-planned and the restored
// profile takes effect. Only the button labels are this screen's own.
import ProprioCore
import SwiftUI
import UniformTypeIdentifiers

struct RestoreScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var form: RestoreForm?
    @State private var file: URL?
    @State private var passphrase = ""
    @State private var understood = false
    @State private var choosingFile = false
    @State private var restoring = false
    @State private var refusal: String?
    /// The core's sentence for what was restored.
    @State private var done: String?

    var body: some SwiftUI.View {
        Form {
            if let done {
                doneSections(done)
            } else if let form {
                formSections(form)
            }
        }
        .navigationTitle(form?.title ?? "")
        .task { load() }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.json, .data]) { result in
            guard case let .success(url) = result else { return }
            file = url
            refusal = nil
        }
    }

    @ViewBuilder private func formSections(_ form: RestoreForm) -> some SwiftUI.View {
        Section {
            Text(form.intro)
        }
        Section {
            Button {
                choosingFile = true
            } label: {
                Label(form.chooseLabel, systemImage: "doc")
                    .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
            }
            .disabled(restoring)
            if let file {
                Label(file.lastPathComponent, systemImage: "doc.text")
                    .accessibilityElement(children: .combine)
            }
            SecureField(form.passphraseLabel, text: $passphrase)
                .frame(minHeight: 44)
                .accessibilityLabel(form.passphraseLabel)
                .disabled(restoring)
        }
        if form.holdsData {
            // The core's words say what would be replaced; the symbol marks it, no colour alone.
            Section {
                if let warning = form.replaceWarning {
                    Label(warning, systemImage: "exclamationmark.triangle.fill")
                        .accessibilityElement(children: .combine)
                }
                Toggle("I understand", isOn: $understood)
                    .frame(minHeight: 44)
                    .disabled(restoring)
            }
        }
        if let refusal {
            Section {
                Label(refusal, systemImage: "xmark.octagon")
                    .accessibilityElement(children: .combine)
            }
        }
        Section {
            Button(role: form.holdsData ? ButtonRole.destructive : nil) {
                restore(form)
            } label: {
                HStack(spacing: 12) {
                    Text(form.confirmLabel)
                    if restoring { ProgressView() }
                }
                .frame(maxWidth: .infinity, minHeight: 44)
            }
            .disabled(!canRestore(form))
        }
    }

    @ViewBuilder private func doneSections(_ sentence: String) -> some SwiftUI.View {
        Section {
            Label(sentence, systemImage: "checkmark.circle")
                .accessibilityElement(children: .combine)
                .accessibilityAddTraits(.updatesFrequently)
        }
        Section {
            Button {
                model.path = []
            } label: {
                Text("Done")
                    .frame(maxWidth: .infinity, minHeight: 44)
            }
        }
    }

    /// A file chosen, and (when restoring replaces what the phone holds) the warning understood.
    private func canRestore(_ form: RestoreForm) -> Bool {
        file != nil && !restoring && (!form.holdsData || understood)
    }

    private func load() {
        guard form == nil, done == nil else { return }
        form = model.run { try $0.restoreForm() }
    }

    /// The core restores the file (seconds for years of practice) away from the main actor;
    /// a refusal keeps the screen, with the core's words.
    private func restore(_ form: RestoreForm) {
        guard let core = model.core, let url = file, canRestore(form) else { return }
        let secret: String? = passphrase.isEmpty ? nil : passphrase
        let replace = form.holdsData
        restoring = true
        refusal = nil
        Task {
            let outcome = await Task.detached(priority: .userInitiated) { () -> Result<Restored, Error> in
                let scoped = url.startAccessingSecurityScopedResource()
                defer { if scoped { url.stopAccessingSecurityScopedResource() } }
                return Result { try core.restoreBackupFile(path: url.path, passphrase: secret, replace: replace) }
            }.value
            restoring = false
            switch outcome {
            case let .success(restored):
                done = restored.sentence
                passphrase = ""
                // The backup brings its own profile, reminder settings and plan.
                model.reloadProfile()
                await model.reminders.sync()
            case let .failure(failure):
                refusal = AppModel.describe(failure)
            }
        }
    }
}
