# programme: Stufen, Schub-Regel und „Heute“ (core/src/programme/words.rs).
# Freundlich und schlicht; nie fordernd, nie „durchhalten“.

stage-left-right = Links-rechts-Erkennen
stage-motor-imagery = Bewegungsvorstellung
stage-mirror = Spiegeltherapie
stage-sensory-discrimination = Tastunterscheidung
stage-graded-movement = schrittweise Bewegung

programme-kind-left-right = Links-rechts-Bilder
programme-kind-motor-imagery = Bewegungsvorstellung
programme-kind-mirror = Spiegeltherapie
programme-kind-desensitisation = Berührungsübung
programme-kind-exposure = schrittweise Bewegung
programme-kind-sensory-discrimination = Tasten und Spüren mit Hilfe

programme-part-hand = Hand
programme-part-foot = Fuß
programme-part-back = Rücken
programme-part-neck = Nacken
programme-part-knee = Knie
programme-part-shoulder = Schulter

stage-stay-sessions = Bleiben Sie vorerst bei { $stage }: noch { $more ->
    [one] 1 vollständige Übung
   *[other] { $more } vollständige Übungen
} ({ $need } insgesamt).
stage-stay-days = Bleiben Sie vorerst bei { $stage }: verteilen Sie Ihre Übungen auf mindestens { $need } verschiedene Tage (bisher { $have }).
stage-stay-vividness = Bleiben Sie vorerst bei { $stage }: Ihre letzten Übungen bekamen { $median } von 5 dafür, wie deutlich sich die Bewegungen anfühlten; das Ziel ist { $need }. Mit Übung wird es leichter.
stage-stay-felt-worse = Bleiben Sie vorerst bei { $stage }: eine Übung fühlte sich zuletzt schlechter an, und { $more ->
    [one] 1 weitere ruhige Übung zeigt
   *[other] { $more } weitere ruhige Übungen zeigen
}, dass es sich gelegt hat.
stage-stay-days-in-stage = Bleiben Sie vorerst bei { $stage }: jede Stufe dauert mindestens { $need } Tage, heute ist Tag { $day }. Gerade das langsame Vorgehen wirkt.
stage-stay-last = Sie sind bei der letzten Stufe, { $stage }. Machen Sie in Ihrem eigenen Tempo weiter.
stage-stay-lr-accuracy = Bleiben Sie vorerst bei { $stage }: das Ziel sind { $goal } % richtige Antworten auf beiden Seiten.
stage-stay-lr-speed = Bleiben Sie vorerst bei { $stage }: das Ziel ist eine Antwort innerhalb von { $seconds } s auf beiden Seiten.
stage-stay-lr-guessing = Bleiben Sie vorerst bei { $stage }: nehmen Sie sich einen Moment, jedes Bild anzusehen, bevor Sie antworten.
stage-stay-lr-drop = Bleiben Sie vorerst bei { $stage }: ein paar ruhige Übungen zeigen, dass der letzte Einbruch eine Ausnahme war.
stage-stay-lr-level = Bleiben Sie vorerst bei { $stage }: für den nächsten Schritt zählen Übungen auf Stufe { $need }; die Bilder werden mit der Zeit schwieriger.
stage-locked = Ihre Therapeutin oder Ihr Therapeut möchte, dass Sie vorerst bei { $stage } bleiben.
stage-advance = Gut gemacht: Sie können von { $from } zu { $to } weitergehen. Gehen Sie die neue Stufe behutsam an.
stage-moved-on = Gut gemacht: heute geht es weiter mit { $to }. Gehen Sie es behutsam an.

stage-ease-back = Ihre Schmerzen lagen zuletzt über Ihrem üblichen Wert, deshalb geht die App vorerst nicht weiter. Eine anfängliche Verschlechterung ist häufig, und es ist in Ordnung, kürzerzutreten.
stage-ease-pictures = Links-rechts-Übungen sind vorerst kürzer: { $images } Bilder.
stage-ease-level = Leichtere Bilder (Stufe { $level }) sind auch in Ordnung.
stage-ease-stage = Sie können auch eine Weile zu { $stage } zurückkehren.

transition-started = Begonnen mit { $to }.
transition-therapist-lock = Ihre Therapeutin oder Ihr Therapeut hat { $to } festgelegt.
transition-plan-changed = Ihr Plan hat Sie von { $from } zu { $to } gebracht.
transition-gate-passed = Von { $from } zu { $to } nach { $days } Tagen: die Ziele waren erreicht.
transition-flare-began = Die Schmerzen lagen über Ihrem üblichen Wert: Zeit, bei { $stage } kürzerzutreten.
transition-flare-ended = Die Schmerzen lagen wieder nahe Ihrem üblichen Wert: zurück auf Kurs bei { $stage }.

safety-flare-pain = Ihre Schmerzen lagen in Ihren letzten { $sessions } Übungen über Ihrem üblichen Wert ({ $baseline }). Eine anfängliche Verschlechterung ist häufig, und es ist in Ordnung, kürzerzutreten: Sie müssen nie gegen Schmerzen anüben. Wenn es weiter zunimmt oder Sie sich Sorgen machen, sprechen Sie mit Ihrer Ärztin, Ihrem Arzt oder Ihrer Therapeutin.
safety-flare-felt-worse = Sie haben angegeben, dass sich eine Spiegelübung zuletzt schlechter angefühlt hat. Das ist anfangs häufig, und es ist in Ordnung, kürzerzutreten. Wenn es wieder vorkommt oder Sie sich Sorgen machen, sprechen Sie mit Ihrer Ärztin, Ihrem Arzt oder Ihrer Therapeutin.
safety-check-first = Bevor Sie beginnen: wenn Sie deutliche Gedächtnis- oder Konzentrationsprobleme, starke Sehprobleme oder überwältigende Angst oder Niedergeschlagenheit haben, sprechen Sie zuerst mit einer Ärztin oder einem Arzt. Diese App stellt keine Diagnosen.

today-set-up = Geben Sie an, welcher Körperteil schmerzt, um zu beginnen.
today-next = Als Nächstes: { $kind } ({ $part }). Heute { $done } von { $target } erledigt.
today-next-untargeted = Als Nächstes: { $kind } ({ $part }).
today-next-gently = Als Nächstes, ganz behutsam: { $kind } ({ $part }).
today-done = Für heute ist die Übung erledigt. Auch Ruhe gehört dazu.
