package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.assertIsNotSelected
import androidx.compose.ui.test.assertIsSelected
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
import org.proprio.core.decryptExport
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route

/**
 * "Share with my therapist" clicked through on the desktop over the real core: the report
 * with a passphrase, saved into the shell's folder; a passphrase too short is refused
 * with the core's words and writes nothing; the saved file opens with the passphrase.
 */
@OptIn(ExperimentalTestApi::class)
class ShareUiTest {
    private fun app(f: Fixture, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = Route.Today) }
            block()
        }

    private fun files(f: Fixture) = f.exports.toFile().listFiles().orEmpty().map { it.name }.sorted()

    @Test
    fun theReportIsSavedLockedAndOpensWithItsPassphrase() {
        val f = Fixture()
        try {
            f.history(days = 2, perDay = 1)
            f.journal(5, "after the drive", 1)
            val code = f.core.profile().code
            app(f) {
                onNodeWithText("Share with my therapist").performScrollTo().performClick()
                // The report is chosen when the screen opens.
                onNodeWithText("Report for your therapist (HTML)").assertExists()
                onNode(hasText("Report for your therapist (HTML)", substring = true).and(isSelectable())).assertIsSelected()
                onNode(hasText("Full backup (JSON)", substring = true).and(isSelectable())).assertIsNotSelected()
                onNodeWithText("Lock with a passphrase").performScrollTo().performClick()
                val field = onNode(hasSetTextAction())
                field.performScrollTo().performTextInput("short")
                onNodeWithText("Save to a folder").performScrollTo().performClick()
                waitUntil(timeoutMillis = 30_000) {
                    onAllNodes(hasText("Use at least 8 characters", substring = true)).fetchSemanticsNodes().isNotEmpty()
                }
                assertEquals("a refused passphrase writes nothing", emptyList<String>(), files(f))

                field.performTextReplacement("correct horse battery")
                onNodeWithText("Save to a folder").performScrollTo().performClick()
                waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText("✓ Ready")).fetchSemanticsNodes().isNotEmpty() }
                onNodeWithText("Saved in ${f.exports}").assertExists()
                onNodeWithText("The file is locked. Tell your therapist the passphrase another way than the file.").assertExists()
            }
            val saved = files(f)
            assertEquals(listOf("proprio-$code-2026-11-20.html.age"), saved)
            val bytes = f.exports.resolve(saved[0]).toFile().readBytes()
            assertTrue("the file is encrypted (age)", String(bytes, 0, 21) == "age-encryption.org/v1")
            val html = String(decryptExport(bytes, "correct horse battery"))
            assertTrue("the report opens with the passphrase", html.contains("</html>"))
            assertTrue("the report names the code, not a person", html.contains(code))
        } finally {
            f.close()
        }
    }
}

private fun isSelectable() = androidx.compose.ui.test.SemanticsMatcher.keyIsDefined(androidx.compose.ui.semantics.SemanticsProperties.Selected)
