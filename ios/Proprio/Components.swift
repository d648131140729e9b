// Pieces more than one screen draws alike, as android/ui Components.kt has them.
import SwiftUI

/// A row's button in a list: a 44-point target of its own, named for VoiceOver with what
/// it acts on ("Move silk up").
struct CardButton: SwiftUI.View {
    let title: String
    let spoken: String
    var enabled = true
    let action: () -> Void

    var body: some SwiftUI.View {
        Button(title, action: action)
            .buttonStyle(.borderless)
            .frame(minWidth: 44, minHeight: 44)
            .disabled(!enabled)
            .accessibilityLabel(spoken)
    }
}

/// A refused edit: "Not changed" and the core's words, marked by an icon, not by colour
/// alone, and read as one.
struct RefusalLabel: SwiftUI.View {
    let sentence: String

    var body: some SwiftUI.View {
        Label {
            VStack(alignment: .leading, spacing: 4) {
                Text("Not changed").font(.headline)
                Text(sentence)
            }
        } icon: {
            Image(systemName: "exclamationmark.triangle.fill")
        }
        .accessibilityElement(children: .combine)
    }
}
