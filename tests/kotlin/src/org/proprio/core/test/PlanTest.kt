package org.proprio.core.test

import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.BodyPart
import org.proprio.core.LeftRightSettings
import org.proprio.core.PlanChange
import org.proprio.core.PlanReadProblem
import org.proprio.core.PlanSource
import org.proprio.core.PlanWarningKind
import org.proprio.core.PlanWay
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.SessionKind
import org.proprio.core.Stage
import org.proprio.core.TransitionOrigin
import org.proprio.core.WallTime
import org.proprio.core.planFromCode
import org.proprio.core.planQrPng
import org.proprio.core.planToCode

/**
 * The therapist's plan through the Kotlin bindings: an imported plan sets the next
 * session's parameters and the reminder targets, says what changed, is kept in the
 * history; a broken plan arrives as InvalidPlan with every problem's path.
 */
class PlanTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val now = WallTime(1_795_000_000_000L, "Europe/Berlin")

    private val plan = """
        {"format": "proprio-plan", "format_version": 1, "created": "2026-11-30",
         "tracks": [{"body_part": "hand", "side": "left", "stages": [
             {"stage": "left-right", "locked": true}, {"stage": "motor-imagery"},
             {"stage": "mirror"}, {"stage": "graded-movement"}]}],
         "parameters": {"images_per_session": 20, "time_limit_ms": 9000},
         "daily_targets": {"left-right": 4},
         "instructions": "Short sessions, often."}
    """

    private fun <T> withProprio(block: (Proprio) -> T): T {
        val proprio = Proprio(File(tmp.newFolder(), "p.db").path, now)
        try {
            return block(proprio)
        } finally {
            proprio.close()
        }
    }

    private fun firstPicture(proprio: Proprio) =
        proprio.startLeftRight(LeftRightSettings(bodyPart = BodyPart.HAND, seed = 3uL), now).first

    @Test
    fun anImportedPlanSetsTheNextSessionAndSaysWhatChanged() = withProprio { proprio ->
        assertNull(proprio.currentPlan())
        assertEquals(50u, firstPicture(proprio).total)
        val entry = proprio.importPlan(plan, now)
        assertEquals(PlanSource.FILE, entry.source)
        val first = firstPicture(proprio)
        assertEquals(20u, first.total)
        assertEquals(9000u, first.timeLimitMs)
        assertEquals(4, proprio.reminderSettings().targets.first { it.kind == SessionKind.LEFT_RIGHT }.perDay)
        val changes = entry.changes.map { it.change }
        assertEquals(PlanChange.FirstPlan, changes.first())
        assertTrue(changes.contains(PlanChange.Parameter("images_per_session", 50.0, 20.0)))
        assertTrue(changes.contains(PlanChange.StageLocked(BodyPart.HAND, Stage.LEFT_RIGHT)))
        assertTrue(entry.changes.any { it.text == "Pictures per left/right session: 50 → 20." })
        assertEquals(1, proprio.planHistory().size)
        assertEquals("Short sessions, often.", proprio.currentPlan()?.plan?.instructions)
    }

    @Test
    fun aBrokenPlanListsEveryProblemAndChangesNothing() = withProprio { proprio ->
        val broken = plan.replace("\"images_per_session\": 20", "\"images_per_session\": 500")
            .replace("\"created\"", "\"colour\": 1, \"created\"")
        val e = assertThrows(ProprioException.InvalidPlan::class.java) { proprio.importPlan(broken, now) }
        assertEquals(listOf("colour", "parameters.images_per_session"), e.problems.map { it.path }.sorted())
        val newer = plan.replace("\"format_version\": 1", "\"format_version\": 7")
        val n = assertThrows(ProprioException.NewerPlan::class.java) { proprio.importPlan(newer, now) }
        assertEquals(7uL, n.found)
        assertTrue(proprio.planHistory().isEmpty())
        assertEquals(50u, firstPicture(proprio).total)
    }

    @Test
    fun aShareCodeCarriesTheSamePlan() = withProprio { proprio ->
        val code = planToCode(plan)
        assertTrue(code.startsWith("PLAN1."))
        val entry = proprio.importPlanCode(code, now)
        assertEquals(PlanSource.CODE, entry.source)
        assertEquals(code, proprio.planShareCode())
        assertEquals(code, planToCode(planFromCode(code)))
        assertTrue(planQrPng(code).size > 100)
        val typo = code.substring(0, 20) + (if (code[20] == 'A') 'B' else 'A') + code.substring(21)
        val e = assertThrows(ProprioException.InvalidArgument::class.java) { proprio.importPlanCode(typo, now) }
        assertEquals("code", e.field)
        assertEquals(20u, firstPicture(proprio).total)
    }

    /** Onboarding, then a plan that locks motor imagery: the stage changes in the same import. */
    @Test
    fun aPlanImportMovesThePatientToTheLockedStage() = withProprio { proprio ->
        val locked = plan.replace("{\"stage\": \"left-right\", \"locked\": true}", "{\"stage\": \"left-right\"}")
            .replace("{\"stage\": \"motor-imagery\"}", "{\"stage\": \"motor-imagery\", \"locked\": true}")
        proprio.importPlan(plan, now)
        assertEquals(Stage.LEFT_RIGHT, proprio.today(now).stages.single().stage)
        proprio.importPlan(locked, now)
        val today = proprio.today(now)
        assertEquals(Stage.MOTOR_IMAGERY, today.stages.single().stage)
        assertEquals(SessionKind.MOTOR_IMAGERY, today.next.kind)
        val last = proprio.stageHistory(BodyPart.HAND).last()
        assertEquals(Stage.MOTOR_IMAGERY, last.toStage)
        assertEquals(TransitionOrigin.THERAPIST, last.origin)
    }

    @Test
    fun aPreviewSaysWhatTheImportThenDoesAndWritesNothing() = withProprio { proprio ->
        val code = planToCode(plan)
        val preview = proprio.previewPlanCode(code, now)
        assertNull("a preview writes nothing", proprio.currentPlan())
        assertEquals(PlanSource.CODE, preview.source)
        assertEquals("From your therapist", preview.fromLine)
        assertEquals("Written on 30 November 2026", preview.dateLine)
        assertEquals("Use this plan", preview.confirmLabel)
        assertTrue(preview.changes.any { it.text == "Pictures per left/right session: 50 → 20." })
        val entry = proprio.importPlanCode(preview.text, now)
        assertEquals(preview.changes, entry.changes)
        assertEquals(preview.plan, entry.plan)
        val file = proprio.previewPlanFile(plan.toByteArray(), now)
        assertEquals(PlanSource.FILE, file.source)
        val warnings = file.warnings.map { it.kind }
        assertTrue("$warnings", PlanWarningKind.SAME_AS_IN_FORCE in warnings)
        assertTrue("dated after today: $warnings", PlanWarningKind.DATED_AHEAD in warnings)
    }

    @Test
    fun aBadCodeOrFileIsTypedAndWordedForThePatient() = withProprio { proprio ->
        val cut = assertThrows(ProprioException.PlanNotRead::class.java) { proprio.previewPlanCode("PLAN1.abc", now) }
        assertEquals(PlanReadProblem.INCOMPLETE, cut.problem)
        assertEquals("This code is not complete — check it was copied whole.", cut.sentence)
        val notText = assertThrows(ProprioException.PlanNotRead::class.java) {
            proprio.previewPlanFile(byteArrayOf(0xff.toByte(), 0xfe.toByte(), 0), now)
        }
        assertEquals(PlanReadProblem.NOT_TEXT, notText.problem)
        val mistakes = assertThrows(ProprioException.PlanNotRead::class.java) {
            proprio.previewPlanFile(plan.replace("\"images_per_session\": 20", "\"images_per_session\": 5000").toByteArray(), now)
        }
        assertEquals(PlanReadProblem.HAS_MISTAKES, mistakes.problem)
        assertEquals("parameters.images_per_session", mistakes.details.single().path)
        proprio.setLanguage("de")
        val de = assertThrows(ProprioException.PlanNotRead::class.java) { proprio.previewPlanCode("hallo", now) }
        assertTrue(de.sentence, de.sentence.startsWith("Das ist kein Plan-Code"))
        assertNull(proprio.currentPlan())
    }

    @Test
    fun thePlanScreenSaysThereIsNoPlanThenShowsTheOneInForce() = withProprio { proprio ->
        val empty = proprio.planScreen()
        assertEquals(listOf("No plan from your therapist yet."), empty.inForce)
        assertEquals(listOf(PlanWay.CODE, PlanWay.FILE, PlanWay.SCAN), empty.waysIn.map { it.way })
        assertEquals(listOf("Enter a code", "Open a file", "Scan a QR code"), empty.waysIn.map { it.label })
        assertEquals(65_536uL, empty.maxFileBytes)
        proprio.importPlan(plan, now)
        val page = proprio.planScreen()
        assertEquals("From your therapist", page.inForceFrom)
        assertTrue(page.inForce.first(), page.inForce.first().startsWith("Hand (left), graded motor imagery: left/right judgement (you stay here for now)"))
        assertEquals(1, page.history.size)
        assertTrue(page.history[0].heading.endsWith(", as a file"))
    }

    @Test
    fun theCountdownIsShownAndSpokenByTheCore() = withProprio { proprio ->
        val words = proprio.countdownWords(42u)
        assertEquals("0:42", words.shown)
        assertEquals("42 seconds left", words.spoken)
        assertEquals("2 minutes 5 seconds left", proprio.countdownWords(125u).spoken)
        proprio.setLanguage("de")
        assertEquals("Noch 1 Minute", proprio.countdownWords(60u).spoken)
    }
}
