// The left/right session: a full-screen picture and two large buttons, mirroring
// android/ui SessionScreen.kt and LeftRightRun.kt. The core plans the pictures, scores
// each answer and words the feedback and how long it shows; this screen draws what it
// gets: the fixation cross for `fixationMs`, the picture (drawn ahead from the previous
// prompt's `nextStimulus`), the feedback; it measures onset and response (TrialSurface)
// and hands both to the core. Leaving the foreground voids the trial on screen.
import ProprioCore
import SwiftUI

struct SessionScreen: SwiftUI.View {
    let bodyPart: BodyPart
    @EnvironmentObject private var model: AppModel
    @Environment(\.scenePhase) private var scenePhase
    @Environment(\.colorScheme) private var colorScheme
    @StateObject private var run = LeftRightRun()

    var body: some SwiftUI.View {
        VStack(spacing: 8) {
            switch run.phase {
            case .starting:
                ProgressView("Preparing pictures…")
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            case .fixation, .trial, .feedback:
                header
                ZStack {
                    TrialSurface(
                        showing: run.showing,
                        pictureLabel: run.prompt?.pictureLabel ?? "",
                        onOnset: { run.onset($0) },
                        onAnswer: { side, ns in run.answer(side, at: ns) })
                    if case .fixation = run.phase {
                        FixationCross()
                    }
                    if case let .feedback(feedback) = run.phase {
                        FeedbackBadge(feedback: feedback)
                    }
                }
            case .finished:
                ProgressView()
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            }
        }
        .navigationBarTitleDisplayMode(.inline)
        .navigationBarBackButtonHidden(true)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Stop") { run.stop() }
                    .accessibilityHint("Ends the session early. Your answers so far are kept.")
            }
        }
        .task { run.start(bodyPart: bodyPart, backdrop: colorScheme.backdrop, model: model) }
        .onChange(of: scenePhase) { phase in
            if phase != .active {
                run.void()
            }
        }
        .onDisappear { run.cancelTimer() }
    }

    private var header: some SwiftUI.View {
        Text(run.prompt?.progressText ?? "")
            .font(.headline)
            .accessibilityAddTraits(.updatesFrequently)
    }
}

/// The cross the eyes rest on before each picture (drawn, so there is nothing to read).
private struct FixationCross: SwiftUI.View {
    var body: some SwiftUI.View {
        ZStack {
            Rectangle().frame(width: 4, height: 48)
            Rectangle().frame(width: 48, height: 4)
        }
        .foregroundStyle(.primary)
        .accessibilityHidden(true)
    }
}

/// The core's feedback sentence (it carries its own sign), with an icon: never told by
/// colour alone.
private struct FeedbackBadge: SwiftUI.View {
    let feedback: TrialFeedback

    var body: some SwiftUI.View {
        Label(feedback.text, systemImage: symbol)
            .font(.title.bold())
            .padding()
            .background(.regularMaterial, in: RoundedRectangle(cornerRadius: 16))
            .accessibilityElement(children: .combine)
    }

    private var symbol: String {
        switch feedback.verdict {
        case .correct: return "checkmark.circle"
        case .wrong: return "xmark.circle"
        case .timedOut: return "clock"
        case .tooQuick: return "hare"
        }
    }
}

/// One left/right session's loop: start, show, answer (or time out, or void), finish.
@MainActor
final class LeftRightRun: ObservableObject {
    enum Phase {
        case starting
        /// The fixation cross, for the prompt's `fixationMs`.
        case fixation
        case trial
        case feedback(TrialFeedback)
        case finished
    }

    /// A drawn picture and the number of the showing it belongs to: a voided trial's
    /// replacement is a new showing even if the core gives it the same index.
    struct Showing {
        let token: Int
        let image: CGImage?
    }

    @Published private(set) var phase: Phase = .starting
    @Published private(set) var prompt: TrialPrompt?
    @Published private(set) var showing: Showing?
    private weak var model: AppModel?
    private var onsetNs: Int64?
    private var timer: Task<Void, Never>?
    private var showings = 0
    private var backdrop: Backdrop = .light
    /// Pictures being drawn or drawn, by spec: the one on screen and the next one.
    private var drawn: [StimulusSpec: Task<CGImage?, Never>] = [:]

