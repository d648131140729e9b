# plan: siehe core/src/messages/mod.rs
# Was die Patientin oder der Patient liest, wenn ein neuer Plan der Therapeutin ankommt.

plan-first = Der Plan deiner Therapeutin oder deines Therapeuten ist angekommen.
plan-unchanged = Dieser Plan ist derselbe wie der vorige: nichts hat sich geändert.
plan-parameter = { $name }: { $from } → { $to }.
plan-target = { $kind }: { $to } am Tag (bisher { $from }).
plan-window = Erinnerungen kommen jetzt zwischen { $window }.
plan-quiet = Ruhezeiten ohne Erinnerungen: { $periods }.
plan-quiet-none = Keine Ruhezeiten mehr: Erinnerungen können jederzeit im Zeitfenster kommen.
plan-track-added = { $part } ({ $side }): { $track }.
plan-track-removed = { $part } gehört nicht mehr zum Plan.
plan-track-changed = { $part } folgt jetzt: { $track }.
plan-stage-order = { $part }, neue Reihenfolge der Stufen: { $stages }.
plan-stage-locked = { $part }, { $stage }: Bitte bleib vorerst in dieser Stufe.
plan-stage-unlocked = { $part }, { $stage }: nicht mehr gesperrt. Du gehst weiter, wenn du so weit bist.
plan-stage-skipped = { $part }, { $stage }: aus deinem Plan genommen.
plan-stage-resumed = { $part }, { $stage }: wieder in deinem Plan.
plan-stage-min-days = { $part }, { $stage }: mindestens { $to } Tage (bisher { $from }).
plan-instructions = Eine Nachricht deiner Therapeutin oder deines Therapeuten: { $text }
plan-instructions-removed = Die frühere Nachricht deiner Therapeutin oder deines Therapeuten wurde entfernt.

plan-part-hand = Hand
plan-part-foot = Fuß
plan-part-back = Rücken
plan-part-neck = Nacken
plan-part-knee = Knie
plan-part-shoulder = Schulter

plan-track-gmi = abgestufte motorische Vorstellung
plan-track-resolve = abgestuftes Wahrnehmungs- und Bewegungstraining


plan-kind-left-right = Links-rechts-Übungen
plan-kind-motor-imagery = Übungen mit vorgestellten Bewegungen
plan-kind-mirror = Spiegelübungen
plan-kind-desensitisation = Berührungsübungen (Materialien)
plan-kind-exposure = Übungen mit abgestuften Tätigkeiten
plan-kind-sensory-discrimination = Berührungstraining

param-images_per_session = Bilder pro Links-rechts-Übung
param-time_limit_ms = Zeit pro Bild (ms)
param-anticipation_ms = Schnellere Antworten gelten als geraten (ms)
param-feedback_ms = Anzeigedauer von richtig/falsch (ms)
param-gate_accuracy = Nötige Trefferquote zum Weitergehen
param-gate_rt_ms = Nötige Antwortzeit zum Weitergehen (ms)
param-gate_sessions = Übungen, die die Prüfung ansieht
param-gate_min_days = Verschiedene Tage dieser Übungen
param-gate_level = Stufe, ab der die Prüfung zählt
param-gate_max_anticipations = Erlaubter Anteil geratener Antworten
param-gate_drop = Größter Einbruch in einer Übung
param-fixation_ms = Kreuz vor jedem Bild (ms)
param-fixation_jitter_ms = Zufällige Zusatzzeit am Kreuz (ms)
param-practice_trials = Probebilder vor einer Übung
param-min_days_per_stage = Mindesttage pro Stufe
param-level_up_sessions = Gute Übungen vor einer schwereren Stufe
param-level_down_sessions = Schwere Übungen vor einer leichteren Stufe
param-level_down_accuracy = Trefferquote, unter der eine Übung schwer war
param-level_min_days = Tage zwischen Stufenwechseln
param-stage_gate_sessions = Übungen in einer Stufe, bevor es weitergeht
param-stage_gate_days = Verschiedene Tage, auf die sich diese Übungen verteilen
param-imagery_gate_vividness = Lebhaftigkeit, um die Bewegungsvorstellung abzuschließen (1–5)
param-mirror_gate_calm_sessions = Spiegelübungen ohne Verschlechterung, bevor es weitergeht
param-flare_baseline_days = Tage mit Schmerzangaben, die das übliche Niveau ergeben
param-flare_baseline_ratings = Angaben, bevor ein Schub erkannt werden kann
param-flare_sessions = Übungen über dem üblichen Schmerz, die einen Schub ergeben
param-flare_delta = Punkte über dem üblichen Schmerz, die als Schub zählen
param-flare_felt_worse_days = Tage, die ein „schlechter gefühlt“ nach der Spiegelübung zählt
param-flare_images_per_session = Bilder pro Links-rechts-Übung während eines Schubs
param-imagery_pictures = Bilder pro Übung der Bewegungsvorstellung
param-imagery_repetitions = Wie oft jede Haltung vorgestellt wird
param-imagery_hold_s = Sekunden, die jede vorgestellte Haltung gehalten wird
param-imagery_rest_s = Sekunden Pause zwischen den Wiederholungen
param-mirror_movement_s = Sekunden pro Spiegelbewegung
param-mirror_rest_s = Sekunden Pause zwischen Spiegelbewegungen
param-mirror_sessions_per_level = Spiegelübungen bis zur nächsten Stufe
param-desensitise_minutes = Minuten Berührungsübung pro Einheit
param-desensitise_check_s = Sekunden zwischen Schmerzabfragen während der Berührung
param-desensitise_stop_pain = Schmerz, ab dem die Berührungsübung endet (0–10)
param-desensitise_tolerated_sessions = Ruhige Einheiten bis zum nächsten Material
param-exposure_breathing_s = Sekunden ruhiges Atmen vor jedem Schritt
param-exposure_fear_drop = Angstrückgang, der einen Schritt besteht (Anteil)
param-sensory_trials = Aufgaben pro Einheit Berührungen erkennen

