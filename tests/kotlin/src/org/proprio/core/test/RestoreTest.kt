// Restoring a backup through the Kotlin bindings, as the restore screen calls it: the
// form on a fresh phone and on one that holds data, a JSON export written by
// `exportToFile` restored on a new database, a locked one refused without its
// passphrase (naming `passphrase`) and restored with it. Run by tests/kotlin/run.sh.

package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.ExportFormat
import org.proprio.core.LeftRightSettings
import org.proprio.core.NewJournalEntry
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.Side
import org.proprio.core.WallTime
import java.io.File

class RestoreTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val start = 1_793_610_000_000L // 2026-11-02 09:00 London
    private fun now(plusMs: Long = 0) = WallTime(start + plusMs, "Europe/London")

    private fun open(name: String) = Proprio(File(tmp.root, name).path, now())

    /** A profile, one finished left/right session of 10 pictures and a journal entry. */
    private fun practised(p: Proprio) {
        p.updateProfile(ProfileUpdate(affected = listOf(AffectedArea(BodyPart.HAND, Side.LEFT))))
        val started = p.startLeftRight(LeftRightSettings(bodyPart = BodyPart.HAND, count = 10u, seed = 7u), now())
        var prompt = started.first
        var clock = 1_000_000_000L
        while (true) {
            val outcome = p.answerTrial(prompt.sessionId, prompt.index, clock, clock + 800_000_000L, prompt.stimulus.side)
            clock += 3_000_000_000L
            prompt = outcome.next ?: break
        }
        p.finishSession(started.session.id, now(600_000))
        p.addJournalEntry(NewJournalEntry(now(660_000), 4u, null, false, "after the walk", started.session.id))
    }

    @Test
    fun aJsonExportRestoresOnANewPhoneAndALockedOneNeedsItsPassphrase() {
        val old = open("old.db")
        val fresh = open("new.db")
        try {
            practised(old)
            val plain = old.exportToFile(ExportFormat.JSON, null, null, File(tmp.root, "backup.json").path, null, now(day)).single()
            val locked = old.exportToFile(
                ExportFormat.JSON, null, null, File(tmp.root, "locked.json").path, "horse battery", now(day),
            ).single()

            val form = fresh.restoreForm()
            assertFalse(form.holdsData)
            assertNull(form.replaceWarning)
            assertEquals("Restore from a backup", form.title)
            assertEquals("Choose the backup file", form.chooseLabel)
            assertEquals("Passphrase, if the backup is locked", form.passphraseLabel)
            assertEquals("Restore", form.confirmLabel)
            assertEquals(1uL shl 30, form.maxFileBytes)

            // Locked, no passphrase: refused naming it, nothing written.
            val refused = runCatching { fresh.restoreBackupFile(locked, null, false) }.exceptionOrNull()
            assertEquals("passphrase", (refused as? ProprioException.InvalidArgument)?.field ?: error("not refused: $refused"))
            assertEquals(0uL, fresh.status().sessions)

            val restored = fresh.restoreBackupFile(plain, null, false)
            val (o, n) = old.status() to fresh.status()
            assertEquals(Triple(o.sessions, o.trials, o.journalEntries), Triple(n.sessions, n.trials, n.journalEntries))
            assertEquals(1uL, n.sessions)
            assertEquals(o.profile.code, n.profile.code)
            assertEquals(
                "Restored 1 session (0 guided) and 1 journal entry, with your profile, reminders and plan.",
                restored.sentence,
            )
            assertEquals(BodyPart.HAND, fresh.practiceBodyPart())

            // Now it holds data: the form warns and asks for the replace.
            val after = fresh.restoreForm()
            assertTrue(after.holdsData)
            assertEquals(
                "This phone already holds 1 session and 1 journal entry. Restoring replaces everything on it with the backup.",
                after.replaceWarning,
            )
            assertEquals("Replace everything and restore", after.confirmLabel)
            val wrong = runCatching { fresh.restoreBackupFile(locked, "wrong horse", true) }.exceptionOrNull()
            assertEquals("passphrase", (wrong as? ProprioException.InvalidArgument)?.field ?: error("not refused: $wrong"))
            assertEquals(
                "Restored 1 session (0 guided) and 1 journal entry, with your profile, reminders and plan.",
                fresh.restoreBackupFile(locked, "horse battery", true).sentence,
            )
            assertEquals(1uL, fresh.status().sessions)
        } finally {
            old.close()
            fresh.close()
        }
    }

    private val day = 86_400_000L
}
