#!/usr/bin/env bash
# The FHIR export, validated by a FHIR R4 library from PyPI (fhir.resources 6.5.0, FHIR
# 4.0.1): a simulated patient practises and keeps a journal through the real CLI, the
# export is written, and tests/fhir/validate.py checks it. Prints "N passed, N failed".
# Needs target/debug/proprio (cargo test --workspace builds it) or PROPRIO_CLI.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

VENV=$PROPRIO_CACHE/fhir-venv-6.5.0
require_cli
# fhir.resources 6.5 is built on pydantic 1 (its metadata does not say so).
ensure_python_venv "$VENV" "fhir.resources==6.5.0" "pydantic==1.10.19"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
db=$WORK/p.db
run() { "$CLI" --db "$db" --tz Europe/Berlin "$@" >/dev/null; }
for day in 02 03 04; do
    run --at "2026-03-$day 09:00" practice --simulate --count 20 --seed "$day"
    run --at "2026-03-$day 10:00" journal add --pain 4 --fear 2 --medication --note "day $day"
done
run --at "2026-03-05 09:00" journal add --pain 3
run --at "2026-03-06 09:00" export --format fhir --out "$WORK/fhir.json"
"$VENV/bin/python" "$ROOT/tests/fhir/validate.py" "$WORK/fhir.json" 3 4