# Receiving a plan: the plan screen and the preview before it is applied
# (core/src/plan/input.rs, core/src/usecases/plan.rs).

plan-date = { $day }. { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }
plan-from-author-clinic = Von { $author }, { $clinic }
plan-from-author = Von { $author }
plan-from-clinic = Von { $clinic }
plan-from-therapist = Von deiner Therapeutin oder deinem Therapeuten
plan-written = Geschrieben am { $date }
plan-written-received = Geschrieben am { $date }; erhalten am { $received }.
plan-preview-question = Diesen Plan ab jetzt verwenden?
plan-preview-confirm = Plan verwenden
plan-none-yet = Noch kein Plan von deiner Therapeutin oder deinem Therapeuten.
plan-history-heading = Erhaltene Pläne
plan-history-item = Erhalten am { $date }, { $source ->
    [code] als Code
   *[file] als Datei
}
plan-new-heading = Einen neuen Plan erhalten
plan-way-code = Code eingeben
plan-way-code-hint = Tippe oder füge den Code ein, den deine Therapeutin oder dein Therapeut geschickt hat.
plan-way-file = Datei öffnen
plan-way-file-hint = Wähle die Plandatei (.json), die du bekommen hast.
plan-way-scan = QR-Code scannen
plan-way-scan-hint = Richte die Kamera auf den QR-Code des Plans.
plan-code-label = Plan-Code
plan-code-hint = Er beginnt mit { $prefix }
plan-summary-track = { $part } ({ $side }), { $track }: { $stages }.
plan-summary-stage-locked = { $stage } (du bleibst vorerst hier)
plan-summary-stage-days = { $stage } (mindestens { $days } Tage)
plan-summary-skipped = { $part }: ausgelassen: { $stages }.
plan-summary-parameter = { $name }: { $value }.
plan-summary-target = { $kind }: { $count } am Tag.
plan-summary-quiet-none = Keine Ruhezeiten: Erinnerungen können jederzeit im Zeitfenster kommen.
plan-summary-window = Erinnerungen zwischen { $window }.

plan-warning-same = Das ist derselbe Plan, den du schon verwendest.
plan-warning-older = Dieser Plan ist vom { $date } und damit älter als dein jetziger ({ $in_force }). Prüfe, ob es der neueste ist.
plan-warning-dated-ahead = Dieser Plan ist auf den { $date } datiert, also nach heute. Vielleicht stimmt das Datum nicht.
plan-warning-areas = Dieser Plan legt fest, welche schmerzenden Körperteile du übst: Er ersetzt die in deinem Profil.

plan-error-empty = Hier ist nichts zu lesen. Füge den ganzen Code ein oder wähle die Plandatei.
plan-error-too-long = Das ist viel länger als ein Plan-Code. Prüfe, ob nur der Code kopiert wurde.
plan-error-newer-app = Dieser Plan braucht eine neuere Version von Proprio. Aktualisiere die App und versuche es dann noch einmal.
plan-error-not-a-code = Das ist kein Plan-Code von Proprio. Ein Plan-Code beginnt mit { $prefix }
plan-error-incomplete = Dieser Code ist nicht vollständig — prüfe, ob er ganz kopiert wurde.
plan-error-mistyped = In diesem Code ist ein Tippfehler: Ein Zeichen ist falsch oder fehlt. Vergleiche ihn mit dem, den du bekommen hast.
plan-error-damaged = Dieser Code ist beschädigt und kann nicht gelesen werden. Bitte um einen neuen.
plan-error-too-large = Diese Datei ist zu groß für einen Plan. Prüfe, ob du die richtige Datei gewählt hast.
plan-error-not-text = Diese Datei ist kein Plan (sie enthält keinen Text). Prüfe, ob du die richtige Datei gewählt hast.
plan-error-not-a-plan = Diese Datei ist kein Plan von Proprio. Prüfe, ob du die richtige Datei gewählt hast.
plan-error-has-mistakes = { $count ->
    [one] Dieser Plan hat einen Fehler
   *[other] Dieser Plan hat { $count } Fehler
}, den deine Therapeutin oder dein Therapeut beheben muss. Es wurde nichts geändert.
plan-error-does-not-fit = Die Erinnerungszeiten dieses Plans passen nicht zu deinen Ruhezeiten. Es wurde nichts geändert: Frag deine Therapeutin oder deinen Therapeuten, oder ändere zuerst deine Ruhezeiten.
