// The graded-exposure ladder, mirroring android/ui LadderScreen.kt: the core's
// `exposureLadderForm()` drawn as it is — its title and intro; the activities, least
// feared first, each in bold with the core's summary below (its fear, how often it was
// practised, passed or practising now, in words); then the form to add one: the activity
// up to the form's length, its fear on the form's scale between its two anchors. The core
// checks each edit (`addExposureStep`, `removeExposureStep`) and a refusal shows in its
// words; after each edit the form is read again.
import ProprioCore
import SwiftUI

struct LadderScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var form: ExposureLadderForm?
    @State private var activity = ""
    @State private var fear: Double = 0

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
                        HStack(alignment: .firstTextBaseline, spacing: 12) {
                            VStack(alignment: .leading, spacing: 4) {
                                Text(row.activity).font(.headline)
                                Text(row.summary).font(.subheadline)
                            }
                            .frame(maxWidth: .infinity, alignment: .leading)
                            .accessibilityElement(children: .combine)
                            Button("Remove") { remove(row) }
                                .buttonStyle(.borderless)
                                .frame(minWidth: 44, minHeight: 44)
                                .accessibilityLabel("Remove \(row.activity)")
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

    @ViewBuilder private func addSection(_ form: ExposureLadderForm) -> some SwiftUI.View {
        Section {
            TextField(form.activityLabel, text: $activity, prompt: Text(form.activityHint), axis: .vertical)
                .lineLimit(1...4)
                .onChange(of: activity) { text in
                    if text.count > Int(form.maxActivityChars) {
                        activity = String(text.prefix(Int(form.maxActivityChars)))
                    }
                }
            VStack(alignment: .leading, spacing: 8) {
                LabeledContent(form.fear.label, value: "\(Int(fear))")
                Slider(
                    value: $fear,
                    in: Double(form.fear.min)...Double(form.fear.max),
                    step: Double(form.fear.step)
                ) {
                    Text(form.fear.label)
                }
                .accessibilityValue("\(Int(fear))")
                .accessibilityHint("\(form.fear.lowAnchor), \(form.fear.highAnchor)")
                Text(form.fear.lowAnchor).font(.footnote)
                Text(form.fear.highAnchor).font(.footnote)
            }
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
        load()
    }
}
