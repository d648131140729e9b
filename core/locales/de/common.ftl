# Wörter, die alle Bereiche teilen. Freundlich, schlicht, nie fordernd.

days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
side-left = links
side-right = rechts
