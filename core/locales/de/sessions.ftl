# sessions: siehe core/src/messages/mod.rs
# Geführte Übungen (core/src/programme/steps/words.rs). Freundlich, einfach, nie fordernd.
# Körperteile als Objekt eines Satzes („stell dir vor, deine Hand zu bewegen“).

part-limb = die schmerzende Seite
part-hand = deine Hand
part-foot = deinen Fuß
part-back = deinen Rücken
part-neck = deinen Nacken
part-knee = dein Knie
part-shoulder = deine Schulter

step-pain-title = Schmerz jetzt
step-pain-before = Bevor es losgeht: Wie stark sind deine Schmerzen gerade?
step-pain-after = Wie stark sind deine Schmerzen jetzt?
step-pain-check-title = Schmerz-Check
step-pain-check = Wie stark tut es gerade weh? Über { $limit } von 10 hören wir hier auf, und das ist in Ordnung.
step-continue-title = Weiter
step-continue = Mach weiter, wenn du bereit bist.

scale-pain-min = Kein Schmerz
scale-pain-max = Stärkster vorstellbarer Schmerz
scale-vividness-min = Gar kein Bild
scale-vividness-max = So klar wie echte Bewegung
scale-fear-min = Keine Angst
scale-fear-max = Größte vorstellbare Angst

imagery-setup-title = Bewegungsvorstellung
imagery-setup = Du siehst { $count } Bilder. Stell dir bei jedem vor, wie du { $part } in diese Haltung bewegst, sie hältst und zurück bewegst. Bleib ruhig: nur vorstellen.
imagery-imagine-title = Vorstellen ({ $repetition } von { $of })
imagery-imagine = Stell dir vor, wie du { $part } langsam in diese Haltung bewegst, und halte sie.
imagery-rest-title = Zurück und ausruhen
imagery-rest = Stell dir jetzt vor, wie du langsam zurück bewegst, und ruh dich aus.
imagery-vividness-title = Wie klar war es?
imagery-vividness = Wie klar konntest du dir die Bewegungen vorstellen?

mirror-setup-title = Spiegel aufstellen
mirror-setup = Setz dich an einen Tisch. Welchen Spiegel hast du heute?
mirror-placement-title = Spiegel ausrichten
mirror-placement-box = Leg die schmerzende Seite in die Spiegelbox, außer Sicht, und die andere vor den Spiegel. Schau nur auf das Spiegelbild.
mirror-placement-phone = Öffne die Selfie-Kamera. Stell das Telefon hochkant so auf, dass es die schmerzende Seite verdeckt, die Kamera zur anderen Seite, und schau auf den Bildschirm: Er zeigt sie gespiegelt.
mirror-movement-one = Beweg nur die Seite, die du siehst, langsam, und schau auf das Spiegelbild. Die verdeckte bleibt ruhig.
mirror-movement-both = Beweg beide Seiten zusammen, langsam, die verdeckte nur so weit, wie es angenehm ist. Schau auf das Spiegelbild.
mirror-rest-title = Pause
mirror-rest = Ruh dich kurz aus und schau weiter auf das Spiegelbild.
mirror-feeling-title = Wie hat sich das angefühlt?
mirror-feeling = Der Spiegel kann sich seltsam anfühlen. Wie war es für dich?

movement-open-close = Hand öffnen und schließen
movement-spread-fingers = Finger spreizen
movement-wrist-up-down = Handgelenk hoch und runter
movement-thumb-to-fingers = Daumen an jede Fingerspitze
movement-turn-palm = Handfläche nach oben und unten drehen
movement-toes-curl = Zehen krallen und strecken
movement-ankle-up-down = Fußgelenk hoch und runter
movement-ankle-circles = Fußgelenk kreisen
movement-foot-in-out = Fuß nach innen und außen drehen
movement-knee-bend = Knie beugen und strecken
movement-knee-lift = Knie anheben
movement-arm-forward = Arm nach vorn heben
movement-arm-out = Arm zur Seite heben
movement-hand-behind-head = Hand hinter den Kopf

textures-setup-passive-touch = Leg „{ $texture }“ bereit. Streich mit offenen Augen leicht über die schmerzende Stelle, nicht fester als eine Feder.
textures-setup-active-movement = Leg „{ $texture }“ bereit. Streich leicht über die schmerzende Stelle und beweg sie dabei sanft.
textures-setup-temperature = Wärm „{ $texture }“ etwas an (warmes Wasser, deine Hände) oder kühl es (Kühlschrank), dann streich leicht über die schmerzende Stelle.
textures-setup-functional-use = Nutz „{ $texture }“ im Alltag: anziehen, abtrocknen oder halten, so dass es die schmerzende Stelle berührt.
textures-touch-title = Berühren
textures-touch = Streich mit „{ $texture }“ leicht über die Stelle. Hör auf, wenn es stärker als { $limit } von 10 wehtut.

phase-passive-touch = Berühren mit offenen Augen
phase-active-movement = Bewegen beim Berühren
phase-temperature = warm und kühl
phase-functional-use = Alltag

