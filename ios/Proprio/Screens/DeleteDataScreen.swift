// Delete all data, mirroring android/ui DeleteDataScreen.kt: what is stored (the core's
// `status()`), then every session, answer, journal entry, reminder setting and the
// profile, through the core (`deleteAllData`), after the patient confirms; then the
// reminders iOS holds are withdrawn and the app starts again at onboarding.
import ProprioCore
import SwiftUI
import UserNotifications

struct DeleteDataScreen: SwiftUI.View {
    @EnvironmentObject private var model: AppModel
    @State private var confirming = false
    @State private var status: Status?

    var body: some SwiftUI.View {
        Form {
            Section {
                Text("This removes everything Proprio keeps on this phone: your sessions and answers, your pain journal, your reminder settings and your profile. It cannot be undone.")
            }
            if let status {
                Section("Stored on this phone") {
                    LabeledContent("Sessions", value: "\(status.sessions)")
                    LabeledContent("Pictures answered", value: "\(status.trials)")
                    LabeledContent("Journal entries", value: "\(status.journalEntries)")
                    LabeledContent("Profile code", value: status.profile.code)
                }
            }
            Section {
                Button(role: .destructive) {
                    confirming = true
                } label: {
                    Label("Delete all my data", systemImage: "trash")
                        .frame(maxWidth: .infinity, minHeight: 44)
                }
            }
        }
        .navigationTitle("Delete all data")
        .task { status = model.run { try $0.status() } }
        .confirmationDialog("Delete all your Proprio data?", isPresented: $confirming, titleVisibility: .visible) {
            Button("Delete everything", role: .destructive, action: deleteAll)
            Button("Keep my data", role: .cancel) {}
        }
    }

    private func deleteAll() {
        guard model.run({ try $0.deleteAllData() }) != nil else { return }
        let center = UNUserNotificationCenter.current()
        center.removeAllPendingNotificationRequests()
        center.removeAllDeliveredNotifications()
        model.didDeleteAllData()
    }
}
