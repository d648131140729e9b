package org.proprio.core.test

import java.io.File
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder
import org.proprio.core.BodyPart
import org.proprio.core.LeftRightSettings
import org.proprio.core.Proprio
import org.proprio.core.ProprioException
import org.proprio.core.Side
import org.proprio.core.TrialPrompt
import org.proprio.core.WallTime
import org.proprio.core.Backdrop
import org.proprio.core.renderStimulus
import org.proprio.core.stimulusMetadata

/**
 * The plumbing under every call, through the public generated API only (no converter
 * internals, so a uniffi upgrade breaks these only if the bindings really changed): the
 * library loads through JNA and its contract version matches the bindings, records survive
 * the trip Rust → Kotlin → Rust, and a Rust error arrives as its exception subtype.
 */
class BindingsTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val now = WallTime(1_790_000_000_000L, "Europe/London")

    /** The first [count] pictures of a left/right session: stimulus specs made in Rust. */
    private fun prompts(part: BodyPart, count: Int): List<TrialPrompt> {
        val proprio = Proprio(File(tmp.newFolder(), "p.db").path, now)
        try {
            val settings = LeftRightSettings(bodyPart = part, count = 10u, seed = 11uL, level = 3u)
            var prompt: TrialPrompt? = proprio.startLeftRight(settings, now).first
            val out = mutableListOf<TrialPrompt>()
            while (out.size < count) {
                val p = prompt ?: break
                out += p
                val onset = 10_000_000_000L * out.size
                prompt = proprio.answerTrial(p.sessionId, p.index, onset, onset + 700_000_000L, p.stimulus.side).next
            }
            return out
        } finally {
            proprio.close()
        }
    }

    @Test
    fun libraryLoadsAndContractVersionMatches() {
        // The first call registers the native methods and compares the contract versions;
        // it throws if the library is missing or was built by another uniffi version.
        val proprio = Proprio(File(tmp.root, "p.db").path, now)
        try {
            assertTrue(proprio.status().schemaVersion > 0)
        } finally {
            proprio.close()
        }
    }

    @Test
    fun stimulusSpecsRoundTripThroughRust() {
        for (part in BodyPart.entries) {
            val shown = prompts(part, 4)
            assertEquals("$part", 4, shown.size)
            for (p in shown) {
                // Lifted from Rust, lowered back: every field survives (the id names them all).
                val spec = p.stimulus
                assertEquals(part, spec.bodyPart)
                val meta = stimulusMetadata(spec)
                assertEquals(p.stimulusId, meta.id)
                assertEquals(spec.rotationDeg, meta.rotationDeg)
                assertEquals(spec.view, meta.view)
                assertEquals(spec.posture, meta.posture)
                assertEquals(spec.variant, meta.variant)
                // A value changed in Kotlin reaches Rust as changed.
                val other = if (spec.side == Side.LEFT) Side.RIGHT else Side.LEFT
                val mirrored = spec.copy(side = other)
                val sides = ":${spec.side.name.lowercase()}:" to ":${other.name.lowercase()}:"
                assertEquals(p.stimulusId.replace(sides.first, sides.second), stimulusMetadata(mirrored).id)
                // Bytes come back whole.
                val image = renderStimulus(spec, 256u, Backdrop.LIGHT)
                assertEquals(256u, image.width)
                assertEquals(256 * 256 * 4, image.rgba.size)
                assertNotEquals(image.rgba.toList(), renderStimulus(mirrored, 256u, Backdrop.LIGHT).rgba.toList())
            }
        }
    }

    @Test
    fun enumsKeepTheirRustOrder() {
        assertEquals(
            listOf("HAND", "FOOT", "BACK", "NECK", "KNEE", "SHOULDER"),
            BodyPart.entries.map { it.name },
        )
        assertEquals(listOf(Side.LEFT, Side.RIGHT), Side.entries)
    }

    @Test
    fun aRustErrorArrivesAsItsExceptionSubtype() {
        val spec = prompts(BodyPart.HAND, 1).single().stimulus
        for (size in listOf(0u, 255u, 1025u)) {
            val error = assertThrows(ProprioException.InvalidArgument::class.java) { renderStimulus(spec, size, Backdrop.DARK) }
            assertTrue(error is ProprioException)
            assertEquals("size", error.field)
            assertTrue(error.reason, error.reason.contains("$size"))
            assertTrue(error.message, error.message!!.contains("size"))
        }
    }
}
