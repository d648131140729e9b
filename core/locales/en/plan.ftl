# plan: see core/src/messages/mod.rs
# What the patient reads when a new plan from their therapist arrives.

plan-first = Your therapist's plan has arrived.
plan-unchanged = This plan is the same as the one before: nothing changed.
plan-parameter = { $name }: { $from } → { $to }.
plan-target = { $kind }: { $to } a day (was { $from }).
plan-window = Reminders now come between { $window }.
plan-quiet = Quiet hours, with no reminders: { $periods }.
plan-quiet-none = No quiet hours any more: reminders may come at any time in the window.
plan-track-added = { $part } ({ $side }): { $track }.
plan-track-removed = Your { $part } is no longer in the plan.
plan-track-changed = Your { $part } now follows { $track }.
plan-stage-order = { $part }, new order of stages: { $stages }.
plan-stage-locked = { $part }, { $stage }: your therapist asks you to stay in this stage for now.
plan-stage-unlocked = { $part }, { $stage }: no longer locked. You move on when you are ready.
plan-stage-skipped = { $part }, { $stage }: left out of your plan.
plan-stage-resumed = { $part }, { $stage }: back in your plan.
plan-stage-min-days = { $part }, { $stage }: at least { $to } days (was { $from }).
plan-instructions = A note from your therapist: { $text }
plan-instructions-removed = Your therapist's earlier note was removed.

plan-part-hand = Hand
plan-part-foot = Foot
plan-part-back = Back
plan-part-neck = Neck
plan-part-knee = Knee
plan-part-shoulder = Shoulder

plan-track-gmi = graded motor imagery
plan-track-resolve = graded sensory and movement retraining


plan-kind-left-right = Left/right sessions
plan-kind-motor-imagery = Imagined movement sessions
plan-kind-mirror = Mirror sessions
plan-kind-desensitisation = Touch (texture) sessions
plan-kind-exposure = Graded activity sessions
plan-kind-sensory-discrimination = Touch training sessions

param-images_per_session = Pictures per left/right session
param-time_limit_ms = Time per picture (ms)
param-anticipation_ms = Answers faster than this are guesses (ms)
param-feedback_ms = How long right/wrong shows (ms)
param-gate_accuracy = Accuracy needed to move on
param-gate_rt_ms = Answer time needed to move on (ms)
param-gate_sessions = Sessions the move-on check looks at
param-gate_min_days = Different days those sessions need
param-gate_level = Level the move-on check counts from
param-gate_max_anticipations = Share of guesses allowed in a session
param-gate_drop = Largest drop in one session
param-fixation_ms = Cross before each picture (ms)
param-fixation_jitter_ms = Random extra time on the cross (ms)
param-practice_trials = Practice pictures before a session
param-min_days_per_stage = Least days in a stage
param-level_up_sessions = Good sessions before a harder level
param-level_down_sessions = Hard sessions before an easier level
param-level_down_accuracy = Accuracy under which a session was hard
param-level_min_days = Days between level changes
param-stage_gate_sessions = Sessions needed in a stage before moving on
param-stage_gate_days = Different days those sessions must span
param-imagery_gate_vividness = Vividness needed to leave motor imagery (1–5)
param-mirror_gate_calm_sessions = Mirror sessions without feeling worse before moving on
param-flare_baseline_days = Days of pain ratings that make the usual level
param-flare_baseline_ratings = Ratings needed before a flare can be seen
param-flare_sessions = Sessions above the usual pain that make a flare
param-flare_delta = Points above the usual pain that count as a flare
param-flare_felt_worse_days = Days a "felt worse" after mirror practice counts
param-flare_images_per_session = Pictures per left/right session during a flare
param-imagery_pictures = Pictures per motor imagery session
param-imagery_repetitions = Times each posture is imagined
param-imagery_hold_s = Seconds to hold each imagined posture
param-imagery_rest_s = Seconds of rest between repetitions
param-mirror_movement_s = Seconds per mirror movement
param-mirror_rest_s = Seconds of rest between mirror movements
param-mirror_sessions_per_level = Mirror sessions before the next level
param-desensitise_minutes = Minutes of touch practice per session
param-desensitise_check_s = Seconds between pain checks during touch practice
param-desensitise_stop_pain = Pain above which touch practice stops (0–10)
param-desensitise_tolerated_sessions = Calm sessions before the next texture
param-exposure_breathing_s = Seconds of calm breathing before each step
param-exposure_fear_drop = Fear drop that passes an exposure step (fraction)
param-sensory_trials = Prompts per sensory drill session

# Receiving a plan: the plan screen and the preview before it is applied
# (core/src/plan/input.rs, core/src/usecases/plan.rs).

plan-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
plan-from-author-clinic = From { $author }, { $clinic }
plan-from-author = From { $author }
plan-from-clinic = From { $clinic }
plan-from-therapist = From your therapist
plan-written = Written on { $date }
plan-written-received = Written on { $date }; received on { $received }.
plan-preview-question = Use this plan from now on?
plan-preview-confirm = Use this plan
plan-none-yet = No plan from your therapist yet.
plan-history-heading = Plans received
plan-history-item = Received on { $date }, { $source ->
    [code] as a code
   *[file] as a file
}
plan-new-heading = Receive a new plan
plan-way-code = Enter a code
plan-way-code-hint = Type or paste the code your therapist sent you.
plan-way-file = Open a file
plan-way-file-hint = Pick the plan file (.json) you were sent.
plan-way-scan = Scan a QR code
plan-way-scan-hint = Point the camera at the plan's QR code.
plan-code-label = Plan code
plan-code-hint = It starts with { $prefix }
plan-summary-track = { $part } ({ $side }), { $track }: { $stages }.
plan-summary-stage-locked = { $stage } (you stay here for now)
plan-summary-stage-days = { $stage } (at least { $days } days)
plan-summary-skipped = { $part }: left out: { $stages }.
plan-summary-parameter = { $name }: { $value }.
plan-summary-target = { $kind }: { $count } a day.
plan-summary-quiet-none = No quiet hours: reminders may come at any time in the window.
plan-summary-window = Reminders between { $window }.

plan-warning-same = This is the same plan as the one you already use.
plan-warning-older = This plan is dated { $date }, older than the one you use now ({ $in_force }). Check it is the newest one.
plan-warning-dated-ahead = This plan is dated { $date }, after today. Its date may be wrong.
plan-warning-areas = This plan sets which painful body parts you practise for: it replaces the ones in your profile.

plan-error-empty = There is nothing here to read. Paste the whole code, or pick the plan file.
plan-error-too-long = This is much longer than a plan code. Check that only the code was copied.
plan-error-newer-app = This plan needs a newer version of Proprio. Update the app, then try again.
plan-error-not-a-code = This is not a Proprio plan code. A plan code starts with { $prefix }
plan-error-incomplete = This code is not complete — check it was copied whole.
plan-error-mistyped = This code has a typing mistake: a character is wrong or missing. Check it against the one you were sent.
plan-error-damaged = This code is damaged and cannot be read. Ask for a new one.
plan-error-too-large = This file is too large to be a plan. Check you picked the right file.
plan-error-not-text = This file is not a plan (it holds no text). Check you picked the right file.
plan-error-not-a-plan = This file is not a Proprio plan. Check you picked the right file.
plan-error-has-mistakes = This plan has { $count ->
    [one] 1 mistake
   *[other] { $count } mistakes
} your therapist needs to fix. Nothing was changed.
plan-error-does-not-fit = The reminder times in this plan do not fit your quiet hours. Nothing was changed: ask your therapist, or change your quiet hours first.
