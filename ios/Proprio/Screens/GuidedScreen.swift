// A guided session of any kind but left/right, mirroring android/ui GuidedScreen.kt: the
// core's `SessionStep` drawn as it is (position, title, prompt, the picture, the countdown
// of the core's seconds, the rating scale with its end words or the choices, the helper's
// prompt, what comes next, Stop); each answer goes to `answerStep`, and when no step is
// left `finishGuided` gives the closing words.
import ProprioCore
import SwiftUI

struct GuidedScreen: SwiftUI.View {
    let sessionId: Int64
    @EnvironmentObject private var model: AppModel
    @Environment(\.colorScheme) private var colorScheme
    @State private var step: SessionStep?
    @State private var notice: String?
    @State private var results: GuidedResults?
    @State private var picture: CGImage?
    @State private var secondsLeft: UInt32 = 0
    @State private var slider: Double = 0

    var body: some SwiftUI.View {
        List {
            if let results {
                Section {
                    if let notice { Text(notice) }
                    Text(results.message)
                    LabeledContent("Steps answered", value: "\(results.answered) / \(results.totalSteps)")
                    Button("Back to Today") { model.path = [] }
                        .frame(minHeight: 56)
                }
            } else if let step {
                Section {
                    ProgressView(value: Double(step.index), total: Double(max(step.total, 1)))
                    Text("\(step.index + 1) / \(step.total)").font(.headline)
                    if let notice { Text(notice) }
                    Text(step.prompt)
                    if let picture {
                        Image(decorative: picture, scale: 1)
                            .resizable()
                            .scaledToFit()
                    }
                    if let sensory = step.sensory {
                        Text(sensory.target).font(.largeTitle)
                    }
                    if step.timer != nil, let words = model.core?.countdownWords(secondsLeft: secondsLeft) {
                        Text(words.shown)
                            .font(.system(size: 56, weight: .semibold, design: .rounded))
                            .monospacedDigit()
                            .frame(maxWidth: .infinity)
                            .accessibilityLabel(words.spoken)
                    }
                }
                Section {
                    if let scale = step.rating {
                        rating(scale)
                    } else if !step.choices.isEmpty {
                        ForEach(step.choices, id: \.id) { choice in
                            Button(choice.label) { answer(.choice(id: choice.id)) }
                                .frame(minHeight: 48)
                        }
                    } else {
                        Button("Done") { answer(.done) }
                            .font(.title3)
                            .frame(minHeight: 56)
                    }
                    if let next = step.next {
                        LabeledContent("Next", value: next)
                    }
                    Button("Stop session", role: .destructive) { answer(.stop) }
                        .frame(minHeight: 48)
                }
            }
        }
        .navigationTitle(results == nil ? (step?.title ?? "") : "Session over")
        .navigationBarBackButtonHidden(results == nil)
        .task { load() }
        .task(id: step?.index) { await countDown() }
        .task(id: step?.picture) { draw() }
    }

    @ViewBuilder private func rating(_ scale: RatingScale) -> some SwiftUI.View {
        LabeledContent("\(scale.min)", value: scale.minLabel)
        LabeledContent("\(scale.max)", value: scale.maxLabel)
        if scale.max - scale.min <= 10 {
            ScrollView(.horizontal) {
                HStack {
                    ForEach(Array(scale.min...scale.max), id: \.self) { value in
                        Button("\(value)") { answer(.rating(value: value)) }
                            .buttonStyle(.bordered)
                            .frame(minWidth: 48, minHeight: 48)
                    }
                }
            }
        } else {
            Slider(value: $slider, in: Double(scale.min)...Double(scale.max), step: 1)
            Button("Save \(Int(slider))") { answer(.rating(value: UInt32(slider))) }
                .frame(minHeight: 56)
        }
    }

    private func load() {
        guard step == nil, results == nil else { return }
        if let current = model.run({ try $0.currentStep(sessionId: sessionId) }) {
            if let current {
                show(current)
            } else {
                finish()
            }
        }
    }

    private func show(_ next: SessionStep) {
        step = next
        secondsLeft = next.timer?.seconds ?? 0
        slider = Double(next.rating?.min ?? 0)
    }

    private func answer(_ answer: StepAnswer) {
        guard let step else { return }
        guard let result = model.run({
            try $0.answerStep(sessionId: sessionId, index: step.index, answer: answer, now: AppModel.now())
        }) else { return }
        notice = result.notice
        if let next = result.next {
            show(next)
        } else {
            self.step = nil
            finish()
        }
    }

    /// Finishes the session for its closing words; a finished session can meet a kind's
    /// target, so the reminders are re-planned, as after a left/right session.
    private func finish() {
        results = model.run { try $0.finishGuided(sessionId: sessionId, now: AppModel.now()) }
        Task { await model.reminders.sync() }
    }

    /// Only counts the core's seconds down (drawn and spoken in the core's words); the patient says Done.
    private func countDown() async {
        while secondsLeft > 0 {
            try? await Task.sleep(nanoseconds: 1_000_000_000)
            if Task.isCancelled { return }
            secondsLeft -= 1
        }
    }

    private func draw() {
        guard let id = step?.picture else {
            picture = nil
            return
        }
        guard let drawn = try? renderStimulusId(id: id, size: Picture.trialSize, backdrop: colorScheme.backdrop) else {
            picture = nil
            return
        }
        picture = Picture.cgImage(drawn)
    }
}
