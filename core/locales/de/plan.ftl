# plan: siehe core/src/messages/mod.rs
# Was die Patientin oder der Patient liest, wenn ein neuer Plan der Therapeutin ankommt.

plan-first = Der Plan Ihrer Therapeutin oder Ihres Therapeuten ist angekommen.
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
plan-stage-locked = { $part }, { $stage }: Bitte bleiben Sie vorerst in dieser Stufe.
plan-stage-unlocked = { $part }, { $stage }: nicht mehr gesperrt. Sie gehen weiter, wenn Sie so weit sind.
plan-stage-skipped = { $part }, { $stage }: aus Ihrem Plan genommen.
plan-stage-resumed = { $part }, { $stage }: wieder in Ihrem Plan.
plan-stage-min-days = { $part }, { $stage }: mindestens { $to } Tage (bisher { $from }).
plan-instructions = Eine Nachricht Ihrer Therapeutin oder Ihres Therapeuten: { $text }
plan-instructions-removed = Die frühere Nachricht Ihrer Therapeutin oder Ihres Therapeuten wurde entfernt.

plan-part-hand = Hand
plan-part-foot = Fuß
plan-part-back = Rücken
plan-part-neck = Nacken
plan-part-knee = Knie
plan-part-shoulder = Schulter

plan-track-gmi = abgestufte motorische Vorstellung
plan-track-resolve = abgestuftes Wahrnehmungs- und Bewegungstraining

plan-stage-left-right = Links-rechts-Erkennen
plan-stage-motor-imagery = vorgestellte Bewegungen
plan-stage-mirror = Spiegeltherapie
plan-stage-sensory-discrimination = Berührungstraining mit Hilfe
plan-stage-graded-movement = abgestufte Bewegung

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
