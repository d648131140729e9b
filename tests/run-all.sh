#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust tests, the Kotlin binding tests on the JVM
# and the Swift FFI header smoke test. Installs what the binding tests need if missing.
# Exits non-zero if anything fails; prints how long each phase took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

KOTLIN_LOG=$PROPRIO_BUILD/kotlin/last-run.log
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
# Timings, then the Kotlin suite's "N passed, N failed" as the very last line (CI reads
# it there); a run that failed before the Kotlin tests could report ends "0 passed, 1 failed".
report() {
    local status=$? summary=
    printf '\n==== timings\n' >&2
    [ ${#TIMINGS[@]} -eq 0 ] || printf '%s\n' "${TIMINGS[@]}" >&2
    printf '%5ds  total\n' "$SECONDS" >&2
    [ $status -eq 0 ] || printf '\nFAILED in phase "%s" (exit status %d)\n' "$CURRENT" "$status" >&2
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$KOTLIN_LOG" 2>/dev/null | tail -n 1) || true
    if [ -n "$summary" ]; then
        echo "Kotlin binding tests: $summary" >&2
        echo "$summary"
    elif [ $status -ne 0 ]; then
        echo "0 passed, 1 failed"
    fi
}
rm -f "$KOTLIN_LOG"
trap report EXIT

phase "cargo fmt --check" cargo fmt --all --check
phase "cargo clippy" cargo clippy --locked --workspace --all-targets -- -D warnings
# Also compiles the dependencies of the debug uniffi-bindgen built in the next phase.
phase "cargo test --workspace" cargo test --locked --workspace
phase "cdylib + bindgen" ensure_native
export PROPRIO_LIB_DIR=$LIB_DIR PROPRIO_BINDGEN=$BINDGEN
phase "Kotlin binding tests" bash tests/kotlin/run.sh
phase "Swift FFI header smoke" bash tests/swift/header_smoke.sh
