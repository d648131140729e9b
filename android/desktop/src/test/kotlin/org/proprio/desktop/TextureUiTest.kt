package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.performTextReplacement
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.core.BodyPart
import org.proprio.core.ProprioException
import org.proprio.core.TextureEdit
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route

/**
 * The touch ladder clicked through from Today over the real core: a texture typed and
 * added, moved up, renamed, one removed, each checked through the core's
 * `texture_ladder`; a name the ladder already has is refused in the core's words and
 * changes nothing.
 */
@OptIn(ExperimentalTestApi::class)
class TextureUiTest {
    private val part = BodyPart.HAND

    private fun app(f: Fixture, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = Route.Today) }
            block()
        }

    private fun SkikoComposeUiTest.openTouchLadder(f: Fixture) {
        onNodeWithText("More").performScrollTo()
        onNodeWithText("Touch ladder").performScrollTo().performClick()
        onNodeWithText(f.core.textureLadderForm(part).title).assertExists()
    }

    /** The add field: the only text field while no texture is renamed. */
    private fun SkikoComposeUiTest.addField(f: Fixture) = onNode(hasSetTextAction())

    private fun textures(f: Fixture) = f.core.textureLadder(part).textures

    @Test
    fun aTextureIsAddedMovedRenamedAndRemoved() {
        val f = Fixture()
        try {
            val standard = textures(f)
            app(f) {
                openTouchLadder(f)
                addField(f).performScrollTo().performTextInput("wool scarf")
                onNodeWithText("Add").performScrollTo().performClick()
                waitForIdle()
                assertEquals(standard + "wool scarf", textures(f))
                onNodeWithText("wool scarf").assertExists()
                assertTrue(
                    "the list is the patient's own now",
                    onAllNodes(hasText(f.core.textureLadderForm(part).standardLabel!!)).fetchSemanticsNodes().isNotEmpty(),
                )

                onNode(hasContentDescription("Move wool scarf up")).performScrollTo().performClick()
                waitForIdle()
                val n = standard.size
                assertEquals(standard.take(n - 1) + "wool scarf" + standard.last(), textures(f))

                onNode(hasContentDescription("Rename wool scarf")).performScrollTo().performClick()
                waitForIdle()
                onNode(hasContentDescription("New name for wool scarf")).performScrollTo().performTextReplacement("cashmere scarf")
                onNode(hasContentDescription("Save the name of wool scarf")).performScrollTo().performClick()
                waitForIdle()
                assertEquals(standard.take(n - 1) + "cashmere scarf" + standard.last(), textures(f))
                onNodeWithText("cashmere scarf").assertExists()

                onNode(hasContentDescription("Remove ${standard[1]}")).performScrollTo().performClick()
                waitForIdle()
                assertEquals(standard.take(1) + standard.subList(2, n - 1) + "cashmere scarf" + standard.last(), textures(f))
                assertTrue(onAllNodes(hasText(standard[1])).fetchSemanticsNodes().isEmpty())
            }
        } finally {
            f.close()
        }
    }

    @Test
    fun aNameTheLadderHasIsRefusedInTheCoresWordsAndChangesNothing() {
        val f = Fixture()
        try {
            val before = textures(f)
            val reason = try {
                f.core.editTextureLadder(part, TextureEdit.Add(before[1].uppercase()))
                error("the core took a texture twice")
            } catch (e: ProprioException.InvalidArgument) {
                e.reason
            }
            app(f) {
                openTouchLadder(f)
                addField(f).performScrollTo().performTextInput(before[1].uppercase())
                onNodeWithText("Add").performScrollTo().performClick()
                waitForIdle()
                onNodeWithText("⚠ $reason").assertExists()
            }
            assertEquals(before, textures(f))
            assertTrue("still the standard list", !f.core.textureLadder(part).custom)
        } finally {
            f.close()
        }
    }
}
