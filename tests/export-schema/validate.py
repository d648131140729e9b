"""Checks exports against docs/export.schema.json, and that the schema refuses damaged
copies of the first one (so the check can fail). Prints one line per check and
"N passed, N failed"; exits 1 on any failure."""

import copy
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        print(("ok    " if ok else "FAIL  ") + name + (f": {detail}" if detail and not ok else ""))
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)

    exports = [json.load(open(p, encoding="utf-8")) for p in sys.argv[2:]]
    for path, doc in zip(sys.argv[2:], exports):
        errors = list(validator.iter_errors(doc))
        check(f"{path.rsplit('/', 1)[-1]} ({len(doc['sessions'])} sessions) is valid", not errors,
              "; ".join(f"{e.json_path}: {e.message[:120]}" for e in errors[:5]))

    base = exports[0]
    trial = ("sessions", 0, "trials", 0)
    kinds = {s["kind"] for s in base["sessions"] if "guided" in s}
    check("the first export has guided sessions of every kind and both ladders",
          len(kinds) == 5 and base.get("texture_ladder") and base.get("exposure_ladder"), str(kinds))
    guided = ("sessions", next(i for i, s in enumerate(base["sessions"]) if "guided" in s), "guided")
    answer = guided + ("answers", 0)

    def damaged(path, value=None, delete=False):
        doc = copy.deepcopy(base)
        node = doc
        for key in path[:-1]:
            node = node[key]
        if delete:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return doc

    for name, doc in [
        ("no format", damaged(("format",), delete=True)),
        ("a newer format_version", damaged(("format_version",), 2)),
        ("a side that is neither left nor right", damaged(trial + ("side",), "up")),
        ("a rotation of 360 degrees", damaged(trial + ("stimulus", "rotation_deg"), 360)),
        ("pain 11 in the journal", damaged(("journal", 0, "pain"), 11)),
        ("a trial without its onset", damaged(trial + ("onset_ns",), delete=True)),
        ("an unknown field", damaged(("patient_name",), "Jane")),
        ("a session state nobody writes", damaged(("sessions", 0, "state"), "paused")),
        ("a stage nobody has", damaged(("stages", 0, "to"), "flying")),
        ("a stage event without its reason", damaged(("stages", 0, "reason"), delete=True)),
        ("a plan that is not a proprio-plan", damaged(("plans",), [{"received_at": {"unix_ms": 0, "zone": "UTC"},
                                                                   "source": "file", "plan": {"format": "x"},
                                                                   "changes": []}])),
        ("pain 11 in a guided session's answer", damaged(answer + ("value",), 11)),
        ("a rating without its value", damaged(answer + ("value",), None)),
        ("a kind of answer nobody writes", damaged(answer + ("answer",), "maybe")),
        ("a guided session without its answers", damaged(guided + ("answers",), delete=True)),
        ("a step for something nobody does", damaged(guided + ("script", "steps", 0, "purpose"), "dance")),
        ("an exposure step feared 101", damaged(("exposure_ladder", 0, "fear"), 101)),
    ]:
        check(f"refuses {name}", not validator.is_valid(doc))

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
