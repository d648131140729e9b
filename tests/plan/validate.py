"""Checks docs/plan.schema.json with the jsonschema package (a validator we did not
write): the schema itself is valid draft 2020-12; every plan in
core/tests/fixtures/plans/valid and every plan the CLI writes (a template, a decoded share
code) passes; every plan in .../invalid fails. Plans in .../invalid-rules break rules the
schema cannot state (one track per body part, every stage once, one lock a track, no
mirror on the resolve track): they pass the schema, and the core refuses them
(core/tests/plan.rs). Prints "N passed, N failed"."""

import json
import sys
from pathlib import Path

import jsonschema

root = Path(__file__).resolve().parents[2]
schema = json.loads((root / "docs/plan.schema.json").read_text())
fixtures = root / "core/tests/fixtures/plans"
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


try:
    jsonschema.Draft202012Validator.check_schema(schema)
    check("schema is valid draft 2020-12", True)
except jsonschema.SchemaError as e:
    check("schema is valid draft 2020-12", False, e.message)

extra = [Path(p) for p in sys.argv[1:]]
for path in sorted((fixtures / "valid").glob("*.json")) + extra:
    errors = [e.message for e in validator.iter_errors(json.loads(path.read_text()))]
    check(f"{path.name} passes", not errors, errors)
for path in sorted((fixtures / "invalid").glob("*.json")):
    check(f"{path.name} fails", not validator.is_valid(json.loads(path.read_text())))
for path in sorted((fixtures / "invalid-rules").glob("*.json")):
    check(f"{path.name} passes the schema (the core refuses it)", validator.is_valid(json.loads(path.read_text())))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
