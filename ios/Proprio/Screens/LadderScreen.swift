// The graded-exposure ladder, mirroring android/ui LadderScreen.kt: the core's
// `exposureLadderForm()` drawn as it is — its title and intro; the activities, least
// feared first, each in bold with the core's summary below (its fear, how often it was
// practised, passed or practising now, in words), each with Change (the same fields,
// prefilled, in place of the row) and Remove; then the form to add one: the activity up to
// the form's length, its fear on the form's scale between its two anchors. The core checks
// each edit (`addExposureStep`, `updateExposureStep`, `removeExposureStep`) and a refusal
// shows in its words (a refused change keeps its editor open); after each edit the form
// is read again.
import ProprioCore
import SwiftUI

struct LadderScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var form: ExposureLadderForm?
    @State private var activity = ""
    @State private var fear: Double = 0
    /// The activity being changed, with its fields as typed so far.
    @State private var editing: StepDraft?
    @State private var editRefusal: String?

    var body: some SwiftUI.View {
        Form {
            if let form {
                Section {
                    Text(form.intro)
                }
                Section {
                    if form.steps.isEmpty {
                        Text(form.empty)
                    }
                    ForEach(form.steps, id: \.id) { row in
                        if editing?.id == row.id {
                            editor(form)
                        } else {
                            stepRow(row)
                        }
                    }
                    .onDelete { offsets in
                        for offset in offsets where form.steps.indices.contains(offset) {
                            remove(form.steps[offset])
                        }
                    }
                }
                addSection(form)
            }
        }
        .navigationTitle(form?.title ?? "")
        .task { load() }
    }

    /// The activity and its summary, the buttons below them (beside them, a large font
    /// squeezed the words), side by side while they fit.
    private func stepRow(_ row: LadderRow) -> some SwiftUI.View {
        VStack(alignment: .leading, spacing: 8) {
            VStack(alignment: .leading, spacing: 4) {
                Text(row.activity).font(.headline)
                Text(row.summary).font(.subheadline)
            }
            .frame(maxWidth: .infinity, alignment: .leading)
            .accessibilityElement(children: .combine)
            ViewThatFits(in: .horizontal) {
                HStack(spacing: 16) { stepButtons(row) }
                VStack(alignment: .leading, spacing: 4) { stepButtons(row) }
            }
        }
        .padding(.vertical, 4)
    }

    @ViewBuilder private func stepButtons(_ row: LadderRow) -> some SwiftUI.View {
        CardButton(title: "Change", spoken: "Change \(row.activity)") {
            editing = StepDraft(id: row.id, activity: row.activity, fear: Double(row.fear))
            editRefusal = nil
        }
        CardButton(title: "Remove", spoken: "Remove \(row.activity)") { remove(row) }
    }

    /// The activity being changed, in place of its row: the add form's fields, prefilled.
    @ViewBuilder private func editor(_ form: ExposureLadderForm) -> some SwiftUI.View {
        if let draft = editing {
            VStack(alignment: .leading, spacing: 12) {
                TextField(
                    form.activityLabel,
                    text: Binding(get: { editing?.activity ?? "" }, set: { editing?.activity = $0 }),
                    prompt: Text(form.activityHint),
                    axis: .vertical
                )
                .lineLimit(1...4)
                .onChange(of: draft.activity) { text in
                    if text.count > Int(form.maxActivityChars) {
                        editing?.activity = String(text.prefix(Int(form.maxActivityChars)))
                    }
                }
                FearField(scale: form.fear, value: Binding(get: { editing?.fear ?? 0 }, set: { editing?.fear = $0 }))
                if let editRefusal {
                    RefusalLabel(sentence: editRefusal)
                }
                HStack(spacing: 16) {
                    CardButton(title: "Save", spoken: "Save the changes to \(draft.original)") {
                        if let current = editing { save(current) }
                    }
                    CardButton(title: "Cancel", spoken: "Keep \(draft.original) as it was") {
                        editing = nil
                        editRefusal = nil
                    }
                }
            }
            .padding(.vertical, 4)
        }
    }

    @ViewBuilder private func addSection(_ form: ExposureLadderForm) -> some SwiftUI.View {
        Section {
            TextField(form.activityLabel, text: $activity, prompt: Text(form.activityHint), axis: .vertical)
                .lineLimit(1...4)
                .onChange(of: activity) { text in
                    if text.count > Int(form.maxActivityChars) {
                        activity = String(text.prefix(Int(form.maxActivityChars)))
                    }
                }
            FearField(scale: form.fear, value: $fear)
            Button("Add") { add(form) }
                .frame(minHeight: 44)
                .disabled(!form.canAdd)
            if !form.canAdd {
                Label(form.full, systemImage: "info.circle")
            }
        } header: {
            Text(form.activityLabel)
        }
    }

    private func load() {
        let first = form == nil
        form = model.run { try $0.exposureLadderForm() }
        if first, let form { fear = Double(form.fear.min) }
    }

    private func add(_ form: ExposureLadderForm) {
        let rated = UInt8(clamping: Int(fear.rounded()))
        if model.run({ try $0.addExposureStep(activity: activity, fear: rated) }) != nil {
            activity = ""
            fear = Double(form.fear.min)
            load()
        }
    }

    private func remove(_ row: LadderRow) {
        model.run { try $0.removeExposureStep(id: row.id) }
        if editing?.id == row.id { editing = nil }
        load()
    }

    /// Sends the activity and its fear as typed; the core checks both. A refusal keeps the
    /// editor open with the core's words.
    private func save(_ draft: StepDraft) {
        guard let core = model.core else { return }
        let rated = UInt8(clamping: Int(draft.fear.rounded()))
        do {
            _ = try core.updateExposureStep(id: draft.id, activity: draft.activity, fear: rated)
            editing = nil
            editRefusal = nil
            load()
        } catch {
            editRefusal = AppModel.describe(error)
        }
    }
}

/// An activity's fear on the form's scale, as the add form and the editor both show it:
/// the number (also given to VoiceOver), a slider from `min` to `max` by `step`, and the
/// scale's two anchors as text.
private struct FearField: SwiftUI.View {
    let scale: ScaleField
    @Binding var value: Double

    var body: some SwiftUI.View {
        VStack(alignment: .leading, spacing: 8) {
            LabeledContent(scale.label, value: "\(Int(value))")
            Slider(value: $value, in: Double(scale.min)...Double(scale.max), step: Double(scale.step)) {
                Text(scale.label)
            }
            .accessibilityValue("\(Int(value))")
            .accessibilityHint("\(scale.lowAnchor), \(scale.highAnchor)")
            Text(scale.lowAnchor).font(.footnote)
            Text(scale.highAnchor).font(.footnote)
        }
    }
}

/// An activity being changed: its id, the name it had, and the fields as typed.
private struct StepDraft {
    let id: Int64
    let original: String
    var activity: String
    var fear: Double

    init(id: Int64, activity: String, fear: Double) {
        self.id = id
        original = activity
        self.activity = activity
        self.fear = fear
    }
}
