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

plan-stage-left-right = left/right judgement
plan-stage-motor-imagery = imagined movements
plan-stage-mirror = mirror therapy
plan-stage-sensory-discrimination = touch training with a helper
plan-stage-graded-movement = graded movement

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
