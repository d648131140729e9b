# screens: see core/src/messages/mod.rs

## Was die Bildschirme der App sagen, aus den Datensätzen des Kerns.

body-part = { $part ->
        [hand] Hand
        [foot] Fuß
        [back] Rücken
        [neck] Nacken
        [knee] Knie
       *[shoulder] Schulter
    }
side-name = { $side ->
        [left] Links
       *[right] Rechts
    }
side-heading-affected = { side-name } (schmerzende Seite)
sides-choice = { $sides ->
        [left] Links
        [right] Rechts
       *[both] Beide Seiten
    }
handedness = { $hand ->
        [left] Links
        [right] Rechts
       *[mixed] Beide
    }
session-kind = { $kind ->
        [left-right] Links/rechts-Bilder
        [motor-imagery] Bewegungsvorstellung
        [mirror] Spiegeltraining
        [desensitisation] Berührungstraining
        [exposure] Schrittweise Konfrontation
       *[sensory-discrimination] Berührungen unterscheiden
    }
percent = { $value } %
seconds = { $seconds } s
no-value = –
value-range = { $from } – { $to }
minutes = { $count } Min.

## Die Links/rechts-Übung.
trial-progress = Bild { $position } von { $total }
trial-progress-practice = Übungsbild { $position } von { $total }
trial-picture = Bild { $position } von { $total }: links oder rechts?
feedback-correct = ✓ Richtig
feedback-wrong = ✗ Diesmal nicht
feedback-timed-out = ⏱ Die Zeit ist um
feedback-too-quick = ✋ Zu schnell: schau dir das Bild erst an

## Die Zusammenfassung nach einer Übung.
summary-title = { $state ->
        [completed] Übung abgeschlossen
        [aborted] Übung vorzeitig beendet
        [interrupted] Übung unterbrochen
       *[running] Übung läuft
    }
level = Stufe { $level }
fact-correct = Richtig
fact-correct-value = { $correct } von { $n } ({ $percent })
fact-median-time = Mittlere Zeit (Median)
fact-middle-half = Mittlere Hälfte der Zeiten
fact-too-quick = Zu schnell
fact-timed-out = Zeit abgelaufen

## Heute und Fortschritt.
left-right-heading = Links/rechts: { body-part }, Stufe { $level }
progress-title = Fortschritt: { body-part }
chart-accuracy = Richtige Antworten
chart-response-time = Mittlere Antwortzeit
chart-goal = Ziel { $value }
chart-day = { $day }.{ $month }.
chart-description = { $title } pro Tag, Ziel { $goal }; { $days ->
        [0] noch keine Übungen.
       *[other] am { $last } links { $left }, rechts { $right }.
    }
gate-facts = Die Schwelle: deine letzten { $sessions } Übungen
fact-sessions = Übungen
fact-days = Verschiedene Tage
fact-days-in-stage = Tage in dieser Phase
fact-of = { $have } von { $need }
fact-side-result = { side-name }: richtig, Zeit
fact-result-value = { $percent }, { $time }
fact-group = { side-name }, { $group }
recent-by-angle = Nach Drehung (letzte Übungen)
recent-by-direction = Nach Richtung (letzte Übungen)
direction = { $direction ->
        [upright] Aufrecht
        [inverted] Auf dem Kopf
        [medial] Zum Körper hin (medial)
       *[lateral] Vom Körper weg (lateral)
    }

## Erste Schritte.
onboarding-code = Code für deine Therapeutin oder deinen Therapeuten: { $code }
onboarding-body-part = Wo hast du Schmerzen?
onboarding-sides = Welche Seite?
onboarding-handedness = Mit welcher Hand schreibst du?
onboarding-skin-tone = Hautton der Bilder
skin-tone = { $number }
skin-tone-sample = Beispielbild mit Hautton { $number }
onboarding-check-first = Bevor du anfängst: Sprich mit deiner Ärztin, deinem Arzt oder deiner Therapeutin, wenn du deutliche Probleme mit Gedächtnis oder Denken hast, stark eingeschränkt siehst oder Angst oder Niedergeschlagenheit dich überwältigen. Das Training kann dann schwerfallen, und diese App kann nicht beurteilen, ob das auf dich zutrifft.

