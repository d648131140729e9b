// The therapist's plan, mirroring android/ui PlanScreen.kt: the core's `planScreen()` drawn
// as it is (the plan in force in sentences, or that there is none yet; the ways in; the
// plans received). What the patient offers (a typed or pasted code, a file from
// `.fileImporter` or opened with the app from another one, a QR code scanned with
// VisionKit) goes to the core's preview; Accept hands the preview's text to the import
// call for its source.
import ProprioCore
import SwiftUI
import UniformTypeIdentifiers
import VisionKit

struct PlanScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var page: PlanPage?
    @State private var code = ""
    @State private var preview: PlanPreview?
    @State private var refusal: PlanRefusal?
    @State private var accepted = false
    @State private var choosingFile = false
    @State private var scanning = false

    var body: some SwiftUI.View {
        List {
            if let preview {
                previewSections(preview)
            } else if let page {
                pageSections(page)
            }
        }
        .navigationTitle(preview == nil ? "Your plan" : "New plan")
        .task {
            page = model.run { try $0.planScreen() }
            takeIncoming()
        }
        .onChange(of: model.incomingPlan) { _ in takeIncoming() }
        .fileImporter(isPresented: $choosingFile, allowedContentTypes: [.json, .plainText, .data]) { result in
            guard case let .success(url) = result, let limit = page?.maxFileBytes else { return }
            Task {
                if let bytes = await PlanInputs.read(url, atMost: limit + 1) { showFile(bytes) }
            }
        }
        .sheet(isPresented: $scanning) {
            QrScannerView { text in
                scanning = false
                code = text
                show { try $0.previewPlanCode(code: text, now: AppModel.now()) }
            }
            .ignoresSafeArea()
        }
    }

    @ViewBuilder private func pageSections(_ page: PlanPage) -> some SwiftUI.View {
        if accepted {
            Section {
                Label("Saved: this is your plan now", systemImage: "checkmark.circle")
                    .accessibilityAddTraits(.updatesFrequently)
            }
        }
        Section {
            if let from = page.inForceFrom { Text(from).font(.headline) }
            if let dates = page.inForceDates { Text(dates).font(.subheadline) }
            ForEach(Array(page.inForce.enumerated()), id: \.offset) { _, line in Text(line) }
        }
        Section(page.newPlanHeading) {
            ForEach(page.waysIn, id: \.way) { way in
                switch way.way {
                case .code:
                    Text(way.label).font(.headline).accessibilityAddTraits(.isHeader)
                    Text(way.hint).font(.subheadline)
                    TextField(page.codeLabel, text: $code, prompt: Text(page.codeHint), axis: .vertical)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                        .lineLimit(2...6)
                    Button("Check the code") {
                        show { try $0.previewPlanCode(code: code, now: AppModel.now()) }
                    }
                    .disabled(code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                    .frame(minHeight: 48)
                    if let refusal { refusalView(refusal) }
                case .file:
                    wayButton(way) { choosingFile = true }
                case .scan:
                    if QrScannerView.canScan { wayButton(way) { scanning = true } }
                }
            }
        }
        if !page.history.isEmpty {
            Section(page.historyHeading) {
                ForEach(page.history, id: \.id) { item in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(item.heading).font(.headline)
                        Text(item.fromLine).font(.subheadline)
                        ForEach(Array(item.changes.enumerated()), id: \.offset) { _, change in
                            Text("• \(change)").font(.subheadline)
                        }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
        }
    }

    @ViewBuilder private func previewSections(_ preview: PlanPreview) -> some SwiftUI.View {
        Section {
            Text(preview.fromLine).font(.headline)
            Text(preview.dateLine).font(.subheadline)
        }
        ForEach(Array(preview.warnings.enumerated()), id: \.offset) { _, warning in
            Section {
                Label {
                    VStack(alignment: .leading, spacing: 4) {
                        Text("Please note").font(.headline)
                        Text(warning.text)
                    }
                } icon: {
                    Image(systemName: "exclamationmark.triangle.fill")
                }
                .accessibilityElement(children: .combine)
            }
        }
        Section("What changes") {
            ForEach(Array(preview.changes.enumerated()), id: \.offset) { _, change in Text(change.text) }
        }
        if !preview.stageMoves.isEmpty {
            Section("Your stages") {
                ForEach(Array(preview.stageMoves.enumerated()), id: \.offset) { _, move in Text(move.sentence) }
            }
        }
        Section {
            Text(preview.question).font(.headline)
            Button { accept(preview) } label: {
                Text(preview.confirmLabel).font(.title3).frame(maxWidth: .infinity, minHeight: 56)
            }
            Button("Not now") { self.preview = nil }
                .frame(minHeight: 48)
        }
    }

    private func wayButton(_ way: PlanWayIn, action: @escaping () -> Void) -> some SwiftUI.View {
        VStack(alignment: .leading, spacing: 4) {
            Button(way.label, action: action).frame(minHeight: 48)
            Text(way.hint).font(.subheadline)
        }
    }

    private func refusalView(_ refusal: PlanRefusal) -> some SwiftUI.View {
        Label {
            VStack(alignment: .leading, spacing: 4) {
                Text("Not read").font(.headline)
                Text(refusal.sentence)
                if !refusal.details.isEmpty {
                    Text("For your therapist:").font(.subheadline.bold())
                    ForEach(Array(refusal.details.enumerated()), id: \.offset) { _, detail in
                        Text(detail).font(.footnote)
                    }
                }
            }
        } icon: {
            Image(systemName: "exclamationmark.triangle.fill")
        }
        .accessibilityElement(children: .combine)
    }

    /// Asks the core for a preview; a code or file it cannot use is shown with its sentence.
    private func show(_ read: (Proprio) throws -> PlanPreview) {
        accepted = false
        guard let core = model.core else { return }
        do {
            preview = try read(core)
            refusal = nil
        } catch let ProprioError.PlanNotRead(_, sentence, details) {
            preview = nil
            refusal = PlanRefusal(sentence: sentence, details: details.map { "\($0.path): \($0.reason)" })
        } catch {
            preview = nil
            refusal = PlanRefusal(sentence: AppModel.describe(error), details: [])
        }
    }

    private func accept(_ preview: PlanPreview) {
        let entry = model.run { core -> PlanEntry in
            switch preview.source {
            case .file: return try core.importPlan(json: preview.text, now: AppModel.now())
            case .code: return try core.importPlanCode(code: preview.text, now: AppModel.now())
            }
        }
        guard entry != nil else { return }
        Task { await model.reminders.sync() }
        page = model.run { try $0.planScreen() }
        self.preview = nil
        code = ""
        accepted = true
    }

    private func showFile(_ bytes: Data) {
        show { try $0.previewPlanFile(bytes: bytes, now: AppModel.now()) }
    }

    /// A plan file opened with the app from another one (read by `AppModel.openPlan`):
    /// taken once, into the same preview as a picked file.
    private func takeIncoming() {
        guard let incoming = model.incomingPlan else { return }
        model.incomingPlan = nil
        showFile(incoming.bytes)
    }
}

/// Why an offered plan was not shown: the core's sentence, and its problems for the therapist.
struct PlanRefusal {
    let sentence: String
    let details: [String]
}
