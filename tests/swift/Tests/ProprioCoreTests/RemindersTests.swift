// Mirrors tests/kotlin/src/org/proprio/core/test/RemindersTest.kt: a shell applies the
// diff the core returns — cancel `toCancel`, then schedule `toSchedule` — and asking
// again gives nothing new.
import Foundation
import XCTest
@testable import ProprioCore

final class RemindersTests: XCTestCase {
    /// 2026-11-23T07:00:00Z, a Monday.
    private let monday: Int64 = 1_795_417_200_000
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-reminders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func at(_ ms: Int64, _ zone: String = "Europe/London") -> WallTime { WallTime(unixMs: ms, zone: zone) }

    private func open() throws -> Proprio {
        try Proprio(dbPath: folder.appendingPathComponent("p.db").path, now: at(monday))
    }

    /// What a fake OS holds: id -> fire time (ms). Applies a diff the way a shell does.
    private final class FakeOs {
        var held: [String: Int64] = [:]
        var operations = 0

        func apply(_ diff: ReminderDiff) {
            for id in diff.toCancel {
                held[id] = nil
                operations += 1
            }
            for r in diff.toSchedule {
                held[r.id] = r.fireAtMs
                operations += 1
            }
        }

        func pending() -> [PendingNotification] {
            held.keys.sorted().map { PendingNotification(id: $0, fireAtMs: held[$0]!) }
        }
    }

    func testApplyingADiffTwiceGivesNothingNewTheSecondTime() throws {
        let p = try open()
        let os = FakeOs()
        let first = try p.planReminders(now: at(monday), days: 3, pending: os.pending())
        XCTAssertEqual(first.reminders.count, 9)
        XCTAssertEqual(first.diff.toSchedule.count, 9)
        os.apply(first.diff)
        XCTAssertEqual(Set(first.reminders.map(\.id)), Set(os.held.keys))

        let second = try p.planReminders(now: at(monday), days: 3, pending: os.pending())
        XCTAssertTrue(second.diff.toSchedule.isEmpty)
        XCTAssertTrue(second.diff.toCancel.isEmpty)
        XCTAssertEqual(second.diff.unchanged, 9)
        let before = os.operations
        os.apply(second.diff)
        XCTAssertEqual(os.operations, before)

        // Something stale in the OS is cancelled once, then the diff is empty again.
        os.held["20261101-left-right-0"] = 1
        let third = try p.planReminders(now: at(monday), days: 3, pending: os.pending())
        XCTAssertEqual(third.diff.toCancel, ["20261101-left-right-0"])
        os.apply(third.diff)
        XCTAssertTrue(try p.planReminders(now: at(monday), days: 3, pending: os.pending()).diff.toCancel.isEmpty)
    }

    func testTravelReschedulesTheSameIdsAndBadZonesAreRefused() throws {
        let p = try open()
        let os = FakeOs()
        os.apply(try p.planReminders(now: at(monday), days: 1, pending: os.pending()).diff)
        let ids = os.held.keys.sorted()
        let ny = try p.planReminders(now: at(monday, "America/New_York"), days: 1, pending: os.pending())
        XCTAssertEqual(ny.reminders.map(\.id), ids)
        XCTAssertEqual(ny.diff.toSchedule.count, ids.count)
        os.apply(ny.diff)
        XCTAssertTrue(try p.planReminders(now: at(monday, "America/New_York"), days: 1, pending: os.pending()).diff.toSchedule.isEmpty)
        XCTAssertThrowsError(try p.planReminders(now: at(monday, "Europe/Lundon"), days: 3, pending: [])) { error in
            guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(field.hasSuffix("zone"), field)
        }
    }

    func testSnoozeGivesARepeatAndBadMinutesAreRefused() throws {
        let p = try open()
        let first = try XCTUnwrap(try p.planReminders(now: at(monday), days: 1, pending: []).reminders.first)
        let rang = at(first.fireAtMs + 60_000)
        try p.reportReminderDelivered(reminderId: first.id, at: rang)
        let repeated = try XCTUnwrap(try p.snoozeReminder(reminderId: first.id, minutes: 10, now: rang))
        XCTAssertEqual(repeated.id, first.id + "-s")
        XCTAssertEqual(repeated.fireAtMs, rang.unixMs + 600_000)
        XCTAssertThrowsError(try p.snoozeReminder(reminderId: first.id, minutes: 15, now: rang)) { error in
            guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "minutes")
        }
        XCTAssertEqual(try p.remindersToday(now: rang).adherence.sent, 1)
    }

    /// ReminderNotifications' tap: the core says where a reminder's link leads.
    func testATappedReminderOpensTheStepTheCoreChoosesAndABadLinkIsRefused() throws {
        let p = try open()
        let link = try XCTUnwrap(try p.planReminders(now: at(monday), days: 1, pending: []).reminders.first).deepLink
        XCTAssertEqual(try p.reminderStep(link: link, now: at(monday)).action, .setUp)
        _ = try p.updateProfile(update: ProfileUpdate(affected: [AffectedArea(bodyPart: .hand, side: .left)]))
        let step = try p.reminderStep(link: "proprio://practice?kind=desensitisation&reminder=x", now: at(monday))
        XCTAssertEqual(step.kind, .desensitisation)
        XCTAssertEqual(step.bodyPart, .hand)
        XCTAssertThrowsError(try p.reminderStep(link: "https://example.org/", now: at(monday))) { error in
            guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "link")
        }
    }
}
