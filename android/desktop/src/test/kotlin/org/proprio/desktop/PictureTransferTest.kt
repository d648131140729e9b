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
 * (drawing included) and turning its bytes into a Compose bitmap, timed per picture on
 * this JVM, with the bytes each form carries. Both must give the same pixels. The
 * figures are printed (README, "Pictures across the FFI"); nothing is asserted about
 * speed, which depends on the machine.
 */
class PictureTransferTest {
    private val spec = StimulusSpec(BodyPart.HAND, Side.LEFT, View.PALM, Posture.SPREAD, 45u, 3u, StimulusContext.NONE, 2u)

    private fun <T> median(reps: Int, block: () -> T): Pair<Double, T> {
        var last: T? = null
        val times = (1..reps).map {
            val t0 = System.nanoTime()
            last = block()
            (System.nanoTime() - t0) / 1e6
        }.sorted()
        @Suppress("UNCHECKED_CAST")
        return times[reps / 2] to (last as T)
    }

    @Test
    fun rgbaAndPngGiveTheSamePicturesAndTheirCostsArePrinted() {
        val reps = System.getProperty("proprio.bench.reps")?.toInt() ?: 9
        for (size in listOf(512u, 822u, 1024u)) {
            repeat(2) { renderStimulus(spec, size, Backdrop.LIGHT); renderStimulusPng(spec, size, Backdrop.LIGHT) }
            val (rgbaCall, image) = median(reps) { renderStimulus(spec, size, Backdrop.LIGHT) }
            val (rgbaShow, bitmap) = median(reps) { skiaPicture(image) }
            val (pngCall, png) = median(reps) { renderStimulusPng(spec, size, Backdrop.LIGHT) }
            val (pngShow, decoded) = median(reps) { Image.makeFromEncoded(png).toComposeImageBitmap() }
            assertEquals(bitmap.width, decoded.width)
            val rgba = Bitmap().apply { allocPixels(ImageInfo(size.toInt(), size.toInt(), ColorType.RGBA_8888, ColorAlphaType.UNPREMUL)) }
            Image.makeFromEncoded(png).readPixels(rgba)
            assertArrayEquals("PNG decodes to the RGBA the core drew", image.rgba, rgba.readPixels()!!)
            println(
                "picture ${size}px: RGBA ${image.rgba.size} B, core call %.1f ms + bitmap %.2f ms; ".format(rgbaCall, rgbaShow) +
                    "PNG ${png.size} B, core call %.1f ms + decode %.2f ms".format(pngCall, pngShow),
            )
        }
    }
}
