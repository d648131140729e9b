# programme: the stage machine, the flare rule and today (core/src/programme/words.rs).
# Kind and plain; never a demand, never "push through".

stage-left-right = left/right judgement
stage-motor-imagery = motor imagery
stage-mirror = mirror therapy
stage-sensory-discrimination = sensory discrimination
stage-graded-movement = graded movement

programme-kind-left-right = left/right pictures
programme-kind-motor-imagery = motor imagery
programme-kind-mirror = mirror therapy
programme-kind-desensitisation = touch practice
programme-kind-exposure = graded movement
programme-kind-sensory-discrimination = touch and sensing with a helper

programme-part-hand = hand
programme-part-foot = foot
programme-part-back = back
programme-part-neck = neck
programme-part-knee = knee
programme-part-shoulder = shoulder

# Staying: one sentence for the first blocker.
stage-stay-sessions = Stay with { $stage } for now: { $more ->
    [one] 1 more complete session
   *[other] { $more } more complete sessions
} to go ({ $need } in all).
stage-stay-days = Stay with { $stage } for now: spread your sessions over at least { $need } different days (so far { $have }).
stage-stay-vividness = Stay with { $stage } for now: your recent sessions were rated { $median } of 5 for how clear the movements felt; the goal is { $need }. It gets easier with practice.
stage-stay-felt-worse = Stay with { $stage } for now: a recent session felt worse, and { $more ->
    [one] 1 more calm session
   *[other] { $more } more calm sessions
} will show it has settled.
stage-stay-days-in-stage = Stay with { $stage } for now: each stage lasts at least { $need } days, and today is day { $day }. Going slowly is what makes it work.
stage-stay-last = You are at the last stage, { $stage }. Keep going at your own pace.
stage-stay-lr-accuracy = Stay with { $stage } for now: the goal is { $goal } % correct on both sides.
stage-stay-lr-speed = Stay with { $stage } for now: the goal is an answer within { $seconds } s on both sides.
stage-stay-lr-guessing = Stay with { $stage } for now: take a moment to look at each picture before you answer.
stage-stay-lr-drop = Stay with { $stage } for now: a few steady sessions will show that your last dip was a one-off.
stage-stay-lr-level = Stay with { $stage } for now: moving on counts sessions at level { $need }; the pictures get harder as you go.
stage-locked = Your therapist has asked you to stay with { $stage } for now.
stage-advance = Well done: you are ready to move from { $from } to { $to }. Take the new stage gently.
stage-moved-on = Well done: today you move on to { $to }. Take it gently.

# Easing back during a flare: the first sentence always, then each suggestion that applies.
stage-ease-back = This is a time to ease back, so the app will not move you on for now. Early worsening is common, and it is fine to ease off.
stage-ease-pictures = Left/right sessions are shorter for now: { $images } pictures.
stage-ease-level = Easier pictures (level { $level }) are fine too.
stage-ease-stage = You can also go back to { $stage } for a while.

# The history: one sentence per stored transition.
transition-started = Started with { $to }.
transition-therapist-lock = Your therapist chose { $to } for you.
transition-plan-changed = Your plan moved you from { $from } to { $to }.
transition-gate-passed = Moved from { $from } to { $to } after { $days } days: its goals were met.
transition-flare-began = Pain was above your usual: time to ease back in { $stage }.
transition-flare-began-felt-worse = A mirror session felt worse: time to ease back in { $stage }.
transition-flare-ended = Pain was back near your usual: back on track in { $stage }.

# Safety messages.
safety-flare-pain = Your pain has been higher than your usual ({ $baseline }) over your last { $sessions } sessions. Early worsening is common, and it is fine to ease off: you never need to push through pain. If it keeps rising or worries you, talk to your clinician.
safety-flare-felt-worse = You said a recent mirror session felt worse. That is common early on, and it is fine to ease off. If it keeps happening or worries you, talk to your clinician.
safety-check-first = Before you start: if you have marked memory or concentration problems, major problems with your sight, or overwhelming anxiety or low mood, check with a clinician first. This app does not diagnose.

# What to do next.
today-set-up = Tell the app which part of you hurts to get started.
today-next = Next: { $kind } ({ $part }). { $done } of { $target } done today.
today-next-untargeted = Next: { $kind } ({ $part }).
today-next-gently = Next, gently: { $kind } ({ $part }).
today-done = That is today's practice done. Rest is part of it too.
