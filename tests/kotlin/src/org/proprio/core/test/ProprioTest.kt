package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.Handedness
import org.proprio.core.LeftRightSettings
import org.proprio.core.NewJournalEntry
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.SessionKind
import org.proprio.core.SessionState
import org.proprio.core.Side
import org.proprio.core.TrialPrompt
import org.proprio.core.WallTime
import java.io.File
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** The `Proprio` object as a shell uses it, on a database in a temporary folder. */
class ProprioTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val start = 1_790_000_000_000L
    private fun now(plusMs: Long = 0) = WallTime(start + plusMs, "Europe/London")
    private fun dbPath() = File(tmp.root, "proprio.db").path

    /** Runs [block] on a freshly opened object and closes it, even when the block throws. */
    private fun <T> withProprio(path: String = dbPath(), at: WallTime = now(), block: (Proprio) -> T): T {
        val proprio = Proprio(path, at)
        try {
            return block(proprio)
        } finally {
            proprio.close()
        }
    }

    private fun Side.other() = if (this == Side.LEFT) Side.RIGHT else Side.LEFT

    /** Answers [count] prompts from [first] (every fourth one wrongly); returns the last prompt left. */
    private fun answer(proprio: Proprio, first: TrialPrompt, count: Int): TrialPrompt? {
        var prompt: TrialPrompt? = first
        repeat(count) { i ->
            val p = prompt ?: error("session ended after $i answers")
            val onset = 10_000_000_000L * (i + 1)
            val answer = if (i % 4 == 3) p.stimulus.side.other() else p.stimulus.side
            val outcome = proprio.answerTrial(p.sessionId, p.index, onset, onset + 700_000_000L, answer)
            assertEquals(answer == p.stimulus.side, outcome.correct)
            prompt = outcome.next
        }
        return prompt
    }

    @Test
    fun opensADatabaseInAnEmptyFolder() {
        withProprio { proprio ->
            val status = proprio.status()
            assertEquals(File(dbPath()).canonicalPath, File(status.dbPath).canonicalPath)
            assertTrue(status.schemaVersion >= 1)
            assertEquals(0uL, status.sessions)
            assertEquals(0uL, status.journalEntries)
        }
        assertTrue(File(dbPath()).length() > 0)
    }

    @Test
    fun profileRoundTrip() {
        val updated = withProprio { proprio ->
            val fresh = proprio.profile()
            assertTrue(fresh.code.isNotBlank())
            assertEquals(now(), fresh.createdAt)
            assertEquals(emptyList<AffectedArea>(), fresh.affected)

            val update = ProfileUpdate(
                affected = listOf(AffectedArea(BodyPart.HAND, Side.LEFT)),
                handedness = Handedness.RIGHT,
                skinTone = 4u,
            )
            val updated = proprio.updateProfile(update)
            assertEquals(fresh.code, updated.code)
            assertEquals(listOf(AffectedArea(BodyPart.HAND, Side.LEFT)), updated.affected)
            assertEquals(Handedness.RIGHT, updated.handedness)
            assertEquals(4u.toUByte(), updated.skinTone)
            // Fields left null stay as they are.
            assertEquals(updated, proprio.updateProfile(ProfileUpdate()))
            updated
        }
        withProprio(at = now(86_400_000)) { assertEquals(updated, it.profile()) }
    }

    @Test
    fun sessionWithTrialsSurvivesCloseAndReopen() {
        val sessionId = withProprio { proprio ->
            val started = proprio.startLeftRight(
                LeftRightSettings(bodyPart = BodyPart.HAND, count = 10u, seed = 42uL), now(),
            )
            assertEquals(10u, started.first.total)
            assertEquals(null, answer(proprio, started.first, 10))
            proprio.finishSession(started.session.id, now(120_000))
            started.session.id
        }
        withProprio(at = now(600_000)) { proprio ->
            val session = proprio.sessions().single()
            assertEquals(sessionId, session.id)
            assertEquals(SessionKind.LEFT_RIGHT, session.kind)
            assertEquals(SessionState.COMPLETED, session.state)
            assertEquals(42uL, session.seed)
            assertEquals(10u, session.trialCount)
            assertEquals(now(120_000), session.endedAt)

            val trials = proprio.trials(sessionId)
            assertEquals((0u until 10u).toList(), trials.map { it.index })
            assertEquals(8, trials.count { it.correct })
            assertTrue(trials.all { it.rtMs == 700.0 && !it.voided && !it.timeout })
            assertEquals(10uL, proprio.status().trials)
        }
    }

    @Test
    fun sessionLeftRunningIsInterruptedOnReopenWithItsTrialsKept() {
        val sessionId = withProprio { proprio ->
            val started = proprio.startLeftRight(LeftRightSettings(bodyPart = BodyPart.FOOT, count = 10u), now())
            assertNotEquals(null, answer(proprio, started.first, 3))
            started.session.id
        }
        withProprio(at = now(60_000)) { proprio ->
            val session = proprio.sessions().single()
            assertEquals(sessionId, session.id)
            assertEquals(SessionState.INTERRUPTED, session.state)
            assertEquals(3u, session.trialCount)
            assertEquals(3, proprio.trials(sessionId).size)
        }
    }

    @Test
    fun sameSeedGivesTheSamePictures() {
        fun pictures(folder: String) = withProprio(File(tmp.newFolder(folder), "p.db").path) { proprio ->
            val started = proprio.startLeftRight(
                LeftRightSettings(bodyPart = BodyPart.HAND, count = 10u, seed = 7uL, level = 3u), now(),
            )
            answer(proprio, started.first, 10)
            proprio.trials(started.session.id).map { it.stimulusId }
        }
        val first = pictures("a")
        assertEquals(10, first.toSet().size)
        assertEquals(first, pictures("b"))
    }

    @Test
    fun painOutOfRangeIsInvalidArgumentNamingTheField() {
        withProprio { proprio ->
            val error = assertThrows(ProprioException.InvalidArgument::class.java) {
                proprio.addJournalEntry(NewJournalEntry(at = now(), pain = 11u, note = "too much"))
            }
            assertEquals("entry.pain", error.field)
            assertTrue(error.message, error.message!!.contains("pain"))
            assertTrue(error.reason, error.reason.contains("11"))
            // Nothing was half-written.
            assertEquals(emptyList<Any>(), proprio.journalEntries())
        }
    }

    @Test
    fun otherErrorsMapToTheirSubtypes() {
        withProprio { proprio ->
            val bad = assertThrows(ProprioException.InvalidArgument::class.java) {
                proprio.startSession(SessionKind.MIRROR, BodyPart.HAND, null, WallTime(start, "Mars/Olympus"))
            }
            assertEquals("now.zone", bad.field)
            assertThrows(ProprioException.NotFound::class.java) { proprio.finishSession(999L, now()) }
            val session = proprio.startSession(SessionKind.MIRROR, BodyPart.HAND, 1uL, now())
            proprio.finishSession(session.id, now(1_000))
            assertThrows(ProprioException.InvalidState::class.java) { proprio.finishSession(session.id, now(2_000)) }
        }
        val junk = File(tmp.root, "junk.db").apply { writeText("this is not a database, ".repeat(200)) }
        assertThrows(ProprioException.NotADatabase::class.java) { Proprio(junk.path, now()) }
    }

    @Test
    fun closedObjectRefusesCalls() {
        val proprio = Proprio(dbPath(), now())
        proprio.close()
        assertThrows(IllegalStateException::class.java) { proprio.status() }
        proprio.close() // closing twice is harmless
    }

    @Test
    fun oneObjectSharedByEightThreadsLosesNoWrite() {
        val threads = 8
        val perThread = 25
        withProprio { proprio ->
            val go = CountDownLatch(1)
            val errors = ConcurrentLinkedQueue<Throwable>()
            val workers = (0 until threads).map { t ->
                Thread {
                    try {
                        go.await()
                        // Each thread also plays its own left/right session, so trials and
                        // journal entries are written through the same object at once.
                        val started = proprio.startLeftRight(
                            LeftRightSettings(bodyPart = BodyPart.HAND, count = 10u, seed = t.toULong()), now(),
                        )
                        var prompt: TrialPrompt? = started.first
                        repeat(perThread) { i ->
                            proprio.addJournalEntry(
                                NewJournalEntry(at = now(i.toLong()), pain = (i % 11).toUByte(), note = "t$t-$i"),
                            )
                            prompt?.let { p ->
                                val onset = 1_000_000_000L * (i + 1)
                                prompt = proprio.answerTrial(p.sessionId, p.index, onset, onset + 500_000_000L, Side.LEFT).next
                            }
                            proprio.sessions() // reads interleaved with the writes
                        }
                        proprio.finishSession(started.session.id, now(60_000))
                    } catch (e: Throwable) {
                        errors += e
                    }
                }.apply { start() }
            }
            go.countDown()
            workers.forEach { it.join(TimeUnit.MINUTES.toMillis(2)) }
            assertTrue("threads still running", workers.none { it.isAlive })
            errors.firstOrNull()?.let { throw AssertionError("a thread failed", it) }

            val entries = proprio.journalEntries()
            assertEquals(threads * perThread, entries.size)
            assertEquals(entries.size, entries.map { it.id }.toSet().size)
            val expected = (0 until threads).flatMap { t -> (0 until perThread).map { "t$t-$it" } }.toSet()
            assertEquals(expected, entries.map { it.note }.toSet())

            val sessions = proprio.sessions()
            assertEquals(threads, sessions.size)
            assertTrue(sessions.all { it.state == SessionState.COMPLETED && it.trialCount == 10u })
            val status = proprio.status()
            assertEquals((threads * perThread).toULong(), status.journalEntries)
            assertEquals((threads * 10).toULong(), status.trials)
        }
    }
}
