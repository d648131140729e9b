# left-right: see core/src/messages/mod.rs

## The stage-1 gate's verdict: one sentence from its first blocker, then the trend.
## $side, $slow, $fast are "left" or "right"; times and percentages come formatted.

gate-ready = Ready for the next stage: explicit motor imagery. Talk it over with your therapist.
gate-too-few-sessions = Not yet: { $more ->
        [one] 1 more complete session
       *[other] { $more } more complete sessions
    } to go ({ $need } in all, on at least { $days } different days).
gate-too-few-days = Not yet: your last { $sessions } sessions were on { $have ->
        [one] 1 day
       *[other] { $have } days
    }; spread them over at least { $need } different days.
gate-accuracy-one = Not yet: your { $side } side is at { $percent } % correct; the goal is { $goal } % on both sides.
gate-accuracy-both = Not yet: { $left } % correct on the left and { $right } % on the right; the goal is { $goal } % on both sides.
gate-slower-one = Not yet: your { $slow } side is { $gap } slower than your { $fast } ({ $time } against a goal of { $goal }).
gate-slower-both = Not yet: answers take { $left } on the left and { $right } on the right; the goal is { $goal } on both sides.
gate-level = Not yet: the gate counts sessions at level { $need }; your recent sessions went down to level { $level }. The pictures get harder as your answers stay accurate and quick.
gate-anticipations = Not yet: { $sessions ->
        [one] one of your last sessions
       *[other] { $sessions } of your last sessions
    } had many answers faster than a picture can be judged. Take the moment to look at each picture before you answer.
gate-drop = Not yet: one of your last sessions dropped to { $percent } % correct on the { $side }. A few steady sessions will show it was a one-off.
gate-min-days = Nearly there: accuracy and speed are at the goal on both sides. Stage 1 lasts at least { $need } days; today is day { $day }.
gate-trend = Your last { $count } sessions on the { $side }: { $values }.
time-seconds = { $seconds } s
time-ms = { $ms } ms
time-no-correct-answers = no correct answers
