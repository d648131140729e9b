package org.proprio.desktop

import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.Handedness
import org.proprio.core.LeftRightSettings
import org.proprio.core.NewJournalEntry
import org.proprio.core.ProfileUpdate
import org.proprio.core.Proprio
import org.proprio.core.SessionKind
import org.proprio.core.SessionStep
import org.proprio.core.Side
import org.proprio.core.StepAnswer
import org.proprio.core.StepPurpose
import org.proprio.core.WallTime
import org.proprio.ui.FrameAndTouchClock
import org.proprio.ui.Shell
import java.nio.file.Files
import java.time.ZoneId
import java.time.ZonedDateTime

const val ZONE = "Europe/London"

/** 10:00 in London on a fixed day, so every run draws the same Today. */
val TODAY_MS: Long = ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of(ZONE)).toInstant().toEpochMilli()
const val DAY_MS = 86_400_000L

/**
 * A shell for the tests: a fixed wall clock, and Compose's own stamps for the trials
 * (frame time and pointer uptime, as on Android), which the test clock drives. An answer
 * given without a pointer (TalkBack) is stamped with `uptimeNs`, which a UI test points
 * at its own clock (`mainClock`); the screenshots never answer. Owns the core, as the
 * apps' shells do, so that it can open a fresh one after "Delete all data".
 */
class TestShell(private val dbPath: String, var nowMs: Long = TODAY_MS, private val exports: String? = null) : Shell {
    var uptimeNs: () -> Long = { error("this test answered without a pointer but set no uptimeNs") }
    override val clock = FrameAndTouchClock { uptimeNs() }
    override fun now() = WallTime(nowMs, ZONE)
    override fun picture(image: org.proprio.core.RenderedImage) = skiaPicture(image)

    /** Sharing saves into the fixture's own folder, as the desktop app saves into the one picked. */
    override fun exportFolder() = exports
    override val shareLabel = "Save to a folder"
    override fun share(export: org.proprio.core.SharedExport) = "Saved in $exports"

    /** What the restore screen's "choose the file" picks (as the desktop's dialog gives a path). */
    var backupFile: String? = null
    /** The paths the restore screen handed back when done with them. */
    val backupsDone = mutableListOf<String>()
    override fun pickBackupFile(maxBytes: Long, onPicked: (String?) -> Unit) = onPicked(backupFile)
    override fun backupFileDone(path: String) {
        backupsDone += path
    }
    /** How often the screens asked to re-plan the reminders. */
    var replans = 0
        private set
    override fun remindersChanged() {
        replans++
    }

    var core = Proprio(dbPath, now())
        private set
    var reopened = 0
        private set
    override fun reopenCore(): Proprio {
        core = Proprio(dbPath, now())
        reopened++
        return core
    }
}

/** A fresh database in a temporary folder, with a profile: left hand painful (or `areas`; none, no profile). */
class Fixture(areas: List<AffectedArea> = listOf(AffectedArea(BodyPart.HAND, Side.LEFT))) {
    val dir = Files.createTempDirectory("proprio-compose-test")
    val dbPath = dir.resolve("proprio.db").toString()
    /** Where the share screen saves exports (made by the core on the first one). */
    val exports = dir.resolve("exports")
    val shell = TestShell(dbPath, exports = exports.toString())
    /** The shell's current core (a new object after "Delete all data"). */
    val core get() = shell.core

    init {
        // No areas: a new phone, before onboarding.
        if (areas.isNotEmpty()) core.updateProfile(ProfileUpdate(areas, Handedness.RIGHT, 3u))
    }

    /**
     * Plays `perDay` sessions of 20 pictures on each of the `days` days before today,
     * through the core: mostly right, the left side slower, so the charts have shape.
     */
    fun history(days: Int, perDay: Int) {
        for (d in days downTo 1) for (s in 0 until perDay) {
            val at = WallTime(TODAY_MS - d * DAY_MS + s * 3_600_000L, ZONE)
            val start = core.startLeftRight(LeftRightSettings(BodyPart.HAND, count = 20u, seed = (d * 10 + s).toULong()), at)
            var prompt = start.first
            var t = 1_000_000_000L
            while (true) {
                val side = prompt.stimulus.side
                val rtMs = (if (side == Side.LEFT) 1_700L else 1_300L) - d * 60L + prompt.position.toLong() * 7
                val answer = if (prompt.position % 9u == 0u) opposite(side) else side
                val outcome = core.answerTrial(start.session.id, prompt.index, t, t + rtMs * 1_000_000, answer)
                t += 5_000_000_000L
                prompt = outcome.next ?: break
            }
            core.finishSession(start.session.id, WallTime(at.unixMs + 600_000, ZONE))
        }
    }

