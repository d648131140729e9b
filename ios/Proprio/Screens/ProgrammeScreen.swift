// The programme, mirroring android/ui ProgrammeScreen.kt: the core's `programmeScreen(now)`
// drawn as it is — its title and intro, `empty` before the profile names a painful area;
// then a section per body part: its stage and today's sentence for it, the touch drills'
// right answers by region (label and value, as the other screens draw a FactSection) and
// the history under the core's heading, newest first (the date in bold, the core's
// sentence below).
//
// The record is `ProprioCore.ProgrammeScreen`: this view has the same name, as every
// screen here is named after its Android file, so the core's type is written in full.
import ProprioCore
import SwiftUI

struct ProgrammeScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var programme: ProprioCore.ProgrammeScreen?

    var body: some SwiftUI.View {
        List {
            if let programme {
                Section {
                    Text(programme.intro)
                    if programme.parts.isEmpty {
                        Text(programme.empty)
                    }
                }
                ForEach(programme.parts, id: \.bodyPart) { part in
                    partSections(part, historyTitle: programme.historyTitle)
                }
            }
        }
        .navigationTitle(programme?.title ?? "")
        .task { load() }
        .refreshable { load() }
    }

    @ViewBuilder private func partSections(_ part: ProgrammePart, historyTitle: String) -> some SwiftUI.View {
        Section {
            Text(part.stage).font(.headline)
            Text(part.sentence)
        } header: {
            Text(part.title).accessibilityAddTraits(.isHeader)
        }
        if let touch = part.touch {
            FactSectionView(section: touch)
        }
        if !part.history.isEmpty {
            Section {
                ForEach(Array(part.history.enumerated()), id: \.offset) { _, line in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(line.when).font(.subheadline.bold())
                        Text(line.sentence)
                    }
                    .accessibilityElement(children: .combine)
                }
            } header: {
                Text(historyTitle).accessibilityAddTraits(.isHeader)
            }
        }
    }

    private func load() {
        programme = model.run { try $0.programmeScreen(now: AppModel.now()) }
    }
}
