package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route

/**
 * The activity ladder clicked through from Today over the real core: an activity typed,
 * its fear set and added; the core holds it with that fear; removed, the ladder is empty.
 * An empty activity is refused in the core's words and stores nothing.
 */
@OptIn(ExperimentalTestApi::class)
class LadderUiTest {
    private fun app(f: Fixture, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = Route.Today) }
            block()
        }

    private val slider = SemanticsMatcher.keyIsDefined(SemanticsActions.SetProgress)

    private fun SkikoComposeUiTest.openLadder(f: Fixture) {
        onNodeWithText("More").performScrollTo()
        onNodeWithText("Activity ladder").performScrollTo().performClick()
        onNodeWithText(f.core.exposureLadderForm().title).assertExists()
    }

    @Test
    fun anActivityIsAddedWithItsFearAndRemoved() {
        val f = Fixture()
        try {
            val form = f.core.exposureLadderForm()
            app(f) {
                openLadder(f)
                onNodeWithText(form.empty).assertExists()
                onNode(hasSetTextAction()).performScrollTo().performTextInput("Carry a shopping bag")
                onNode(slider).performScrollTo().performSemanticsAction(SemanticsActions.SetProgress) { it(60f) }
                onNodeWithText("Add").performScrollTo().performClick()
                waitForIdle()
                onNodeWithText("Carry a shopping bag").assertExists()
                assertTrue(
                    "the row shows the core's summary",
                    onAllNodes(hasText(f.core.exposureLadderForm().steps[0].summary)).fetchSemanticsNodes().isNotEmpty(),
                )
                val stored = f.core.exposureLadder()
                assertEquals(1, stored.size)
                assertEquals("Carry a shopping bag", stored[0].activity)
                assertEquals(60, stored[0].fear.toInt())

                onNode(hasContentDescription("Remove Carry a shopping bag")).performScrollTo().performClick()
                waitForIdle()
                onNodeWithText(form.empty).assertExists()
            }
            assertEquals("removed, the ladder is empty", 0, f.core.exposureLadder().size)
        } finally {
            f.close()
        }
    }

    @Test
    fun anEmptyActivityIsRefusedInTheCoresWords() {
        val f = Fixture()
        try {
            val reason = try {
                f.core.addExposureStep("", 40u)
                error("the core took an empty activity")
            } catch (e: org.proprio.core.ProprioException.InvalidArgument) {
                e.reason
            }
            app(f) {
                openLadder(f)
                onNodeWithText("Add").performScrollTo().performClick()
                waitForIdle()
                onNodeWithText("⚠ $reason").assertExists()
            }
            assertEquals(0, f.core.exposureLadder().size)
        } finally {
            f.close()
        }
    }
}
