package org.proprio.desktop

import androidx.compose.ui.graphics.toComposeImageBitmap
import org.jetbrains.skia.Bitmap
import org.jetbrains.skia.ColorAlphaType
import org.jetbrains.skia.ColorType
import org.jetbrains.skia.Image
import org.jetbrains.skia.ImageInfo
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Test
import org.proprio.core.Backdrop
import org.proprio.core.BodyPart
import org.proprio.core.Posture
import org.proprio.core.Side
import org.proprio.core.StimulusContext
import org.proprio.core.StimulusSpec
import org.proprio.core.View
import org.proprio.core.renderStimulus
import org.proprio.core.renderStimulusPng

/**
 * Raw RGBA against PNG across the FFI, as the screens would take them: the core's call
 * (drawing, encoding and the copy across included) and turning its bytes into a Compose
 * bitmap, timed per picture on this JVM, with the bytes each form carries. Both must give
 * the same pixels. The figures are printed (README, "Pictures across the FFI"); nothing
 * is asserted about speed, which depends on the machine. Alone:
 * `PROPRIO_COMPOSE_ONLY=PictureTransferTest PROPRIO_BENCH_REPS=31 bash tests/compose/run.sh`.
 */
class PictureTransferTest {
    private val spec = StimulusSpec(BodyPart.HAND, Side.LEFT, View.PALM, Posture.SPREAD, 45u, 3u, StimulusContext.NONE, 2u)

    private fun timed(block: () -> Unit): Double {
        val t0 = System.nanoTime()
        block()
        return (System.nanoTime() - t0) / 1e6
    }

    private fun List<Double>.median() = sorted()[size / 2]

    @Test
    fun rgbaAndPngGiveTheSamePicturesAndTheirCostsArePrinted() {
        // PROPRIO_BENCH_REPS=31 for steadier figures on a loaded machine.
        val reps = System.getenv("PROPRIO_BENCH_REPS")?.toInt() ?: 7
        for (size in listOf(512u, 822u, 1024u)) {
            val image = renderStimulus(spec, size, Backdrop.LIGHT)
            val png = renderStimulusPng(spec, size, Backdrop.LIGHT)
            val rgba = Bitmap().apply { allocPixels(ImageInfo(size.toInt(), size.toInt(), ColorType.RGBA_8888, ColorAlphaType.UNPREMUL)) }
            Image.makeFromEncoded(png).readPixels(rgba)
            assertArrayEquals("PNG decodes to the RGBA the core drew", image.rgba, rgba.readPixels()!!)
            assertEquals(size.toInt(), skiaPicture(image).width)
            // Interleaved, so both forms meet the same load from other processes.
            val t = List(4) { mutableListOf<Double>() }
            repeat(reps) {
                var drawn = image
                var encoded = png
                t[0] += timed { drawn = renderStimulus(spec, size, Backdrop.LIGHT) }
                t[1] += timed { skiaPicture(drawn) }
                t[2] += timed { encoded = renderStimulusPng(spec, size, Backdrop.LIGHT) }
                // toComposeImageBitmap reads the pixels, so the PNG is decoded here.
                t[3] += timed { Image.makeFromEncoded(encoded).toComposeImageBitmap() }
            }
            val (rgbaCall, rgbaShow, pngCall, pngShow) = t.map { it.median() }
            println(
                "picture ${size}px ($reps runs, medians): RGBA ${image.rgba.size} B, core call %.1f ms + bitmap %.2f ms = %.1f ms; "
                    .format(rgbaCall, rgbaShow, rgbaCall + rgbaShow) +
                    "PNG ${png.size} B, core call %.1f ms + decode %.2f ms = %.1f ms".format(pngCall, pngShow, pngCall + pngShow),
            )
        }
    }
}
