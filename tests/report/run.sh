#!/usr/bin/env bash
# The one-minute report as a therapist sees it: a simulated patient with an affected left
# hand practises, keeps a journal and does guided sessions (desensitisation on their own
# texture ladder, graded exposure on their own ladder, mirror therapy that once felt
# worse, motor imagery) through the real CLI for three weeks, the export is
# turned into the report, and headless Chromium (Debian's package) draws it at A4 width
# and at phone width into target/report/*.png, for people to look at. Checks that it is
# one self-contained file and that both pictures were drawn. Prints "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

require_cli
apt_ensure chromium
OUT=$TARGET_DIR/report
rm -rf "$OUT"
mkdir -p "$OUT"
db=$OUT/patient.db
run() { "$CLI" --db "$db" --tz Europe/London "$@" >/dev/null; }
run --at "2026-03-01 08:00" profile set --affected hand:left
run --at "2026-03-01 08:00" textures set "cotton wool" "silk scarf" "soft towel" "denim" "velcro"
run --at "2026-03-01 08:00" ladder add "open a jar" --fear 40
run --at "2026-03-01 08:00" ladder add "carry a shopping bag" --fear 60
run --at "2026-03-01 08:00" ladder add "wring out a cloth" --fear 80
for d in $(seq -w 1 21); do
    run --at "2026-03-$d 09:00" practice --simulate --count 30 --seed "$d" --accuracy 0.95 --rt-ms 850 \
        --slower-side left --slowdown-ms $((600 - 10#$d * 20)) --slower-side-accuracy 0.88
    medication=()
    [ $((10#$d % 3)) -eq 0 ] && medication=(--medication)
    pain=$(((30 - 10#$d) / 4))
    run --at "2026-03-$d 12:00" session desensitise --simulate --seed "$d" --pain "$pain" \
        --pain-during $((10#$d % 4 == 0 ? 5 : 2))
    run --at "2026-03-$d 15:00" session exposure --simulate --seed "$d" --pain "$pain" \
        --fear-before $((75 - 10#$d * 2)) --fear-after $((62 - 10#$d * 2))
    [ $((10#$d % 2)) -eq 1 ] && run --at "2026-03-$d 16:00" session imagery --simulate --seed "$d" --pain "$pain"
    feeling=fine
    [ "$d" = 10 ] && feeling=worse
    [ $((10#$d % 3)) -eq 1 ] && run --at "2026-03-$d 17:00" session mirror --simulate --seed "$d" --pain "$pain" \
        --feeling $feeling
    run --at "2026-03-$d 18:00" journal add --pain "$pain" "${medication[@]}" --note "day $d"
done
run --at "2026-03-22 09:00" export --out "$OUT/export.json"
run --at "2026-03-22 09:00" report "$OUT/export.json" --out "$OUT/report.html"

passed=0 failed=0
check() {
    if "${@:2}"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
self_contained() { ! grep -Eq 'https?://|<script|<link|src=' "$OUT/report.html"; }
shot() { # NAME WIDTH HEIGHT
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --window-size="$2,$3" --screenshot="$OUT/$1.png" "file://$OUT/report.html" >/dev/null 2>&1
    [ "$(stat -c %s "$OUT/$1.png" 2>/dev/null || echo 0)" -gt 50000 ]
}
check "the report is one file with no network, script or link" self_contained
check "it says where the patient stands on the first screen" grep -q "stage 1 (left/right judgement)" "$OUT/report.html"
check "it draws the desensitisation ladder" grep -q "desensitisation ladder" "$OUT/report.html"
check "it shows the graded exposure ladder" grep -q "Graded exposure ladder" "$OUT/report.html"
check "it marks when mirror therapy felt worse" grep -q "Felt worse after mirror therapy" "$OUT/report.html"
check "Chromium draws it at A4 width (target/report/a4.png)" shot a4 794 2400
check "Chromium draws it at phone width (target/report/phone.png)" shot phone 390 2800
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
