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

    /// LadderScreen's Change: a new name and fear are kept (and the ladder re-sorted by
    /// fear), nil keeps a value; a refusal names its field and changes nothing; an unknown
    /// id is NotFound.
    func testUpdateExposureStepRenamesAndRatesAgainAndARefusalChangesNothing() throws {
        let jar = try proprio.addExposureStep(activity: "open a jar", fear: 40)
        let bag = try proprio.addExposureStep(activity: "carry a shopping bag", fear: 60)
        let changed = try proprio.updateExposureStep(id: jar.id, activity: " open a tight jar ", fear: 70)
        XCTAssertEqual(changed.id, jar.id)
        XCTAssertEqual(changed.activity, "open a tight jar")
        XCTAssertEqual(changed.fear, 70)
        var form = try proprio.exposureLadderForm()
        XCTAssertEqual(form.steps.map(\.id), [bag.id, jar.id], "least feared first")
        XCTAssertEqual(form.steps.map(\.activity), ["carry a shopping bag", "open a tight jar"])
        XCTAssertEqual(form.steps[1].summary, "fear 70 · not practised yet")

        let rated = try proprio.updateExposureStep(id: jar.id, activity: nil, fear: 50)
        XCTAssertEqual(rated.activity, "open a tight jar", "nil keeps the activity")
        XCTAssertEqual(rated.fear, 50)
        let renamed = try proprio.updateExposureStep(id: jar.id, activity: "open a jar", fear: nil)
        XCTAssertEqual(renamed.fear, 50, "nil keeps the fear")

        form = try proprio.exposureLadderForm()
        let refused: [(activity: String?, fear: UInt8?, field: String)] = [
            ("", nil, "activity"),
            (String(repeating: "x", count: Int(form.maxActivityChars) + 1), nil, "activity"),
            (nil, form.fear.max + 1, "fear"),
        ]
        for change in refused {
            XCTAssertThrowsError(try proprio.updateExposureStep(id: jar.id, activity: change.activity, fear: change.fear)) { error in
                guard case let .InvalidArgument(field, reason)? = error as? ProprioError else { return XCTFail("\(error)") }
                XCTAssertEqual(field, change.field)
                XCTAssertFalse(reason.isEmpty, "the patient is told why")
            }
        }
        XCTAssertThrowsError(try proprio.updateExposureStep(id: jar.id + bag.id + 100, activity: "x", fear: 10)) { error in
            guard case .NotFound? = error as? ProprioError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try proprio.exposureLadderForm(), form, "a refused change changes nothing")
    }

    /// TextureLadderScreen: the standard textures softest first, the place in words, what
    /// each button may do; every edit kind returns the form again; a refused edit names
    /// its field and changes nothing; a ladder keeps one texture and holds twelve.
    func testTextureLadderFormTakesOneEditAtATimeAndARefusalChangesNothing() throws {
        let standard = ["cotton ball", "silk", "soft towel", "denim", "everyday clothes"]
        var form = try proprio.textureLadderForm(bodyPart: .hand)
        XCTAssertEqual(form.title, "Your touch ladder")
        XCTAssertEqual(form.textures.map(\.name), standard)
        XCTAssertEqual(form.textures.map(\.position), [0, 1, 2, 3, 4])
        XCTAssertEqual(form.textures[0].summary, "texture 1 · practising now ▶")
        XCTAssertEqual(form.textures[1].summary, "texture 2")
        XCTAssertEqual(form.textures.map(\.current), [true, false, false, false, false])
        XCTAssertEqual(form.now, "Now: cotton ball, touch with eyes open (texture 1 of 5), 0 of 3 calm sessions so far.")
        XCTAssertNil(form.standardLabel, "the standard textures are in use")
        XCTAssertTrue(form.listNote.contains("standard"), form.listNote)
        XCTAssertTrue(form.canAdd)
        XCTAssertEqual(form.maxNameChars, 40)
        XCTAssertEqual(form.nameHint, "for example, a wool scarf")
        XCTAssertEqual([form.textures[0].canMoveUp, form.textures[0].canMoveDown], [false, true])
        XCTAssertEqual([form.textures[4].canMoveUp, form.textures[4].canMoveDown], [true, false])
        XCTAssertTrue(form.textures.allSatisfy { $0.canRemove })

        form = try edit(.add(name: " wool scarf "))
        XCTAssertEqual(form.textures.last?.name, "wool scarf")
        XCTAssertEqual(form.textures.last?.position, 5)
        XCTAssertNotNil(form.standardLabel, "an edit makes the list the patient's own")
        form = try edit(.rename(position: 1, name: "satin"))
        XCTAssertEqual(form.textures[1].name, "satin")
        form = try edit(.moveDown(position: 0))
        XCTAssertEqual(form.textures.prefix(2).map(\.name), ["satin", "cotton ball"])
        form = try edit(.moveUp(position: 1))
        XCTAssertEqual(form.textures.prefix(2).map(\.name), ["cotton ball", "satin"])
        form = try edit(.remove(position: 5))
        XCTAssertEqual(form.textures.map(\.name), ["cotton ball", "satin", "soft towel", "denim", "everyday clothes"])

        let before = try proprio.textureLadderForm(bodyPart: .hand)
        let refused: [(edit: TextureEdit, field: String)] = [
            (.moveUp(position: 0), "position"),
            (.moveDown(position: 4), "position"),
            (.remove(position: 9), "position"),
            (.rename(position: 9, name: "linen"), "position"),
            (.add(name: "SATIN"), "textures[5]"),
            (.add(name: "tab\there"), "textures[5]"),
            (.rename(position: 0, name: String(repeating: "x", count: Int(before.maxNameChars) + 1)), "textures[0]"),
        ]
        for refusal in refused {
            XCTAssertThrowsError(try edit(refusal.edit), "\(refusal.edit)") { error in
                guard case let .InvalidArgument(field, reason)? = error as? ProprioError else { return XCTFail("\(error)") }
                XCTAssertEqual(field, refusal.field, "\(refusal.edit)")
                XCTAssertFalse(reason.isEmpty, "the patient is told why")
            }
        }
        XCTAssertEqual(try proprio.textureLadderForm(bodyPart: .hand), before, "a refused edit changes nothing")

        form = try edit(.standard)
        XCTAssertEqual(form.textures.map(\.name), standard)
        XCTAssertNil(form.standardLabel)

        for _ in 0..<4 {
            form = try edit(.remove(position: 0))
        }
        XCTAssertEqual(form.textures.map(\.name), ["everyday clothes"])
        XCTAssertFalse(form.textures[0].canRemove, "a ladder keeps one texture")
        XCTAssertThrowsError(try edit(.remove(position: 0))) { error in
            guard case let .InvalidArgument(field, _)? = error as? ProprioError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "textures")
        }
        for k in 1..<12 {
            form = try edit(.add(name: "texture \(k)"))
        }
        XCTAssertEqual(form.textures.count, 12)
        XCTAssertFalse(form.canAdd, "twelve textures fill the ladder")
        XCTAssertTrue(form.full.contains("12"), form.full)
        XCTAssertThrowsError(try edit(.add(name: "one more"))) { error in
            guard case let .InvalidArgument(field, _)? = error as? ProprioError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "textures")
        }

        _ = proprio.setLanguage(tag: "de")
        form = try edit(.standard)
        XCTAssertEqual(form.textures[0].name, "Wattebausch")
        XCTAssertEqual(form.textures[0].summary, "Material 1 · wird gerade geübt ▶")
    }

    /// ProgrammeScreen: before the profile no parts, only `empty`; after it the painful
    /// part with its stage, today's sentence for it and its history (the start, dated).
    func testProgrammeScreenIsEmptyBeforeTheProfileThenShowsThePartAndItsHistory() throws {
        let fresh = try proprio.programmeScreen(now: now())
        XCTAssertEqual(fresh.title, "Your programme")
        XCTAssertTrue(fresh.parts.isEmpty)
        XCTAssertEqual(fresh.empty, "Your programme starts when you have set up your profile.")

        try leftHandHurts()
        let screen = try proprio.programmeScreen(now: now())
        XCTAssertEqual(screen.parts.map(\.bodyPart), [.hand])
        let part = try XCTUnwrap(screen.parts.first)
        XCTAssertEqual(part.title, "Hand")
        XCTAssertEqual(screen.historyTitle, "So far, newest first")
        XCTAssertTrue(part.stage.hasPrefix("Stage 1 of "), part.stage)
        XCTAssertTrue(part.stage.hasSuffix(", day 1"), part.stage)
        XCTAssertFalse(part.sentence.isEmpty)
        XCTAssertNil(part.touch, "no touch drills yet")
        XCTAssertEqual(part.history.count, 1, "\(part.history)")
        let started = try XCTUnwrap(part.history.first)
        XCTAssertEqual(started.when, "2 November 2026")
        XCTAssertTrue(started.sentence.hasPrefix("Started with "), started.sentence)
    }

    private func edit(_ edit: TextureEdit) throws -> TextureLadderForm {
        try proprio.editTextureLadder(bodyPart: .hand, edit: edit)
    }
}
