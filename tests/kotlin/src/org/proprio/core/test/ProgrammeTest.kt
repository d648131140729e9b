// The programme on the JVM (JUnit 4): a patient from onboarding through two weeks of
// left/right sessions to the move to motor imagery, as `today()` and `stageHistory()`
// show it, with an injected clock. Run by tests/kotlin/run.sh with the other binding tests.

package org.proprio.core.test

import java.nio.file.Files
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.LeftRightSettings
import org.proprio.core.NewJournalEntry
import org.proprio.core.NextAction
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.SafetyKind
import org.proprio.core.SessionKind
import org.proprio.core.Side
import org.proprio.core.Stage
import org.proprio.core.StageDecision
import org.proprio.core.StagePlan
import org.proprio.core.Track
import org.proprio.core.TransitionOrigin
import org.proprio.core.TransitionReason
import org.proprio.core.WallTime

class ProgrammeTest {
    /** 2026-11-02 09:00 in London. */
    private val monday9 = 1_793_610_000_000L
    private val day = 86_400_000L
    private val hour = 3_600_000L

    private fun at(d: Int, h: Int = 0) = WallTime(unixMs = monday9 + d * day + h * hour, zone = "Europe/London")

    private fun open(): Proprio {
        val dir = Files.createTempDirectory("proprio-programme")
        return Proprio(dir.resolve("p.db").toString(), at(0, -1))
    }

    /** A 10-picture left/right session answered right in 0.7 s each, then rated for pain. */
    private fun leftRight(p: Proprio, d: Int, h: Int, seed: Long) {
        val settings = LeftRightSettings(
            bodyPart = BodyPart.HAND, count = 10u, timeLimitMs = null, feedback = null,
            level = null, seed = seed.toULong(), practice = null,
        )
        val started = p.startLeftRight(settings, at(d, h))
        var prompt = started.first
        var clock = 1_000_000_000L
        while (true) {
            val outcome = p.answerTrial(prompt.sessionId, prompt.index, clock, clock + 700_000_000L, prompt.stimulus.side)
            clock += 3_000_000_000L
            prompt = outcome.next ?: break
        }
        p.finishSession(started.session.id, at(d, h + 1))
        p.addJournalEntry(NewJournalEntry(at = at(d, h + 1), pain = 3u, fear = null, medication = false, note = "", sessionId = started.session.id))
    }

    @Test
    fun fromOnboardingThroughSessionsToAStageChange() {
        val p = open()
        try {
            assertEquals(NextAction.SET_UP, p.today(at(0, -1)).next.action)
            p.updateProfile(ProfileUpdate(affected = listOf(AffectedArea(BodyPart.HAND, Side.LEFT)), handedness = null, skinTone = null))
            val first = p.today(at(0, -1))
            assertEquals(NextAction.PRACTISE, first.next.action)
            assertEquals(SessionKind.LEFT_RIGHT, first.next.kind)
            assertTrue(first.safety.any { it.kind == SafetyKind.CHECK_WITH_CLINICIAN })
            assertEquals(Stage.LEFT_RIGHT, first.stages[0].stage)
            assertEquals(14u, first.stages[0].minDays)

            for (d in 0 until 13) {
                leftRight(p, d, 0, d * 2L)
                leftRight(p, d, 6, d * 2L + 1)
                val evening = p.today(at(d, 12)).stages[0]
                assertEquals("day $d", Stage.LEFT_RIGHT, evening.stage)
                assertTrue("day $d: ${evening.decision}", evening.decision is StageDecision.Stay)
            }
            // Day 14 in the stage: the gate has been met for days, so the morning moves on.
            val moved = p.today(at(13, -1))
            val hand = moved.stages[0]
            assertEquals(Stage.MOTOR_IMAGERY, hand.stage)
            assertEquals(2u, hand.position)
            assertEquals(1u, hand.daysInStage)
            assertTrue(hand.sentence, hand.sentence.startsWith("Well done: today you move on to motor imagery"))
            assertEquals(SessionKind.MOTOR_IMAGERY, moved.next.kind)

            val history = p.stageHistory(BodyPart.HAND)
            assertEquals(listOf(Stage.LEFT_RIGHT, Stage.MOTOR_IMAGERY), history.map { it.toStage })
            val passed = history[1].reason as TransitionReason.GatePassed
            assertEquals(14u, passed.daysInStage)
            assertEquals(TransitionOrigin.AUTOMATIC, history[1].origin)
            assertEquals(Stage.LEFT_RIGHT, history[1].fromStage)
            assertTrue(history[1].sentence, history[1].sentence.contains("after 14 days"))

            // A therapist's lock moves the patient back and holds them; a bad plan is refused.
            val locked = StagePlan(Track.GMI, listOf(Stage.LEFT_RIGHT, Stage.MOTOR_IMAGERY, Stage.MIRROR, Stage.GRADED_MOVEMENT), emptyList(), Stage.LEFT_RIGHT, emptyList())
            val status = p.setStagePlan(BodyPart.HAND, locked, at(13, 2))
            assertEquals(Stage.LEFT_RIGHT, status.stage)
            assertTrue(status.decision is StageDecision.Locked)
            assertEquals(TransitionOrigin.THERAPIST, p.stageHistory(null).last().origin)
            try {
                p.setStagePlan(BodyPart.HAND, locked.copy(order = emptyList()), at(13, 3))
                error("an empty order was accepted")
            } catch (e: ProprioException.InvalidArgument) {
                assertEquals("plan.order", e.field)
            }
            assertEquals(locked, p.stagePlan(BodyPart.HAND))
        } finally {
            p.close()
        }
    }
}