    func start(bodyPart: BodyPart, backdrop: Backdrop, model: AppModel) {
        guard self.model == nil else { return }
        self.model = model
        self.backdrop = backdrop
        let settings = LeftRightSettings(bodyPart: bodyPart)
        if let start = model.run({ try $0.startLeftRight(settings: settings, now: AppModel.now()) }) {
            show(start.first)
        }
    }

    /// The picture is on screen: the time limit the core set starts now.
    func onset(_ ns: Int64) {
        guard let prompt, onsetNs == nil else { return }
        onsetNs = ns
        let limit = UInt64(prompt.timeLimitMs) * 1_000_000
        timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: limit)
            guard !Task.isCancelled else { return }
            self?.timeOut()
        }
    }

    func answer(_ side: Side, at responseNs: Int64) {
        guard let model, let prompt, let onsetNs, case .trial = phase else { return }
        cancelTimer()
        let outcome = model.run {
            try $0.answerTrial(
                sessionId: prompt.sessionId, index: prompt.index, onsetNs: onsetNs, responseNs: responseNs,
                answer: side)
        }
        if let outcome {
            after(outcome)
        }
    }

    private func timeOut() {
        guard let model, let prompt, let onsetNs, case .trial = phase else { return }
        let outcome = model.run {
            try $0.timeOutTrial(sessionId: prompt.sessionId, index: prompt.index, onsetNs: onsetNs)
        }
        if let outcome {
            after(outcome)
        }
    }

    /// The app left the foreground: the trial on screen no longer measures anything, and
    /// the core gives a fresh picture to show on return.
    func void() {
        guard let model, let prompt else { return }
        switch phase {
        case .fixation, .trial: break
        default: return
        }
        cancelTimer()
        let onset = onsetNs
        if let fresh = model.run({ try $0.voidTrial(sessionId: prompt.sessionId, index: prompt.index, onsetNs: onset) }) {
            show(fresh)
        }
    }

    func stop() {
        cancelTimer()
        guard let model else { return }
        guard let prompt else {
            model.path = []
            return
        }
        model.run { try $0.abortSession(sessionId: prompt.sessionId, now: AppModel.now()) }
        finish(sessionId: prompt.sessionId, model: model)
    }

    func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    /// Feedback for as long as the core says (none when it says none), then the next.
    private func after(_ outcome: AnswerOutcome) {
        guard let feedback = outcome.feedback else {
            next(outcome)
            return
        }
        phase = .feedback(feedback)
        Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(feedback.showMs) * 1_000_000)
            self?.next(outcome)
        }
    }

    private func next(_ outcome: AnswerOutcome) {
        guard let model, let prompt else { return }
        if let following = outcome.next {
            show(following)
        } else {
            model.run { try $0.finishSession(sessionId: prompt.sessionId, now: AppModel.now()) }
            finish(sessionId: prompt.sessionId, model: model)
        }
    }

    private func finish(sessionId: Int64, model: AppModel) {
        phase = .finished
        // A session done changes the reminder plan.
        Task { await model.reminders.sync() }
        model.path = [.summary(sessionId: sessionId)]
    }

    /// The picture for a spec, drawn off the main thread once: asked for ahead of time
    /// (the next prompt's) or when its prompt comes.
    private func draw(_ spec: StimulusSpec) -> Task<CGImage?, Never> {
        if let task = drawn[spec] { return task }
        let backdrop = self.backdrop
        let task = Task.detached(priority: .userInitiated) {
            Picture.image(spec, size: Picture.trialSize, backdrop: backdrop)
        }
        drawn[spec] = task
        return task
    }

    /// The fixation cross for the core's time while the picture is drawn (or was drawn
    /// ahead), then the picture; then the next picture is drawn while this one shows.
    private func show(_ prompt: TrialPrompt) {
        self.prompt = prompt
        onsetNs = nil
        phase = .fixation
        showings += 1
        let token = showings
        showing = Showing(token: token, image: nil)
        let picture = draw(prompt.stimulus)
        Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(prompt.fixationMs) * 1_000_000)
            let image = await picture.value
            guard let self, self.showings == token else { return }
            self.drawn = self.drawn.filter { $0.key == prompt.nextStimulus }
            if let ahead = prompt.nextStimulus {
                _ = self.draw(ahead)
            }
            self.phase = .trial
            self.showing = Showing(token: token, image: image)
        }
    }
}
