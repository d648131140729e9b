// The left/right trial surface, in UIKit because SwiftUI gives neither time: the onset is
// the display link's timestamp of the first frame that shows the picture, the response
// the touch's own `UITouch.timestamp`. Both are on the uptime clock (mach absolute time,
// seconds since boot), so their difference is the response time; the core computes it.
import ProprioCore
import SwiftUI
import UIKit

/// Seconds on the uptime clock to the nanoseconds the core takes.
func uptimeNanoseconds(_ seconds: TimeInterval) -> Int64 {
    Int64((seconds * 1_000_000_000).rounded())
}

struct TrialSurface: UIViewRepresentable {
    /// The picture to show; a new token means a new showing, timed from its first frame.
    let showing: LeftRightRun.Showing?
    /// What VoiceOver says for the picture: the core's words for this prompt.
    let pictureLabel: String
    let onOnset: (Int64) -> Void
    let onAnswer: (Side, Int64) -> Void

    func makeUIView(context: UIViewRepresentableContext<TrialSurface>) -> TrialSurfaceView {
        TrialSurfaceView()
    }

    func updateUIView(_ view: TrialSurfaceView, context: UIViewRepresentableContext<TrialSurface>) {
        view.onOnset = onOnset
        view.onAnswer = onAnswer
        view.setPictureLabel(pictureLabel)
        view.show(showing?.image, token: showing?.token)
    }

    static func dismantleUIView(_ view: TrialSurfaceView, coordinator: ()) {
        view.stop()
    }
}

final class TrialSurfaceView: UIView {
    var onOnset: ((Int64) -> Void)?
    var onAnswer: ((Side, Int64) -> Void)?

    private let pictureView = UIImageView()
    private let leftButton = AnswerButton(side: .left)
    private let rightButton = AnswerButton(side: .right)
    private let haptic = UIImpactFeedbackGenerator(style: .light)
    private var displayLink: CADisplayLink?
    private var shownToken: Int?
    private var shownImage: CGImage?
    private var waitingForFirstFrame = false
    /// Answers count only while a picture is on screen, once per picture.
    private var accepting = false

    override init(frame: CGRect) {
        super.init(frame: frame)
        backgroundColor = .systemBackground
        pictureView.contentMode = .scaleAspectFit
        pictureView.isAccessibilityElement = true
        pictureView.accessibilityTraits = .image
        for button in [leftButton, rightButton] {
            button.onPress = { [weak self] side, seconds in self?.answer(side, seconds) }
        }
        let buttons = UIStackView(arrangedSubviews: [leftButton, rightButton])
        buttons.axis = .horizontal
        buttons.distribution = .fillEqually
        buttons.spacing = 12
        let stack = UIStackView(arrangedSubviews: [pictureView, buttons])
        stack.axis = .vertical
        stack.spacing = 12
        stack.translatesAutoresizingMaskIntoConstraints = false
        addSubview(stack)
        NSLayoutConstraint.activate([
            stack.leadingAnchor.constraint(equalTo: safeAreaLayoutGuide.leadingAnchor, constant: 12),
            stack.trailingAnchor.constraint(equalTo: safeAreaLayoutGuide.trailingAnchor, constant: -12),
            stack.topAnchor.constraint(equalTo: safeAreaLayoutGuide.topAnchor),
            stack.bottomAnchor.constraint(equalTo: safeAreaLayoutGuide.bottomAnchor, constant: -12),
            // Large targets: a quarter of the height, never under 88 points.
            buttons.heightAnchor.constraint(greaterThanOrEqualToConstant: 88),
            buttons.heightAnchor.constraint(equalTo: stack.heightAnchor, multiplier: 0.25),
        ])
        accessibilityElements = [pictureView, leftButton, rightButton]
    }

    @available(*, unavailable)
    required init?(coder: NSCoder) {
        fatalError("not used from a storyboard")
    }

    func setPictureLabel(_ text: String) {
        pictureView.accessibilityLabel = text
    }

