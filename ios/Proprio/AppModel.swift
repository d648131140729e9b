// What the screens share: the core object, the profile, navigation, the last error.
// Every decision is the core's; this only opens it, supplies the clock and routes.
import Foundation
import ProprioCore
import SwiftUI

/// The screens one step from Today, and where a notification can lead.
enum Route: Hashable {
    case session(BodyPart)
    case guided(sessionId: Int64)
    case summary(sessionId: Int64)
    case journal(sessionId: Int64?)
    case progress
    case reminderSettings
    case onboarding
    case deleteData
    case restore
    case plan
    case share
    case ladder
    case textureLadder
    case programme

    @ViewBuilder var screen: some SwiftUI.View {
        switch self {
        case let .session(bodyPart): SessionScreen(bodyPart: bodyPart)
        case let .guided(sessionId): GuidedScreen(sessionId: sessionId)
        case let .summary(sessionId): SummaryScreen(sessionId: sessionId)
        case let .journal(sessionId): JournalScreen(sessionId: sessionId)
        case .progress: ProgressScreen()
        case .reminderSettings: ReminderSettingsScreen()
        case .onboarding: OnboardingScreen()
        case .deleteData: DeleteDataScreen()
        case .restore: RestoreScreen()
        case .plan: PlanScreen()
        case .share: ShareScreen()
        case .ladder: LadderScreen()
        case .textureLadder: TextureLadderScreen()
        case .programme: ProgrammeScreen()
        }
    }
}

@MainActor
final class AppModel: ObservableObject {
    /// Nil only when the database could not be opened (see `openFailure`).
    private(set) var core: Proprio?
    @Published private(set) var openFailure: String?
    /// What left/right practice and progress are about; nil until onboarding names an area.
    @Published private(set) var practiceBodyPart: BodyPart?
    @Published var path: [Route] = []
    @Published var lastError: String?
    /// A plan file opened with the app, until the plan screen takes it into its preview.
    @Published var incomingPlan: IncomingPlan?
    private(set) lazy var reminders = ReminderNotifications(model: self)

    init() {
        open()
    }

    /// The database lives in Application Support (backed up, not visible in Files).
    static func databaseURL() throws -> URL {
        let folder = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        return folder.appendingPathComponent("proprio.db")
    }

    private func open() {
        do {
            let core = try Proprio(dbPath: try Self.databaseURL().path, now: Self.now())
            // Every sentence the core returns comes in the device's language.
            // (Foundation's Locale: the core has a `Locale` of its own.)
            core.setLanguage(tag: Foundation.Locale.preferredLanguages.first ?? "en")
            self.core = core
            practiceBodyPart = try core.practiceBodyPart()
        } catch {
            openFailure = Self.describe(error)
        }
    }

    /// Now, as the core takes it: UTC milliseconds and the device's IANA zone.
    static func now() -> WallTime {
        WallTime(
            unixMs: Int64((Date().timeIntervalSince1970 * 1000).rounded()),
            zone: TimeZone.current.identifier)
    }

    /// Runs a core call; a failure is shown to the patient and gives nil.
    @discardableResult
    func run<T>(_ call: (Proprio) throws -> T) -> T? {
        guard let core else { return nil }
        do {
            return try call(core)
        } catch {
            lastError = Self.describe(error)
            return nil
        }
    }

    func reloadProfile() {
        if let part = run({ try $0.practiceBodyPart() }) {
            practiceBodyPart = part
        }
    }

    /// Opens a next step (Today's, or a tapped reminder's): the profile when the core asks
    /// to set up first, left/right practice or a guided session of its kind; nothing when
    /// there is nothing to start.
    func open(_ next: NextStep) {
        if next.action == .setUp {
            path.append(.onboarding)
            return
        }
        guard let kind = next.kind, let bodyPart = next.bodyPart else { return }
        if kind == .leftRight {
            path.append(.session(bodyPart))
        } else if let start = run({ try $0.startGuided(kind: kind, bodyPart: bodyPart, seed: nil, now: Self.now()) }) {
            path.append(.guided(sessionId: start.session.id))
        }
    }

    /// A plan file opened with the app from another one (Files, Mail, AirDrop): read as
    /// the plan screen's file importer reads it (the core's bound plus one, off the main
    /// actor), then the plan screen opens with it in its preview, as a picked file is.
    func openPlan(_ url: URL) async {
        guard let page = run({ try $0.planScreen() }) else { return }
        let bytes = await PlanInputs.read(url, atMost: page.maxFileBytes + 1)
        Self.removeInboxCopy(url)
        guard let bytes else { return }
        // One plan screen in the stack: the one already open, or a new one on top.
        if let shown = path.firstIndex(of: .plan) {
            path = Array(path.prefix(through: shown))
        } else {
            path.append(.plan)
        }
        incomingPlan = IncomingPlan(bytes: bytes)
    }

    /// iOS copies a document opened with the app into Documents/Inbox; once read, the
    /// copy goes (the plan the patient accepts is kept by the core).
    private static func removeInboxCopy(_ url: URL) {
        guard let documents = FileManager.default.urls(for: .documentDirectory, in: .userDomainMask).first else { return }
        let inbox = documents.appendingPathComponent("Inbox", isDirectory: true).resolvingSymlinksInPath().path + "/"
        if url.isFileURL, url.resolvingSymlinksInPath().path.hasPrefix(inbox) {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// After delete-all-data: the files are gone and the old object refuses every call;
    /// open a fresh, empty database and start again from onboarding.
    func didDeleteAllData() {
        path = []
        core = nil
        open()
    }

    /// The core's message for a person (the field path is for developers and logs).
    static func describe(_ error: Error) -> String {
        guard let error = error as? ProprioError else { return error.localizedDescription }
        switch error {
        case let .InvalidArgument(_, reason): return reason
        case let .NotFound(what, id): return "No \(what) with id \(id)."
        case let .InvalidState(reason): return reason
        case let .NewerSchema(found, supported):
            return "This data was written by a newer Proprio (schema \(found), this app knows \(supported)). Update the app."
        case let .NotADatabase(path, reason): return "\(path) is not a Proprio database: \(reason)"
        case let .PlanNotRead(_, sentence, _): return sentence
        case let .Storage(reason): return "Storage failure: \(reason)"
        default: return error.localizedDescription
        }
    }
}
