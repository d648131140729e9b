"""Validates Proprio's FHIR export against the FHIR R4 resource definitions, with a
FHIR model library that Proprio did not write (fhir.resources 6.5, FHIR 4.0.1), and
checks what the export must say. Prints one line per check and "N passed, N failed"."""

import json
import sys

from fhir.resources.bundle import Bundle
from fhir.resources.observation import Observation
from fhir.resources.patient import Patient

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}")


path, expected_sessions, expected_pain = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = json.load(open(path, encoding="utf-8"))
try:
    bundle = Bundle.parse_obj(raw)
    check("the Bundle validates against FHIR R4", True)
except Exception as e:  # the library's validation error names the element
    check("the Bundle validates against FHIR R4", False, str(e)[:2000])
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(1)

check("it is a collection", bundle.type == "collection")
resources = [e.resource for e in bundle.entry]
patients = [r for r in resources if isinstance(r, Patient)]
check("one Patient", len(patients) == 1)
p = patients[0]
check("the Patient carries only the pseudonymous code",
      p.name is None and p.birthDate is None and p.address is None and p.telecom is None
      and len(p.identifier) == 1 and p.identifier[0].value.startswith("P-"))
obs = [r for r in resources if isinstance(r, Observation)]
pain = [o for o in obs if o.code.coding[0].system == "http://loinc.org"]
check("pain observations use LOINC 72514-3", all(o.code.coding[0].code == "72514-3" for o in pain))
check(f"{expected_pain} pain observations", len(pain) == expected_pain, str(len(pain)))
check("pain is a 0-10 quantity in UCUM unit 1",
      all(o.valueQuantity.code == "1" and 0 <= o.valueQuantity.value <= 10 for o in pain))
check("every observation is final", all(o.status == "final" for o in obs))
check("every observation is dated", all(o.effectiveDateTime or o.effectivePeriod for o in obs))
sessions = [o for o in obs if o.code.coding[0].code == "left-right-session"]
check(f"{expected_sessions} session observations", len(sessions) == expected_sessions, str(len(sessions)))
codes = {c.code.coding[0].code for o in sessions for c in o.component}
check("sessions have per-side accuracy, median RT and counts",
      {"left-accuracy", "right-accuracy", "left-median-rt", "right-median-rt", "left-trials", "right-trials"} <= codes,
      str(sorted(codes)))
check("accuracy is in %",
      all(c.valueQuantity.code == "%" and 0 <= c.valueQuantity.value <= 100
          for o in sessions for c in o.component if c.code.coding[0].code.endswith("accuracy")))
refs = {o.subject.reference for o in obs}
check("every observation refers to the Patient", refs == {bundle.entry[0].fullUrl}, str(refs))

print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
