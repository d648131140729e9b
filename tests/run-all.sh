#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust tests, the Kotlin binding tests on the JVM
# and the Swift FFI header smoke test. Installs what the binding tests need if missing.
# Exits non-zero if anything fails; prints how long each phase took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

TIMINGS=()
phase() {
    local name=$1 start=$SECONDS
    shift
    printf '\n==== %s\n' "$name" >&2
    "$@"
    TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - start)) "$name")")
}
report() {
    local status=$?
    printf '\n==== timings\n' >&2
    [ ${#TIMINGS[@]} -eq 0 ] || printf '%s\n' "${TIMINGS[@]}" >&2
    printf '%5ds  total\n' "$SECONDS" >&2
    [ $status -eq 0 ] || printf '\nFAILED (exit status %d)\n' "$status" >&2
}
trap report EXIT

phase "cargo fmt --check" cargo fmt --all --check
phase "cargo clippy" cargo clippy --locked --workspace --all-targets -- -D warnings
# Also builds target/debug/uniffi-bindgen (a workspace member), reused below.
phase "cargo test --workspace" cargo test --locked --workspace
phase "release cdylib + bindgen" ensure_native
export PROPRIO_LIB_DIR=$LIB_DIR PROPRIO_BINDGEN=$BINDGEN
phase "Kotlin binding tests" bash tests/kotlin/run.sh
phase "Swift FFI header smoke" bash tests/swift/header_smoke.sh