texture-cotton-ball = Wattebausch
texture-silk = Seide
texture-soft-towel = weiches Handtuch
texture-denim = Jeansstoff
texture-everyday-clothes = Alltagskleidung

exposure-expected-title = Erwarteter Schmerz
exposure-expected = Wie viel Schmerz erwartest du von „{ $activity }“?
exposure-fear-title = Angst jetzt
exposure-fear-before = Wie viel Angst hast du gerade vor „{ $activity }“, von 0 bis 100?
exposure-fear-after = Wie viel Angst hast du jetzt vor „{ $activity }“, nachdem du es getan hast?
exposure-breathing-title = Atmen
exposure-breathing = Atme langsam durch die Nase ein und zähl bis vier, durch den Mund aus bis sechs. Lass die Schultern sinken.
exposure-activity = Mach es jetzt, ruhig und in den Grenzen, die du vereinbart hast. Du kannst jederzeit aufhören. Tippe auf fertig, wenn du fertig bist.
exposure-actual-title = Schmerz dabei
exposure-actual = Wie viel Schmerz hat es wirklich gebracht, im schlimmsten Moment?

sensory-setup-title = Mit einer Hilfsperson
sensory-setup = Diese Übung braucht eine Hilfsperson. Mach { $part } frei und schließ die Augen. Hilfsperson: Halte das Telefon verdeckt, tu, was es zeigt, und gib die Antwort ein, die du hörst.
sensory-cue-title = Hilfsperson: { $region }
sensory-cue-location = Berühr einmal leicht, { $region }.
sensory-cue-letter = Zeichne mit der Fingerspitze den Buchstaben { $target }, { $region }.
sensory-cue-number = Zeichne mit der Fingerspitze die Zahl { $target }, { $region }.
sensory-cue-blunt = Berühr { $region } mit etwas Stumpfem, etwa einer Fingerspitze.
sensory-cue-sharp = Berühr { $region } sanft mit etwas Spitzem, etwa einem Zahnstocher.
sensory-answer-title = Was war es?
sensory-answer-location = Frag: Wo hast du die Berührung gespürt?
sensory-answer-letter = Frag: Welcher Buchstabe war es?
sensory-answer-number = Frag: Welche Zahl war es?
sensory-answer-sharpness = Frag: Stumpf oder spitz?

region-upper-left = oben links
region-upper-right = oben rechts
region-middle-left = Mitte links
region-middle-right = Mitte rechts
region-lower-left = unten links
region-lower-right = unten rechts

choice-fine = Gut
choice-strange = Es fühlte sich seltsam an
choice-worse = Die Schmerzen wurden stärker
choice-mirror-box = Eine Spiegelbox
choice-phone = Ein Telefon als Spiegel
choice-blunt = Stumpf
choice-sharp = Spitz

result-completed = Gut gemacht: Die Übung ist gespeichert.
result-pain-stop = Du hast aufgehört, als der Schmerz über { $limit } von 10 stieg. Das war genau richtig, und alles bisher ist gespeichert.
result-stopped = Du hast früher aufgehört. Alles, was du beantwortet hast, ist gespeichert.
result-unfinished = Diese Übung wurde nicht beendet. Alles Beantwortete ist gespeichert.
result-felt-worse = Dass es sich anfangs schlechter anfühlt, ist häufig. Ruh dich jetzt aus; wenn es öfter passiert, schlägt die App vor, einen Schritt zurückzugehen.
offer-next-texture = Du hast dieses Material { $count ->
    [one] einmal
   *[other] { $count }-mal nacheinander
} gut vertragen. Versuch beim nächsten Mal „{ $texture }“.
offer-next-phase = Du hast alle Materialien geschafft. Als Nächstes: { $phase }, wieder mit „{ $texture }“.
offer-ladder-done = Du hast alle Materialien in allen Phasen geschafft. Nutz Alltagskleidung, wie es dir passt.
offer-next-exposure = Deine Angst vor diesem Schritt ist gesunken. Wenn du bereit bist, ist der nächste Schritt „{ $activity }“.
offer-exposure-done = Auch deine Angst vor dem letzten Schritt ist gesunken: Deine Leiter ist geschafft. Du kannst einen neuen Schritt hinzufügen.
offer-mirror-more = Beim nächsten Mal gibt es mehr Bewegungen zum Üben.
offer-mirror-both = Beim nächsten Mal bewegen sich beide Seiten zusammen.

# Der Countdown eines Schritts mit Zeit (core/src/programme/steps/words.rs).
countdown-seconds = { $seconds ->
    [one] Noch 1 Sekunde
   *[other] Noch { $seconds } Sekunden
}
countdown-minutes = { $minutes ->
    [one] Noch 1 Minute
   *[other] Noch { $minutes } Minuten
}
countdown-minutes-seconds = Noch { $minutes ->
    [one] 1 Minute
   *[other] { $minutes } Minuten
} { $seconds ->
    [one] 1 Sekunde
   *[other] { $seconds } Sekunden
}
countdown-done = Die Zeit ist um
