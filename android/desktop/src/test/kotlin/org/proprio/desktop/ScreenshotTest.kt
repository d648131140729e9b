package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.asSkiaBitmap
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTouchInput
import androidx.compose.ui.test.isEnabled
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import org.junit.AfterClass
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.ExportFormat
import org.proprio.core.GuidedStart
import org.proprio.core.LeftRightSettings
import org.proprio.core.SessionKind
import org.proprio.core.SessionStep
import org.proprio.core.Side
import org.proprio.core.StepAnswer
import org.proprio.ui.PlanOffer
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route
import java.io.File

/** A phone: 411 × 891 dp. The PNGs are drawn at 2 px per dp. */
private const val WIDTH_DP = 411f
private const val HEIGHT_DP = 891f
private const val PX_PER_DP = 2f

/** Smallest touch target allowed, dp. */
private const val MIN_TARGET_DP = 48f

/**
 * Every screen over a core with two weeks of history, light and dark, at font scale 1.0
 * and 2.0, drawn headlessly into PNGs under target/screens/ (for people to look at; not
 * compared byte for byte). Each drawing also checks that every control is at least
 * 48 × 48 dp.
 */
@OptIn(ExperimentalTestApi::class)
class ScreenshotTest {
    companion object {
        private lateinit var f: Fixture
        /** No plan yet; a plan in force; a flare. Their own databases, so the others' screens stay as they are. */
        private lateinit var plain: Fixture
        private lateinit var planned: Fixture
        private lateinit var flaring: Fixture
        /** Three activities on the exposure ladder. */
        private lateinit var laddered: Fixture
        /** A left hand five calm touch sessions up the texture ladder (the second texture). */
        private lateinit var textured: Fixture
        /** Left hand and back: a flare in the hand's history, five touch drills on the back. */
        private lateinit var programmed: Fixture
        /** A profile and nothing else, restored from `backup` (f's data, a JSON export) by the screenshots. */
        private lateinit var restoring: Fixture
        private lateinit var backup: String
        private val out = File(System.getProperty("proprio.screens") ?: "target/screens")

        @BeforeClass @JvmStatic
        fun setUp() {
            f = Fixture()
            f.history(days = 6, perDay = 2)
            f.journal(6, "Stiff after the drive", 2)
            f.journal(4, "", 1)
            plain = Fixture()
            planned = Fixture().also { it.core.importPlanCode(it.therapistPlan(), it.shell.now()) }
            flaring = Fixture().also { it.flare() }
            laddered = Fixture().also { it.ladder() }
            textured = Fixture().also { it.guided(SessionKind.DESENSITISATION, BodyPart.HAND, days = 5) }
            programmed = Fixture(listOf(AffectedArea(BodyPart.HAND, Side.LEFT), AffectedArea(BodyPart.BACK, Side.LEFT))).also {
                it.flare()
                it.guided(SessionKind.SENSORY_DISCRIMINATION, BodyPart.BACK, days = 5)
            }
            restoring = Fixture()
            backup = f.core.exportToFile(ExportFormat.JSON, null, null, f.dir.resolve("backup.json").toString(), null, f.shell.now()).single()
            out.mkdirs()
        }

        @AfterClass @JvmStatic
        fun tearDown() {
            for (fixture in listOf(f, plain, planned, flaring, laddered, textured, programmed, restoring)) fixture.close()
        }
    }

    private fun shoot(
        name: String,
        route: () -> Route,
        before: SkikoComposeUiTest.() -> Unit = {},
        on: Fixture = f,
        ready: SkikoComposeUiTest.() -> Unit = {},
    ) {
        for (dark in listOf(false, true)) for (fontScale in listOf(1f, 2f)) {
            runSkikoComposeUiTest(
                Size(WIDTH_DP * PX_PER_DP, HEIGHT_DP * PX_PER_DP),
                Density(PX_PER_DP, fontScale),
            ) {
                before()
                setContent { ProprioApp(on.core, on.shell, dark, route()) }
                waitForIdle()
                ready()
                val stem = "$name-${if (dark) "dark" else "light"}-$fontScale"
                capture(File(out, "$stem.png"))
                checkTargets(name, fontScale)
                // What lies below the fold, for people to look at too: scrolled to the end.
                val scroll = SemanticsMatcher("scrolls vertically") {
                    (it.config.getOrNull(SemanticsProperties.VerticalScrollAxisRange)?.maxValue?.invoke() ?: 0f) > 0f
                }
                if (onAllNodes(scroll).fetchSemanticsNodes().isNotEmpty()) {
                    onAllNodes(scroll)[0].performSemanticsAction(SemanticsActions.ScrollBy) { it(0f, 1_000_000f) }
                    waitForIdle()
                    capture(File(out, "$stem-end.png"))
                }
            }
        }
    }

