package org.proprio.app

import android.graphics.Bitmap
import org.proprio.core.RenderedImage
import java.nio.ByteBuffer

/**
 * The core's RGBA pixels as a Bitmap: ARGB_8888 keeps its bytes in R, G, B, A order, so
 * the buffer is copied as it is (the pictures are opaque, so premultiplying changes
 * nothing).
 */
fun bitmapOf(image: RenderedImage): Bitmap =
    Bitmap.createBitmap(image.width.toInt(), image.height.toInt(), Bitmap.Config.ARGB_8888).apply {
        copyPixelsFromBuffer(ByteBuffer.wrap(image.rgba))
    }
