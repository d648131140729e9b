package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isEnabled
import androidx.compose.ui.test.onNodeWithContentDescription
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTouchInput
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import androidx.compose.ui.semantics.SemanticsActions
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.core.SessionKind
import org.proprio.core.SessionState
import org.proprio.core.Side
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route

/**
 * Clicks through the real composables over the real core, then checks what the core
 * stored.
 */
@OptIn(ExperimentalTestApi::class)
class SessionUiTest {
    private fun app(f: Fixture, route: Route, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = route) }
            block()
        }

    private fun SkikoComposeUiTest.awaitAnswerable(): Boolean {
        waitUntil(timeoutMillis = 30_000) {
            onAllNodes(hasContentDescription("Left") and isEnabled()).fetchSemanticsNodes().isNotEmpty() ||
                onAllNodes(hasText("Session completed")).fetchSemanticsNodes().isNotEmpty()
        }
        return onAllNodes(hasText("Session completed")).fetchSemanticsNodes().isEmpty()
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
                    mainClock.advanceTimeBy(800)
                    // Every fifth answer as TalkBack gives it (no touch), the rest by touch.
                    if (answered % 5 == 4) button.performSemanticsAction(SemanticsActions.OnClick)
                    else button.performTouchInput { down(center); up() }
                    answered++
                    assertTrue("more answers than pictures", answered <= prompt.total.toInt())
                }
                onNodeWithText("Session completed").assertExists()
                val trials = f.core.trials(session.id)
                val total = f.core.sessions().first().let { assertEquals(SessionState.COMPLETED, it.state); it.trialCount }
                assertEquals(answered, total.toInt())
                assertEquals(answered, trials.size)
                for (t in trials) {
                    val response = t.responseNs ?: error("trial ${t.index} has no response stamp")
                    assertTrue("trial ${t.index}: response $response before onset ${t.onsetNs}", response >= t.onsetNs)
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
                onNodeWithText("Pain journal").performClick()
                onAllNodesWithText("7")[0].performClick() // the pain scale (fear is the second row)
                onNodeWithText("I took pain medication today").performClick()
                onNodeWithText("Note").performTextInput("Worse after typing")
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
}
