package org.proprio.ui

import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.ImageBitmap
import org.proprio.core.BodyPart
import org.proprio.core.StimulusContext
import org.proprio.core.LeftRightSettings
import org.proprio.core.LeftRightStart
import org.proprio.core.NewJournalEntry
import org.proprio.core.Posture
import org.proprio.core.Proprio
import org.proprio.core.Side
import org.proprio.core.StimulusSpec
import org.proprio.core.View
import org.proprio.core.renderStimulus

/** Where the app is. */
sealed interface Route {
    data object Today : Route
    data class Profile(val first: Boolean) : Route
    data class Session(val start: LeftRightStart) : Route
    data class Summary(val sessionId: Long) : Route
    data class Journal(val sessionId: Long?) : Route
    data object Progress : Route
    data object Reminders : Route
    data object Delete : Route
}

/** Sessions the Today and Progress screens read (all of them on Progress). */
private const val TODAY_HISTORY = 30u

/**
 * The whole app over one core: each screen draws what the core returns for it and sends
 * the patient's actions back. `start` opens a given screen (the tests and screenshots use
 * it; the apps start at Today, or the profile on first run). After "Delete all data" the
 * app goes on over the fresh core the shell opens (`Shell.reopenCore`), from the start.
 */
@Composable
fun ProprioApp(core: Proprio, shell: Shell, dark: Boolean, start: Route? = null) {
    var open by remember { mutableStateOf(core) }
    key(open) {
        Screens(open, shell, dark, start.takeIf { open === core }) {
            open = shell.reopenCore()
            shell.remindersChanged()
        }
    }
}

@Composable
private fun Screens(core: Proprio, shell: Shell, dark: Boolean, start: Route?, onDeleted: () -> Unit) {
    ProprioTheme(dark) {
        Surface {
            var route by remember { mutableStateOf(start ?: firstRoute(core)) }
            var error by remember(route) { mutableStateOf<String?>(null) }
            // Runs a core call; a refusal is shown on the screen as the core worded it.
            fun attempt(action: () -> Unit) {
                try {
                    action()
                    error = null
                } catch (e: Exception) {
                    error = describe(e)
                }
            }
            val today = { route = Route.Today }
            when (val r = route) {
                Route.Today -> {
                    val part = core.profile().affected.firstOrNull()?.bodyPart
                    TodayScreen(
                        today = core.remindersToday(shell.now()),
                        overview = part?.let { core.leftRightOverview(it, TODAY_HISTORY, shell.now()) },
                        error = error,
                        onStart = {
                            attempt {
                                val settings = LeftRightSettings(bodyPart = part ?: BodyPart.HAND)
                                route = Route.Session(core.startLeftRight(settings, shell.now()))
                            }
                        },
                        onOpen = { route = destinationRoute(it) },
                    )
                }
                is Route.Profile -> OnboardingScreen(
                    profile = core.profile(),
                    error = error,
                    sample = { tone -> sample(shell, tone) },
                    onSave = { update -> attempt { core.updateProfile(update); route = Route.Today } },
                    onBack = today.takeUnless { r.first },
                )
                is Route.Session -> LeftRightRun(core, shell, r.start) { route = Route.Summary(it) }
                is Route.Summary -> SummaryScreen(
                    results = core.sessionResults(r.sessionId, shell.now()),
                    onJournal = { route = Route.Journal(r.sessionId) },
                    onDone = today,
                )
                is Route.Journal -> JournalScreen(
                    entries = core.journalEntries(),
                    error = error,
                    onAdd = { d ->
                        attempt {
                            core.addJournalEntry(NewJournalEntry(shell.now(), d.pain, d.fear, d.medication, d.note, r.sessionId))
                            route = Route.Today
                        }
                    },
                    onBack = today,
                )
                Route.Progress -> ProgressScreen(
                    overview = core.leftRightOverview(core.profile().affected.firstOrNull()?.bodyPart ?: BodyPart.HAND, null, shell.now()),
                    onBack = today,
                )
                Route.Reminders -> ReminderSettingsScreen(
                    settings = core.reminderSettings(),
                    error = error,
                    onSave = { s -> attempt { core.setReminderSettings(s); shell.remindersChanged(); route = Route.Today } },
                    onBack = today,
                )
                Route.Delete -> DeleteDataScreen(
                    status = core.status(),
                    error = error,
                    onDelete = {
                        attempt {
                            core.deleteAllData()
                            onDeleted()
                        }
                    },
                    onBack = today,
                )
            }
        }
    }
}

private fun firstRoute(core: Proprio): Route =
    if (core.profile().affected.isEmpty()) Route.Profile(first = true) else Route.Today

private fun destinationRoute(d: Destination): Route = when (d) {
    Destination.JOURNAL -> Route.Journal(null)
    Destination.PROGRESS -> Route.Progress
    Destination.REMINDERS -> Route.Reminders
    Destination.PROFILE -> Route.Profile(first = false)
    Destination.DELETE -> Route.Delete
}

/** An upright open right hand at a skin tone, for choosing the tone. */
private fun sample(shell: Shell, tone: UByte): ImageBitmap? = try {
    val spec = StimulusSpec(BodyPart.HAND, Side.RIGHT, View.BACK, Posture.FLAT, 0u, tone, StimulusContext.NONE, 0u)
    shell.picture(renderStimulus(spec, 256u))
} catch (e: Exception) {
    null
}
