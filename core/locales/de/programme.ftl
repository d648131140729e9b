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

stage-stay-sessions = Bleib vorerst bei { $stage }: noch { $more ->
    [one] 1 vollständige Übung
   *[other] { $more } vollständige Übungen
} ({ $need } insgesamt).
stage-stay-days = Bleib vorerst bei { $stage }: verteile deine Übungen auf mindestens { $need } verschiedene Tage (bisher { $have }).
stage-stay-vividness = Bleib vorerst bei { $stage }: deine letzten Übungen bekamen { $median } von 5 dafür, wie deutlich sich die Bewegungen anfühlten; das Ziel ist { $need }. Mit Übung wird es leichter.
stage-stay-felt-worse = Bleib vorerst bei { $stage }: eine Übung fühlte sich zuletzt schlechter an, und { $more ->
    [one] 1 weitere ruhige Übung zeigt
   *[other] { $more } weitere ruhige Übungen zeigen
}, dass es sich gelegt hat.
stage-stay-days-in-stage = Bleib vorerst bei { $stage }: jede Stufe dauert mindestens { $need } Tage, heute ist Tag { $day }. Gerade das langsame Vorgehen wirkt.
stage-stay-last = Du bist bei der letzten Stufe, { $stage }. Mach in deinem eigenen Tempo weiter.
stage-stay-lr-accuracy = Bleib vorerst bei { $stage }: das Ziel sind { $goal } % richtige Antworten auf beiden Seiten.
stage-stay-lr-speed = Bleib vorerst bei { $stage }: das Ziel ist eine Antwort innerhalb von { $seconds } s auf beiden Seiten.
stage-stay-lr-guessing = Bleib vorerst bei { $stage }: nimm dir einen Moment, jedes Bild anzusehen, bevor du antwortest.
stage-stay-lr-drop = Bleib vorerst bei { $stage }: ein paar ruhige Übungen zeigen, dass der letzte Einbruch eine Ausnahme war.
stage-stay-lr-level = Bleib vorerst bei { $stage }: für den nächsten Schritt zählen Übungen auf Stufe { $need }; die Bilder werden mit der Zeit schwieriger.
stage-locked = Deine Therapeutin oder dein Therapeut möchte, dass du vorerst bei { $stage } bleibst.
stage-advance = Gut gemacht: du kannst von { $from } zu { $to } weitergehen. Geh die neue Stufe behutsam an.
stage-moved-on = Gut gemacht: heute geht es weiter mit { $to }. Geh es behutsam an.

stage-ease-back = Jetzt ist eine Zeit zum Kürzertreten, deshalb geht die App vorerst nicht weiter. Eine anfängliche Verschlechterung ist häufig, und es ist in Ordnung, kürzerzutreten.
stage-ease-pictures = Links-rechts-Übungen sind vorerst kürzer: { $images } Bilder.
stage-ease-level = Leichtere Bilder (Stufe { $level }) sind auch in Ordnung.
stage-ease-stage = Du kannst auch eine Weile zu { $stage } zurückkehren.

transition-started = Begonnen mit { $to }.
transition-therapist-lock = Deine Therapeutin oder dein Therapeut hat { $to } für dich gewählt.
transition-plan-changed = Dein Plan hat dich von { $from } zu { $to } gebracht.
transition-gate-passed = Von { $from } zu { $to } nach { $days } Tagen: die Ziele waren erreicht.
transition-flare-began = Die Schmerzen lagen über deinem üblichen Wert: Zeit, bei { $stage } kürzerzutreten.
transition-flare-began-felt-worse = Eine Spiegelübung fühlte sich schlechter an: Zeit, bei { $stage } kürzerzutreten.
transition-flare-ended = Die Schmerzen lagen wieder nahe deinem üblichen Wert: zurück auf Kurs bei { $stage }.

safety-flare-pain = Deine Schmerzen lagen in deinen letzten { $sessions } Übungen über deinem üblichen Wert ({ $baseline }). Eine anfängliche Verschlechterung ist häufig, und es ist in Ordnung, kürzerzutreten: du musst nie gegen Schmerzen anüben. Wenn es weiter zunimmt oder du dir Sorgen machst, sprich mit deiner Ärztin, deinem Arzt oder deiner Therapeutin.
safety-flare-felt-worse = Du hast angegeben, dass sich eine Spiegelübung zuletzt schlechter angefühlt hat. Das ist anfangs häufig, und es ist in Ordnung, kürzerzutreten. Wenn es wieder vorkommt oder du dir Sorgen machst, sprich mit deiner Ärztin, deinem Arzt oder deiner Therapeutin.
safety-check-first = Bevor du beginnst: wenn du deutliche Gedächtnis- oder Konzentrationsprobleme, starke Sehprobleme oder überwältigende Angst oder Niedergeschlagenheit hast, sprich zuerst mit einer Ärztin oder einem Arzt. Diese App stellt keine Diagnosen.

today-set-up = Gib an, welcher Körperteil schmerzt, um zu beginnen.
today-next = Als Nächstes: { $kind } ({ $part }). Heute { $done } von { $target } erledigt.
today-next-untargeted = Als Nächstes: { $kind } ({ $part }).
today-next-gently = Als Nächstes, ganz behutsam: { $kind } ({ $part }).
today-done = Für heute ist die Übung erledigt. Auch Ruhe gehört dazu.
