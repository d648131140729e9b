# reminders: siehe core/src/messages/mod.rs

## Was eine Erinnerung sagt: freundlich und ermutigend, nie fordernd; sie nennt die Übungsart.

reminder-kind = { $kind ->
        [left-right] Links-rechts-Übung
        [motor-imagery] Bewegungsvorstellung
        [mirror] Spiegelübung
        [desensitisation] Berührungsübung
        [exposure] deinen nächsten Schritt
       *[sensory-discrimination] Berührungen erkennen
    }
reminder-title = Zeit für { reminder-kind }
reminder-title-snoozed = Jetzt bereit? { reminder-kind }
reminder-body-0 = { $kind ->
        [left-right] Ein paar Minuten Bilder: links oder rechts, in deinem Tempo.
        [motor-imagery] Stell dir die Bewegung langsam vor, ein paar Mal. Bewegen musst du dich nicht.
        [mirror] Ein paar Minuten mit dem Spiegel, die andere Seite sanft bewegen.
        [desensitisation] Ein paar Minuten mit deinem Material, nur leichte Berührung. Hör auf über 3 von 10.
        [exposure] Wenn du bereit bist, versuch deinen nächsten Schritt, innerhalb deiner Grenzen.
       *[sensory-discrimination] Ein paar Minuten Berührungen erraten, mit deiner Helferin oder deinem Helfer.
    }
reminder-body-1 = { $kind ->
        [left-right] Kurz und regelmäßig hilft am meisten. Ein paar Bilder, wann immer du bereit bist.
        [motor-imagery] Ein paar Minuten vorgestellte Bewegung, sanft und in deinem Tempo.
        [mirror] Spiegelzeit: langsame, leichte Bewegungen; hör auf, wann du willst.
        [desensitisation] Sanfte Berührungsübung, wenn du bereit bist. Ganz in Ruhe.
        [exposure] Ein kleiner Schritt heute zählt. Atme vorher einmal tief durch.
       *[sensory-discrimination] Eine kurze Berührungsübung mit deiner Hilfe, wann es euch beiden passt.
    }
reminder-body-2 = { $kind ->
        [left-right] Dein Gehirn übt jedes Mal ein bisschen. Zwei Minuten reichen.
        [motor-imagery] Stell dir die Haltung vor und lös dich wieder daraus. Kurz ist gut.
        [mirror] Eine kurze, ruhige Spiegelübung, wenn du einen Moment hast.
        [desensitisation] Ein paar Minuten leichte Berührung, so wie es sich sicher anfühlt.
        [exposure] Dein nächster Schritt wartet, in deinem Tempo und nach deinem Plan.
       *[sensory-discrimination] Eine schnelle Runde Berührungen erkennen, wenn deine Hilfe Zeit hat.
    }
