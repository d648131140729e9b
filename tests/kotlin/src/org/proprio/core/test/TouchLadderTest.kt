package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.SessionKind
import org.proprio.core.Side
import org.proprio.core.StepAnswer
import org.proprio.core.StepPurpose
import org.proprio.core.TextureEdit
import org.proprio.core.WallTime
import java.io.File

/**
 * The touch ladder screen (`texture_ladder_form`, `edit_texture_ladder`), the programme
 * screen (`programme_screen`) and changing an exposure step (`update_exposure_step`)
 * through the Kotlin bindings, as the Compose screens call them.
 */
class TouchLadderTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val start = 1_793_610_000_000L // 2026-11-02 09:00 London
    private fun now(plusMs: Long = 0) = WallTime(start + plusMs, "Europe/London")

    private fun <T> withProprio(block: (Proprio) -> T): T {
        val proprio = Proprio(File(tmp.root, "proprio.db").path, now())
        try {
            return block(proprio)
        } finally {
            proprio.close()
        }
    }

    private fun names(p: Proprio) = p.textureLadderForm(BodyPart.HAND).textures.map { it.name }

    @Test
    fun everyTextureEditGoesThroughTheCoreAndTheFormComesBack(): Unit = withProprio { p ->
        val form = p.textureLadderForm(BodyPart.HAND)
        assertEquals(listOf("cotton ball", "silk", "soft towel", "denim", "everyday clothes"), form.textures.map { it.name })
        assertTrue(form.textures[0].current)
        assertEquals("texture 1 · practising now ▶", form.textures[0].summary)
        assertFalse(form.textures[0].canMoveUp)
        assertTrue(form.textures.last().canMoveUp && !form.textures.last().canMoveDown)
        assertNull("the standard textures are in use", form.standardLabel)
        assertTrue(form.canAdd && form.maxNameChars > 0u)

        val added = p.editTextureLadder(BodyPart.HAND, TextureEdit.Add(" wool scarf "))
        assertEquals("wool scarf", added.textures.last().name)
        assertNotNull("an edit makes the list the patient's own", added.standardLabel)
        assertEquals(added, p.textureLadderForm(BodyPart.HAND))

        val renamed = p.editTextureLadder(BodyPart.HAND, TextureEdit.Rename(position = 1u, name = "satin"))
        assertEquals("satin", renamed.textures[1].name)
        val up = p.editTextureLadder(BodyPart.HAND, TextureEdit.MoveUp(position = 1u))
        assertEquals(listOf("satin", "cotton ball"), up.textures.take(2).map { it.name })
        val down = p.editTextureLadder(BodyPart.HAND, TextureEdit.MoveDown(position = 0u))
        assertEquals(listOf("cotton ball", "satin"), down.textures.take(2).map { it.name })
        val removed = p.editTextureLadder(BodyPart.HAND, TextureEdit.Remove(position = 5u))
        assertEquals(listOf("cotton ball", "satin", "soft towel", "denim", "everyday clothes"), removed.textures.map { it.name })
        assertEquals(removed.textures.map { it.name }, p.textureLadder(BodyPart.HAND).textures)

        val standard = p.editTextureLadder(BodyPart.HAND, TextureEdit.Standard)
        assertEquals("silk", standard.textures[1].name)
        assertNull(standard.standardLabel)
    }

    @Test
    fun aRefusedTextureEditNamesItsFieldAndChangesNothing(): Unit = withProprio { p ->
        p.editTextureLadder(BodyPart.HAND, TextureEdit.Add("wool scarf"))
        val before = p.textureLadderForm(BodyPart.HAND)
        val twice = assertThrows(ProprioException.InvalidArgument::class.java) {
            p.editTextureLadder(BodyPart.HAND, TextureEdit.Add("SILK"))
        }
        assertEquals("textures[6]", twice.field)
        assertTrue(twice.reason, twice.reason.isNotEmpty())
        val off = assertThrows(ProprioException.InvalidArgument::class.java) {
            p.editTextureLadder(BodyPart.HAND, TextureEdit.MoveUp(position = 0u))
        }
        assertEquals("position", off.field)
        assertEquals(before, p.textureLadderForm(BodyPart.HAND))
    }

    @Test
    fun aFreshCoreHasNoProgrammeButItsEmptyLine(): Unit = withProprio { p ->
        val screen = p.programmeScreen(now())
        assertTrue(screen.parts.isEmpty())
        assertTrue(screen.title.isNotEmpty() && screen.intro.isNotEmpty() && screen.empty.isNotEmpty())
    }

    @Test
    fun afterAProfileTheProgrammeShowsThePartItsStageAndHistory(): Unit = withProprio { p ->
        p.updateProfile(ProfileUpdate(affected = listOf(AffectedArea(BodyPart.BACK, Side.LEFT))))
        val screen = p.programmeScreen(now())
        assertEquals(1, screen.parts.size)
        val part = screen.parts[0]
        assertEquals(BodyPart.BACK, part.bodyPart)
        assertEquals("Back", part.title)
        assertEquals("So far, newest first", screen.historyTitle)
        assertEquals("Stage 1 of 4: sensory discrimination, day 1", part.stage)
        assertTrue(part.sentence.isNotEmpty())
        assertTrue("the start is in the history", part.history.isNotEmpty())
        assertTrue(part.history.all { it.`when`.isNotEmpty() && it.sentence.isNotEmpty() })
        assertNull("no drills yet", part.touch)

        // One sensory drill: the touch section appears, by region.
        val first = p.startGuided(SessionKind.SENSORY_DISCRIMINATION, BodyPart.BACK, 3uL, now(60_000))
        var step = first.first
        var target: String? = null
        var t = 60_000L
        while (true) {
            step.sensory?.let { target = it.target }
            val rating = step.rating
            val answer = when {
                rating != null -> StepAnswer.Rating(rating.min)
                step.purpose == StepPurpose.PATIENT_ANSWER && target != null -> StepAnswer.Choice(target!!)
                step.choices.isNotEmpty() -> StepAnswer.Choice(step.choices[0].id)
                else -> StepAnswer.Done
            }
            t += 2_000L + (step.timer?.seconds?.toLong() ?: 0L) * 1_000L
            step = p.answerStep(step.sessionId, step.index, answer, now(t)).next ?: break
        }
        p.finishGuided(first.session.id, now(t + 1_000))
        val touch = p.programmeScreen(now(t + 2_000)).parts[0].touch
        assertNotNull(touch)
        assertTrue(touch!!.title.isNotEmpty() && touch.facts.isNotEmpty())
    }

    @Test
    fun anExposureStepIsRenamedAndReRatedAndARefusalChangesNothing(): Unit = withProprio { p ->
        val bag = p.addExposureStep("Carry a bag", 40u.toUByte())
        val changed = p.updateExposureStep(bag.id, "Carry two bags", 70u.toUByte())
        assertEquals("Carry two bags", changed.activity)
        assertEquals(70, changed.fear.toInt())
        assertEquals(listOf("Carry two bags" to 70), p.exposureLadder().map { it.activity to it.fear.toInt() })
        val empty = assertThrows(ProprioException.InvalidArgument::class.java) {
            p.updateExposureStep(bag.id, "  ", null)
        }
        assertEquals("activity", empty.field)
        val fear = assertThrows(ProprioException.InvalidArgument::class.java) {
            p.updateExposureStep(bag.id, null, 101u.toUByte())
        }
        assertEquals("fear", fear.field)
        assertEquals(listOf("Carry two bags" to 70), p.exposureLadder().map { it.activity to it.fear.toInt() })
        Unit
    }
}
