// Reminders through UNUserNotificationCenter. The core plans every notification and
// says what to change (`Plan.diff`); this hands that diff to iOS — cancel `toCancel`,
// then schedule `toSchedule` — and reports back what happened: deliveries, snoozes, taps.
// It runs at launch, on each return to the foreground and after each session.
import Foundation
import ProprioCore
import UserNotifications

@MainActor
final class ReminderNotifications: NSObject, UNUserNotificationCenterDelegate {
    private static let category = "proprio.reminder"
    private static let startAction = "start"
    private static let doneElsewhereAction = "done-elsewhere"
    private static let snoozePrefix = "snooze-"
    /// Deliveries already reported, so a notification still in Notification Center is
    /// reported once.
    private static let reportedKey = "reportedDeliveries"

    private unowned let model: AppModel
    private let center = UNUserNotificationCenter.current()

    init(model: AppModel) {
        self.model = model
    }

    func register() {
        center.delegate = self
        // The snooze lengths and their words are the core's (`snoozeChoices`).
        let snoozes = (model.core?.snoozeChoices() ?? []).map { choice in
            UNNotificationAction(
                identifier: "\(Self.snoozePrefix)\(choice.minutes)", title: choice.label, options: [])
        }
        let actions = [
            UNNotificationAction(identifier: Self.startAction, title: "Practise now", options: [.foreground]),
            UNNotificationAction(identifier: Self.doneElsewhereAction, title: "Already practised", options: []),
        ] + snoozes
        center.setNotificationCategories([
            UNNotificationCategory(identifier: Self.category, actions: actions, intentIdentifiers: [], options: []),
        ])
    }

    /// Asks once for permission, reports deliveries, then applies the core's diff.
    func sync() async {
        guard let core = model.core else { return }
        let settings = await center.notificationSettings()
        if settings.authorizationStatus == .notDetermined {
            _ = try? await center.requestAuthorization(options: [.alert, .sound, .badge])
        }
        await reportDeliveries(core)
        let pending = await center.pendingNotificationRequests()
            .filter { $0.content.categoryIdentifier == Self.category }
            .map { request in
                PendingNotification(id: request.identifier, fireAtMs: Self.fireAtMs(of: request) ?? 0)
            }
        guard let plan = model.run({ try $0.planReminders(now: AppModel.now(), days: reminderPlanDays(), pending: pending) })
        else { return }
        center.removePendingNotificationRequests(withIdentifiers: plan.diff.toCancel)
        for reminder in plan.diff.toSchedule {
            await schedule(reminder)
        }
    }

    private func schedule(_ reminder: PlannedReminder) async {
        let content = UNMutableNotificationContent()
        content.title = reminder.title
        content.body = reminder.body
        content.sound = .default
        content.categoryIdentifier = Self.category
        // The deep link goes to the core when the reminder is tapped (`reminderStep`).
        content.userInfo = ["fireAtMs": reminder.fireAtMs, "link": reminder.deepLink]
        // An interval from now fires at the planned UTC instant whatever the zone does
        // meanwhile; a zone change re-plans on the next foreground anyway.
        let seconds = Double(reminder.fireAtMs) / 1000 - Date().timeIntervalSince1970
        guard seconds >= 1 else { return }
        let trigger = UNTimeIntervalNotificationTrigger(timeInterval: seconds, repeats: false)
        let request = UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger)
        do {
            try await center.add(request)
        } catch {
            model.lastError = "A reminder could not be scheduled: \(error.localizedDescription)"
        }
    }

    private static func fireAtMs(of request: UNNotificationRequest) -> Int64? {
        if let ms = request.content.userInfo["fireAtMs"] as? Int64 {
            return ms
        }
        if let ms = request.content.userInfo["fireAtMs"] as? NSNumber {
            return ms.int64Value
        }
        return nil
    }

    /// Reports each delivered reminder once, at the time iOS showed it.
    private func reportDeliveries(_ core: Proprio) async {
        let delivered = await center.deliveredNotifications()
            .filter { $0.request.content.categoryIdentifier == Self.category }
        var reported = Set(UserDefaults.standard.stringArray(forKey: Self.reportedKey) ?? [])
        for notification in delivered where !reported.contains(notification.request.identifier) {
            report(notification, core)
            reported.insert(notification.request.identifier)
        }
        // Keep only ids iOS still shows: the list stays small.
        let shown = Set(delivered.map(\.request.identifier))
        UserDefaults.standard.set(Array(reported.intersection(shown)), forKey: Self.reportedKey)
    }

    private func report(_ notification: UNNotification, _ core: Proprio) {
        let at = WallTime(
            unixMs: Int64((notification.date.timeIntervalSince1970 * 1000).rounded()),
            zone: TimeZone.current.identifier)
        // A reminder of settings since changed is NotFound: nothing to count, not an error
        // the patient can act on.
        try? core.reportReminderDelivered(reminderId: notification.request.identifier, at: at)
    }

    // MARK: UNUserNotificationCenterDelegate

    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification
    ) async -> UNNotificationPresentationOptions {
        await MainActor.run {
            if let core = model.core {
                report(notification, core)
            }
        }
        return [.banner, .sound]
    }

    nonisolated func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse
    ) async {
        let id = response.notification.request.identifier
        let action = response.actionIdentifier
        let link = response.notification.request.content.userInfo["link"] as? String
        await MainActor.run {
            guard let core = model.core else { return }
            report(response.notification, core)
            if action.hasPrefix(Self.snoozePrefix), let minutes = Int32(action.dropFirst(Self.snoozePrefix.count)) {
                // The repeat comes back in the next plan's diff.
                model.run { try $0.snoozeReminder(reminderId: id, minutes: minutes, now: AppModel.now()) }
            } else if action == Self.doneElsewhereAction {
                model.run { try $0.markReminderDoneElsewhere(reminderId: id, now: AppModel.now()) }
            } else if action == Self.startAction || action == UNNotificationDefaultActionIdentifier {
                open(link: link)
            }
        }
        await sync()
    }

    /// Opens the session a tapped reminder leads to, as the core decides it from the link
    /// (`reminderStep`: the part that practises its kind, or what Today offers), from Today.
    private func open(link: String?) {
        model.path = []
        guard let link, let next = model.run({ try $0.reminderStep(link: link, now: AppModel.now()) }) else { return }
        model.open(next)
    }
}
