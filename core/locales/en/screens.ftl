# screens: see core/src/messages/mod.rs

## What the app's screens say, from the records the core returns. Choices are named by
## their code ($part, $side, $kind, $state); numbers come formatted.

body-part = { $part ->
        [hand] Hand
        [foot] Foot
        [back] Back
        [neck] Neck
        [knee] Knee
       *[shoulder] Shoulder
    }
side-name = { $side ->
        [left] Left
       *[right] Right
    }
side-heading-affected = { side-name } (painful side)
sides-choice = { $sides ->
        [left] Left
        [right] Right
       *[both] Both sides
    }
handedness = { $hand ->
        [left] Left
        [right] Right
       *[mixed] Either, or both
    }
session-kind = { $kind ->
        [left-right] Left/right pictures
        [motor-imagery] Motor imagery
        [mirror] Mirror practice
        [desensitisation] Touch practice
        [exposure] Graded exposure
       *[sensory-discrimination] Touch discrimination
    }
percent = { $value } %
seconds = { $seconds } s
no-value = –
value-range = { $from } – { $to }
minutes = { $count } min

## The left/right session.
trial-progress = Picture { $position } of { $total }
trial-progress-practice = Practice picture { $position } of { $total }
trial-picture = Picture { $position } of { $total }: is it a left or a right?
feedback-correct = ✓ Correct
feedback-wrong = ✗ Not this time
feedback-timed-out = ⏱ Time is up
feedback-too-quick = ✋ Too quick: look at the picture first

## The summary after a session.
summary-title = { $state ->
        [completed] Session complete
        [aborted] Session stopped early
        [interrupted] Session interrupted
       *[running] Session running
    }
level = Level { $level }
fact-correct = Correct
fact-correct-value = { $correct } of { $n } ({ $percent })
fact-median-time = Median time
fact-middle-half = Middle half of times
fact-too-quick = Too quick
fact-timed-out = Time ran out

## Today and progress.
left-right-heading = Left/right: { body-part }, level { $level }
progress-title = Progress: { body-part }
chart-accuracy = Correct answers
chart-response-time = Median response time
chart-goal = goal { $value }
chart-day = { $day }/{ $month }
chart-description = { $title } by day, goal { $goal }; { $days ->
        [0] no sessions yet.
       *[other] on { $last }, left { $left }, right { $right }.
    }
gate-facts = The gate: your last { $sessions } sessions
fact-sessions = Sessions
fact-days = Different days
fact-days-in-stage = Days at this stage
fact-of = { $have } of { $need }
fact-side-result = { side-name }: correct, time
fact-result-value = { $percent }, { $time }
fact-group = { side-name }, { $group }
recent-by-angle = By rotation (recent sessions)
recent-by-direction = By direction (recent sessions)
direction = { $direction ->
        [upright] Upright
        [inverted] Upside down
        [medial] Towards the body (medial)
       *[lateral] Away from the body (lateral)
    }

## Onboarding.
onboarding-code = Code for your therapist: { $code }
onboarding-body-part = Where is the pain?
onboarding-sides = Which side?
onboarding-handedness = Which hand do you write with?
onboarding-skin-tone = Skin tone of the pictures
skin-tone = { $number }
skin-tone-sample = Sample picture at skin tone { $number }
onboarding-check-first = Before you start, talk to your doctor or therapist if you have marked problems with memory or thinking, major problems with your eyesight, or anxiety or low mood that feels overwhelming. This training can be hard then, and this app cannot tell whether that applies to you.

## The pain journal.
journal-pain = Pain now
journal-pain-low = 0 = no pain
journal-pain-high = 10 = worst pain imaginable
journal-fear = Fear of moving (optional)
journal-fear-low = 0 = no fear
journal-fear-high = 10 = the most fear you can imagine
journal-medication = I took pain medication today
journal-note = Note (up to { $max } characters)
journal-no-entries = No entries yet
journal-entry-pain = pain { $pain }
journal-entry-fear = fear { $fear }
journal-entry-medication = medication taken

## Reminder settings and snoozing.
reminders-enabled = Remind me to practise
reminders-from = From
reminders-until = Until
reminders-quiet-hours = Quiet hours
reminders-days = Days
weekday = { $day ->
        [1] Mon
        [2] Tue
        [3] Wed
        [4] Thu
        [5] Fri
        [6] Sat
       *[7] Sun
    }
reminders-per-day = Sessions a day
reminders-min-gap = At least this far apart
reminders-learn = Move reminders to when I usually practise
snooze = In { $minutes } min

## Sharing an export with the therapist.
share-format-question = What to send
share-format = { $format ->
        [html] Report for your therapist (HTML)
        [json] Full backup (JSON)
        [csv] Spreadsheet tables (CSV)
        [fhir] For a clinic's record system (FHIR)
       *[hljt] HLJT trials for researchers (CSV)
    }
