// The app entry: one AppModel (the core object and what the screens share), the
// notification delegate, the reminder diff applied at launch and on every return to
// the foreground, and a plan file opened with the app from another one.
import SwiftUI
import UIKit
import UserNotifications

@main
struct ProprioApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(appDelegate.model)
                // A plan file opened with the app (declared in project.yml) goes to the
                // plan screen's preview.
                .onOpenURL { url in
                    Task { await appDelegate.model.openPlan(url) }
                }
        }
        .onChange(of: scenePhase) { phase in
            // Launch and every return to the foreground: the zone may have changed, a
            // reminder may have rung; the core re-plans and says what to change.
            if phase == .active {
                Task { await appDelegate.model.reminders.sync() }
            }
        }
    }
}

@MainActor
final class AppDelegate: NSObject, UIApplicationDelegate {
    let model = AppModel()

    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        // Set before launch finishes, so a tap on a notification that launched the app
        // reaches the delegate.
        model.reminders.register()
        return true
    }
}

/// The screen the app opens on: onboarding until the profile names an area to practise,
/// then Today with the other screens one step away.
struct RootView: SwiftUI.View {
    @EnvironmentObject private var model: AppModel

    var body: some SwiftUI.View {
        Group {
            if let failure = model.openFailure {
                OpenFailureView(message: failure)
            } else {
                // One stack whichever screen is its root: a plan opened with the app before
                // the profile is set up still reaches the plan screen, and a backup restored
                // from onboarding keeps its screen (and what the core said was restored)
                // while the restored profile makes Today the root beneath it.
                NavigationStack(path: $model.path) {
                    Group {
                        if model.practiceBodyPart == nil {
                            OnboardingScreen()
                        } else {
                            TodayScreen()
                        }
                    }
                    .navigationDestination(for: Route.self) { route in
                        route.screen
                    }
                }
            }
        }
        .alert(
            "Something went wrong",
            isPresented: Binding(get: { model.lastError != nil }, set: { if !$0 { model.lastError = nil } }),
            presenting: model.lastError
        ) { _ in
            Button("OK", role: .cancel) {}
        } message: { message in
            Text(message)
        }
    }
}

/// The database could not be opened (a newer schema, a damaged file): nothing was
/// changed, and the app says why instead of starting empty.
private struct OpenFailureView: SwiftUI.View {
    let message: String

    var body: some SwiftUI.View {
        VStack(spacing: 16) {
            Image(systemName: "exclamationmark.triangle")
                .font(.largeTitle)
                .accessibilityHidden(true)
            Text("Proprio cannot open its data")
                .font(.title2.bold())
            Text(message)
                .font(.body)
            Text("Your data was left as it was.")
                .font(.body)
        }
        .multilineTextAlignment(.center)
        .padding()
    }
}
