package org.proprio.app

import android.Manifest
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.os.SystemClock
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.ui.graphics.asImageBitmap
import androidx.core.content.FileProvider
import org.proprio.core.RenderedImage
import org.proprio.core.SharedExport
import org.proprio.ui.FrameAndTouchClock
import org.proprio.ui.ProprioApp
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

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
        setContent { ProprioApp(app.core, shell, dark = isSystemInDarkTheme()) }
    }

    override fun onResume() {
        super.onResume()
        app.reminders.apply()
    }
}
