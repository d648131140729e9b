// Names for the core's cases and formats for its numbers: how values are shown, never
// what they mean. Shared by every screen.
import Foundation
import ProprioCore

enum Labels {
    static func bodyPart(_ part: BodyPart) -> String {
        switch part {
        case .hand: return "Hand"
        case .foot: return "Foot"
        case .back: return "Back"
        case .neck: return "Neck"
        case .knee: return "Knee"
        case .shoulder: return "Shoulder"
        }
    }

    static func side(_ side: Side) -> String {
        switch side {
        case .left: return "Left"
        case .right: return "Right"
        }
    }

    static func kind(_ kind: SessionKind) -> String {
        switch kind {
        case .leftRight: return "Left/right judgement"
        case .motorImagery: return "Motor imagery"
        case .mirror: return "Mirror therapy"
        case .desensitisation: return "Desensitisation"
        case .exposure: return "Exposure"
        case .sensoryDiscrimination: return "Sensory discrimination"
        }
    }

    static func state(_ state: SessionState) -> String {
        switch state {
        case .running: return "Running"
        case .completed: return "Completed"
        case .aborted: return "Stopped early"
        case .interrupted: return "Interrupted"
        }
    }

    static func handedness(_ handedness: Handedness) -> String {
        switch handedness {
        case .left: return "Left-handed"
        case .right: return "Right-handed"
        case .mixed: return "Both hands"
        }
    }

    /// A fraction 0...1 as a whole percentage; "–" when the core has no value.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "–" }
        return fraction.formatted(.percent.precision(.fractionLength(0)))
    }

    static func milliseconds(_ ms: Double?) -> String {
        guard let ms else { return "–" }
        return "\(Int(ms.rounded())) ms"
    }

    /// A stored instant in the zone it was recorded in.
    static func dateTime(_ time: WallTime) -> String {
        let date = Date(timeIntervalSince1970: Double(time.unixMs) / 1000)
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened)
        style.timeZone = TimeZone(identifier: time.zone) ?? .current
        return date.formatted(style)
    }
}
