package org.proprio.ui

import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.ImageBitmap
import org.proprio.core.Backdrop
import org.proprio.core.GuidedStart
import org.proprio.core.SessionKind
import org.proprio.core.LeftRightSettings
import org.proprio.core.LeftRightStart
import org.proprio.core.NewJournalEntry
import org.proprio.core.NextAction
import org.proprio.core.NextStep
import org.proprio.core.Proprio
import org.proprio.core.StimulusSpec
import org.proprio.core.renderStimulus

/** Where the app is. */
sealed interface Route {
    data object Today : Route
    data class Profile(val first: Boolean) : Route
    data class Session(val start: LeftRightStart) : Route
    data class Guided(val start: GuidedStart) : Route
    data class Summary(val sessionId: Long) : Route
    data class Journal(val sessionId: Long?) : Route
    data object Progress : Route
    /** The graded-exposure ladder: the activities and their fear. */
    data object Ladder : Route
    /** The touch (desensitisation) ladder: the textures, softest first. */
    data object TouchLadder : Route
    /** Each body part's stage and its history, the touch drills by region. */
    data object Programme : Route
    data object Reminders : Route
    data object Delete : Route
    /** The therapist's plan; `offer` is a plan that came from outside (shared, opened). */
    data class Plan(val offer: PlanOffer? = null) : Route
    data object Share : Route
    /**
     * Restoring a backup; `first` when opened from the first-run profile (a new phone),
     * so that Back returns there (a restore goes to Today either way).
     */
    data class Restore(val first: Boolean = false) : Route
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
fun ProprioApp(
    core: Proprio,
    shell: Shell,
    dark: Boolean,
    start: Route? = null,
    incoming: PlanOffer? = null,
    tapped: ReminderTap? = null,
) {
    var open by remember { mutableStateOf(core) }
    key(open) {
        Screens(open, shell, dark, start.takeIf { open === core }, incoming, tapped) {
            open = shell.reopenCore()
            shell.remindersChanged()
        }
    }
}

@Composable
private fun Screens(
    core: Proprio,
    shell: Shell,
    dark: Boolean,
    start: Route?,
    incoming: PlanOffer?,
    tapped: ReminderTap?,
    onDeleted: () -> Unit,
) {
    ProprioTheme(dark) {
        Surface {
            var route by remember { mutableStateOf(start ?: firstRoute(core)) }
            // A plan shared with the app or opened with it goes to the plan screen's preview.
            LaunchedEffect(incoming) { if (incoming != null) route = Route.Plan(incoming) }
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
            // The step a tapped reminder opens is the core's (`reminderStep`), opened as
            // Today's next step is.
            LaunchedEffect(tapped) {
                if (tapped != null) attempt { route = opening(core, shell, core.reminderStep(tapped.link, shell.now())) }
            }
            val today = { route = Route.Today }
            val backdrop = if (dark) Backdrop.DARK else Backdrop.LIGHT
            when (val r = route) {
                Route.Today -> {
                    val part = core.practiceBodyPart()
                    TodayScreen(
                        today = core.today(shell.now()),
                        overview = part?.let { core.leftRightOverview(it, TODAY_HISTORY, shell.now()) },
                        kinds = core.reminderForm().targets,
                        error = error,
                        onNext = { next -> attempt { route = opening(core, shell, next) } },
                        onStart = {
                            attempt {
                                val settings = LeftRightSettings(bodyPart = part ?: error("no body part before onboarding"))
                                route = Route.Session(core.startLeftRight(settings, shell.now()))
                            }
                        },
                        onOpen = { route = destinationRoute(it) },
                    )
                }
                is Route.Profile -> OnboardingScreen(
                    profile = core.profile(),
                    form = core.onboardingForm(),
                    error = error,
                    sample = { spec -> sample(shell, spec, backdrop) },
                    onSave = { update -> attempt { core.updateProfile(update); route = Route.Today } },
                    onBack = today.takeUnless { r.first },
                    // A new phone need not fill in a profile first: its backup brings one.
                    onRestore = { route = Route.Restore(first = true) }.takeIf { r.first },
                )
                is Route.Session -> LeftRightRun(core, shell, r.start, backdrop) { route = Route.Summary(it) }
                is Route.Guided -> GuidedRun(core, shell, r.start, backdrop, onDone = today)
                is Route.Summary -> SummaryScreen(
                    results = core.sessionResults(r.sessionId, shell.now()),
                    onJournal = { route = Route.Journal(r.sessionId) },
                    onDone = today,
                )
                is Route.Journal -> JournalScreen(
                    form = core.journalForm(),
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
                    screen = core.practiceBodyPart()?.let { core.progressCharts(it, shell.now()) },
                    onBack = today,
                )
                Route.Ladder -> LadderRun(core, onBack = today)
                // The textures are the practice body part's; before onboarding, the profile first.
                Route.TouchLadder -> when (val part = core.practiceBodyPart()) {
                    null -> LaunchedEffect(Unit) { route = Route.Profile(first = false) }
                    else -> TextureLadderRun(core, part, onBack = today)
                }
                Route.Programme -> ProgrammeScreen(screen = core.programmeScreen(shell.now()), onBack = today)
                Route.Reminders -> ReminderSettingsScreen(
                    settings = core.reminderSettings(),
                    form = core.reminderForm(),
                    error = error,
                    onSave = { s -> attempt { core.setReminderSettings(s); shell.remindersChanged(); route = Route.Today } },
                    onBack = today,
                )
                Route.Share -> ShareRun(core, shell, onBack = today)
                is Route.Restore -> RestoreRun(
                    core,
                    shell,
                    onRestored = today,
                    onBack = if (r.first) ({ route = Route.Profile(first = true) }) else today,
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
                is Route.Plan -> PlanRun(core, shell, r.offer, onBack = today)
            }
        }
    }
}

/**
 * Where a next step (Today's, or a tapped reminder's) leads: its session started, the
 * profile when the core asks to set up first, Today when there is nothing to start.
 */
private fun opening(core: Proprio, shell: Shell, next: NextStep): Route {
    val kind = next.kind
    val body = next.bodyPart
    return when {
        next.action == NextAction.SET_UP -> Route.Profile(first = false)
        kind == null || body == null -> Route.Today
        kind == SessionKind.LEFT_RIGHT ->
            Route.Session(core.startLeftRight(LeftRightSettings(bodyPart = body, count = next.imagesPerSession), shell.now()))
        else -> Route.Guided(core.startGuided(kind, body, null, shell.now()))
    }
}

private fun firstRoute(core: Proprio): Route =
    if (core.practiceBodyPart() == null) Route.Profile(first = true) else Route.Today

private fun destinationRoute(d: Destination): Route = when (d) {
    Destination.JOURNAL -> Route.Journal(null)
    Destination.PROGRESS -> Route.Progress
    Destination.PROGRAMME -> Route.Programme
    Destination.LADDER -> Route.Ladder
    Destination.TOUCH_LADDER -> Route.TouchLadder
    Destination.REMINDERS -> Route.Reminders
    Destination.PROFILE -> Route.Profile(first = false)
    Destination.DELETE -> Route.Delete
    Destination.PLAN -> Route.Plan()
    Destination.SHARE -> Route.Share
    Destination.RESTORE -> Route.Restore()
}

/** The picture the core picked to show a skin tone. */
private fun sample(shell: Shell, spec: StimulusSpec, backdrop: Backdrop): ImageBitmap? = try {
    shell.picture(renderStimulus(spec, 256u, backdrop))
} catch (e: Exception) {
    null
}
