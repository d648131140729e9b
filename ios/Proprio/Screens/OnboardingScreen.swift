// Onboarding and the areas to practise: the profile the core keeps (`profile`,
// `updateProfile`): which body parts and sides are affected, handedness, and the skin tone
// of the pictures, chosen from pictures the core draws.
import ProprioCore
import SwiftUI

struct OnboardingScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var affected: [AffectedArea] = []
    @State private var handedness: Handedness?
    @State private var skinTone: UInt8 = 0
    @State private var previews: [UInt8: CGImage] = [:]
    @State private var loaded = false

    /// The skin tones the renderer draws, light to dark.
    private let skinTones: [UInt8] = Array(0...5)

    var body: some SwiftUI.View {
        Form {
            Section {
                Text("Proprio helps you practise recognising left and right, a few minutes at a time. Choose the areas you want to work on.")
            }
            Section("Areas to practise") {
                ForEach(BodyPart.allCases, id: \.self) { part in
                    ForEach(Side.allCases, id: \.self) { side in
                        Toggle(
                            "\(Labels.bodyPart(part)), \(Labels.side(side).lowercased())",
                            isOn: area(AffectedArea(bodyPart: part, side: side)))
                    }
                }
            }
            Section("Handedness") {
                Picker("I write with", selection: $handedness) {
                    Text("Prefer not to say").tag(nil as Handedness?)
                    ForEach(Handedness.allCases, id: \.self) { h in
                        Text(Labels.handedness(h)).tag(Optional(h))
                    }
                }
            }
            Section("Skin tone of the pictures") {
                ScrollView(.horizontal) {
                    HStack(spacing: 12) {
                        ForEach(skinTones, id: \.self) { tone in
                            skinToneButton(tone)
                        }
                    }
                }
            }
            Section {
                Button("Save", action: save)
                    .frame(maxWidth: .infinity, minHeight: 44)
                    .disabled(affected.isEmpty)
            } footer: {
                if affected.isEmpty {
                    Text("Choose at least one area to continue.")
                }
            }
        }
        .navigationTitle("Welcome")
        .task { load() }
    }

    private func skinToneButton(_ tone: UInt8) -> some SwiftUI.View {
        Button {
            skinTone = tone
        } label: {
            VStack {
                if let image = previews[tone] {
                    Image(decorative: image, scale: 1)
                        .resizable()
                        .frame(width: 88, height: 88)
                } else {
                    ProgressView().frame(width: 88, height: 88)
                }
                Label(skinTone == tone ? "Chosen" : "Tone \(tone + 1)", systemImage: skinTone == tone ? "checkmark.circle.fill" : "circle")
                    .font(.caption)
            }
            .padding(4)
            .overlay(RoundedRectangle(cornerRadius: 8).stroke(skinTone == tone ? Color.primary : Color.clear, lineWidth: 3))
        }
        .buttonStyle(.plain)
        .accessibilityLabel("Skin tone \(tone + 1) of \(skinTones.count)")
        .accessibilityAddTraits(skinTone == tone ? .isSelected : [])
    }

    private func area(_ area: AffectedArea) -> Binding<Bool> {
        Binding(
            get: { affected.contains(area) },
            set: { on in
                affected.removeAll { $0 == area }
                if on { affected.append(area) }
            })
    }

    private func load() {
        guard !loaded, let profile = model.run({ try $0.profile() }) else { return }
        loaded = true
        affected = profile.affected
        handedness = profile.handedness
        skinTone = profile.skinTone
        let tones = skinTones
        Task {
            for tone in tones {
                let spec = StimulusSpec(
                    bodyPart: .hand, side: .right, view: .back, posture: .flat, rotationDeg: 0, skinTone: tone,
                    context: .none, variant: 0)
                let image = await Task.detached(priority: .userInitiated) {
                    Picture.image(spec, size: Picture.previewSize)
                }.value
                previews[tone] = image
            }
        }
    }

    private func save() {
        let update = ProfileUpdate(affected: affected, handedness: handedness, skinTone: skinTone)
        if model.run({ try $0.updateProfile(update: update) }) != nil {
            model.reloadProfile()
            model.path = []
        }
    }
}
