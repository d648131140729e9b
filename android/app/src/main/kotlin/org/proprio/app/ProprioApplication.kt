package org.proprio.app

import android.app.Application
import org.proprio.core.Proprio
import org.proprio.core.WallTime
import java.time.ZoneId

/**
 * Holds the one core object of the process; the Activity and receivers share it. After
 * "Delete all data" the old object refuses every call, and [reopen] puts a fresh one on
 * the same path in its place.
 */
class ProprioApplication : Application() {
    private val dbPath: String by lazy { getDatabasePath("proprio.db").also { it.parentFile?.mkdirs() }.path }

    @Volatile
    private var opened: Proprio? = null

    val core: Proprio
        get() = opened ?: synchronized(this) { opened ?: open().also { opened = it } }

    fun reopen(): Proprio = synchronized(this) { open().also { opened = it } }

    /** Every sentence the core returns comes in the device's language. */
    private fun open(): Proprio =
        Proprio(dbPath, wallNow()).also { it.setLanguage(java.util.Locale.getDefault().toLanguageTag()) }

    val reminders: ReminderScheduler by lazy { ReminderScheduler(this) { core } }

    override fun onCreate() {
        super.onCreate()
        createReminderChannel(this)
    }
}

/** The device's wall time and zone, as every dated core call takes it. */
fun wallNow(): WallTime = WallTime(System.currentTimeMillis(), ZoneId.systemDefault().id)
