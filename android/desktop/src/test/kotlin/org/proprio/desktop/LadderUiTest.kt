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
import androidx.compose.ui.test.performTextReplacement
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
 * An empty activity is refused in the core's words and stores nothing. An activity is
 * changed in its card: renamed and re-rated, stored so; an emptied name is refused in the
 * core's words with the editor still open.
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

    @Test
    fun anActivityIsRenamedAndReRatedInItsCard() {
        val f = Fixture()
        try {
            val bag = f.core.addExposureStep("Carry a shopping bag", 60u)
            val reason = try {
                f.core.updateExposureStep(bag.id, "", null)
                error("the core took an empty activity")
            } catch (e: org.proprio.core.ProprioException.InvalidArgument) {
                e.reason
            }
            app(f) {
                openLadder(f)
                onNode(hasContentDescription("Change Carry a shopping bag")).performScrollTo().performClick()
                waitForIdle()
                // The editor's field comes first (the add field is below the cards), and its slider.
                val field = onAllNodes(hasSetTextAction())[0]
                field.performScrollTo().performTextReplacement("")
                onNode(hasContentDescription("Save Carry a shopping bag")).performScrollTo().performClick()
                waitForIdle()
                onNodeWithText("⚠ $reason").assertExists()
                assertEquals("refused, nothing changed", listOf("Carry a shopping bag" to 60), stored(f))
                onNode(hasContentDescription("Save Carry a shopping bag")).assertExists()

                field.performTextReplacement("Carry two shopping bags")
                onAllNodes(slider)[0].performScrollTo().performSemanticsAction(SemanticsActions.SetProgress) { it(75f) }
                onNode(hasContentDescription("Save Carry a shopping bag")).performScrollTo().performClick()
                waitForIdle()
                assertEquals(listOf("Carry two shopping bags" to 75), stored(f))
                onNodeWithText("Carry two shopping bags").assertExists()
                assertTrue("the editor closed", onAllNodes(hasContentDescription("Save Carry two shopping bags")).fetchSemanticsNodes().isEmpty())
                assertTrue("no refusal left", onAllNodes(hasText("⚠ $reason")).fetchSemanticsNodes().isEmpty())

                onNode(hasContentDescription("Change Carry two shopping bags")).performScrollTo().performClick()
                waitForIdle()
                onAllNodes(hasSetTextAction())[0].performTextReplacement("Something else")
                onNode(hasContentDescription("Cancel changing Carry two shopping bags")).performScrollTo().performClick()
                waitForIdle()
            }
            assertEquals("Cancel keeps what was stored", listOf("Carry two shopping bags" to 75), stored(f))
        } finally {
            f.close()
        }
    }

    private fun stored(f: Fixture) = f.core.exposureLadder().map { it.activity to it.fear.toInt() }
}
