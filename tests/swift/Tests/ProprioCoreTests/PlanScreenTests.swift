// Receiving a therapist's plan, as the iOS plan screen reads it: mirrors the preview,
// refusal, plan screen and countdown tests of tests/kotlin PlanTest.kt. On a database in
// a temporary folder.
import Foundation
import XCTest
@testable import ProprioCore

final class PlanScreenTests: XCTestCase {
    private var folder: URL!
    private var proprio: Proprio!
    private let now = WallTime(unixMs: 1_795_000_000_000, zone: "Europe/Berlin")
    private let plan = """
        {"format": "proprio-plan", "format_version": 1, "created": "2026-11-30",
         "tracks": [{"body_part": "hand", "side": "left", "stages": [
             {"stage": "left-right", "locked": true}, {"stage": "motor-imagery"},
             {"stage": "mirror"}, {"stage": "graded-movement"}]}],
         "parameters": {"images_per_session": 20, "time_limit_ms": 9000},
         "daily_targets": {"left-right": 4},
         "instructions": "Short sessions, often."}
        """

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        proprio = try Proprio(dbPath: folder.appendingPathComponent("p.db").path, now: now)
    }

    override func tearDownWithError() throws {
        proprio = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// PlanScreen: the preview says what the import then does, and writes nothing.
    func testAPreviewSaysWhatTheImportThenDoesAndWritesNothing() throws {
        let code = try planToCode(json: plan)
        let preview = try proprio.previewPlanCode(code: code, now: now)
        XCTAssertNil(try proprio.currentPlan(), "a preview writes nothing")
        XCTAssertEqual(preview.source, .code)
        XCTAssertEqual(preview.fromLine, "From your therapist")
        XCTAssertEqual(preview.dateLine, "Written on 30 November 2026")
        XCTAssertEqual(preview.confirmLabel, "Use this plan")
        XCTAssertTrue(preview.changes.contains { $0.text == "Pictures per left/right session: 50 → 20." })
        let entry = try proprio.importPlanCode(code: preview.text, now: now)
        XCTAssertEqual(entry.changes, preview.changes)
        XCTAssertEqual(entry.plan, preview.plan)
        let file = try proprio.previewPlanFile(bytes: Data(plan.utf8), now: now)
        XCTAssertEqual(file.source, .file)
        XCTAssertTrue(file.warnings.contains { $0.kind == .sameAsInForce })
        XCTAssertTrue(file.warnings.contains { $0.kind == .datedAhead })
    }

    /// PlanScreen: a bad code or file is typed and worded for the patient.
    func testABadCodeOrFileIsTypedAndWordedForThePatient() throws {
        XCTAssertThrowsError(try proprio.previewPlanCode(code: "PLAN1.abc", now: now)) { error in
            guard case let ProprioError.PlanNotRead(problem, sentence, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, .incomplete)
            XCTAssertEqual(sentence, "This code is not complete — check it was copied whole.")
        }
        XCTAssertThrowsError(try proprio.previewPlanFile(bytes: Data([0xff, 0xfe, 0]), now: now)) { error in
            guard case let ProprioError.PlanNotRead(problem, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, .notText)
        }
        let broken = plan.replacingOccurrences(of: "\"images_per_session\": 20", with: "\"images_per_session\": 5000")
        XCTAssertThrowsError(try proprio.previewPlanFile(bytes: Data(broken.utf8), now: now)) { error in
            guard case let ProprioError.PlanNotRead(problem, _, details) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, .hasMistakes)
            XCTAssertEqual(details.map(\.path), ["parameters.images_per_session"])
        }
        _ = proprio.setLanguage(tag: "de")
        XCTAssertThrowsError(try proprio.previewPlanCode(code: "hallo", now: now)) { error in
            guard case let ProprioError.PlanNotRead(_, sentence, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(sentence.hasPrefix("Das ist kein Plan-Code"), sentence)
        }
        XCTAssertNil(try proprio.currentPlan())
    }

    /// PlanScreen: no plan yet, then the one in force, its history and the ways in.
    func testThePlanScreenSaysThereIsNoPlanThenShowsTheOneInForce() throws {
        let empty = try proprio.planScreen()
        XCTAssertEqual(empty.inForce, ["No plan from your therapist yet."])
        XCTAssertEqual(empty.waysIn.map(\.way), [.code, .file, .scan])
        XCTAssertEqual(empty.waysIn.map(\.label), ["Enter a code", "Open a file", "Scan a QR code"])
        XCTAssertEqual(empty.maxFileBytes, 65_536)
        _ = try proprio.importPlan(json: plan, now: now)
        let page = try proprio.planScreen()
        XCTAssertEqual(page.inForceFrom, "From your therapist")
        XCTAssertTrue(page.inForce[0].hasPrefix("Hand (left), graded motor imagery: left/right judgement (you stay here for now)"))
        XCTAssertEqual(page.history.count, 1)
        XCTAssertTrue(page.history[0].heading.hasSuffix(", as a file"))
    }

    /// GuidedScreen: the countdown is shown and spoken in the core's words.
    func testTheCountdownIsShownAndSpokenByTheCore() throws {
        let words = proprio.countdownWords(secondsLeft: 42)
        XCTAssertEqual(words.shown, "0:42")
        XCTAssertEqual(words.spoken, "42 seconds left")
        XCTAssertEqual(proprio.countdownWords(secondsLeft: 125).spoken, "2 minutes 5 seconds left")
        _ = proprio.setLanguage(tag: "de")
        XCTAssertEqual(proprio.countdownWords(secondsLeft: 60).spoken, "Noch 1 Minute")
    }
}
