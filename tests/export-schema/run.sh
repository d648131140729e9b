#!/usr/bin/env bash
# The export's JSON Schema (docs/export.schema.json), checked by the jsonschema package
# from PyPI against real exports written by the CLI (a short history with a guided
# session of every kind and both ladders, and the demo's weeks with every kind of
# left/right record), and against damaged copies that it must refuse. Prints
# "N passed, N failed". Needs target/debug/proprio (cargo test --workspace builds it).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

VENV=$PROPRIO_CACHE/jsonschema-venv-4.23.0
require_cli
ensure_python_venv "$VENV" "jsonschema==4.23.0"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { "$CLI" --db "$WORK/p.db" --tz Europe/Berlin "$@" >/dev/null; }
run --at "2026-03-02 09:00" profile set --affected hand:left
run --at "2026-03-02 09:00" practice --simulate --count 20 --seed 1
run --at "2026-03-02 10:00" journal add --pain 4 --fear 2 --medication --note "a note"
run --at "2026-03-02 11:00" plan import "$ROOT/core/tests/fixtures/plans/valid/full.json"
run --at "2026-03-02 11:30" textures set "cotton wool" "silk" "towel"
run --at "2026-03-02 11:30" ladder add "stairs" --fear 40
hour=12
for kind in imagery mirror desensitise exposure sensory; do
    run --at "2026-03-02 $hour:00" session "$kind" --simulate --seed "$hour" --feeling worse --pain-during 5
    hour=$((hour + 1))
done
run --at "2026-03-02 17:00" session sensory --simulate --seed 2 --stop-after 9
run --at "2026-03-03 09:00" export --format json --out "$WORK/short.json"
"$CLI" demo --weeks 2 --seed 7 --out "$WORK/demo" >/dev/null
"$VENV/bin/python" "$ROOT/tests/export-schema/validate.py" "$ROOT/docs/export.schema.json" \
    "$WORK/short.json" "$WORK/demo/proprio-export.json"
