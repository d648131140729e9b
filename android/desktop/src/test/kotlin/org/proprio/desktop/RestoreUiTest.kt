package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.proprio.core.ExportFormat
import org.proprio.core.WallTime
import org.junit.Test
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route
import java.io.File
import java.nio.file.Files

/**
 * "Restore from a backup" clicked through on the desktop over the real core: a JSON
 * export of one phone restored on a new one (from the first-run profile, so no profile
 * need be filled in), a locked one refused without its passphrase and restored with it,
 * and on a phone that holds data the confirm button held back until "I understand".
 */
@OptIn(ExperimentalTestApi::class)
class RestoreUiTest {
    private fun app(f: Fixture, start: Route?, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = start) }
            block()
        }

    /** A fixture with history and a journal entry, exported plain and locked into `dir`. */
    private class Backup {
        val dir: File = Files.createTempDirectory("proprio-restore-test").toFile()
        val plain: String
        val locked: String
        val sessions: ULong
        val trials: ULong
        val entries: ULong
        val code: String

        init {
            val old = Fixture()
            try {
                old.history(days = 2, perDay = 1)
                old.journal(5, "after the drive", 1)
                val now = WallTime(TODAY_MS, ZONE)
                plain = old.core.exportToFile(ExportFormat.JSON, null, null, File(dir, "backup.json").path, null, now).single()
                locked = old.core.exportToFile(
                    ExportFormat.JSON, null, null, File(dir, "locked.json").path, "correct horse battery", now,
                ).single()
                val status = old.core.status()
                sessions = status.sessions
                trials = status.trials
                entries = status.journalEntries
                code = status.profile.code
            } finally {
                old.close()
            }
        }
    }

    /** A new phone: no profile yet, so the app opens at the first-run profile. */
    private fun newPhone(): Fixture = Fixture(areas = emptyList())

    private fun SkikoComposeUiTest.waitForText(text: String) =
        waitUntil(timeoutMillis = 30_000) { onAllNodes(hasText(text, substring = true)).fetchSemanticsNodes().isNotEmpty() }

    @Test
    fun aNewPhoneRestoresAPlainBackupFromTheFirstRunProfile() {
        val backup = Backup()
        val f = newPhone()
        try {
            assertEquals("a new phone has no profile", null, f.core.practiceBodyPart())
            f.shell.backupFile = backup.plain
            app(f, start = null) {
                onNodeWithText("Your profile").assertExists()
                onNodeWithText("Restore from a backup").performScrollTo().performClick()
                onNodeWithText(f.core.restoreForm().intro).assertExists()
                assertEquals("nothing to replace on a new phone", 0, onAllNodes(hasText("I understand")).fetchSemanticsNodes().size)
                onNodeWithText("Restore").performScrollTo().assertIsNotEnabled()
                onNodeWithText("Choose the backup file").performScrollTo().performClick()
                onNodeWithText("backup.json").assertExists()
                onNodeWithText("Restore").performScrollTo().assertIsEnabled().performClick()
                val sentence = "Restored ${backup.sessions} sessions (0 guided) and 1 journal entry, with your profile, reminders and plan."
                waitForText(sentence)
                onNodeWithText("✓ $sentence").assertExists()
                assertEquals("the reminders were re-planned", 1, f.shell.replans)
                assertEquals("the file was handed back", listOf(backup.plain), f.shell.backupsDone)
                onNodeWithText("Back to Today").performScrollTo().performClick()
                waitForIdle()
                // Today reads the restored data from the same core.
                onNode(hasText("Today, ", substring = true)).assertExists()
                onNodeWithText("Start left/right practice").performScrollTo().assertExists()
            }
            val status = f.core.status()
            assertEquals(Triple(backup.sessions, backup.trials, backup.entries), Triple(status.sessions, status.trials, status.journalEntries))
            assertEquals(backup.code, status.profile.code)
            assertTrue("the user's file is left where it was", File(backup.plain).isFile)
        } finally {
            f.close()
            backup.dir.deleteRecursively()
        }
    }

    @Test
    fun aLockedBackupIsRefusedWithoutItsPassphraseAndRestoredWithIt() {
        val backup = Backup()
        val f = newPhone()
        try {
            f.shell.backupFile = backup.locked
            app(f, start = Route.Restore()) {
                onNodeWithText("Choose the backup file").performScrollTo().performClick()
                onNodeWithText("locked.json").assertExists()
                onNodeWithText("Restore").performScrollTo().performClick()
                waitForText("this backup is locked: enter its passphrase")
                onNodeWithText("⚠ this backup is locked: enter its passphrase").assertExists()
                assertEquals("nothing restored", 0uL, f.core.status().sessions)
                assertEquals("a refusal keeps the file for another try", emptyList<String>(), f.shell.backupsDone)

                onNode(hasSetTextAction()).performScrollTo().performTextInput("correct horse battery")
                onNodeWithText("Restore").performScrollTo().performClick()
                waitForText("Restored ${backup.sessions} sessions")
                assertEquals(0, onAllNodes(hasText("this backup is locked", substring = true)).fetchSemanticsNodes().size)
            }
            assertEquals(backup.sessions, f.core.status().sessions)
            assertEquals(backup.code, f.core.status().profile.code)
        } finally {
            f.close()
            backup.dir.deleteRecursively()
        }
    }

    @Test
    fun onAPhoneThatHoldsDataRestoringWaitsForIUnderstand() {
        val backup = Backup()
        val f = Fixture()
        try {
            f.journal(3, "here already", 0)
            val form = f.core.restoreForm()
            assertTrue(form.holdsData)
            f.shell.backupFile = backup.plain
            app(f, start = Route.Today) {
                onNodeWithText("Restore from a backup").performScrollTo().performClick()
                onNodeWithText("⚠ ${form.replaceWarning}").performScrollTo().assertExists()
                onNodeWithText("Choose the backup file").performScrollTo().performClick()
                val confirm = onNode(hasText("Replace everything and restore").and(hasClickAction()))
                confirm.performScrollTo().assertIsNotEnabled()
                onNodeWithText("I understand").performScrollTo().performClick()
                confirm.performScrollTo().assertIsEnabled()
                onNodeWithText("I understand").performClick()
                confirm.assertIsNotEnabled()
                assertEquals("not restored while held back", 0uL, f.core.status().sessions)
                onNodeWithText("I understand").performClick()
                confirm.performClick()
                waitForText("Restored ${backup.sessions} sessions")
            }
            val status = f.core.status()
            assertEquals("replaced by the backup", Pair(backup.sessions, backup.entries), Pair(status.sessions, status.journalEntries))
        } finally {
            f.close()
            backup.dir.deleteRecursively()
        }
    }
}
