# reminders: see core/src/messages/mod.rs

## What a reminder says: kind and encouraging, never a demand; it names the session kind.
## $kind is the session kind's code. Bodies come in three variants, picked by the slot's
## seed, so the wording stays put across re-plans but does not repeat word for word.

reminder-kind = { $kind ->
        [left-right] left/right practice
        [motor-imagery] motor imagery
        [mirror] mirror practice
        [desensitisation] touch practice
        [exposure] your next step
       *[sensory-discrimination] touch discrimination
    }
reminder-title = Time for { reminder-kind }
reminder-title-snoozed = Ready now? { reminder-kind }
reminder-body-0 = { $kind ->
        [left-right] A couple of minutes of left or right pictures, at your own pace.
        [motor-imagery] Imagine the movement slowly, a few times each. No need to move.
        [mirror] A few minutes with the mirror, moving your other side gently.
        [desensitisation] A few minutes with your texture, light touch only. Stop above 3 out of 10.
        [exposure] When you feel ready, try your next step, within your limits.
       *[sensory-discrimination] A few minutes of touch guessing with your helper.
    }
reminder-body-1 = { $kind ->
        [left-right] Short and regular is what helps. A few pictures whenever you are ready.
        [motor-imagery] A few minutes of imagined movement, gently and at your pace.
        [mirror] Mirror time: slow, easy movements, stop whenever you like.
        [desensitisation] Gentle touch practice when you are ready. Easy does it.
        [exposure] A small step today counts. Take a breath first.
       *[sensory-discrimination] Short touch practice with your helper, whenever suits you both.
    }
reminder-body-2 = { $kind ->
        [left-right] Your brain practises a little every time. Two minutes is plenty.
        [motor-imagery] Picture the pose and ease back out of it. Short is fine.
        [mirror] A short, calm mirror session when you have a moment.
        [desensitisation] Light touch for a few minutes, at a level that feels safe.
        [exposure] Your next step is waiting, at your pace and within your plan.
       *[sensory-discrimination] A quick round of touch discrimination when your helper is free.
    }
