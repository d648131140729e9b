package org.proprio.desktop

import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import org.proprio.ui.ProprioApp
import java.io.File

/**
 * The phone's screens in a desktop window, over the real core. The database is the
 * first argument, else $PROPRIO_DB, else ~/.local/share/proprio/proprio.db.
 * PROPRIO_DARK=1 draws the dark theme.
 */
fun main(args: Array<String>) {
    val db = File(
        args.firstOrNull() ?: System.getenv("PROPRIO_DB")
            ?: "${System.getProperty("user.home")}/.local/share/proprio/proprio.db",
    )
    db.absoluteFile.parentFile.mkdirs()
    val shell = DesktopShell(db.absolutePath)
    val dark = System.getenv("PROPRIO_DARK") == "1"
    application {
        Window(
            onCloseRequest = { shell.core.close(); exitApplication() },
            title = "Proprio",
            state = rememberWindowState(size = DpSize(411.dp, 891.dp)),
        ) {
            ProprioApp(shell.core, shell, dark)
        }
    }
}
