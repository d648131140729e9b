// Mirrors tests/kotlin/src/org/proprio/core/test/ProprioTest.kt: the Proprio object as a
// shell uses it, on a database in a temporary folder. Swift has no close(): an object is
// closed when its last reference goes, which withProprio makes explicit.
import Foundation
import XCTest
@testable import ProprioCore

final class ProprioTests: XCTestCase {
    private let start: Int64 = 1_790_000_000_000
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func now(_ plusMs: Int64 = 0) -> WallTime { WallTime(unixMs: start + plusMs, zone: "Europe/London") }
    private var dbPath: String { folder.appendingPathComponent("proprio.db").path }

    /// Opens the database, runs `body`, and drops the object (closing it) before returning.
    private func withProprio<T>(_ path: String? = nil, at: WallTime? = nil, _ body: (Proprio) throws -> T) throws -> T {
        var proprio: Proprio? = try Proprio(dbPath: path ?? dbPath, now: at ?? now())
        defer { proprio = nil }
        return try body(proprio!)
    }

    private func other(_ side: Side) -> Side { side == .left ? .right : .left }

    /// Answers `count` prompts from `first` (every fourth one wrongly); returns the prompt left.
    private func answer(_ proprio: Proprio, from first: TrialPrompt, count: Int) throws -> TrialPrompt? {
        var prompt: TrialPrompt? = first
        for i in 0..<count {
            let p = try XCTUnwrap(prompt, "session ended after \(i) answers")
            let onset = 10_000_000_000 * Int64(i + 1)
            let answer = i % 4 == 3 ? other(p.stimulus.side) : p.stimulus.side
            let outcome = try proprio.answerTrial(
                sessionId: p.sessionId, index: p.index, onsetNs: onset, responseNs: onset + 700_000_000, answer: answer)
            XCTAssertEqual(answer == p.stimulus.side, outcome.correct)
            prompt = outcome.next
        }
        return prompt
    }

