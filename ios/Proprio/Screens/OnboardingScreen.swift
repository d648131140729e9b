// Onboarding and the profile, mirroring android/ui OnboardingScreen.kt: the core's form
// (`onboardingForm`) gives the questions, every choice with its label, the sample picture
// for each skin tone and who should check with a clinician first; this screen shows them
// and sends the chosen values to `updateProfile`, which checks them. Before the profile
// is set up (a new phone starts here) it also leads to restoring a backup.
import ProprioCore
import SwiftUI

struct OnboardingScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @Environment(\.colorScheme) private var colorScheme
    @State private var form: OnboardingForm?
    @State private var part: BodyPart?
    @State private var sides: [Side]?
    @State private var handedness: Handedness?
    @State private var skinTone: UInt8 = 0
    @State private var previews: [UInt8: CGImage] = [:]

    var body: some SwiftUI.View {
        Form {
            // A new phone starts here: a backup brings the profile with everything else,
            // so it need not be filled in first (only before the profile is set up).
            if model.practiceBodyPart == nil {
                Section {
                    NavigationLink(value: Route.restore) {
                        Label("Restore from a backup", systemImage: "arrow.down.doc")
                            .frame(minHeight: 44)
                    }
                }
            }
            if let form {
                Section {
                    Text(form.codeText)
                    Label(form.checkFirst, systemImage: "stethoscope")
                }
                Section(form.bodyPartQuestion) {
                    Picker(form.bodyPartQuestion, selection: $part) {
                        ForEach(form.bodyParts, id: \.bodyPart) { choice in
                            Text(choice.label).tag(Optional(choice.bodyPart))
                        }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
                Section(form.sidesQuestion) {
                    Picker(form.sidesQuestion, selection: $sides) {
                        ForEach(form.sides, id: \.label) { choice in
                            Text(choice.label).tag(Optional(choice.sides))
                        }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
                Section(form.handednessQuestion) {
                    Picker(form.handednessQuestion, selection: $handedness) {
                        ForEach(form.handedness, id: \.handedness) { choice in
                            Text(choice.label).tag(Optional(choice.handedness))
                        }
                    }
                    .pickerStyle(.inline)
                    .labelsHidden()
                }
                Section(form.skinToneQuestion) {
                    ScrollView(.horizontal) {
                        HStack(spacing: 12) {
                            ForEach(form.skinTones, id: \.tone) { choice in
                                skinToneButton(choice)
                            }
                        }
                    }
                }
                Section {
                    Button("Save", action: save)
                        .frame(maxWidth: .infinity, minHeight: 44)
                }
            }
        }
        .navigationTitle("Your profile")
        .task { load() }
    }

    private func skinToneButton(_ choice: SkinToneChoice) -> some SwiftUI.View {
        Button {
            skinTone = choice.tone
        } label: {
            VStack {
                if let image = previews[choice.tone] {
                    Image(decorative: image, scale: 1)
                        .resizable()
                        .frame(width: 88, height: 88)
                } else {
                    ProgressView().frame(width: 88, height: 88)
                }
                Label(choice.label, systemImage: skinTone == choice.tone ? "checkmark.circle.fill" : "circle")
                    .font(.caption)
            }
            .padding(4)
            .overlay(
                RoundedRectangle(cornerRadius: 8).stroke(skinTone == choice.tone ? Color.primary : Color.clear, lineWidth: 3))
        }
        .buttonStyle(.plain)
        .accessibilityLabel(choice.sampleLabel)
        .accessibilityAddTraits(skinTone == choice.tone ? .isSelected : [])
    }

    private func load() {
        guard form == nil, let profile = model.run({ try $0.profile() }),
            let form = model.run({ try $0.onboardingForm() })
        else { return }
        self.form = form
        let first = profile.affected.first?.bodyPart ?? form.bodyParts.first?.bodyPart
        part = first
        let current = profile.affected.filter { $0.bodyPart == first }.map(\.side)
        sides = form.sides.first { Set($0.sides) == Set(current) }?.sides
        handedness = profile.handedness
        skinTone = profile.skinTone
        let backdrop = colorScheme.backdrop
        Task {
            for choice in form.skinTones {
                let spec = choice.sample
                let image = await Task.detached(priority: .userInitiated) {
                    Picture.image(spec, size: Picture.previewSize, backdrop: backdrop)
                }.value
                previews[choice.tone] = image
            }
        }
    }

    private func save() {
        let affected = part.flatMap { part in sides?.map { AffectedArea(bodyPart: part, side: $0) } }
        let update = ProfileUpdate(affected: affected, handedness: handedness, skinTone: skinTone)
        if model.run({ try $0.updateProfile(update: update) }) != nil {
            model.reloadProfile()
            model.path = []
        }
    }
}
