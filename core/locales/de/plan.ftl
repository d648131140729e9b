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