    private fun SkikoComposeUiTest.capture(file: File) {
        val png = Image.makeFromBitmap(onRoot().captureToImage().asSkiaBitmap()).encodeToData(EncodedImageFormat.PNG)!!
        file.writeBytes(png.bytes)
        assertTrue("$file is empty", file.length() > 1000)
    }

    /** Every node that can be clicked is at least 48 dp in both directions. */
    private fun SkikoComposeUiTest.checkTargets(name: String, fontScale: Float) {
        val small = onRoot().fetchSemanticsNode().let { root ->
            generateSequence(listOf(root)) { level -> level.flatMap { it.children }.ifEmpty { null } }.flatten()
        }.filter { SemanticsActions.OnClick in it.config }
            .filter { it.size.width < MIN_TARGET_DP * PX_PER_DP - 0.5f || it.size.height < MIN_TARGET_DP * PX_PER_DP - 0.5f }
            .map { "${label(it)} ${it.size.width / PX_PER_DP}×${it.size.height / PX_PER_DP} dp" }
            .toList()
        assertTrue("$name at font $fontScale: targets under 48 dp: $small", small.isEmpty())
    }

    /** What a person (or TalkBack) would call the node: its text or its description. */
    private fun label(node: SemanticsNode): String {
        val words = (node.config.getOrNull(SemanticsProperties.Text).orEmpty().map { it.text } +
            node.config.getOrNull(SemanticsProperties.ContentDescription).orEmpty())
        return words.joinToString(" / ").ifEmpty { "(unlabelled)" }.let { "\"$it\"" }
    }

    private val lastSession get() = f.core.sessions().first { it.endedAt != null }.id

    @Test fun onboarding() = shoot("onboarding", { Route.Profile(first = false) })
    /** The first run on a new phone: no Back, and the way to restore a backup instead. */
    @Test fun onboardingFirst() = shoot("onboarding-first", { Route.Profile(first = true) }, on = plain)
    @Test fun today() = shoot("today", { Route.Today })

