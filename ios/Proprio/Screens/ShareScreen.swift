// "Share with my therapist", mirroring android/ui ShareScreen.kt: the core's form
// (`shareForm`) drawn as it is — what to send (rows with a one-line explanation, the
// report chosen first), which weeks, an optional passphrase, what leaves the phone —
// then the export written by the core (`prepareShare`, off the main thread) into the
// app's temporary exports folder under the core's names, and handed to the share sheet
// (UIActivityViewController with the files' URLs). The core checks the passphrase; its
// refusal shows as worded. After an export: the files made and, for a locked one, the
// reminder to pass the passphrase on another way.
import ProprioCore
import SwiftUI
import UIKit

@MainActor
struct ShareScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var form: ShareForm?
    @State private var format: ExportFormat = .html
    @State private var range: ShareRange = .all
    @State private var locked = false
    @State private var passphrase = ""
    @State private var busy = false
    @State private var shared: SharedExport?
    @State private var sharing = false
    @State private var error: String?

    var body: some SwiftUI.View {
        Form {
            if let form {
                Section(form.formatQuestion) {
                    ForEach(form.formats, id: \.format) { choice in
                        RadioRow(selected: choice.format == format, label: choice.label, explanation: choice.explanation) {
                            format = choice.format
                        }
                    }
                }
                Section(form.rangeQuestion) {
                    ForEach(form.ranges, id: \.range) { choice in
                        RadioRow(selected: choice.range == range, label: choice.label, explanation: nil) {
                            range = choice.range
                        }
                    }
                }
                Section {
                    Toggle(form.passphraseToggle, isOn: $locked)
                        .frame(minHeight: 44)
                    Text(form.passphraseHelp).font(.footnote)
                    if locked {
                        SecureField(form.passphraseLabel, text: $passphrase)
                            .frame(minHeight: 44)
                    }
                }
                Section {
                    Label(form.privacy, systemImage: "lock.shield")
                }
                Section {
                    if let error {
                        Label(error, systemImage: "exclamationmark.triangle")
                    }
                    Button {
                        share(ShareChoice(format: format, range: range, passphrase: locked ? passphrase : nil))
                    } label: {
                        Text(busy ? "Preparing…" : "Share")
                            .font(.title3)
                            .frame(maxWidth: .infinity, minHeight: 56)
                    }
                    .disabled(busy)
                }
                if let shared {
                    Section("Ready") {
                        ForEach(shared.files, id: \.path) { file in
                            Text(file.label).font(.footnote)
                        }
                        if let note = shared.passphraseNote {
                            Label(note, systemImage: "lock")
                        }
                    }
                }
            }
        }
        .navigationTitle("Share with my therapist")
        .task { load() }
        .sheet(isPresented: $sharing) {
            ActivitySheet(urls: shared?.files.map { URL(fileURLWithPath: $0.path) } ?? [])
        }
    }

    private func load() {
        guard form == nil, let form = model.run({ try $0.shareForm() }) else { return }
        self.form = form
        format = form.format
        range = form.range
    }

    /// The core writes the export (it may take a few seconds for years of practice), then
    /// the share sheet gets the files.
    private func share(_ choice: ShareChoice) {
        guard let core = model.core else { return }
        let folder: URL
        do {
            folder = try Self.exportFolder()
        } catch {
            self.error = AppModel.describe(error)
            return
        }
        let now = AppModel.now()
        busy = true
        Task {
            let outcome = await Task.detached(priority: .userInitiated) {
                Result { try core.prepareShare(choice: choice, dir: folder.path, now: now) }
            }.value
            busy = false
            switch outcome {
            case let .success(export):
                shared = export
                error = nil
                sharing = true
            case let .failure(failure):
                error = AppModel.describe(failure)
            }
        }
    }

    /// The temporary folder the core writes exports to share into. What an earlier share
    /// left there is removed first: a health record should not stay on the phone longer
    /// than the next share.
    static func exportFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exports")
        if FileManager.default.fileExists(atPath: folder.path) {
            for old in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
                try FileManager.default.removeItem(at: old)
            }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// One choice of several: the whole row is the target, the check mark and the words tell
/// the choice (and VoiceOver hears it as selected).
private struct RadioRow: SwiftUI.View {
    let selected: Bool
    let label: String
    let explanation: String?
    let onSelect: () -> Void

    var body: some SwiftUI.View {
        Button(action: onSelect) {
            HStack(alignment: .firstTextBaseline, spacing: 12) {
                Image(systemName: selected ? "checkmark.circle.fill" : "circle")
                    .accessibilityHidden(true)
                VStack(alignment: .leading, spacing: 4) {
                    Text(label).font(.headline)
                    if let explanation {
                        Text(explanation).font(.subheadline)
                    }
                }
            }
            .frame(maxWidth: .infinity, minHeight: 44, alignment: .leading)
        }
        .buttonStyle(.plain)
        .accessibilityElement(children: .combine)
        .accessibilityAddTraits(selected ? .isSelected : [])
    }
}

/// The system share sheet for the export's files.
private struct ActivitySheet: UIViewControllerRepresentable {
    let urls: [URL]

    func makeUIViewController(context: UIViewControllerRepresentableContext<ActivitySheet>) -> UIActivityViewController {
        UIActivityViewController(activityItems: urls, applicationActivities: nil)
    }

    func updateUIViewController(
        _ controller: UIActivityViewController, context: UIViewControllerRepresentableContext<ActivitySheet>
    ) {}
}
