package org.proprio.core.test

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.proprio.core.BodyPart
import org.proprio.core.StimulusContext
import org.proprio.core.FfiConverterTypeProprioError
import org.proprio.core.FfiConverterTypeStimulusSpec
import org.proprio.core.Posture
import org.proprio.core.ProprioException
import org.proprio.core.Side
import org.proprio.core.StimulusSpec
import org.proprio.core.View
import org.proprio.core.uniffiEnsureInitialized

/**
 * The plumbing under every call: the library loads through JNA, its contract version
 * matches the bindings, and values survive a trip through Rust-allocated buffers.
 */
class BindingsTest {
    private val spec = StimulusSpec(
        bodyPart = BodyPart.HAND,
        side = Side.LEFT,
        view = View.BACK,
        posture = Posture.FIST,
        rotationDeg = 90u,
        skinTone = 3u,
        context = StimulusContext.NONE,
        variant = 0u,
    )

    @Test
    fun libraryLoadsAndContractVersionMatches() {
        // Registers the native methods and compares the contract versions; throws if the
        // library is missing or was built by another uniffi version.
        uniffiEnsureInitialized()
    }

    @Test
    fun recordRoundTripsThroughRustBuffer() {
        // lower() fills a buffer allocated by Rust; lift() reads it and has Rust free it.
        for (part in BodyPart.entries) {
            for (side in Side.entries) {
                val value = spec.copy(bodyPart = part, side = side, rotationDeg = 345u)
                assertEquals(value, FfiConverterTypeStimulusSpec.lift(FfiConverterTypeStimulusSpec.lower(value)))
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
    fun errorVariantsAreExceptionSubtypes() {
        val error = FfiConverterTypeProprioError.lift(
            FfiConverterTypeProprioError.lower(ProprioException.InvalidArgument("pain", "11 is out of range 0..=10")),
        )
        assertTrue(error is ProprioException.InvalidArgument)
        error as ProprioException.InvalidArgument
        assertEquals("pain", error.field)
        assertTrue(error.message, error.message!!.contains("pain"))
    }
}