    @Test fun session() = shoot("session", {
        Route.Session(f.core.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 20u, seed = 99u), f.shell.now()))
    }) {
        waitUntil(timeoutMillis = 30_000) {
            onAllNodes(hasContentDescription("Left") and isEnabled()).fetchSemanticsNodes().isNotEmpty()
        }
    }

    /** The fixation cross the core asks for before each picture (the clock held in it). */
    @Test fun sessionFixation() = shoot(
        "session-fixation",
        { Route.Session(f.core.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 20u, seed = 97u), f.shell.now())) },
        before = { mainClock.autoAdvance = false },
    ) {
        mainClock.advanceTimeByFrame()
        assertTrue(
            "the picture must not show during the fixation",
            onAllNodes(hasContentDescription("Left") and isEnabled()).fetchSemanticsNodes().isEmpty(),
        )
    }

    /** The feedback after an answer, which the core asks to show for a while. */
    @Test fun sessionFeedback() = shoot("session-feedback", {
        Route.Session(f.core.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 20u, seed = 98u), f.shell.now()))
    }) {
        val left = hasContentDescription("Left") and isEnabled()
        waitUntil(timeoutMillis = 30_000) { onAllNodes(left).fetchSemanticsNodes().isNotEmpty() }
        // Hold the clock, so that the feedback is still on screen when it is drawn; look
        // at the picture first, as a patient does (an instant answer is "too quick").
        mainClock.autoAdvance = false
        mainClock.advanceTimeBy(800)
        onNode(left).performTouchInput { down(center); up() }
        mainClock.advanceTimeByFrame()
        mainClock.advanceTimeByFrame()
        val feedback = hasText("Correct", substring = true) or hasText("Not this time", substring = true)
        assertTrue("no feedback after an answer", onAllNodes(feedback).fetchSemanticsNodes().isNotEmpty())
    }

    @Test fun summary() = shoot("summary", { Route.Summary(lastSession) })
    @Test fun journal() = shoot("journal", { Route.Journal(null) })
    @Test fun progress() = shoot("progress", { Route.Progress })
    @Test fun reminders() = shoot("reminders", { Route.Reminders })
    @Test fun deleteData() = shoot("delete-data", { Route.Delete })
    @Test fun share() = shoot("share", { Route.Share })

    /** The share screen locked with a passphrase, after saving: the files made and the note. */
    @Test fun shareDone() = shoot("share-done", { Route.Share }) {
        onNodeWithText("Spreadsheet tables (CSV)").performScrollTo().performClick()
        onNodeWithText("Lock with a passphrase").performScrollTo().performClick()
        onNode(hasSetTextAction()).performScrollTo().performTextInput("correct horse battery")
        onNodeWithText("Save to a folder").performScrollTo().performClick()
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText("✓ Ready")).fetchSemanticsNodes().isNotEmpty() }
        onNodeWithText("✓ Ready").performScrollTo()
        waitForIdle()
    }

    /** Today with the core's safety message first: pain above the patient's baseline. */
    @Test fun todaySafety() = shoot("today-safety", { Route.Today }, on = flaring) {
        assertTrue("no safety message", onAllNodes(hasText("⚠ Safety")).fetchSemanticsNodes().isNotEmpty())
    }

    @Test fun planEmpty() = shoot("plan-empty", { Route.Plan() }, on = plain) {
        assertTrue(onAllNodes(hasText("No plan from your therapist yet.")).fetchSemanticsNodes().isNotEmpty())
        assertTrue("the desktop cannot scan", onAllNodes(hasText("Scan a QR code")).fetchSemanticsNodes().isEmpty())
    }

    @Test fun planInForce() = shoot("plan-in-force", { Route.Plan() }, on = planned) {
        assertTrue(onAllNodes(hasText("From A. Therapist, Pain Clinic")).fetchSemanticsNodes().isNotEmpty())
    }

    /** A second plan offered: fewer pictures, motor imagery locked (so the hand moves there). */
    @Test fun planPreview() = shoot(
        "plan-preview",
        { Route.Plan(PlanOffer.Code(planned.therapistPlan(images = 25, lockImagery = true))) },
        on = planned,
    ) {
        assertTrue(onAllNodes(hasText("Use this plan")).fetchSemanticsNodes().isNotEmpty())
        assertTrue(onAllNodes(hasText("30 → 25", substring = true)).fetchSemanticsNodes().isNotEmpty())
    }

    @Test fun planBadCode() = shoot("plan-bad-code", { Route.Plan(PlanOffer.Code("PLAN1.abc")) }, on = plain) {
        assertTrue(onAllNodes(hasText("This code is not complete", substring = true)).fetchSemanticsNodes().isNotEmpty())
    }

    /** A guided session of `kind`, answered through the core up to its first step `wanted` picks. */
    private fun guidedAt(kind: SessionKind, seed: ULong, wanted: (SessionStep) -> Boolean): Route {
        val start = f.core.startGuided(kind, BodyPart.HAND, seed, f.shell.now())
        var step: SessionStep = start.first
        while (!wanted(step)) {
            val answer = when {
                step.rating != null -> StepAnswer.Rating(step.rating!!.min)
                step.choices.isNotEmpty() -> StepAnswer.Choice(step.choices[0].id)
                else -> StepAnswer.Done
            }
            step = f.core.answerStep(step.sessionId, step.index, answer, f.shell.now()).next ?: error("no step of that sort")
        }
        return Route.Guided(GuidedStart(f.core.sessions().first { it.id == step.sessionId }, step))
    }

    /** A motor imagery step with its picture and its countdown (the clock held). */
    @Test fun guidedTimer() = shoot(
        "guided-timer",
        { guidedAt(SessionKind.MOTOR_IMAGERY, 5u) { it.timer != null } },
        before = { mainClock.autoAdvance = false },
    ) {
        // Let the picture arrive from the renderer without running the countdown down.
        repeat(30) { mainClock.advanceTimeByFrame(); Thread.sleep(20) }
        assertTrue("no countdown", onAllNodes(hasContentDescription(" left", substring = true)).fetchSemanticsNodes().isNotEmpty())
    }

    /** A rating step: the scale with its end words (desensitisation's pain before). */
    @Test fun guidedRating() = shoot("guided-rating", { guidedAt(SessionKind.DESENSITISATION, 6u) { it.rating != null } })

    /** Exposure's fear rating, 0–100 (a slider). */
    @Test fun guidedFear() = shoot("guided-fear", {
        if (f.core.exposureLadder().isEmpty()) f.core.addExposureStep("Carry a shopping bag", 60u)
        guidedAt(SessionKind.EXPOSURE, 7u) { it.rating?.let { r -> r.max > 10u } == true }
    })

    /** The activity ladder with no activities yet: the intro, the empty line, the add form. */
    @Test fun ladderEmpty() = shoot("ladder-empty", { Route.Ladder }, on = plain) {
        assertTrue(onAllNodes(hasText(plain.core.exposureLadderForm().empty)).fetchSemanticsNodes().isNotEmpty())
    }

    /** Three activities, each with its fear and standing; the one practised now marked in words. */
    @Test fun ladderThree() = shoot("ladder-three", { Route.Ladder }, on = laddered) {
        for (row in laddered.core.exposureLadderForm().steps) {
            assertTrue(row.activity, onAllNodes(hasText(row.activity)).fetchSemanticsNodes().isNotEmpty())
        }
    }

    /** One activity being changed in its card: its name in the field, its fear on the slider. */
    @Test fun ladderChange() = shoot("ladder-change", { Route.Ladder }, on = laddered) {
        val first = laddered.core.exposureLadderForm().steps[0].activity
        onNode(hasContentDescription("Change $first")).performScrollTo().performClick()
        waitForIdle()
        onNode(hasContentDescription("Save $first")).performScrollTo()
        waitForIdle()
    }

    /** The touch ladder partway up: the first texture managed, the second practised now. */
    @Test fun touchLadder() = shoot("touch-ladder", { Route.TouchLadder }, on = textured) {
        val rows = textured.core.textureLadderForm(BodyPart.HAND).textures
        assertTrue("partway up", rows[0].summary.contains("managed") && rows.any { it.current && it.position > 0u })
        for (row in rows) assertTrue(row.name, onAllNodes(hasText(row.name)).fetchSemanticsNodes().isNotEmpty())
    }

    /** A texture being renamed: the name in a field, Save and Cancel. */
    @Test fun touchLadderRename() = shoot("touch-ladder-rename", { Route.TouchLadder }, on = textured) {
        val second = textured.core.textureLadderForm(BodyPart.HAND).textures[1].name
        onNode(hasContentDescription("Rename $second")).performScrollTo().performClick()
        waitForIdle()
        onNode(hasContentDescription("Save the name of $second")).performScrollTo()
        waitForIdle()
    }

    /** Both body parts' stages, the hand's flare in its history, the back's touch drills by region. */
    @Test fun programme() = shoot("programme", { Route.Programme }, on = programmed) {
        val screen = programmed.core.programmeScreen(programmed.shell.now())
        assertTrue("two parts", screen.parts.size == 2)
        assertTrue("the back's drills", screen.parts.any { it.bodyPart == BodyPart.BACK && it.touch != null })
        for (part in screen.parts) assertTrue(part.title, onAllNodes(hasText(part.stage)).fetchSemanticsNodes().isNotEmpty())
    }

    /** Restoring on a phone with a profile and nothing else: no warning, the file not chosen yet. */
    @Test fun restore() = shoot("restore", { Route.Restore() }, on = plain) {
        assertTrue("no warning", onAllNodes(hasText("I understand")).fetchSemanticsNodes().isEmpty())
    }

    /** Restoring on a phone with two weeks of practice: the core's warning of what it replaces, the file chosen, a passphrase typed. */
    @Test fun restoreReplaces() = shoot("restore-replaces", { Route.Restore() }) {
        f.shell.backupFile = backup
        onNodeWithText("Choose the backup file").performScrollTo().performClick()
        assertTrue(onAllNodes(hasText("⚠ This phone already holds", substring = true)).fetchSemanticsNodes().isNotEmpty())
        // A passphrase typed: the field's label floats on its border (two lines at font 2.0).
        onNode(hasSetTextAction()).performScrollTo().performTextInput("correct horse battery")
        onNodeWithText("I understand").performScrollTo().performClick()
        onNodeWithText("⚠ This phone already holds", substring = true).performScrollTo()
        waitForIdle()
    }

    /** After a restore: the core's sentence and the way back to Today (the second drawing on replaces what the first restored). */
    @Test fun restoreDone() = shoot("restore-done", { Route.Restore() }, on = restoring) {
        restoring.shell.backupFile = backup
        onNodeWithText("Choose the backup file").performScrollTo().performClick()
        if (onAllNodes(hasText("I understand")).fetchSemanticsNodes().isNotEmpty()) {
            onNodeWithText("I understand").performScrollTo().performClick()
        }
        // "Restore", or from the second drawing on (the phone now holds the first's data) "Replace everything and restore".
        val confirm = restoring.core.restoreForm().confirmLabel
        onNode(hasText(confirm).and(androidx.compose.ui.test.hasClickAction())).performScrollTo().performClick()
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText("✓ Restored", substring = true)).fetchSemanticsNodes().isNotEmpty() }
        waitForIdle()
    }
}
