package org.proprio.app

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import org.proprio.core.PendingNotification
import org.proprio.core.PlannedReminder
import org.proprio.core.Proprio
import org.proprio.core.SnoozeChoice
import org.proprio.core.reminderPlanDays

private const val CHANNEL = "practice"
private const val ACTION_FIRE = "org.proprio.app.REMINDER"
private const val ACTION_SNOOZE = "org.proprio.app.SNOOZE"
private const val EXTRA_ID = "id"
private const val EXTRA_OS_ID = "os_id"
private const val EXTRA_TITLE = "title"
private const val EXTRA_BODY = "body"
private const val EXTRA_LINK = "link"
private const val EXTRA_MINUTES = "minutes"

fun createReminderChannel(context: Context) {
    val channel = NotificationChannel(CHANNEL, "Practice reminders", NotificationManager.IMPORTANCE_DEFAULT)
    context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
}

/**
 * Applies the core's reminder plan to AlarmManager (inexact alarms: no exact-alarm
 * permission, the planner's jitter makes exactness moot). AlarmManager cannot list what
 * it holds, so what was scheduled is remembered in preferences and handed back to the
 * core as the pending list; the core's diff says what to cancel and what to schedule.
 */
class ReminderScheduler(private val context: Context, private val core: () -> Proprio) {
    private val alarms = context.getSystemService(AlarmManager::class.java)
    private val held = context.getSharedPreferences("scheduled_reminders", Context.MODE_PRIVATE)

    /** At launch, on resume, after each session, after a settings change and a reboot. */
    fun apply() {
        val pending = held.all.mapNotNull { (id, at) -> (at as? Long)?.let { PendingNotification(id, it) } }
        val diff = core().planReminders(wallNow(), reminderPlanDays(), pending).diff
        val edit = held.edit()
        for (id in diff.toCancel) {
            alarms.cancel(fireIntent(context, id, 0, null))
            edit.remove(id)
        }
        for (r in diff.toSchedule) {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, r.fireAtMs, fireIntent(context, r.id, r.osId, r))
            edit.putLong(r.id, r.fireAtMs)
        }
        edit.apply()
    }

    /** After a reboot or an update AlarmManager may hold nothing: start again from empty. */
    fun rescheduleAll() {
        for (id in held.all.keys) alarms.cancel(fireIntent(context, id, 0, null))
        held.edit().clear().apply()
        apply()
    }

    internal fun fired(id: String) = held.edit().remove(id).apply()

    internal fun schedule(r: PlannedReminder) {
        alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, r.fireAtMs, fireIntent(context, r.id, r.osId, r))
        held.edit().putLong(r.id, r.fireAtMs).apply()
    }
}

/** The alarm for one reminder; the same id always gives the same PendingIntent. */
private fun fireIntent(context: Context, id: String, osId: Int, r: PlannedReminder?): PendingIntent {
    val intent = Intent(context, ReminderReceiver::class.java).setAction(ACTION_FIRE)
        .setData(Uri.parse("proprio-reminder:$id"))
    if (r != null) {
        intent.putExtra(EXTRA_ID, r.id).putExtra(EXTRA_OS_ID, osId).putExtra(EXTRA_TITLE, r.title)
            .putExtra(EXTRA_BODY, r.body).putExtra(EXTRA_LINK, r.deepLink)
    }
    return PendingIntent.getBroadcast(context, 0, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
}

/** Shows a reminder when its alarm fires, and takes its snooze actions to the core. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val app = context.applicationContext as ProprioApplication
        val id = intent.getStringExtra(EXTRA_ID) ?: return
        val osId = intent.getIntExtra(EXTRA_OS_ID, 0)
        val notifications = context.getSystemService(NotificationManager::class.java)
        when (intent.action) {
            ACTION_FIRE -> {
                app.reminders.fired(id)
                if (!mayNotify(context)) return
                notifications.notify(osId, reminderNotification(context, intent, id, osId, app.core.snoozeChoices()))
                app.core.reportReminderDelivered(id, wallNow())
            }
            ACTION_SNOOZE -> {
                notifications.cancel(osId)
                // Every snooze action carries its minutes; one without them is not ours.
                if (!intent.hasExtra(EXTRA_MINUTES)) return
                app.core.snoozeReminder(id, intent.getIntExtra(EXTRA_MINUTES, 0), wallNow())?.let(app.reminders::schedule)
            }
        }
    }
}

private fun mayNotify(context: Context): Boolean =
    Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
        context.checkSelfPermission(android.Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED

/** The reminder as a notification, with one snooze action per length the core offers. */
private fun reminderNotification(context: Context, fired: Intent, id: String, osId: Int, snoozes: List<SnoozeChoice>): Notification {
    // The deep link, resolved by the Activity's intent filter within this app.
    val open = Intent(Intent.ACTION_VIEW, Uri.parse(fired.getStringExtra(EXTRA_LINK))).setPackage(context.packageName)
    val builder = Notification.Builder(context, CHANNEL)
        .setSmallIcon(android.R.drawable.ic_popup_reminder)
        .setContentTitle(fired.getStringExtra(EXTRA_TITLE))
        .setContentText(fired.getStringExtra(EXTRA_BODY))
        .setAutoCancel(true)
        .setContentIntent(PendingIntent.getActivity(context, osId, open, PendingIntent.FLAG_IMMUTABLE))
    for ((i, choice) in snoozes.withIndex()) {
        val snooze = Intent(context, ReminderReceiver::class.java).setAction(ACTION_SNOOZE)
            .setData(Uri.parse("proprio-reminder:$id/${choice.minutes}"))
            .putExtra(EXTRA_ID, id).putExtra(EXTRA_OS_ID, osId).putExtra(EXTRA_MINUTES, choice.minutes)
        val pending = PendingIntent.getBroadcast(context, osId * 4 + i, snooze, PendingIntent.FLAG_IMMUTABLE)
        builder.addAction(Notification.Action.Builder(null, choice.label, pending).build())
    }
    return builder.build()
}

/**
 * Alarms do not survive a reboot (nor, on some devices, an update): schedule them again.
 * A zone change only needs a new plan, which the core makes for the new zone.
 */
class BootReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val reminders = (context.applicationContext as ProprioApplication).reminders
        if (intent.action == Intent.ACTION_TIMEZONE_CHANGED) reminders.apply() else reminders.rescheduleAll()
    }
}

/**
 * The deep link of a tapped reminder (the notification's content intent, a VIEW of the
 * `proprio` scheme the manifest declares), for the core's `reminderStep`; null for any
 * other intent. The core reads and checks the link.
 */
fun tappedReminderLink(intent: Intent): String? =
    if (intent.action == Intent.ACTION_VIEW && intent.data?.scheme == "proprio") intent.dataString else null