## Das Schmerztagebuch.
journal-pain = Schmerz jetzt
journal-pain-low = 0 = kein Schmerz
journal-pain-high = 10 = stärkster vorstellbarer Schmerz
journal-fear = Angst vor Bewegung (freiwillig)
journal-fear-low = 0 = keine Angst
journal-fear-high = 10 = größte vorstellbare Angst
journal-medication = Ich habe heute Schmerzmittel genommen
journal-note = Notiz (bis zu { $max } Zeichen)
journal-no-entries = Noch keine Einträge
journal-entry-pain = Schmerz { $pain }
journal-entry-fear = Angst { $fear }
journal-entry-medication = Schmerzmittel genommen

## Erinnerungen und Schlummern.
reminders-enabled = Erinnere mich ans Üben
reminders-from = Von
reminders-until = Bis
reminders-quiet-hours = Ruhezeiten
reminders-days = Tage
weekday = { $day ->
        [1] Mo
        [2] Di
        [3] Mi
        [4] Do
        [5] Fr
        [6] Sa
       *[7] So
    }
reminders-per-day = Übungen pro Tag
reminders-min-gap = Mindestens so weit auseinander
reminders-learn = Erinnerungen zu meinen üblichen Übungszeiten verschieben
snooze = In { $minutes } Min.

## Einen Export mit der Therapeutin oder dem Therapeuten teilen.
share-format-question = Was du schickst
share-format = { $format ->
        [html] Bericht für deine Therapie (HTML)
        [json] Vollständige Sicherung (JSON)
        [csv] Tabellen (CSV)
        [fhir] Für das System einer Klinik (FHIR)
       *[hljt] HLJT-Durchgänge für die Forschung (CSV)
    }
share-format-explanation = { $format ->
        [html] Eine Seite, in einer Minute gelesen: Trefferquote und Tempo je Seite im Verlauf, Schmerz, Übungstage und Stufen. Öffnet sich in jedem Webbrowser.
        [json] Alles, Antwort für Antwort. Damit stellst du Proprio auch auf einem neuen Handy wieder her.
        [csv] Vier Tabellen (Antworten, Sitzungen, Tagebuch, geführte Übungen) für eine Tabellenkalkulation.
        [fhir] Ein FHIR-R4-Bundle: dein Code, deine Schmerzwerte und Sitzungen, zur Übernahme in das System einer Klinik.
       *[hljt] Jede Antwort in den Spalten der Hand-Lateralitätsaufgabe (HLJT), für Forschungsprogramme.
    }
share-range-question = Welche Wochen
share-range = { $range ->
        [last-4-weeks] Letzte 4 Wochen
        [last-12-weeks] Letzte 12 Wochen
       *[all] Alles bisher
    }
share-passphrase-toggle = Mit einer Passphrase schützen
share-passphrase-help = Nur wer die Passphrase kennt, kann öffnen, was du teilst. Sag sie deiner Therapeutin oder deinem Therapeuten auf anderem Weg, zum Beispiel am Telefon, nicht in derselben Nachricht.
share-passphrase-label = Passphrase (mindestens { $min } Zeichen)
share-passphrase-too-short = Nimm für die Passphrase mindestens { $min } Zeichen.
share-passphrase-note = { $files ->
        [one] Die Datei ist geschützt. Sag die Passphrase auf anderem Weg als mit der Datei.
       *[other] Die Dateien sind geschützt. Sag die Passphrase auf anderem Weg als mit den Dateien.
    }
share-privacy = In dem, was du teilst, steht nur dein pseudonymer Code, { $code }: kein Name. Es verlässt das Handy nur dorthin, wohin du es schickst.
share-file = { $name }, { $size }
file-size = { $unit ->
        [bytes] { $value } Bytes
        [kb] { $value } KB
       *[mb] { $value } MB
    }

