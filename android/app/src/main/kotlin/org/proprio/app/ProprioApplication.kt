package org.proprio.app

import android.app.Application
import org.proprio.core.Proprio
import org.proprio.core.WallTime
import java.time.ZoneId

/** Holds the one core object of the process; the Activity and receivers share it. */
class ProprioApplication : Application() {
    val core: Proprio by lazy { Proprio(getDatabasePath("proprio.db").also { it.parentFile?.mkdirs() }.path, wallNow()) }
    val reminders: ReminderScheduler by lazy { ReminderScheduler(this, core) }

    override fun onCreate() {
        super.onCreate()
        createReminderChannel(this)
    }
}

/** The device's wall time and zone, as every dated core call takes it. */
fun wallNow(): WallTime = WallTime(System.currentTimeMillis(), ZoneId.systemDefault().id)
