#!/usr/bin/env bash
# The plan's JSON Schema (docs/plan.schema.json), checked by the jsonschema package from
# PyPI: against the fixture plans, and against a template and a decoded share code
# written by the real CLI. Prints "N passed, N failed".
# Needs target/debug/proprio (cargo test --workspace builds it) or PROPRIO_CLI.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

VENV=$PROPRIO_CACHE/jsonschema-venv-4.23.0
require_cli
ensure_python_venv "$VENV" "jsonschema==4.23.0"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { "$CLI" --db "$WORK/p.db" --tz Europe/Berlin --at "2026-12-01 09:00" "$@" >/dev/null; }
run profile set --affected hand:left,back:right
run plan new --out "$WORK/template.json"
code=$("$CLI" plan code "$ROOT/core/tests/fixtures/plans/valid/full.json")
run plan decode "$code" --out "$WORK/decoded.json"
"$VENV/bin/python" "$ROOT/tests/plan/validate.py" "$WORK/template.json" "$WORK/decoded.json"
