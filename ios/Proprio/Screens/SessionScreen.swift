// The left/right session: a full-screen picture and two large buttons. The core plans
// the pictures, scores each answer and says whether (and how long) to show feedback; this
// screen draws the prompt it gets, measures onset and response (TrialSurface) and hands
// both to the core. Leaving the foreground voids the trial on screen.
import ProprioCore
import SwiftUI

struct SessionScreen: SwiftUI.View {
    let bodyPart: BodyPart
    @EnvironmentObject private var model: AppModel
    @Environment(\.scenePhase) private var scenePhase
    @StateObject private var run = LeftRightRun()

    var body: some SwiftUI.View {
        VStack(spacing: 8) {
            switch run.phase {
            case .starting:
                ProgressView("Preparing pictures…")
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            case .trial, .feedback:
                header
                ZStack {
                    TrialSurface(
                        showing: run.showing,
                        bodyPartName: Labels.bodyPart(bodyPart),
                        onOnset: { run.onset($0) },
                        onAnswer: { side, ns in run.answer(side, at: ns) })
                    if case let .feedback(outcome) = run.phase {
                        FeedbackBadge(outcome: outcome)
                    }
                }
            case .finished:
                ProgressView()
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            }
        }
        .navigationTitle(Labels.bodyPart(bodyPart))
        .navigationBarTitleDisplayMode(.inline)
        .navigationBarBackButtonHidden(true)
        .toolbar {
            ToolbarItem(placement: .cancellationAction) {
                Button("Stop") { run.stop() }
                    .accessibilityHint("Ends the session early. Your answers so far are kept.")
            }
        }
        .task { run.start(bodyPart: bodyPart, model: model) }
        .onChange(of: scenePhase) { phase in
            if phase != .active {
                run.void()
            }
        }
        .onDisappear { run.cancelTimer() }
    }

    private var header: some SwiftUI.View {
        Text(run.prompt.map { "Picture \($0.position) of \($0.total)" } ?? "")
            .font(.headline)
            .accessibilityAddTraits(.updatesFrequently)
    }
}

/// Right, wrong, too quick or too slow: said with an icon and words, not colour alone.
private struct FeedbackBadge: SwiftUI.View {
    let outcome: AnswerOutcome

    var body: some SwiftUI.View {
        Label(title, systemImage: symbol)
            .font(.title.bold())
            .padding()
            .background(.regularMaterial, in: RoundedRectangle(cornerRadius: 16))
            .accessibilityElement(children: .combine)
    }

    private var title: String {
        if outcome.timeout { return "Time is up" }
        if outcome.anticipation { return "Too quick" }
        return outcome.correct ? "Correct" : "Not this time"
    }

    private var symbol: String {
        if outcome.timeout { return "clock" }
        if outcome.anticipation { return "hare" }
        return outcome.correct ? "checkmark.circle" : "xmark.circle"
    }
}

/// One left/right session's loop: start, show, answer (or time out, or void), finish.
@MainActor
final class LeftRightRun: ObservableObject {
    enum Phase {
        case starting
        case trial
        case feedback(AnswerOutcome)
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

    func start(bodyPart: BodyPart, model: AppModel) {
        guard self.model == nil else { return }
        self.model = model
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
        guard let model, let prompt, case .trial = phase else { return }
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
        guard let feedbackMs = outcome.feedbackMs else {
            next(outcome)
            return
        }
        phase = .feedback(outcome)
        Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(feedbackMs) * 1_000_000)
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

    /// Draws the prompt's picture off the main thread, then shows it.
    private func show(_ prompt: TrialPrompt) {
        self.prompt = prompt
        onsetNs = nil
        phase = .trial
        showings += 1
        let token = showings
        showing = Showing(token: token, image: nil)
        let spec = prompt.stimulus
        Task { [weak self] in
            let image = await Task.detached(priority: .userInitiated) {
                Picture.image(spec, size: Picture.trialSize)
            }.value
            guard let self, self.showings == token else { return }
            self.showing = Showing(token: token, image: image)
        }
    }
}
