package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.AffectedArea
import org.proprio.core.Backdrop
import org.proprio.core.ExportFormat
import org.proprio.core.ProprioException
import org.proprio.core.ShareChoice
import org.proprio.core.ShareRange
import org.proprio.core.decryptExport
import org.proprio.core.BodyPart
import org.proprio.core.FeedbackVerdict
import org.proprio.core.LeftRightSettings
import org.proprio.core.NewJournalEntry
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.Side
import org.proprio.core.WallTime
import org.proprio.core.pictureSize
import org.proprio.core.reminderPlanDays
import org.proprio.core.renderStimulus
import java.io.File

/** The screens' records through the Kotlin bindings, as the Compose shell reads them. */
class ScreensTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val start = 1_793_610_000_000L // 2026-11-02 09:00 London
    private fun now(plusMs: Long = 0) = WallTime(start + plusMs, "Europe/London")

    private fun <T> withProprio(block: (Proprio) -> T): T {
        val proprio = Proprio(File(tmp.root, "proprio.db").path, now())
        try {
            return block(proprio)
        } finally {
            proprio.close()
        }
    }

    private fun leftHandHurts(p: Proprio) =
        p.updateProfile(ProfileUpdate(affected = listOf(AffectedArea(BodyPart.HAND, Side.LEFT))))

    @Test
    fun sessionStepsNameTheNextPictureAndWordTheFeedback() = withProprio { p ->
        val start = p.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 10u, seed = 5u), now())
        var prompt = start.first
        assertEquals("Picture 1 of 10", prompt.progressText)
        assertEquals(800u, prompt.fixationMs)
        var answered = 0
        while (true) {
            val out = p.answerTrial(prompt.sessionId, prompt.index, 0L, 900_000_000L, prompt.stimulus.side)
            val feedback = out.feedback ?: error("feedback is on by default")
            assertEquals(FeedbackVerdict.CORRECT, feedback.verdict)
            assertEquals("✓ Correct", feedback.text)
            assertEquals(500u, feedback.showMs)
            assertEquals("the picture drawn ahead is the next one", prompt.nextStimulus, out.next?.stimulus)
            answered++
            prompt = out.next ?: break
        }
        assertEquals(10, answered)
        assertNull(p.currentTrial(start.session.id))
        p.finishSession(start.session.id, now(60_000))
        val results = p.sessionResults(start.session.id, now(60_000))
        assertEquals("Session complete", results.title)
        assertEquals(listOf("Left", "Right"), results.sides.map { it.title })
    }

    @Test
    fun progressChartsComeByDayWithGoalsAxesAndThePainfulSide() = withProprio { p ->
        assertNull(p.practiceBodyPart())
        leftHandHurts(p)
        assertEquals(BodyPart.HAND, p.practiceBodyPart())
        val s = p.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 10u, seed = 1u), now())
        var prompt = s.first
        while (true) prompt = p.answerTrial(prompt.sessionId, prompt.index, 0L, 1_000_000_000L, prompt.stimulus.side).next ?: break
        p.finishSession(s.session.id, now(60_000))
        val screen = p.progressCharts(BodyPart.HAND, now(120_000))
        assertEquals("Progress: Hand", screen.title)
        assertEquals(listOf("2/11"), screen.accuracy.days)
        assertEquals(0.9, screen.accuracy.goal, 1e-9)
        assertEquals(listOf(true, false), screen.accuracy.series.map { it.affected })
        assertEquals("Left (painful side)", screen.accuracy.series[0].label)
        assertEquals(1000.0, screen.responseTime.series[1].values[0]!!, 1e-9)
        assertEquals(screen.responseTime.yMax, screen.responseTime.ticks.last().value, 1e-9)
        assertTrue(screen.responseTime.yMax >= screen.responseTime.goal)
    }

    @Test
    fun formsCarryTheirChoicesRangesAndWords() = withProprio { p ->
        val onboarding = p.onboardingForm()
        assertEquals(BodyPart.entries.size, onboarding.bodyParts.size)
        assertEquals(listOf(listOf(Side.LEFT), listOf(Side.RIGHT), listOf(Side.LEFT, Side.RIGHT)), onboarding.sides.map { it.sides })
        assertTrue(onboarding.checkFirst, onboarding.checkFirst.contains("memory"))
        for (tone in onboarding.skinTones) {
            assertEquals(tone.tone, tone.sample.skinTone)
            renderStimulus(tone.sample, pictureSize(100u), Backdrop.DARK)
        }

        val journal = p.journalForm()
        assertEquals("10 = worst pain imaginable", journal.pain.highAnchor)
        assertEquals(10.toUByte(), journal.pain.max)
        p.addJournalEntry(NewJournalEntry(now(), journal.pain.max, null, true, "", null))
        assertEquals("pain 10, medication taken", p.journalForm().entries.single().summary)

        val reminders = p.reminderForm()
        assertEquals("08:00", reminders.windowStart.choices.first { it.value == 480 }.label)
        assertEquals(listOf(10, 30, 60), p.snoozeChoices().map { it.minutes })
        assertEquals(3u, reminderPlanDays())

        p.setLanguage("de-AT")
        assertEquals("Fuß", p.onboardingForm().bodyParts[1].label)
        assertEquals("In 10 Min.", p.snoozeChoices()[0].label)
    }

    @Test
    fun shareFormOffersTheReportAndPrepareShareWritesNamedFilesThatDecrypt() = withProprio { p ->
        val form = p.shareForm()
        assertEquals(ExportFormat.HTML, form.format)
        assertEquals(
            listOf(ExportFormat.HTML, ExportFormat.JSON, ExportFormat.CSV, ExportFormat.FHIR, ExportFormat.HLJT),
            form.formats.map { it.format },
        )
        assertEquals("Report for your therapist (HTML)", form.formats[0].label)
        assertEquals(listOf(ShareRange.ALL, ShareRange.LAST_FOUR_WEEKS, ShareRange.LAST_TWELVE_WEEKS), form.ranges.map { it.range })
        assertEquals(8u, form.passphraseMinChars)
        val code = p.profile().code
        assertTrue(form.privacy, form.privacy.contains(code))

        val dir = File(tmp.root, "exports")
        val short = runCatching { p.prepareShare(ShareChoice(ExportFormat.HTML, ShareRange.ALL, "short"), dir.path, now()) }
        val refused = short.exceptionOrNull() as? ProprioException.InvalidArgument ?: error("short passphrase accepted: $short")
        assertEquals("choice.passphrase", refused.field)
        assertTrue("nothing written", dir.listFiles().isNullOrEmpty())

        val report = p.prepareShare(ShareChoice(ExportFormat.HTML, ShareRange.ALL), dir.path, now())
        assertEquals("text/html", report.mime)
        assertNull(report.passphraseNote)
        val file = report.files.single()
        assertEquals("proprio-$code-2026-11-02.html", file.name)
        assertEquals(File(file.path).length().toULong(), file.sizeBytes)

        val tables = p.prepareShare(ShareChoice(ExportFormat.CSV, ShareRange.LAST_FOUR_WEEKS, "correct horse battery"), dir.path, now())
        assertEquals("application/octet-stream", tables.mime)
        assertEquals(
            listOf("trials", "sessions", "journal", "guided").map { "proprio-$code-2026-11-02-$it.csv.age" },
            tables.files.map { it.name },
        )
        for (f in tables.files) {
            val plain = String(decryptExport(File(f.path).readBytes(), "correct horse battery"))
            assertTrue(f.name, plain.contains(","))
        }
    }

    /** The activity ladder's record, then an edit through the core and the record again. */
    @Test
    fun theExposureLadderFormWordsEachActivityAndTheCoreChecksEdits() = withProprio { p ->
        val empty = p.exposureLadderForm()
        assertTrue(empty.steps.isEmpty() && empty.canAdd)
        assertEquals(Triple(0.toUByte(), 100.toUByte(), 5.toUByte()), Triple(empty.fear.min, empty.fear.max, empty.fear.step))
        val jar = p.addExposureStep("open a jar", 40u)
        p.addExposureStep("carry a shopping bag", 60u)
        val form = p.exposureLadderForm()
        assertEquals(listOf("open a jar", "carry a shopping bag"), form.steps.map { it.activity })
        assertEquals("fear 40 · not practised yet · practising now ▶", form.steps[0].summary)
        val e = assertThrows(ProprioException.InvalidArgument::class.java) { p.addExposureStep("", 10u) }
        assertEquals("activity", e.field)
        p.updateExposureStep(jar.id, null, 70u)
        assertEquals(listOf("carry a shopping bag", "open a jar"), p.exposureLadderForm().steps.map { it.activity })
        p.removeExposureStep(jar.id)
        assertEquals(1, p.exposureLadderForm().steps.size)
    }
}
