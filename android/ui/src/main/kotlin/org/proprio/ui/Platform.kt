package org.proprio.ui

import androidx.compose.ui.graphics.ImageBitmap
import org.proprio.core.Proprio
import org.proprio.core.RenderedImage
import org.proprio.core.SharedExport
import org.proprio.core.WallTime

/**
 * What the screens need from the platform they run on, so that this module imports no
 * `android.*`: the Android app, the desktop app and the tests each pass their own.
 */
interface Shell {
    /** Stamps for the left/right trials, both from one monotonic clock. */
    val clock: TrialClock

    /** The wall-clock time and IANA zone of the device, for every dated record. */
    fun now(): WallTime

    /** A picture the core drew, as something Compose can show. */
    fun picture(image: RenderedImage): ImageBitmap

    /** A session ended or the reminder settings changed: re-apply the reminder plan. */
    fun remindersChanged() {}

    /**
     * Every record was deleted (`delete_all_data`), and the core object that deleted them
     * refuses every later call: open a fresh core on the same database path, make it the
     * one the platform uses from now on (reminders, receivers, closing on exit), and
     * return it.
     */
    fun reopenCore(): Proprio

    /** Whether this platform can scan a QR code (the plan screen leaves the way out if not). */
    val canScanQr: Boolean get() = false

    /**
     * Lets the patient pick a plan file and hands back its bytes, at most `maxBytes + 1`
     * of them (so the core can refuse a larger file as such), or null when they cancelled
     * or it could not be read.
     */
    fun pickPlanFile(maxBytes: Long, onPicked: (ByteArray?) -> Unit) = onPicked(null)

    /**
     * Lets the patient pick a backup file and hands back a local path the core can open
     * (`restore_backup_file`), or null when they cancelled or it could not be read. On
     * Android a copy in the app's cache of at most `maxBytes + 1` bytes (so the core can
     * refuse a larger file as such), named as the document is; on the desktop the file.
     */
    fun pickBackupFile(maxBytes: Long, onPicked: (String?) -> Unit) = onPicked(null)

    /**
     * The restore screen is done with a path [pickBackupFile] handed back (restored, or
     * the screen left): Android deletes its copy; the desktop leaves the user's file.
     */
    fun backupFileDone(path: String) {}

    /** Scans a QR code and hands back the text it holds, or null when the patient cancelled. */
    fun scanPlanCode(onScanned: (String?) -> Unit) = onScanned(null)

    /**
     * The folder the core writes an export to share into (it names the files): the app's
     * cache on Android, a folder the user picks on the desktop; null if the user cancelled.
     */
    fun exportFolder(): String? = null

    /**
     * Hands the files the core wrote to the platform (Android's share sheet); returns
     * what to tell the patient about it, if anything (the desktop: where they are).
     */
    fun share(export: SharedExport): String? = null

    /** The share button's words: what the platform does with the files. */
    val shareLabel: String get() = "Share"
}

/** A plan that reached the app from outside (a shared code, an opened file), for the plan screen. */
sealed interface PlanOffer {
    class Code(val text: String) : PlanOffer
    class File(val bytes: ByteArray) : PlanOffer
}

/**
 * A tapped reminder: its deep link (`PlannedReminder.deepLink`), for the core's
 * `reminderStep`. Each tap is its own object, so the same reminder tapped twice opens twice.
 */
class ReminderTap(val link: String)

/**
 * Turns the times Compose reports into the core's trial stamps (nanoseconds, one clock).
 * On Android Compose's frame time is the Choreographer frame time and a pointer event's
 * uptime is `MotionEvent.getEventTime()`, both on the uptime clock.
 */
interface TrialClock {
    /** Onset: the frame time of the first frame that shows the picture. */
    fun onsetNs(frameTimeNanos: Long): Long

    /**
     * Response: the uptime of the touch that answered, or null for an answer given
     * without a pointer (TalkBack, a key), which is stamped with the clock's now.
     */
    fun responseNs(eventUptimeMillis: Long?): Long
}

/**
 * The stamps exactly as Compose hands them over: the frame clock's time for the onset and
 * the pointer event's uptime for the response. On Android these are the Choreographer
 * frame time and `MotionEvent.getEventTime()`, both on the uptime clock, and `nowNs`
 * reads that clock; Compose's test clock drives both the same way.
 */
class FrameAndTouchClock(private val nowNs: () -> Long) : TrialClock {
    override fun onsetNs(frameTimeNanos: Long): Long = frameTimeNanos

    override fun responseNs(eventUptimeMillis: Long?): Long =
        eventUptimeMillis?.let { it * 1_000_000L } ?: nowNs()
}
