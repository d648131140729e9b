package org.proprio.app

import android.Manifest
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.os.SystemClock
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.asImageBitmap
import androidx.core.content.FileProvider
import org.proprio.core.RenderedImage
import org.proprio.core.SharedExport
import org.proprio.ui.FrameAndTouchClock
import org.proprio.ui.PlanOffer
import org.proprio.ui.ProprioApp
import org.proprio.ui.ReminderTap
import org.proprio.ui.Shell
import java.io.File

/**
 * The one Activity: the shared screens over the core. Trial onsets are Compose's frame
 * times (the Choreographer's) and responses the touches' MotionEvent times, both on the
 * uptime clock (see FrameAndTouchClock); the reminder plan is applied at launch, on
 * resume and whenever the screens say it changed. Exports are shared through the share
 * sheet (Share.kt) with content URIs from AndroidX's FileProvider (the manifest's
 * provider), which is why that part lives here and not in Share.kt.
 */
class MainActivity : ComponentActivity() {
    private val app get() = application as ProprioApplication

    private val shell = object : Shell {
        override val clock = FrameAndTouchClock { SystemClock.uptimeMillis() * 1_000_000L }
        override fun now() = wallNow()
        override fun picture(image: RenderedImage) = bitmapOf(image).asImageBitmap()
        override fun remindersChanged() = app.reminders.apply()
        override fun reopenCore() = app.reopen()
        override val canScanQr = true
        override fun pickPlanFile(maxBytes: Long, onPicked: (ByteArray?) -> Unit) {
            planFileLimit = maxBytes + 1
            onPlanFile = onPicked
            // Any type: a plan saved by a mail or chat app is often not labelled JSON.
            openDocument.launch(arrayOf("application/json", "text/plain", "application/octet-stream", "*/*"))
        }
        override fun pickBackupFile(maxBytes: Long, onPicked: (String?) -> Unit) {
            backupFileLimit = maxBytes + 1
            onBackupFile = onPicked
            // Any type: a backup saved from a mail or cloud app is often not labelled JSON.
            openBackup.launch(arrayOf("application/json", "application/octet-stream", "*/*"))
        }
        // The copy in the cache is deleted once the restore screen is done with it (Backups.kt).
        override fun backupFileDone(path: String) = Backups.delete(path, cacheDir)
        override fun scanPlanCode(onScanned: (String?) -> Unit) = scanQrCode(this@MainActivity, onScanned)
        override fun exportFolder() = freshExportFolder(this@MainActivity).path
        override fun share(export: SharedExport): String? {
            val uris = export.files.map {
                FileProvider.getUriForFile(this@MainActivity, exportsAuthority(this@MainActivity), File(it.path))
            }
            startActivity(shareChooser(uris, export.mime, "Share with my therapist"))
            return null
        }
    }

    private val askNotifications = registerForActivityResult(ActivityResultContracts.RequestPermission()) { }

    /** The plan file picker's answer goes to the screen that asked, read with the core's bound. */
    private var onPlanFile: ((ByteArray?) -> Unit)? = null
    private var planFileLimit = 0L
    private val openDocument = registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        val callback = onPlanFile ?: return@registerForActivityResult
        onPlanFile = null
        if (uri == null) callback(null) else PlanInputs.readInBackground(contentResolver, uri, planFileLimit, callback)
    }

    /**
     * The backup file picker's answer goes to the restore screen as the path of a bounded
     * copy in the cache (Backups.kt), made off the main thread and handed back on it.
     */
    private var onBackupFile: ((String?) -> Unit)? = null
    private var backupFileLimit = 0L
    private val openBackup = registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        val callback = onBackupFile ?: return@registerForActivityResult
        onBackupFile = null
        if (uri == null) callback(null) else Backups.copyInBackground(contentResolver, uri, cacheDir, backupFileLimit, callback)
    }

    /** A plan shared with the app or opened with it (VIEW or SEND), for the plan screen. */
    private var incoming by mutableStateOf<PlanOffer?>(null)

    /** A tapped reminder, for the session it opens. */
    private var tapped by mutableStateOf<ReminderTap?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
        if (savedInstanceState == null) {
            // A backup copy left behind by a process ended mid-restore.
            Backups.clear(cacheDir)
            take(intent)
        }
        setContent { ProprioApp(app.core, shell, dark = isSystemInDarkTheme(), incoming = incoming, tapped = tapped) }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        take(intent)
    }

    /**
     * What an intent carries: a tapped reminder's link, for the session it opens; for the
     * plan screen, a shared code's text at once, a document's bytes once read off the main
     * thread.
     */
    private fun take(intent: Intent?) {
        intent ?: return
        tappedReminderLink(intent)?.let {
            tapped = ReminderTap(it)
            return
        }
        PlanInputs.sharedText(intent)?.let {
            incoming = PlanOffer.Code(it)
            return
        }
        val uri = PlanInputs.sharedDocument(intent) ?: return
        val limit = app.core.planScreen().maxFileBytes.toLong() + 1
        PlanInputs.readInBackground(contentResolver, uri, limit) { bytes -> bytes?.let { incoming = PlanOffer.File(it) } }
    }

    override fun onResume() {
        super.onResume()
        app.reminders.apply()
    }
}
