// Reminder bindings on the JVM (JUnit 4): a shell applies the diff the core returns —
// cancel `toCancel`, then schedule `toSchedule` — and asking again gives nothing new.
//
// Run by tests/kotlin/run.sh with the other binding tests.

package org.proprio.core.test

import java.nio.file.Files
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.NextAction
import org.proprio.core.PendingNotification
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.ReminderDiff
import org.proprio.core.SessionKind
import org.proprio.core.Side
import org.proprio.core.WallTime

class RemindersTest {
    /** 2026-11-23T07:00:00Z, a Monday. */
    private val monday = 1_795_417_200_000L

    private fun at(ms: Long, zone: String = "Europe/London") = WallTime(unixMs = ms, zone = zone)

    private fun open(): Proprio {
        val dir = Files.createTempDirectory("proprio-reminders")
        return Proprio(dir.resolve("p.db").toString(), at(monday))
    }

    /** What a fake OS holds: id -> fire time (ms). Applies a diff the way a shell does. */
    private class FakeOs {
        val held = sortedMapOf<String, Long>()
        var operations = 0

        fun apply(diff: ReminderDiff) {
            for (id in diff.toCancel) {
                held.remove(id)
                operations++
            }
            for (r in diff.toSchedule) {
                held[r.id] = r.fireAtMs
                operations++
            }
        }

        fun pending() = held.map { (id, at) -> PendingNotification(id = id, fireAtMs = at) }
    }

    @Test
    fun applyingADiffTwiceGivesNothingNewTheSecondTime() {
        val p = open()
        try {
            val os = FakeOs()
            val first = p.planReminders(at(monday), 3u, os.pending())
            assertEquals(9, first.reminders.size)
            assertEquals(9, first.diff.toSchedule.size)
            os.apply(first.diff)
            assertEquals(first.reminders.map { it.id }.toSortedSet(), os.held.keys)

            val second = p.planReminders(at(monday), 3u, os.pending())
            assertTrue(second.diff.toSchedule.isEmpty())
            assertTrue(second.diff.toCancel.isEmpty())
            assertEquals(9u, second.diff.unchanged)
            val before = os.operations
            os.apply(second.diff)
            assertEquals(before, os.operations)

            // Something stale in the OS is cancelled once, then the diff is empty again.
            os.held["20261101-left-right-0"] = 1L
            val third = p.planReminders(at(monday), 3u, os.pending())
            assertEquals(listOf("20261101-left-right-0"), third.diff.toCancel)
            os.apply(third.diff)
            assertTrue(p.planReminders(at(monday), 3u, os.pending()).diff.toCancel.isEmpty())
        } finally {
            p.close()
        }
    }

    @Test
    fun travelReschedulesTheSameIdsAndBadZonesAreRefused() {
        val p = open()
        try {
            val os = FakeOs()
            os.apply(p.planReminders(at(monday), 1u, os.pending()).diff)
            val ids = os.held.keys.toList()
            val ny = p.planReminders(at(monday, "America/New_York"), 1u, os.pending())
            assertEquals(ids, ny.reminders.map { it.id })
            assertEquals(ids.size, ny.diff.toSchedule.size)
            os.apply(ny.diff)
            assertTrue(p.planReminders(at(monday, "America/New_York"), 1u, os.pending()).diff.toSchedule.isEmpty())
            try {
                p.planReminders(at(monday, "Europe/Lundon"), 3u, emptyList())
                fail("an unknown zone must be refused")
            } catch (e: ProprioException.InvalidArgument) {
                assertEquals("now.zone", e.field)
            }
        } finally {
            p.close()
        }
    }

    @Test
    fun snoozeGivesARepeatAndBadMinutesAreRefused() {
        val p = open()
        try {
            val first = p.planReminders(at(monday), 1u, emptyList()).reminders.first()
            val rang = at(first.fireAtMs + 60_000)
            p.reportReminderDelivered(first.id, rang)
            val repeat = p.snoozeReminder(first.id, 10, rang)
            assertNotNull(repeat)
            assertEquals(first.id + "-s", repeat!!.id)
            assertEquals(rang.unixMs + 600_000, repeat.fireAtMs)
            try {
                p.snoozeReminder(first.id, 15, rang)
                fail("15 minutes is not a snooze length")
            } catch (e: ProprioException.InvalidArgument) {
                assertEquals("minutes", e.field)
            }
            val today = p.remindersToday(rang)
            assertEquals(1u, today.adherence.sent)
        } finally {
            p.close()
        }
    }

    @Test
    fun aTappedReminderOpensTheStepTheCoreChoosesAndABadLinkIsRefused() {
        val p = open()
        try {
            val link = p.planReminders(at(monday), 1u, emptyList()).reminders.first().deepLink
            assertEquals(NextAction.SET_UP, p.reminderStep(link, at(monday)).action)
            p.updateProfile(ProfileUpdate(affected = listOf(AffectedArea(BodyPart.HAND, Side.LEFT)), handedness = null, skinTone = null))
            val step = p.reminderStep("proprio://practice?kind=desensitisation&reminder=x", at(monday))
            assertEquals(SessionKind.DESENSITISATION, step.kind)
            assertEquals(BodyPart.HAND, step.bodyPart)
            try {
                p.reminderStep("https://example.org/", at(monday))
                fail("not a reminder's link")
            } catch (e: ProprioException.InvalidArgument) {
                assertEquals("link", e.field)
            }
        } finally {
            p.close()
        }
    }
}
