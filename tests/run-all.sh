#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust tests, the FHIR export against a FHIR R4
# library, the report drawn in headless Chromium, the Kotlin binding tests on the JVM,
# the Compose screens on the desktop JVM (compiled, drawn into PNGs, clicked through, and
# the Android glue compiled against android-all), the Swift source checks (parse + core
# names, no Swift compiler needed), the Swift FFI header smoke test and a short fuzz run of
# every parser of outside input (tests/fuzz/run.sh). Installs what the
# binding tests need if missing.
# Exits non-zero if anything fails; prints how long each phase took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Each suite that reports "N passed, N failed", and the log its last such line is read from.
SUITES=(
    "FHIR export validation|$PROPRIO_BUILD/fhir/last-run.log"
    "Report in Chromium|$PROPRIO_BUILD/report/last-run.log"
    "Kotlin binding tests|$PROPRIO_BUILD/kotlin/last-run.log"
    "Compose screens|$PROPRIO_BUILD/compose/last-run.log"
    "Swift source checks|$PROPRIO_BUILD/swift/check.last-run.log"
    "Fuzz (short run)|$PROPRIO_BUILD/fuzz/last-run.log"
)
TIMINGS=()
CURRENT=
phase() {
    local start=$SECONDS
    CURRENT=$1
    shift
    printf '\n==== %s\n' "$CURRENT" >&2
    "$@"
    TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - start)) "$CURRENT")")
}
# Timings, then the suites' "N passed, N failed" lines added up as the very last
# line (CI reads it there); a run that failed before any suite could report ends
# "0 passed, 1 failed".
report() {
    local status=$? passed=0 failed=0 found= suite name log line p f
    printf '\n==== timings\n' >&2
    [ ${#TIMINGS[@]} -eq 0 ] || printf '%s\n' "${TIMINGS[@]}" >&2
    printf '%5ds  total\n' "$SECONDS" >&2
    [ $status -eq 0 ] || printf '\nFAILED in phase "%s" (exit status %d)\n' "$CURRENT" "$status" >&2
    for suite in "${SUITES[@]}"; do
        name=${suite%%|*}
        log=${suite#*|}
        line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -n 1) || true
        [ -n "$line" ] || continue
        echo "$name: $line" >&2
        read -r p _ f _ <<<"${line//,/}"
        passed=$((passed + p))
        failed=$((failed + f))
        found=1
    done
    if [ -n "$found" ]; then
        [ $status -eq 0 ] || [ $failed -gt 0 ] || failed=1
        echo "$passed passed, $failed failed"
    elif [ $status -ne 0 ]; then
        echo "0 passed, 1 failed"
    fi
}
for suite in "${SUITES[@]}"; do rm -f "${suite#*|}"; done
trap report EXIT

phase "cargo fmt --check" cargo fmt --all --check
phase "cargo clippy" cargo clippy --locked --workspace --all-targets -- -D warnings
# Also compiles the dependencies of the debug uniffi-bindgen built in the next phase.
phase "cargo test --workspace" cargo test --locked --workspace
# logged SCRIPT LOG: runs a suite script, keeping its output for the summed last line.
logged() {
    mkdir -p "$(dirname "$2")"
    bash "$1" | tee "$2"
    return "${PIPESTATUS[0]}"
}
phase "FHIR export validation" logged tests/fhir/run.sh "${SUITES[0]#*|}"
phase "Report in Chromium" logged tests/report/run.sh "${SUITES[1]#*|}"
phase "cdylib + bindgen" ensure_native
export PROPRIO_LIB_DIR=$LIB_DIR PROPRIO_BINDGEN=$BINDGEN
phase "Kotlin binding tests" bash tests/kotlin/run.sh
phase "Compose screens (desktop JVM)" bash tests/compose/run.sh
phase "Swift source checks" logged tests/swift/check.sh "${SUITES[4]#*|}"
phase "Swift FFI header smoke" bash tests/swift/header_smoke.sh
phase "Fuzz (short run)" logged tests/fuzz/run.sh "${SUITES[5]#*|}"
