// The calls the iOS app makes that the Kotlin-mirroring tests do not: timing out, voiding
// and aborting a trial, session results and the progress overview, reminder settings,
// adherence and "done elsewhere", drawing a picture, deleting all data. One test per
// screen's use, on a database in a temporary folder.
import Foundation
import XCTest
@testable import ProprioCore

final class AppCallsTests: XCTestCase {
    /// 2026-11-23T07:00:00Z, a Monday.
    private let monday: Int64 = 1_795_417_200_000
    private var folder: URL!
    private var proprio: Proprio!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        proprio = try Proprio(dbPath: folder.appendingPathComponent("p.db").path, now: now())
    }

    override func tearDownWithError() throws {
        proprio = nil
        try? FileManager.default.removeItem(at: folder)
    }

    private func now(_ plusMs: Int64 = 0) -> WallTime { WallTime(unixMs: monday + plusMs, zone: "Europe/London") }

    /// SessionScreen: a time-out, a void (a fresh picture of the same side), then Stop.
    func testTimeOutVoidAndAbortAreStored() throws {
        let start = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: 5), now: now())
        let first = start.first
        XCTAssertGreaterThan(first.timeLimitMs, 0)
        let timedOut = try proprio.timeOutTrial(sessionId: first.sessionId, index: first.index, onsetNs: 1_000_000_000)
        XCTAssertTrue(timedOut.timeout)
        XCTAssertFalse(timedOut.correct)
        let second = try XCTUnwrap(timedOut.next)

        let fresh = try proprio.voidTrial(sessionId: second.sessionId, index: second.index, onsetNs: 2_000_000_000)
        XCTAssertEqual(fresh.index, second.index + 1)
        XCTAssertEqual(fresh.position, second.position)
        XCTAssertEqual(fresh.stimulus.side, second.stimulus.side)
        XCTAssertNotEqual(fresh.stimulusId, second.stimulusId)
        // Voided before it ever showed: no onset.
        let again = try proprio.voidTrial(sessionId: fresh.sessionId, index: fresh.index, onsetNs: nil)
        XCTAssertEqual(again.position, fresh.position)

        let ended = try proprio.abortSession(sessionId: first.sessionId, now: now(60_000))
        XCTAssertEqual(ended.state, .aborted)
        XCTAssertEqual(ended.trialCount, 1)
        XCTAssertEqual(ended.voidedCount, 2)
        let trials = try proprio.trials(sessionId: first.sessionId)
        XCTAssertEqual(trials.map(\.voided), [false, true, true])
        XCTAssertTrue(trials[0].timeout)
    }

    /// SummaryScreen and ProgressScreen read the same answers.
    func testResultsAndOverviewCountTheSameAnswers() throws {
        _ = try proprio.updateProfile(update: ProfileUpdate(affected: [AffectedArea(bodyPart: .hand, side: .left)]))
        let start = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: 9), now: now())
        var prompt: TrialPrompt? = start.first
        var i: Int64 = 0
        while let p = prompt {
            i += 1
            prompt = try proprio.answerTrial(
                sessionId: p.sessionId, index: p.index, onsetNs: i * 10_000_000_000,
                responseNs: i * 10_000_000_000 + 800_000_000, answer: p.stimulus.side).next
        }
        _ = try proprio.finishSession(sessionId: start.session.id, now: now(120_000))

        let results = try proprio.sessionResults(sessionId: start.session.id, now: now(130_000))
        XCTAssertEqual(results.state, .completed)
        XCTAssertEqual(results.stats.left.n + results.stats.right.n, 10)
        XCTAssertEqual(results.stats.left.correct + results.stats.right.correct, 10)
        XCTAssertTrue(results.stats.left.affected)
        XCTAssertFalse(results.stats.right.affected)
        XCTAssertEqual(results.stats.left.medianRtMs ?? 0, 800, accuracy: 0.001)
        XCTAssertFalse(results.gate.verdict.isEmpty)

        let overview = try proprio.leftRightOverview(bodyPart: .hand, historyLimit: 30, now: now(130_000))
        XCTAssertGreaterThanOrEqual(overview.level, 1)
        XCTAssertEqual(overview.history.map(\.sessionId), [start.session.id])
        XCTAssertEqual(overview.recent.left.n, results.stats.left.n)
        XCTAssertEqual(overview.history.first?.leftAccuracy, 1)
        XCTAssertEqual(try proprio.leftRightOverview(bodyPart: .foot, historyLimit: nil, now: now()).history, [])
    }

    /// ReminderSettingsScreen: a refused field is named and nothing changes; a valid
    /// change is kept; adherence has one row per day asked for.
    func testReminderSettingsAreValidatedAndKept() throws {
        let defaults = try proprio.reminderSettings()
        var bad = defaults
        bad.windowEndMin = 60
        XCTAssertThrowsError(try proprio.setReminderSettings(settings: bad)) { error in
            guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "settings.window_end_min")
        }
        XCTAssertEqual(try proprio.reminderSettings(), defaults)

        var fewer = defaults
        fewer.weekdays = [1, 3, 5]
        fewer.learnMyTimes = true
        XCTAssertEqual(try proprio.setReminderSettings(settings: fewer), fewer)
        XCTAssertEqual(try proprio.reminderSettings(), fewer)

        let adherence = try proprio.reminderAdherence(now: now(), days: 7)
        XCTAssertEqual(adherence.days.count, 7)
        XCTAssertTrue(adherence.days.allSatisfy { $0.sent == 0 })
        XCTAssertThrowsError(try proprio.reminderAdherence(now: now(), days: 0))
    }

    /// The notification action "Already practised" answers its slot in Today.
    func testDoneElsewhereCountsInToday() throws {
        let today = try proprio.remindersToday(now: now())
        let first = try XCTUnwrap(today.remaining.first)
        try proprio.markReminderDoneElsewhere(reminderId: first.id, now: now(60_000))
        let after = try proprio.remindersToday(now: now(60_000))
        XCTAssertFalse(after.remaining.contains { $0.id == first.id })
        XCTAssertEqual(after.progress.first { $0.kind == first.kind }?.done, 1)
        XCTAssertThrowsError(try proprio.markReminderDoneElsewhere(reminderId: "tomorrow", now: now()))
    }

    /// SessionScreen and onboarding draw the core's RGBA pixels.
    func testRenderStimulusGivesRgbaAndRefusesBadSizes() throws {
        let spec = StimulusSpec(
            bodyPart: .hand, side: .right, view: .back, posture: .flat, rotationDeg: 0, skinTone: 2,
            context: .none, variant: 0)
        let image = try renderStimulus(spec: spec, size: 256, backdrop: .light)
        XCTAssertEqual(image.width, 256)
        XCTAssertEqual(image.height, 256)
        XCTAssertEqual(image.rgba.count, 256 * 256 * 4)
        XCTAssertThrowsError(try renderStimulus(spec: spec, size: 100, backdrop: .dark)) { error in
            guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "size")
        }
    }

    /// DeleteDataScreen: the files are gone, later calls on the object are refused, and
    /// opening the path again starts afresh (core/tests/files.rs checks the same in Rust).
    func testDeleteAllDataLeavesNothing() throws {
        _ = try proprio.addJournalEntry(entry: NewJournalEntry(at: now(), pain: 4, note: "before"))
        _ = try proprio.updateProfile(update: ProfileUpdate(affected: [AffectedArea(bodyPart: .foot, side: .right)]))
        _ = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .foot, count: 10), now: now())
        let path = folder.appendingPathComponent("p.db").path
        let removed = try proprio.deleteAllData()
        XCTAssertTrue(removed.contains(path), "\(removed)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertThrowsError(try proprio.journalEntries()) { error in
            guard case ProprioError.InvalidState = error else { return XCTFail("\(error)") }
        }
        let fresh = try Proprio(dbPath: path, now: now())
        let status = try fresh.status()
        XCTAssertEqual(status.sessions, 0)
        XCTAssertEqual(status.journalEntries, 0)
        XCTAssertEqual(try fresh.profile().affected, [])
    }
}