share-format-explanation = { $format ->
        [html] One page to read in a minute: each side's accuracy and speed over time, pain, practice days and stages. Opens in any web browser.
        [json] Everything, answer by answer. It also restores Proprio on a new phone.
        [csv] Four tables (answers, sessions, journal, guided sessions) for a spreadsheet.
        [fhir] A FHIR R4 bundle: your code, pain ratings and sessions, for a clinic's system to take in.
       *[hljt] Every answer in the columns of the hand laterality judgement task, for research tools.
    }
share-range-question = Which weeks
share-range = { $range ->
        [last-4-weeks] Last 4 weeks
        [last-12-weeks] Last 12 weeks
       *[all] Everything so far
    }
share-passphrase-toggle = Lock with a passphrase
share-passphrase-help = Only someone who knows the passphrase can open what you share. Tell your therapist the passphrase another way, for example on the phone, not in the same message.
share-passphrase-label = Passphrase (at least { $min } characters)
share-passphrase-too-short = Use at least { $min } characters for the passphrase.
share-passphrase-note = { $files ->
        [one] The file is locked. Tell your therapist the passphrase another way than the file.
       *[other] The files are locked. Tell your therapist the passphrase another way than the files.
    }
share-privacy = Only your pseudonymous code, { $code }, is in what you share: no name. It leaves the phone only where you send it.
share-file = { $name }, { $size }
file-size = { $unit ->
        [bytes] { $value } bytes
        [kb] { $value } KB
       *[mb] { $value } MB
    }

# The graded-exposure ladder (usecases/forms.rs, exposure_ladder_form).
ladder-title = Your activity ladder
ladder-intro = List the everyday activities you avoid because of pain or fear, and how afraid you are of each. Graded exposure starts with the least feared one and moves up when your fear falls.
ladder-activity = Activity (up to { $max } characters)
ladder-activity-hint = for example, carry a shopping bag
ladder-fear = How afraid are you of it?
ladder-fear-low = 0 = not afraid
ladder-fear-high = 100 = as afraid as you can imagine
ladder-full = The ladder is full ({ $max } activities). Remove one to add another.
ladder-empty = No activities yet. Add the first one below.
ladder-row-fear = fear { $fear }
ladder-row-practised = { $times ->
        [0] not practised yet
        [one] practised once
       *[other] practised { $times } times
    }
ladder-row-passed = passed ✓
ladder-row-current = practising now ▶

# The touch (desensitisation) ladder (usecases/forms.rs, texture_ladder_form).
textures-title = Your touch ladder
textures-intro = Softest first. After { $needed ->
        [one] a calm session
       *[other] { $needed } calm sessions in a row
    } with a texture, you move on to the next one.
textures-now = Now: { $texture }, { $phase } (texture { $position } of { $count }), { $streak } of { $needed } calm sessions so far.
textures-done = You have worked through every texture in every way of touching. Keep using them as you like.
textures-row = texture { $position }
textures-row-current = practising now ▶
textures-row-managed = managed ✓
textures-standard = These are the standard textures. Write your own list if you have other things at home; keep the softest first.
textures-own = This is your own list. Your place goes by position on the ladder, so keep the softest first.
textures-use-standard = Use the standard textures
textures-name = Texture (up to { $max } characters)
textures-name-hint = for example, a wool scarf
textures-full = The ladder is full ({ $max } textures). Remove one to add another.

# The programme screen (usecases/screens.rs, programme).
programme-title = Your programme
programme-intro = Where each painful area stands, and every step so far, newest first.
programme-history = So far, newest first
programme-empty = Your programme starts when you have set up your profile.
programme-stage = Stage { $position } of { $count }: { $stage }, day { $day }
programme-touch-title = Touch training: right answers by region ({ $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    })
programme-touch-region = { $region ->
        [upper-left] Upper left
        [upper-right] Upper right
        [middle-left] Middle left
        [middle-right] Middle right
        [lower-left] Lower left
       *[lower-right] Lower right
    }
programme-touch-last = last { $percent } ({ $correct } of { $trials })
programme-touch-first = first { $percent }

# Restoring a backup (usecases/forms.rs, restore_form and restored).
restore-title = Restore from a backup
restore-intro = Bring back everything from a Proprio backup, on a new phone or after deleting your data: a JSON export of everything (the whole time), locked with a passphrase or not.
restore-choose = Choose the backup file
restore-passphrase = Passphrase, if the backup is locked
restore-replaces = This phone already holds { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    } and { $entries ->
        [one] 1 journal entry
       *[other] { $entries } journal entries
    }. Restoring replaces everything on it with the backup.
restore-confirm = Restore
restore-replace-confirm = Replace everything and restore
restore-done = Restored { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    } ({ $guided } guided) and { $entries ->
        [one] 1 journal entry
       *[other] { $entries } journal entries
    }, with your profile, reminders and plan.
