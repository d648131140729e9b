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
    ]:
        check(f"refuses {name}", not validator.is_valid(doc))

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
