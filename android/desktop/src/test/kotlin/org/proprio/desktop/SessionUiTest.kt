package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.isEnabled
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTouchInput
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import androidx.compose.ui.semantics.SemanticsActions
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.core.BodyPart
import org.proprio.core.Ending
import org.proprio.core.SessionKind
import org.proprio.core.SessionState
import org.proprio.core.Side
import org.proprio.ui.ProprioApp
import org.proprio.ui.ReminderTap
import org.proprio.ui.Route

/**
 * Clicks through the real composables over the real core, then checks what the core
 * stored.
 */
/** How long the tests "look" at each picture before answering, on the test clock. */
private const val THINK_MS = 800L

@OptIn(ExperimentalTestApi::class)
class SessionUiTest {
    private fun app(f: Fixture, route: Route, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            // A TalkBack answer has no pointer time: the shell stamps it with this clock,
            // the one Compose's frames and injected touches are timed by here.
            f.shell.uptimeNs = { mainClock.currentTime * 1_000_000L }
            setContent { ProprioApp(f.core, f.shell, dark = false, start = route) }
            block()
        }

    private fun SkikoComposeUiTest.awaitAnswerable(): Boolean {
        waitUntil(timeoutMillis = 30_000) {
            onAllNodes(hasContentDescription("Left") and isEnabled()).fetchSemanticsNodes().isNotEmpty() ||
                onAllNodes(hasText("Session complete")).fetchSemanticsNodes().isNotEmpty()
        }
        return onAllNodes(hasText("Session complete")).fetchSemanticsNodes().isEmpty()
    }

    @Test
    fun wholeLeftRightSessionIsStoredWithItsStamps() {
        val f = Fixture()
        try {
            app(f, Route.Today) {
                onNodeWithText("Start left/right practice").performClick()
                val session = f.core.sessions().first()
                assertEquals(SessionKind.LEFT_RIGHT, session.kind)
                var answered = 0
                while (awaitAnswerable()) {
                    val prompt = f.core.currentTrial(session.id) ?: error("the screen waits for an answer, the core has no prompt")
                    val button = onNodeWithContentDescription(if (prompt.stimulus.side == Side.LEFT) "Left" else "Right")
                    mainClock.advanceTimeBy(THINK_MS)
                    // Every fifth answer as TalkBack gives it (no touch), the rest by touch.
                    if (answered % 5 == 4) button.performSemanticsAction(SemanticsActions.OnClick)
                    else button.performTouchInput { down(center); up() }
                    answered++
                    assertTrue("more answers than pictures", answered <= prompt.total.toInt())
                }
                onNodeWithText("Session complete").assertExists()
                val trials = f.core.trials(session.id)
                val total = f.core.sessions().first().let { assertEquals(SessionState.COMPLETED, it.state); it.trialCount }
                assertEquals(answered, total.toInt())
                assertEquals(answered, trials.size)
                for (t in trials) {
                    val response = t.responseNs ?: error("trial ${t.index} has no response stamp")
                    // The picture's first frame and the answer, both on the test's clock:
                    // the answer came THINK_MS after the screen became answerable, which
                    // is at most a few frames after the onset frame.
                    val rtMs = (response - t.onsetNs) / 1_000_000
                    assertTrue("trial ${t.index}: response $response - onset ${t.onsetNs} = $rtMs ms", rtMs in THINK_MS..THINK_MS + 100)
                    assertEquals("trial ${t.index} answer", t.side, t.answer)
                    assertTrue("trial ${t.index} timed out", !t.timeout && !t.voided)
                }
            }
        } finally {
            f.close()
        }
    }

    @Test
    fun journalEntryIsStored() {
        val f = Fixture()
        try {
            app(f, Route.Today) {
                onNodeWithText("Pain journal").performScrollTo().performClick()
                onAllNodesWithText("7")[0].performClick() // the pain scale (fear is the second row)
                onNodeWithText("I took pain medication today").performClick()
                onNodeWithText("Note", substring = true).performTextInput("Worse after typing")
                onNodeWithText("Save entry").performClick()
                onNodeWithText("Start left/right practice").assertExists()
            }
            val entries = f.core.journalEntries()
            assertEquals(1, entries.size)
            assertEquals(7, entries[0].pain.toInt())
            assertEquals(true, entries[0].medication)
            assertEquals("Worse after typing", entries[0].note)
            assertEquals(f.shell.nowMs, entries[0].at.unixMs)
        } finally {
            f.close()
        }
    }