# The graded-exposure ladder (usecases/forms.rs, exposure_ladder_form).
ladder-title = Deine Aktivitätenleiter
ladder-intro = Schreib die alltäglichen Aktivitäten auf, die du wegen Schmerz oder Angst meidest, und wie viel Angst du vor jeder hast. Die schrittweise Konfrontation beginnt mit der am wenigsten gefürchteten und geht weiter, wenn deine Angst nachlässt.
ladder-activity = Aktivität (bis zu { $max } Zeichen)
ladder-activity-hint = zum Beispiel eine Einkaufstasche tragen
ladder-fear = Wie viel Angst hast du davor?
ladder-fear-low = 0 = keine Angst
ladder-fear-high = 100 = so viel Angst, wie du dir vorstellen kannst
ladder-full = Die Leiter ist voll ({ $max } Aktivitäten). Entferne eine, um eine neue hinzuzufügen.
ladder-empty = Noch keine Aktivitäten. Füge unten die erste hinzu.
ladder-row-fear = Angst { $fear }
ladder-row-practised = { $times ->
        [0] noch nicht geübt
        [one] einmal geübt
       *[other] { $times }-mal geübt
    }
ladder-row-passed = geschafft ✓
ladder-row-current = wird gerade geübt ▶

# The touch (desensitisation) ladder (usecases/forms.rs, texture_ladder_form).
textures-title = Deine Berührungsleiter
textures-intro = Das weichste zuerst. Nach { $needed ->
        [one] einer ruhigen Übung
       *[other] { $needed } ruhigen Übungen hintereinander
    } mit einem Material geht es zum nächsten.
textures-now = Jetzt: { $texture }, { $phase } (Material { $position } von { $count }), bisher { $streak } von { $needed } ruhigen Übungen.
textures-done = Du hast jedes Material auf jede Art der Berührung geschafft. Nutze sie weiter, wie du magst.
textures-row = Material { $position }
textures-row-current = wird gerade geübt ▶
textures-row-managed = geschafft ✓
textures-standard = Das sind die Standardmaterialien. Schreib deine eigene Liste, wenn du andere Dinge zu Hause hast; das weichste zuerst.
textures-own = Das ist deine eigene Liste. Dein Platz richtet sich nach der Stelle auf der Leiter, also bleibt das weichste zuerst.
textures-use-standard = Standardmaterialien verwenden
textures-name = Material (bis zu { $max } Zeichen)
textures-name-hint = zum Beispiel ein Wollschal
textures-full = Die Leiter ist voll ({ $max } Materialien). Entferne eines, um ein neues hinzuzufügen.

# The programme screen (usecases/screens.rs, programme).
programme-title = Dein Programm
programme-intro = Wo jeder schmerzende Bereich steht, und jeder Schritt bisher, der neueste zuerst.
programme-history = Bisher, das Neueste zuerst
programme-empty = Dein Programm beginnt, sobald du dein Profil eingerichtet hast.
programme-stage = Stufe { $position } von { $count }: { $stage }, Tag { $day }
programme-touch-title = Berührungstraining: richtige Antworten nach Bereich ({ $sessions ->
        [one] 1 Übung
       *[other] { $sessions } Übungen
    })
programme-touch-region = { $region ->
        [upper-left] Oben links
        [upper-right] Oben rechts
        [middle-left] Mitte links
        [middle-right] Mitte rechts
        [lower-left] Unten links
       *[lower-right] Unten rechts
    }
programme-touch-last = zuletzt { $percent } ({ $correct } von { $trials })
programme-touch-first = anfangs { $percent }

# Restoring a backup (usecases/forms.rs, restore_form and restored).
restore-title = Aus einer Sicherung wiederherstellen
restore-intro = Hol alles aus einer Proprio-Sicherung zurück, auf einem neuen Handy oder nachdem du deine Daten gelöscht hast: ein JSON-Export von allem (die ganze Zeit), mit oder ohne Passphrase.
restore-choose = Sicherungsdatei auswählen
restore-passphrase = Passphrase, falls die Sicherung geschützt ist
restore-replaces = Auf diesem Handy sind schon { $sessions ->
        [one] 1 Übung
       *[other] { $sessions } Übungen
    } und { $entries ->
        [one] 1 Tagebucheintrag
       *[other] { $entries } Tagebucheinträge
    }. Die Wiederherstellung ersetzt alles darauf durch die Sicherung.
restore-confirm = Wiederherstellen
restore-replace-confirm = Alles ersetzen und wiederherstellen
restore-done = { $sessions ->
        [one] 1 Übung
       *[other] { $sessions } Übungen
    } ({ $guided } angeleitet) und { $entries ->
        [one] 1 Tagebucheintrag
       *[other] { $entries } Tagebucheinträge
    } wiederhergestellt, mit Profil, Erinnerungen und Plan.