    /// Shows a new picture and waits for the first frame that carries it. Until a
    /// showing's image is drawn, the surface is blank and answers are not taken.
    func show(_ image: CGImage?, token: Int?) {
        guard token != shownToken || image !== shownImage else { return }
        shownToken = token
        shownImage = image
        accepting = false
        guard let image else {
            waitingForFirstFrame = false
            pictureView.image = nil
            return
        }
        pictureView.image = UIImage(cgImage: image)
        // The image is committed with this run-loop pass; the next display-link callback
        // comes after that commit, and its target timestamp is when the frame carrying
        // the picture reaches the screen.
        waitingForFirstFrame = true
        if displayLink == nil {
            let link = CADisplayLink(target: self, selector: #selector(displayLinkFired(_:)))
            link.add(to: .main, forMode: .common)
            displayLink = link
        }
        displayLink?.isPaused = false
        haptic.prepare()
    }

    func stop() {
        displayLink?.invalidate()
        displayLink = nil
    }

    @objc private func displayLinkFired(_ link: CADisplayLink) {
        guard waitingForFirstFrame else { return }
        waitingForFirstFrame = false
        link.isPaused = true
        accepting = true
        onOnset?(uptimeNanoseconds(link.targetTimestamp))
    }

    private func answer(_ side: Side, _ seconds: TimeInterval) {
        guard accepting else { return }
        accepting = false
        haptic.impactOccurred()
        onAnswer?(side, uptimeNanoseconds(seconds))
    }
}

/// One large answer button. It reports the touch's own timestamp: when the finger came
/// down, not when the event reached the app.
final class AnswerButton: UIView {
    var onPress: ((Side, TimeInterval) -> Void)?
    private let side: Side
    private let label = UILabel()
    private let arrow = UIImageView()

    init(side: Side) {
        self.side = side
        super.init(frame: .zero)
        backgroundColor = .secondarySystemBackground
        layer.cornerRadius = 16
        layer.borderWidth = 2
        layer.borderColor = UIColor.label.cgColor
        label.font = UIFont.preferredFont(forTextStyle: .title2)
        label.adjustsFontForContentSizeCategory = true
        label.numberOfLines = 0
        label.textAlignment = .center
        label.textColor = .label
        // The shell's own button labels.
        let text = side == .left ? "Left" : "Right"
        label.text = text
        accessibilityLabel = text
        arrow.image = UIImage(systemName: side == .left ? "arrow.left" : "arrow.right")
        arrow.tintColor = .label
        arrow.preferredSymbolConfiguration = UIImage.SymbolConfiguration(textStyle: .title1)
        arrow.adjustsImageSizeForAccessibilityContentSizeCategory = true
        let stack = UIStackView(arrangedSubviews: [arrow, label])
        stack.axis = .vertical
        stack.alignment = .center
        stack.spacing = 4
        stack.isUserInteractionEnabled = false
        stack.translatesAutoresizingMaskIntoConstraints = false
        addSubview(stack)
        NSLayoutConstraint.activate([
            stack.centerXAnchor.constraint(equalTo: centerXAnchor),
            stack.centerYAnchor.constraint(equalTo: centerYAnchor),
            stack.leadingAnchor.constraint(greaterThanOrEqualTo: leadingAnchor, constant: 8),
            stack.trailingAnchor.constraint(lessThanOrEqualTo: trailingAnchor, constant: -8),
        ])
        isAccessibilityElement = true
        accessibilityTraits = .button
    }

    @available(*, unavailable)
    required init?(coder: NSCoder) {
        fatalError("not used from a storyboard")
    }

    override func touchesBegan(_ touches: Set<UITouch>, with event: UIEvent?) {
        guard let touch = touches.first else { return }
        onPress?(side, touch.timestamp)
    }

    /// VoiceOver's double tap: no touch to read, so the activation time on the same clock.
    override func accessibilityActivate() -> Bool {
        onPress?(side, ProcessInfo.processInfo.systemUptime)
        return true
    }
}