    func testOpensADatabaseInAnEmptyFolder() throws {
        try withProprio { proprio in
            let status = try proprio.status()
            XCTAssertGreaterThanOrEqual(status.schemaVersion, 1)
            XCTAssertEqual(status.sessions, 0)
            XCTAssertEqual(status.journalEntries, 0)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath))
    }

    func testProfileRoundTrip() throws {
        let updated = try withProprio { proprio -> Profile in
            let fresh = try proprio.profile()
            XCTAssertFalse(fresh.code.isEmpty)
            XCTAssertEqual(fresh.createdAt, now())
            XCTAssertEqual(fresh.affected, [])

            let updated = try proprio.updateProfile(update: ProfileUpdate(
                affected: [AffectedArea(bodyPart: .hand, side: .left)], handedness: .right, skinTone: 4))
            XCTAssertEqual(updated.code, fresh.code)
            XCTAssertEqual(updated.affected, [AffectedArea(bodyPart: .hand, side: .left)])
            XCTAssertEqual(updated.handedness, .right)
            XCTAssertEqual(updated.skinTone, 4)
            XCTAssertEqual(try proprio.updateProfile(update: ProfileUpdate()), updated)
            return updated
        }
        try withProprio(at: now(86_400_000)) { XCTAssertEqual(try $0.profile(), updated) }
    }

    func testSessionWithTrialsSurvivesReopening() throws {
        let sessionId = try withProprio { proprio -> Int64 in
            let started = try proprio.startLeftRight(
                settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: 42), now: now())
            XCTAssertEqual(started.first.total, 10)
            XCTAssertNil(try answer(proprio, from: started.first, count: 10))
            _ = try proprio.finishSession(sessionId: started.session.id, now: now(120_000))
            return started.session.id
        }
        try withProprio(at: now(600_000)) { proprio in
            let sessions = try proprio.sessions()
            XCTAssertEqual(sessions.count, 1)
            let session = try XCTUnwrap(sessions.first)
            XCTAssertEqual(session.id, sessionId)
            XCTAssertEqual(session.kind, .leftRight)
            XCTAssertEqual(session.state, .completed)
            XCTAssertEqual(session.seed, 42)
            XCTAssertEqual(session.trialCount, 10)
            XCTAssertEqual(session.endedAt, now(120_000))

            let trials = try proprio.trials(sessionId: sessionId)
            XCTAssertEqual(trials.map(\.index), Array(0..<10))
            XCTAssertEqual(trials.filter(\.correct).count, 8)
            XCTAssertTrue(trials.allSatisfy { $0.rtMs == 700 && !$0.voided && !$0.timeout })
            XCTAssertEqual(try proprio.status().trials, 10)
        }
    }

    func testSessionLeftRunningIsInterruptedOnReopenWithItsTrialsKept() throws {
        let sessionId = try withProprio { proprio -> Int64 in
            let started = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .foot, count: 10), now: now())
            XCTAssertNotNil(try answer(proprio, from: started.first, count: 3))
            return started.session.id
        }
        try withProprio(at: now(60_000)) { proprio in
            let session = try XCTUnwrap(try proprio.sessions().first)
            XCTAssertEqual(session.id, sessionId)
            XCTAssertEqual(session.state, .interrupted)
            XCTAssertEqual(session.trialCount, 3)
            XCTAssertEqual(try proprio.trials(sessionId: sessionId).count, 3)
        }
    }

    func testSameSeedGivesTheSamePictures() throws {
        func pictures(_ name: String) throws -> [String] {
            let dir = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return try withProprio(dir.appendingPathComponent("p.db").path) { proprio in
                let started = try proprio.startLeftRight(
                    settings: LeftRightSettings(bodyPart: .hand, count: 10, level: 3, seed: 7), now: now())
                _ = try answer(proprio, from: started.first, count: 10)
                return try proprio.trials(sessionId: started.session.id).map(\.stimulusId)
            }
        }
        let first = try pictures("a")
        XCTAssertEqual(Set(first).count, 10)
        XCTAssertEqual(try pictures("b"), first)
    }

    func testPainOutOfRangeIsInvalidArgumentNamingTheField() throws {
        try withProprio { proprio in
            XCTAssertThrowsError(try proprio.addJournalEntry(entry: NewJournalEntry(at: now(), pain: 11, note: "too much"))) { error in
                guard case let ProprioError.InvalidArgument(field, reason) = error else {
                    return XCTFail("expected InvalidArgument, got \(error)")
                }
                XCTAssertEqual(field, "entry.pain")
                XCTAssertTrue(reason.contains("11"), reason)
                XCTAssertTrue("\(error)".contains("pain"))
            }
            XCTAssertEqual(try proprio.journalEntries(), [])
        }
    }

    func testOtherErrorsMapToTheirCases() throws {
        try withProprio { proprio in
            XCTAssertThrowsError(try proprio.startSession(
                kind: .mirror, bodyPart: .hand, seed: nil, now: WallTime(unixMs: start, zone: "Mars/Olympus"))) { error in
                guard case let ProprioError.InvalidArgument(field, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(field, "now.zone")
            }
            XCTAssertThrowsError(try proprio.finishSession(sessionId: 999, now: now())) { error in
                guard case ProprioError.NotFound = error else { return XCTFail("\(error)") }
            }
            let session = try proprio.startSession(kind: .mirror, bodyPart: .hand, seed: 1, now: now())
            _ = try proprio.finishSession(sessionId: session.id, now: now(1_000))
            XCTAssertThrowsError(try proprio.finishSession(sessionId: session.id, now: now(2_000))) { error in
                guard case ProprioError.InvalidState = error else { return XCTFail("\(error)") }
            }
        }
        let junk = folder.appendingPathComponent("junk.db")
        try String(repeating: "this is not a database, ", count: 200).write(to: junk, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Proprio(dbPath: junk.path, now: now())) { error in
            guard case ProprioError.NotADatabase = error else { return XCTFail("\(error)") }
        }
    }

    /// Kotlin's closedObjectRefusesCalls: Swift has no close(), so the Swift form is that
    /// dropping the last reference frees the object (closing the database), and the same
    /// file opens again with its data.
    func testReleasedObjectIsFreedAndTheFileReopens() throws {
        var proprio: Proprio? = try Proprio(dbPath: dbPath, now: now())
        _ = try proprio!.addJournalEntry(entry: NewJournalEntry(at: now(), pain: 3))
        weak var released = proprio
        proprio = nil
        XCTAssertNil(released, "the object outlived its last reference")
        try withProprio { XCTAssertEqual(try $0.journalEntries().map(\.pain), [3]) }
    }

    func testOneObjectSharedByEightThreadsLosesNoWrite() throws {
        let threads = 8
        let perThread = 25
        try withProprio { proprio in
            let lock = NSLock()
            var errors: [Error] = []
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                do {
                    let started = try proprio.startLeftRight(
                        settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: UInt64(t)), now: now())
                    var prompt: TrialPrompt? = started.first
                    for i in 0..<perThread {
                        _ = try proprio.addJournalEntry(entry: NewJournalEntry(
                            at: now(Int64(i)), pain: UInt8(i % 11), note: "t\(t)-\(i)"))
                        if let p = prompt {
                            let onset = 1_000_000_000 * Int64(i + 1)
                            prompt = try proprio.answerTrial(
                                sessionId: p.sessionId, index: p.index, onsetNs: onset,
                                responseNs: onset + 500_000_000, answer: .left).next
                        }
                        _ = try proprio.sessions()
                    }
                    _ = try proprio.finishSession(sessionId: started.session.id, now: now(60_000))
                } catch {
                    lock.lock()
                    errors.append(error)
                    lock.unlock()
                }
            }
            XCTAssertTrue(errors.isEmpty, "\(errors)")

            let entries = try proprio.journalEntries()
            XCTAssertEqual(entries.count, threads * perThread)
            XCTAssertEqual(Set(entries.map(\.id)).count, entries.count)
            let expected = Set((0..<threads).flatMap { t in (0..<perThread).map { "t\(t)-\($0)" } })
            XCTAssertEqual(Set(entries.map(\.note)), expected)

            let sessions = try proprio.sessions()
            XCTAssertEqual(sessions.count, threads)
            XCTAssertTrue(sessions.allSatisfy { $0.state == .completed && $0.trialCount == 10 })
            let status = try proprio.status()
            XCTAssertEqual(status.journalEntries, UInt64(threads * perThread))
            XCTAssertEqual(status.trials, UInt64(threads * 10))
        }
    }
}
