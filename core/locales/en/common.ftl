# Words shared by every area. Kind, plain, never a demand.

days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
side-left = left
side-right = right