    /**
     * Pain that rose over the last three days: one recorded session a day for six days,
     * each with a linked journal rating, 2 then 6, so the core's flare rule sees the
     * latest sessions well above the patient's own baseline.
     */
    fun flare() {
        for (d in 6 downTo 1) {
            val at = WallTime(TODAY_MS - d * DAY_MS, ZONE)
            val session = core.startSession(SessionKind.MOTOR_IMAGERY, BodyPart.HAND, d.toULong(), at)
            core.finishSession(session.id, WallTime(at.unixMs + 600_000, ZONE))
            val pain: UByte = if (d > 3) 2u else 6u
            core.addJournalEntry(NewJournalEntry(WallTime(at.unixMs + 660_000, ZONE), pain, null, false, "", session.id))
        }
    }

    /**
     * A share code as a therapist would send it: the core's template for this patient,
     * signed, with `images` pictures a session and a note; `lockImagery` locks the
     * patient in motor imagery.
     */
    fun therapistPlan(images: Int = 30, lockImagery: Boolean = false): String {
        var json = core.planTemplate(shell.now())
            .replace("\"created\": ", "\"author\": \"A. Therapist\",\n  \"clinic\": \"Pain Clinic\",\n  \"created\": ")
            .replace(Regex("\"images_per_session\": \\d+"), "\"images_per_session\": $images")
        if (lockImagery) json = json.replace("\"stage\": \"motor-imagery\"", "\"locked\": true, \"stage\": \"motor-imagery\"")
        json = json.trimEnd().removeSuffix("}") + ",\n  \"instructions\": \"Three short sessions a day. Stop if the pain rises.\"\n}"
        return org.proprio.core.planToCode(json)
    }

    /** Three activities on the exposure ladder, a long one among them, through the core. */
    fun ladder() {
        core.addExposureStep("Carry a shopping bag", 60u)
        core.addExposureStep("Open a jar with the left hand", 35u)
        core.addExposureStep("Hang out the washing, both arms above the shoulders, for ten minutes", 85u)
    }

    /**
     * One guided session of `kind` on each of the `days` days before today, answered
     * through the core's guided API as a patient would: pain 2 before, during and after
     * (calm: the touch ladder moves on), fear 10 (0–100), every timer run out; a sensory
     * drill's right answer on two steps in three, so the regions differ.
     */
    fun guided(kind: SessionKind, part: BodyPart, days: Int) {
        for (d in days downTo 1) {
            var at = TODAY_MS - d * DAY_MS + 3 * 3_600_000L
            val start = core.startGuided(kind, part, d.toULong(), WallTime(at, ZONE))
            var step: SessionStep = start.first
            var target: String? = null
            var asked = 0
            while (true) {
                step.sensory?.let { target = it.target }
                val rating = step.rating
                val answer = when {
                    rating != null -> StepAnswer.Rating(if (rating.max > 10u) rating.min + 10u else rating.min + 2u)
                    step.purpose == StepPurpose.PATIENT_ANSWER -> {
                        val right = target
                        val wrong = step.choices.first { it.id != right }.id
                        StepAnswer.Choice(if (right != null && asked++ % 3 != 2) right else wrong)
                    }
                    step.choices.isNotEmpty() -> StepAnswer.Choice(step.choices[0].id)
                    else -> StepAnswer.Done
                }
                at += 2_000L + (step.timer?.seconds?.toLong() ?: 0L) * 1_000L
                step = core.answerStep(step.sessionId, step.index, answer, WallTime(at, ZONE)).next ?: break
            }
            core.finishGuided(start.session.id, WallTime(at + 1_000L, ZONE))
        }
    }

    fun journal(pain: Int, note: String, daysAgo: Int) {
        core.addJournalEntry(NewJournalEntry(WallTime(TODAY_MS - daysAgo * DAY_MS, ZONE), pain.toUByte(), 3u, daysAgo % 2 == 0, note, null))
    }

    fun close() {
        core.close()
        dir.toFile().deleteRecursively()
    }
}

fun opposite(side: Side) = if (side == Side.LEFT) Side.RIGHT else Side.LEFT
