# left-right: siehe core/src/messages/mod.rs

## Das Urteil der Schwelle von Stufe 1: ein Satz aus dem ersten Hindernis, dann der Verlauf.
## $side, $slow, $fast sind "left" oder "right"; Zeiten und Prozente kommen formatiert.

gate-ready = Bereit für die nächste Stufe: bewusste Bewegungsvorstellung. Besprich es mit deiner Therapeutin oder deinem Therapeuten.
gate-too-few-sessions = Noch nicht: { $more ->
        [one] noch 1 vollständige Übung
       *[other] noch { $more } vollständige Übungen
    } ({ $need } insgesamt, an mindestens { $days } verschiedenen Tagen).
gate-too-few-days = Noch nicht: deine letzten { $sessions } Übungen waren an { $have ->
        [one] 1 Tag
       *[other] { $have } Tagen
    }; verteile sie auf mindestens { $need } verschiedene Tage.
gate-accuracy-one = Noch nicht: deine { $side ->
        [left] linke
       *[right] rechte
    } Seite liegt bei { $percent } % richtig; das Ziel sind { $goal } % auf beiden Seiten.
gate-accuracy-both = Noch nicht: links { $left } % richtig und rechts { $right } %; das Ziel sind { $goal } % auf beiden Seiten.
gate-slower-one = Noch nicht: deine { $slow ->
        [left] linke
       *[right] rechte
    } Seite ist { $gap } langsamer als die { $fast ->
        [left] linke
       *[right] rechte
    } ({ $time } bei einem Ziel von { $goal }).
gate-slower-both = Noch nicht: Antworten dauern links { $left } und rechts { $right }; das Ziel sind { $goal } auf beiden Seiten.
gate-level = Noch nicht: die Schwelle zählt Übungen auf Stufe { $need }; deine letzten Übungen gingen bis Stufe { $level } hinunter. Die Bilder werden schwerer, solange deine Antworten genau und schnell bleiben.
gate-anticipations = Noch nicht: { $sessions ->
        [one] eine deiner letzten Übungen hatte
       *[other] { $sessions } deiner letzten Übungen hatten
    } viele Antworten, die schneller kamen, als man ein Bild beurteilen kann. Nimm dir den Moment, jedes Bild anzusehen, bevor du antwortest.
gate-drop = Noch nicht: eine deiner letzten Übungen fiel { $side ->
        [left] links
       *[right] rechts
    } auf { $percent } % richtig. Ein paar ruhige Übungen zeigen, dass es ein Ausreißer war.
gate-min-days = Fast geschafft: Genauigkeit und Tempo sind auf beiden Seiten am Ziel. Stufe 1 dauert mindestens { $need } Tage; heute ist Tag { $day }.
gate-trend = Deine letzten { $count } Übungen { $side ->
        [left] links
       *[right] rechts
    }: { $values }.
time-seconds = { $seconds } s
time-ms = { $ms } ms
time-no-correct-answers = keine richtigen Antworten
