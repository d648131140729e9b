// The screens' records, as the iOS app reads them: mirrors tests/kotlin ScreensTest.kt
// test by test. On a database in a temporary folder.
import Foundation
import XCTest
@testable import ProprioCore

final class ScreensTests: XCTestCase {
    /// 2026-11-02 09:00 London.
    private let start: Int64 = 1_793_610_000_000
    private var folder: URL!
    private var proprio: Proprio!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("proprio-screens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        proprio = try Proprio(dbPath: folder.appendingPathComponent("p.db").path, now: now())
    }

    override func tearDownWithError() throws {
        proprio = nil
        try? FileManager.default.removeItem(at: folder)
    }

    private func now(_ plusMs: Int64 = 0) -> WallTime { WallTime(unixMs: start + plusMs, zone: "Europe/London") }

    private func leftHandHurts() throws {
        _ = try proprio.updateProfile(update: ProfileUpdate(affected: [AffectedArea(bodyPart: .hand, side: .left)]))
    }

    /// SessionScreen: every prompt names the picture after it, and feedback is worded.
    func testSessionStepsNameTheNextPictureAndWordTheFeedback() throws {
        let started = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: 5), now: now())
        var prompt = started.first
        XCTAssertEqual(prompt.progressText, "Picture 1 of 10")
        XCTAssertEqual(prompt.fixationMs, 800)
        var answered = 0
        while true {
            let out = try proprio.answerTrial(
                sessionId: prompt.sessionId, index: prompt.index, onsetNs: 0, responseNs: 900_000_000,
                answer: prompt.stimulus.side)
            let feedback = try XCTUnwrap(out.feedback)
            XCTAssertEqual(feedback.verdict, .correct)
            XCTAssertEqual(feedback.text, "✓ Correct")
            XCTAssertEqual(feedback.showMs, 500)
            XCTAssertEqual(prompt.nextStimulus, out.next?.stimulus, "the picture drawn ahead is the next one")
            answered += 1
            guard let next = out.next else { break }
            prompt = next
        }
        XCTAssertEqual(answered, 10)
        XCTAssertNil(try proprio.currentTrial(sessionId: started.session.id))
        _ = try proprio.finishSession(sessionId: started.session.id, now: now(60_000))
        let results = try proprio.sessionResults(sessionId: started.session.id, now: now(60_000))
        XCTAssertEqual(results.title, "Session complete")
        XCTAssertEqual(results.sides.map(\.title), ["Left", "Right"])
    }

    /// ProgressScreen: charts by day per side, the goal, the axis, the painful side.
    func testProgressChartsComeByDayWithGoalsAxesAndThePainfulSide() throws {
        XCTAssertNil(try proprio.practiceBodyPart())
        try leftHandHurts()
        XCTAssertEqual(try proprio.practiceBodyPart(), .hand)
        let started = try proprio.startLeftRight(settings: LeftRightSettings(bodyPart: .hand, count: 10, seed: 1), now: now())
        var prompt: TrialPrompt? = started.first
        while let p = prompt {
            prompt = try proprio.answerTrial(
                sessionId: p.sessionId, index: p.index, onsetNs: 0, responseNs: 1_000_000_000, answer: p.stimulus.side
            ).next
        }
        _ = try proprio.finishSession(sessionId: started.session.id, now: now(60_000))
        let charts = try proprio.progressCharts(bodyPart: .hand, now: now(120_000))
        XCTAssertEqual(charts.title, "Progress: Hand")
        XCTAssertEqual(charts.accuracy.days, ["2/11"])
        XCTAssertEqual(charts.accuracy.goal, 0.9, accuracy: 1e-9)
        XCTAssertEqual(charts.accuracy.series.map(\.affected), [true, false])
        XCTAssertEqual(charts.accuracy.series[0].label, "Left (painful side)")
        XCTAssertEqual(charts.responseTime.series[1].values[0] ?? 0, 1000, accuracy: 1e-9)
        XCTAssertEqual(charts.responseTime.yMax, charts.responseTime.ticks.last?.value ?? -1, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(charts.responseTime.yMax, charts.responseTime.goal)
    }

    /// OnboardingScreen, JournalScreen, ReminderSettingsScreen and the notifications.
    func testFormsCarryTheirChoicesRangesAndWords() throws {
        let onboarding = try proprio.onboardingForm()
        XCTAssertEqual(onboarding.bodyParts.count, BodyPart.allCases.count)
        XCTAssertEqual(onboarding.sides.map(\.sides), [[.left], [.right], [.left, .right]])
        XCTAssertTrue(onboarding.checkFirst.contains("memory"), onboarding.checkFirst)
        for tone in onboarding.skinTones {
            XCTAssertEqual(tone.tone, tone.sample.skinTone)
            _ = try renderStimulus(spec: tone.sample, size: pictureSize(wantedPx: 100), backdrop: .dark)
        }

        let journal = try proprio.journalForm()
        XCTAssertEqual(journal.pain.highAnchor, "10 = worst pain imaginable")
        XCTAssertEqual(journal.pain.max, 10)
        _ = try proprio.addJournalEntry(
            entry: NewJournalEntry(at: now(), pain: journal.pain.max, fear: nil, medication: true, note: "", sessionId: nil))
        XCTAssertEqual(try proprio.journalForm().entries.map(\.summary), ["pain 10, medication taken"])

        let reminders = try proprio.reminderForm()
        XCTAssertEqual(reminders.windowStart.choices.first { $0.value == 480 }?.label, "08:00")
        XCTAssertEqual(proprio.snoozeChoices().map(\.minutes), [10, 30, 60])
        XCTAssertEqual(reminderPlanDays(), 3)

        _ = proprio.setLanguage(tag: "de-AT")
        XCTAssertEqual(try proprio.onboardingForm().bodyParts[1].label, "Fuß")
        XCTAssertEqual(proprio.snoozeChoices()[0].label, "In 10 Min.")
    }

    /// ShareScreen: the form offers the report first; prepareShare writes files named by
    /// the core, refuses a short passphrase without writing, and encrypted files decrypt.
    func testShareFormOffersTheReportAndPrepareShareWritesNamedFilesThatDecrypt() throws {
        let form = try proprio.shareForm()
        XCTAssertEqual(form.format, .html)
        XCTAssertEqual(form.formats.map(\.format), [.html, .json, .csv, .fhir, .hljt])
        XCTAssertEqual(form.formats[0].label, "Report for your therapist (HTML)")
        XCTAssertEqual(form.ranges.map(\.range), [.all, .lastFourWeeks, .lastTwelveWeeks])
        XCTAssertEqual(form.passphraseMinChars, 8)
        let code = try proprio.profile().code
        XCTAssertTrue(form.privacy.contains(code), form.privacy)

        let dir = folder.appendingPathComponent("exports")
        XCTAssertThrowsError(
            try proprio.prepareShare(choice: ShareChoice(format: .html, range: .all, passphrase: "short"), dir: dir.path, now: now())
        ) { error in
            guard case let .InvalidArgument(field, _)? = error as? ProprioError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "choice.passphrase")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path), "nothing written")

        let report = try proprio.prepareShare(choice: ShareChoice(format: .html, range: .all, passphrase: nil), dir: dir.path, now: now())
        XCTAssertEqual(report.mime, "text/html")
        XCTAssertNil(report.passphraseNote)
        XCTAssertEqual(report.files.map(\.name), ["proprio-\(code)-2026-11-02.html"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: report.files[0].path))
        XCTAssertEqual(UInt64(bytes.count), report.files[0].sizeBytes)

        let tables = try proprio.prepareShare(
            choice: ShareChoice(format: .csv, range: .lastFourWeeks, passphrase: "correct horse battery"), dir: dir.path, now: now())
        XCTAssertEqual(tables.mime, "application/octet-stream")
        XCTAssertEqual(tables.files.map(\.name), ["trials", "sessions", "journal", "guided"].map { "proprio-\(code)-2026-11-02-\($0).csv.age" })
        for file in tables.files {
            let sealed = try Data(contentsOf: URL(fileURLWithPath: file.path))
            let plain = try decryptExport(bytes: sealed, passphrase: "correct horse battery")
            XCTAssertTrue(String(decoding: plain, as: UTF8.self).contains(","), file.name)
        }
    }

    /// LadderScreen: the empty ladder, two activities least feared first in the core's
    /// words, 20 fill it, a 21st is refused naming the activity, a removal makes room.
    func testExposureLadderFormWordsEachActivityAndBoundsTheLadder() throws {
        var form = try proprio.exposureLadderForm()
        XCTAssertTrue(form.steps.isEmpty)
        XCTAssertTrue(form.canAdd)
        XCTAssertEqual(form.empty, "No activities yet. Add the first one below.")
        XCTAssertEqual(form.fear.min, 0)
        XCTAssertEqual(form.fear.max, 100)
        XCTAssertEqual(form.fear.step, 5)
        XCTAssertEqual(form.maxActivityChars, 80)
        XCTAssertEqual(form.fear.lowAnchor, "0 = not afraid")

        _ = try proprio.addExposureStep(activity: "carry a shopping bag", fear: 60)
        _ = try proprio.addExposureStep(activity: "open a jar", fear: 40)
        form = try proprio.exposureLadderForm()
        XCTAssertEqual(form.steps.map(\.activity), ["open a jar", "carry a shopping bag"])
        XCTAssertEqual(
            form.steps.map(\.summary),
            ["fear 40 · not practised yet · practising now ▶", "fear 60 · not practised yet"])
        XCTAssertEqual(form.steps.map(\.current), [true, false])

        for k in 2..<20 {
            _ = try proprio.addExposureStep(activity: "activity \(k)", fear: 50)
        }
        form = try proprio.exposureLadderForm()
        XCTAssertFalse(form.canAdd, "20 activities fill the ladder")
        XCTAssertEqual(form.steps.count, 20)
        XCTAssertThrowsError(try proprio.addExposureStep(activity: "one more", fear: 10)) { error in
            guard case let .InvalidArgument(field, _)? = error as? ProprioError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "activity")
        }
        try proprio.removeExposureStep(id: form.steps[19].id)
        XCTAssertTrue(try proprio.exposureLadderForm().canAdd, "a removal makes room")

        _ = proprio.setLanguage(tag: "de")
        XCTAssertEqual(try proprio.exposureLadderForm().steps[0].summary, "Angst 40 · noch nicht geübt · wird gerade geübt ▶")
    }
}
