#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust tests, the Kotlin binding tests on the JVM,
# the Swift FFI header smoke test and the Compose screens on the desktop JVM. Installs what the binding tests need if missing.
# Exits non-zero if anything fails; prints how long each phase took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

KOTLIN_LOG=$PROPRIO_BUILD/kotlin/last-run.log
COMPOSE_LOG=$PROPRIO_BUILD/compose/last-run.log
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
# The "N passed, N failed" line a JVM suite's log ends with, or nothing.
summary_of() { grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" 2>/dev/null | tail -n 1 || true; }

# Timings, then the JVM suites' (Kotlin bindings + Compose) "N passed, N failed" summed
# as the very last line (CI reads it there); a run that failed before a suite could
# report ends "0 passed, 1 failed".
report() {
    local status=$? kotlin compose passed=0 failed=0
    printf '\n==== timings\n' >&2
    [ ${#TIMINGS[@]} -eq 0 ] || printf '%s\n' "${TIMINGS[@]}" >&2
    printf '%5ds  total\n' "$SECONDS" >&2
    [ $status -eq 0 ] || printf '\nFAILED in phase "%s" (exit status %d)\n' "$CURRENT" "$status" >&2
    kotlin=$(summary_of "$KOTLIN_LOG")
    compose=$(summary_of "$COMPOSE_LOG")
    [ -z "$kotlin" ] || echo "Kotlin binding tests: $kotlin" >&2
    [ -z "$compose" ] || echo "Compose screen tests: $compose" >&2
    if [ $status -ne 0 ] && { [ -z "$kotlin" ] || [ -z "$compose" ]; }; then
        echo "0 passed, 1 failed"
        return
    fi
    for line in "$kotlin" "$compose"; do
        [ -n "$line" ] || continue
        passed=$((passed + ${line%% passed*}))
        failed=$((failed + $(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$line")))
    done
    [ -z "$kotlin$compose" ] || echo "$passed passed, $failed failed"
}
rm -f "$KOTLIN_LOG" "$COMPOSE_LOG"
trap report EXIT

phase "cargo fmt --check" cargo fmt --all --check
phase "cargo clippy" cargo clippy --locked --workspace --all-targets -- -D warnings
# Also compiles the dependencies of the debug uniffi-bindgen built in the next phase.
phase "cargo test --workspace" cargo test --locked --workspace
phase "cdylib + bindgen" ensure_native
export PROPRIO_LIB_DIR=$LIB_DIR PROPRIO_BINDGEN=$BINDGEN
phase "Kotlin binding tests" bash tests/kotlin/run.sh
phase "Swift FFI header smoke" bash tests/swift/header_smoke.sh
phase "Compose screens (desktop JVM)" bash tests/compose/run.sh
