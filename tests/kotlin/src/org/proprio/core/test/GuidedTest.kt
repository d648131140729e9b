package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.BodyPart
import org.proprio.core.Ending
import org.proprio.core.GuidedResults
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.SessionKind
import org.proprio.core.SessionState
import org.proprio.core.SessionStep
import org.proprio.core.StepAnswer
import org.proprio.core.StepPurpose
import org.proprio.core.WallTime
import java.io.File

/** One guided session of each kind driven through the bindings, as a shell would. */
class GuidedTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private var clock = 1_790_000_000_000L
    private fun now(): WallTime {
        clock += 2_000
        return WallTime(clock, "Europe/London")
    }

    private fun <T> withProprio(block: (Proprio) -> T): T {
        val proprio = Proprio(File(tmp.root, "proprio.db").path, now())
        try {
            return block(proprio)
        } finally {
            proprio.close()
        }
    }

    /** What a patient answers: the lowest but one on every scale, the helper's target, else the first choice. */
    private fun answerFor(step: SessionStep, target: String?): StepAnswer {
        val rating = step.rating
        return when {
            rating != null -> StepAnswer.Rating(rating.min + 1u)
            step.purpose == StepPurpose.PATIENT_ANSWER && target != null -> StepAnswer.Choice(target)
            step.choices.isNotEmpty() -> StepAnswer.Choice(step.choices.first().id)
            else -> StepAnswer.Done
        }
    }

    private fun runSession(proprio: Proprio, kind: SessionKind, part: BodyPart): GuidedResults {
        val start = proprio.startGuided(kind, part, 7uL, now())
        var step: SessionStep? = start.first
        var target: String? = null
        var answered = 0
        while (step != null) {
            val s = step
            assertEquals(answered.toUInt(), s.index)
            assertTrue(s.title.isNotEmpty() && s.prompt.isNotEmpty())
            s.sensory?.let { target = it.target }
            step = proprio.answerStep(s.sessionId, s.index, answerFor(s, target), now()).next
            answered++
        }
        assertNull(proprio.currentStep(start.session.id))
        val results = proprio.finishGuided(start.session.id, now())
        assertEquals(answered.toUInt(), results.answered)
        assertEquals(Ending.COMPLETED, results.ending)
        assertEquals(SessionState.COMPLETED, results.session.state)
        assertEquals(1u, results.painBefore)
        return results
    }

    @Test
    fun oneSessionOfEachKind(): Unit = withProprio { proprio ->
        val imagery = runSession(proprio, SessionKind.MOTOR_IMAGERY, BodyPart.HAND)
        assertEquals(2u, imagery.vividness)
        val mirror = runSession(proprio, SessionKind.MIRROR, BodyPart.FOOT)
        assertEquals(org.proprio.core.Feeling.FINE, mirror.feeling)
        assertTrue(proprio.feltWorseTimes(null).isEmpty())
        assertEquals("cotton ball", proprio.textureLadder(BodyPart.HAND).textures.first())
        val textures = runSession(proprio, SessionKind.DESENSITISATION, BodyPart.HAND)
        assertEquals(1u, textures.highestPainCheck)
        proprio.addExposureStep("Carry a bag", 40u.toUByte())
        val exposure = runSession(proprio, SessionKind.EXPOSURE, BodyPart.BACK)
        assertTrue("fear fell from 40 to 1", exposure.passed)
        assertNotNull(exposure.offer)
        val sensory = runSession(proprio, SessionKind.SENSORY_DISCRIMINATION, BodyPart.BACK)
        assertEquals(sensory.trials, sensory.correct)
        assertEquals(sensory.trials, proprio.sensoryAccuracy(BodyPart.BACK).sumOf { it.trials.toInt() }.toUInt())
        // Pain before and after every session went into the journal.
        assertEquals(10, proprio.journalEntries().size)
    }

    @Test
    fun badAnswersAndLaddersAreRefusedWithTheFieldNamed(): Unit = withProprio { proprio ->
        val start = proprio.startGuided(SessionKind.MIRROR, BodyPart.HAND, null, now())
        val id = start.session.id
        val tooHigh = assertThrows(ProprioException.InvalidArgument::class.java) {
            proprio.answerStep(id, 0u, StepAnswer.Rating(11u), now())
        }
        assertEquals("answer.value", tooHigh.field)
        val wrongStep = assertThrows(ProprioException.InvalidArgument::class.java) {
            proprio.answerStep(id, 4u, StepAnswer.Done, now())
        }
        assertEquals("index", wrongStep.field)
        val stopped = proprio.answerStep(id, 0u, StepAnswer.Stop, now())
        assertNull(stopped.next)
        assertEquals(SessionState.ABORTED, proprio.finishGuided(id, now()).session.state)
        val twice = assertThrows(ProprioException.InvalidArgument::class.java) {
            proprio.setTextures(listOf("wool", "WOOL"))
        }
        assertEquals("textures[1]", twice.field)
        val fear = assertThrows(ProprioException.InvalidArgument::class.java) {
            proprio.addExposureStep("Stairs", 101u.toUByte())
        }
        assertEquals("fear", fear.field)
        assertThrows(ProprioException.InvalidState::class.java) {
            proprio.startGuided(SessionKind.EXPOSURE, BodyPart.BACK, null, now())
        }
        Unit
    }
}
