// RestoreScreen's calls, as core/tests/exports.rs
// (a_backup_file_restores_on_a_new_phone_plain_or_locked) checks them in Rust: the form
// on a fresh phone and on one holding data, a JSON export restored into a second
// database (its counts, its profile, the core's sentence), and a locked backup without
// its passphrase refused naming `passphrase`, changing nothing.
import Foundation
import XCTest
@testable import ProprioCore

final class RestoreTests: XCTestCase {
    /// 2026-11-23T07:00:00Z, a Monday.
    private let monday: Int64 = 1_795_417_200_000
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func now(_ plusMs: Int64 = 0) -> WallTime { WallTime(unixMs: monday + plusMs, zone: "Europe/London") }

    private func open(_ name: String) throws -> Proprio {
        try Proprio(dbPath: folder.appendingPathComponent(name).path, now: now())
    }

    /// The old phone: a profile, two finished left/right sessions, two journal entries.
    private func practised(_ proprio: Proprio) throws {
        _ = try proprio.updateProfile(update: ProfileUpdate(affected: [AffectedArea(bodyPart: .hand, side: .left)]))
        for n in 0..<2 {
            let at = Int64(n) * 3_600_000
            let start = try proprio.startLeftRight(
                settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: UInt64(n + 1)), now: now(at))
            var prompt: TrialPrompt? = start.first
            var i: Int64 = 0
            while let p = prompt {
                i += 1
                prompt = try proprio.answerTrial(
                    sessionId: p.sessionId, index: p.index, onsetNs: i * 10_000_000_000,
                    responseNs: i * 10_000_000_000 + 900_000_000, answer: p.stimulus.side).next
            }
            _ = try proprio.finishSession(sessionId: start.session.id, now: now(at + 120_000))
            _ = try proprio.addJournalEntry(entry: NewJournalEntry(at: now(at + 180_000), pain: 3, note: "after \(n)"))
        }
    }

    /// The form on a fresh phone asks nothing more; on one holding data it says what
    /// restoring replaces and its button says so too.
    func testTheFormWarnsOnlyWhenThePhoneHoldsData() throws {
        let proprio = try open("p.db")
        let fresh = try proprio.restoreForm()
        XCTAssertFalse(fresh.holdsData)
        XCTAssertNil(fresh.replaceWarning)
        XCTAssertEqual(fresh.confirmLabel, "Restore")
        XCTAssertEqual(fresh.title, "Restore from a backup")
        XCTAssertFalse(fresh.intro.isEmpty)
        XCTAssertFalse(fresh.chooseLabel.isEmpty)
        XCTAssertFalse(fresh.passphraseLabel.isEmpty)
        XCTAssertEqual(fresh.maxFileBytes, 1 << 30)

        try practised(proprio)
        let after = try proprio.restoreForm()
        XCTAssertTrue(after.holdsData)
        XCTAssertEqual(
            after.replaceWarning,
            "This phone already holds 2 sessions and 2 journal entries. Restoring replaces everything on it with the backup.")
        XCTAssertEqual(after.confirmLabel, "Replace everything and restore")
    }

    /// A JSON export of everything restores into a second database: the same counts, the
    /// profile (the app leaves onboarding), the core's sentence.
    func testAJsonExportRestoresOnANewPhone() throws {
        let old = try open("old.db")
        try practised(old)
        let written = try old.exportToFile(
            format: .json, from: nil, to: nil, path: folder.appendingPathComponent("backup.json").path,
            passphrase: nil, now: now(86_400_000))
        let backup = try XCTUnwrap(written.first)

        let new = try open("new.db")
        XCTAssertNil(try new.practiceBodyPart())
        let restored = try new.restoreBackupFile(path: backup, passphrase: nil, replace: false)
        let (o, n) = (try old.status(), try new.status())
        XCTAssertEqual(n.sessions, o.sessions)
        XCTAssertEqual(n.trials, o.trials)
        XCTAssertEqual(n.journalEntries, o.journalEntries)
        XCTAssertEqual(n.sessions, 2)
        XCTAssertEqual(restored.summary.sessions, 2)
        XCTAssertEqual(restored.summary.journalEntries, 2)
        XCTAssertEqual(
            restored.sentence,
            "Restored 2 sessions (0 guided) and 2 journal entries, with your profile, reminders and plan.")
        XCTAssertEqual(try new.practiceBodyPart(), .hand)
        XCTAssertTrue(try new.restoreForm().holdsData)
    }

    /// A locked backup without its passphrase (or with a wrong one) is refused naming
    /// `passphrase`, and the phone keeps what it held; with it, it restores.
    func testALockedBackupWithoutItsPassphraseIsRefusedAndChangesNothing() throws {
        let old = try open("old.db")
        try practised(old)
        let written = try old.exportToFile(
            format: .json, from: nil, to: nil, path: folder.appendingPathComponent("locked.json").path,
            passphrase: "horse battery", now: now(86_400_000))
        let locked = try XCTUnwrap(written.first)

        let new = try open("new.db")
        for passphrase in [nil, "wrong horse"] as [String?] {
            XCTAssertThrowsError(try new.restoreBackupFile(path: locked, passphrase: passphrase, replace: false)) { error in
                guard case let .InvalidArgument(field, reason)? = error as? ProprioError else { return XCTFail("\(error)") }
                XCTAssertEqual(field, "passphrase")
                XCTAssertFalse(reason.isEmpty)
            }
        }
        let status = try new.status()
        XCTAssertEqual(status.sessions, 0)
        XCTAssertEqual(status.journalEntries, 0)
        XCTAssertNil(try new.practiceBodyPart())
        XCTAssertFalse(try new.restoreForm().holdsData)

        _ = try new.restoreBackupFile(path: locked, passphrase: "horse battery", replace: false)
        XCTAssertEqual(try new.status().sessions, 2)
    }
}
