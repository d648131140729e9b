package org.proprio.desktop

import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asComposeImageBitmap
import org.jetbrains.skia.ColorAlphaType
import org.jetbrains.skia.ColorType
import org.jetbrains.skia.Bitmap
import org.jetbrains.skia.ImageInfo
import org.proprio.core.Proprio
import org.proprio.core.RenderedImage
import org.proprio.core.SharedExport
import org.proprio.core.WallTime
import org.proprio.ui.Shell
import org.proprio.ui.TrialClock
import java.awt.FileDialog
import java.awt.Frame
import java.awt.GraphicsEnvironment
import java.io.File
import java.io.IOException
import java.time.ZoneId
import javax.swing.JFileChooser

/**
 * The desktop JVM's side of the screens: the system clock and zone, Skia pictures, and
 * the one core object, on the database at `dbPath` (opened again after "Delete all data").
 */
class DesktopShell(private val dbPath: String, override val clock: TrialClock = NanoTimeClock) : Shell {
    override fun now(): WallTime = WallTime(System.currentTimeMillis(), ZoneId.systemDefault().id)

    @Volatile
    var core: Proprio = open()
        private set

    override fun reopenCore(): Proprio = open().also { core = it }

    /** The core, speaking the system's language. */
    private fun open(): Proprio = Proprio(dbPath, now()).also { it.setLanguage(java.util.Locale.getDefault().toLanguageTag()) }

    override fun picture(image: RenderedImage): ImageBitmap = skiaPicture(image)

    /** A plan file from the system's file dialog (modal, so the window waits for it). */
    override fun pickPlanFile(maxBytes: Long, onPicked: (ByteArray?) -> Unit) {
        val dialog = FileDialog(null as Frame?, "Open a plan", FileDialog.LOAD)
        dialog.isVisible = true
        val name = dialog.file
        onPicked(name?.let { readAtMost(File(dialog.directory, it), maxBytes + 1) })
    }

    /**
     * A backup file from the system's file dialog, as its path: the core opens it where it
     * is (and bounds it), and it is the user's own file, so nothing deletes it after.
     */
    override fun pickBackupFile(maxBytes: Long, onPicked: (String?) -> Unit) {
        val dialog = FileDialog(null as Frame?, "Open a backup", FileDialog.LOAD)
        dialog.isVisible = true
        val name = dialog.file
        onPicked(name?.let { File(dialog.directory, it).path })
    }

    // No QR scanning on the desktop: canScanQr stays false and the plan screen leaves
    // the scan out (a webcam is rare there, and the code can be pasted).

    /** On a therapist's or patient's computer, sharing is saving the export in a folder. */
    override val shareLabel = "Save to a folder"

    /** The last folder saved into, offered first next time. */
    private var lastFolder: File? = null

    /**
     * The folder to save an export in, picked in a folder dialog (starting at the last
     * one, else ~/Downloads); without a display, ~/Downloads (else the home folder).
     */
    override fun exportFolder(): String? {
        val start = lastFolder ?: defaultExportFolder()
        if (GraphicsEnvironment.isHeadless()) return start.path
        val chooser = JFileChooser(start).apply {
            dialogTitle = "Save the export in"
            fileSelectionMode = JFileChooser.DIRECTORIES_ONLY
            isAcceptAllFileFilterUsed = false
        }
        if (chooser.showSaveDialog(null) != JFileChooser.APPROVE_OPTION) return null
        return chooser.selectedFile.also { lastFolder = it }.path
    }

    /** The files are already where the user wanted them: say where. */
    override fun share(export: SharedExport): String =
        "Saved in ${export.files.firstOrNull()?.path?.let { File(it).parent } ?: "?"}"
}

/** At most `limit` bytes of a file (the core refuses a larger plan as such), or null if unreadable. */
fun readAtMost(file: File, limit: Long): ByteArray? = try {
    file.inputStream().use { it.readNBytes(limit.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()) }
} catch (e: IOException) {
    null
}

/** ~/Downloads if there is one, else the home folder. */
fun defaultExportFolder(): File {
    val home = File(System.getProperty("user.home"))
    return File(home, "Downloads").takeIf { it.isDirectory } ?: home
}

/** The core's RGBA pixels as a Compose bitmap, copied once into a Skia bitmap. */
fun skiaPicture(image: RenderedImage): ImageBitmap {
    val info = ImageInfo(image.width.toInt(), image.height.toInt(), ColorType.RGBA_8888, ColorAlphaType.UNPREMUL)
    return Bitmap().apply {
        installPixels(info, image.rgba, image.width.toInt() * 4)
        setImmutable()
    }.asComposeImageBitmap()
}

/**
 * A desktop window's frame clock counts System.nanoTime(), but an AWT mouse event's time
 * is wall-clock milliseconds: the response is stamped with System.nanoTime() when the
 * press is handled, so both stamps come from one clock.
 */
object NanoTimeClock : TrialClock {
    override fun onsetNs(frameTimeNanos: Long): Long = frameTimeNanos

    override fun responseNs(eventUptimeMillis: Long?): Long = System.nanoTime()
}