    @Test
    fun deleteAllDataLeavesAFreshCoreOnTheSamePath() {
        val f = Fixture()
        try {
            f.history(days = 1, perDay = 1)
            f.journal(5, "before deleting", 0)
            val old = f.core
            assertEquals(1, old.status().sessions.toInt())
            app(f, Route.Today) {
                onNodeWithText("Delete all data").performScrollTo().performClick()
                onNodeWithText("Delete everything").assertIsNotEnabled()
                onNodeWithText("I understand this cannot be undone").performClick()
                onNodeWithText("Delete everything").assertIsEnabled().performClick()
                waitForIdle()
                // The app goes on over the fresh core, at the first-run profile (no back).
                onNodeWithText("Your profile").assertExists()
                onNodeWithText("‹ Back").assertDoesNotExist()
            }
            assertEquals("the shell opened one fresh core", 1, f.shell.reopened)
            assertTrue("the old object refuses calls", runCatching { old.status() }.isFailure)
            val fresh = f.core
            val status = fresh.status()
            assertEquals(f.dbPath, status.dbPath)
            assertEquals(0, status.sessions.toInt())
            assertEquals(0, status.trials.toInt())
            assertEquals(0, status.journalEntries.toInt())
            assertTrue("no painful area left", fresh.profile().affected.isEmpty())
        } finally {
            f.close()
        }
    }

    /**
     * A whole desensitisation session from Today's next step: each step answered on
     * screen as it shows (the lowest rating, the first choice, Done before a timer runs
     * out), then the core's stored answers checked.
     */
    @Test
    fun wholeGuidedSessionIsStored() {
        val f = Fixture()
        try {
            val start = f.core.startGuided(SessionKind.DESENSITISATION, BodyPart.HAND, 11u, f.shell.now())
            app(f, Route.Guided(start)) {
                var answered = 0
                while (true) {
                    waitForIdle()
                    val step = f.core.currentStep(start.session.id) ?: break
                    onNodeWithText(step.title).assertExists()
                    val rating = step.rating
                    val target = when {
                        rating != null -> onAllNodes(hasText("${rating.min}") and hasClickAction())[0]
                        step.choices.isNotEmpty() -> onNodeWithText(step.choices[0].label)
                        else -> onNodeWithText("Done")
                    }
                    target.performScrollTo().performClick()
                    answered++
                    assertTrue("more answers than steps", answered <= step.total.toInt())
                }
                onNodeWithText("Session over").assertExists()
                val results = f.core.guidedResults(start.session.id)
                assertEquals(Ending.COMPLETED, results.ending)
                assertEquals(results.totalSteps, results.answered)
                assertEquals(answered, results.answered.toInt())
                assertEquals(0u, results.painBefore)
                assertEquals(0u, results.painAfter)
                assertEquals(SessionState.COMPLETED, f.core.sessions().first { it.id == start.session.id }.state)
                onNodeWithText("Back to Today").performScrollTo().performClick()
                onNodeWithText("Next step").assertExists()
            }
        } finally {
            f.close()
        }
    }

    /** A tapped reminder opens the session the core chooses for its link, started and stored. */
    @Test
    fun aTappedReminderStartsTheSessionItsLinkLeadsTo() {
        val f = Fixture()
        try {
            val touch = ReminderTap("proprio://practice?kind=desensitisation&reminder=x")
            runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
                setContent { ProprioApp(f.core, f.shell, dark = false, start = Route.Today, tapped = touch) }
                waitUntil(timeoutMillis = 10_000) { f.core.sessions().isNotEmpty() }
                val session = f.core.sessions().first()
                assertEquals(SessionKind.DESENSITISATION, session.kind)
                assertEquals(BodyPart.HAND, session.bodyPart)
                assertEquals(SessionState.RUNNING, session.state)
                onNodeWithText("Next step").assertDoesNotExist()
            }
        } finally {
            f.close()
        }
        val g = Fixture()
        try {
            runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
                setContent { ProprioApp(g.core, g.shell, dark = false, start = Route.Today, tapped = ReminderTap("https://example.org/")) }
                onNodeWithText("Next step").assertExists()
                assertTrue("a link that is not a reminder's starts nothing", g.core.sessions().isEmpty())
            }
        } finally {
            g.close()
        }
    }
}
