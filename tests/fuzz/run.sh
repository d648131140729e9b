#!/usr/bin/env bash
# A short fuzz run of every cargo-fuzz target in fuzz/ (the parsers of outside input:
# reminder diffs, backups, and what else fuzz/Cargo.toml lists), FUZZ_SECONDS each
# (default 20), with libFuzzer's memory limit. A target passes when libFuzzer finds no
# crash, panic, leak or timeout. Prints "N passed, N failed".
#
# cargo-fuzz needs nightly compiler flags (sanitizers); RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them. cargo-fuzz is installed into ~/.cargo/bin once, and the fuzz
# build lives in the per-user cache, so a fresh clone reuses the compiled dependencies.
# The longer run: FUZZ_SECONDS=600 bash tests/fuzz/run.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

FUZZ_SECONDS=${FUZZ_SECONDS:-20}
CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install --locked --quiet cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi
export RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$PROPRIO_CACHE/fuzz-target
cd "$ROOT/fuzz"
targets=$(cargo fuzz list)
[ -n "$targets" ] || die "no fuzz targets in fuzz/"
log "building the fuzz targets (address sanitizer)"
cargo fuzz build >/dev/null 2>&1 || cargo fuzz build
passed=0 failed=0
for target in $targets; do
    log "fuzzing $target for ${FUZZ_SECONDS}s"
    # A fresh corpus folder per run: the run starts from nothing and keeps no state.
    corpus=$(mktemp -d)
    if cargo fuzz run "$target" "$corpus" -- -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=1024 \
        -max_len=1048576 -print_final_stats=1 >"$corpus.log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units' "$corpus.log" | awk '{print $2}')
        echo "ok    $target: ${runs:-?} inputs in ${FUZZ_SECONDS}s"
        passed=$((passed + 1))
    else
        tail -n 30 "$corpus.log"
        echo "FAIL  $target (the crashing input is under fuzz/artifacts/$target/)"
        failed=$((failed + 1))
    fi
    rm -rf "$corpus" "$corpus.log"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
