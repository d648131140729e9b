# sessions: see core/src/messages/mod.rs
# Guided sessions (core/src/programme/steps/words.rs). Kind, plain, never a demand.
# Body parts as the object of a sentence ("imagine moving your hand").

part-limb = the painful limb
part-hand = your hand
part-foot = your foot
part-back = your back
part-neck = your neck
part-knee = your knee
part-shoulder = your shoulder

step-pain-title = Pain now
step-pain-before = Before you start: how much pain do you feel right now?
step-pain-after = How much pain do you feel now?
step-pain-check-title = Pain check
step-pain-check = How much does it hurt right now? Above { $limit } out of 10 we stop here, and that is fine.
step-continue-title = Next
step-continue = Carry on when you are ready.

scale-pain-min = No pain
scale-pain-max = Worst pain imaginable
scale-vividness-min = No picture at all
scale-vividness-max = As clear as really moving
scale-fear-min = No fear
scale-fear-max = The most fear imaginable

imagery-setup-title = Motor imagery
imagery-setup = You will see { $count } pictures. For each one, imagine moving { $part } into that position, holding it, and moving back. Keep still: only imagine.
imagery-imagine-title = Imagine ({ $repetition } of { $of })
imagery-imagine = Imagine moving { $part } slowly into this position, and hold it there.
imagery-rest-title = Back and rest
imagery-rest = Now imagine moving back, slowly, and rest.
imagery-vividness-title = How clear was it?
imagery-vividness = How clearly could you imagine the movements?

mirror-setup-title = Set up the mirror
mirror-setup = Sit at a table. Which mirror do you have today?
mirror-placement-title = Place the mirror
mirror-placement-box = Put the painful limb inside the mirror box, out of sight, and the other one in front of the mirror. Look only at the reflection.
mirror-placement-phone = Open the phone's selfie camera. Stand the phone on its edge so it hides the painful limb, camera towards the other one, and look at the screen: it shows that limb mirrored.
mirror-movement-one = Move only the limb you can see, slowly, and watch the reflection. The hidden one stays still.
mirror-movement-both = Move both together, slowly, the hidden one only as far as is comfortable. Watch the reflection.
mirror-rest-title = Rest
mirror-rest = Rest for a moment; keep looking at the reflection.
mirror-feeling-title = How did that feel?
mirror-feeling = The mirror can feel odd. How was it for you?

movement-open-close = Open and close the hand
movement-spread-fingers = Spread the fingers
movement-wrist-up-down = Wrist up and down
movement-thumb-to-fingers = Thumb to each fingertip
movement-turn-palm = Turn the palm up and down
movement-toes-curl = Curl and stretch the toes
movement-ankle-up-down = Ankle up and down
movement-ankle-circles = Circle the ankle
movement-foot-in-out = Turn the foot in and out
movement-knee-bend = Bend and straighten the knee
movement-knee-lift = Lift the knee
movement-arm-forward = Raise the arm forward
movement-arm-out = Raise the arm to the side
movement-hand-behind-head = Hand behind the head

textures-setup-passive-touch = Have the { $texture } ready. With your eyes open, stroke it lightly over the painful area, no harder than a feather.
textures-setup-active-movement = Have the { $texture } ready. Stroke it lightly over the painful area while you gently move that part.
textures-setup-temperature = Warm the { $texture } a little (warm water or your hands) or cool it (the fridge), then stroke it lightly over the painful area.
textures-setup-functional-use = Use the { $texture } in an everyday task: dress, dry yourself or hold it, letting it touch the painful area.
textures-touch-title = Touch
textures-touch = Stroke the { $texture } lightly over the area. Stop if it hurts more than { $limit } out of 10.

phase-passive-touch = touch with eyes open
phase-active-movement = moving during touch
phase-temperature = warm and cool
phase-functional-use = everyday use

texture-cotton-ball = cotton ball
texture-silk = silk
texture-soft-towel = soft towel
texture-denim = denim
texture-everyday-clothes = everyday clothes

exposure-expected-title = Expected pain
exposure-expected = How much pain do you expect "{ $activity }" to bring?
exposure-fear-title = Fear now
exposure-fear-before = How afraid are you of "{ $activity }" right now, from 0 to 100?
exposure-fear-after = How afraid are you of "{ $activity }" now, having done it?
exposure-breathing-title = Breathe
exposure-breathing = Breathe in slowly through your nose for four, out through your mouth for six. Let your shoulders drop.
exposure-activity = Now do it, calmly and within the limits you agreed. You can stop at any time. Tap done when you have finished.
exposure-actual-title = Pain during
exposure-actual = How much pain did it actually bring, at its worst?

sensory-setup-title = With a helper
sensory-setup = This drill needs a helper. Make { $part } bare and close your eyes. Helper: hold the phone so it cannot be seen, do what it shows, then enter the answer you hear.
sensory-cue-title = Helper: { $region }
sensory-cue-location = Touch once, lightly, { $region }.
sensory-cue-letter = Draw the letter { $target } with a fingertip, { $region }.
sensory-cue-number = Draw the number { $target } with a fingertip, { $region }.
sensory-cue-blunt = Touch { $region } with something blunt, such as a fingertip.
sensory-cue-sharp = Touch { $region } gently with something sharp, such as a toothpick.
sensory-answer-title = What was it?
sensory-answer-location = Ask: where did you feel the touch?
sensory-answer-letter = Ask: which letter was it?
sensory-answer-number = Ask: which number was it?
sensory-answer-sharpness = Ask: blunt or sharp?

region-upper-left = upper left
region-upper-right = upper right
region-middle-left = middle left
region-middle-right = middle right
region-lower-left = lower left
region-lower-right = lower right

choice-fine = Fine
choice-strange = It felt strange
choice-worse = It made the pain worse
choice-mirror-box = A mirror box
choice-phone = A phone as a mirror
choice-blunt = Blunt
choice-sharp = Sharp

result-completed = Well done: that session is saved.
result-pain-stop = You stopped when the pain went above { $limit } out of 10. That was the right thing to do, and everything so far is saved.
result-stopped = You stopped early. Everything you answered is saved.
result-unfinished = This session was not finished. Everything answered is saved.
result-felt-worse = Feeling worse at first is common. Rest now; if it keeps happening the app will suggest easing back.
offer-next-texture = You managed this texture { $count ->
    [one] once
   *[other] { $count } times in a row
}. Next time, try { $texture }.
offer-next-phase = You have managed every texture. Next: { $phase }, starting again with { $texture }.
offer-ladder-done = You have worked through every texture and every phase. Keep using everyday clothes as you like.
offer-next-exposure = Your fear of this step has come down. When you are ready, the next step is "{ $activity }".
offer-exposure-done = Your fear of the last step has come down too: your ladder is done. You could add a new step.
offer-mirror-more = Next time there are more movements to practise.
offer-mirror-both = Next time both sides move together.

# The countdown of a timed step (core/src/programme/steps/words.rs).
countdown-seconds = { $seconds ->
    [one] 1 second left
   *[other] { $seconds } seconds left
}
countdown-minutes = { $minutes ->
    [one] 1 minute left
   *[other] { $minutes } minutes left
}
countdown-minutes-seconds = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
} left
countdown-done = Time is up
