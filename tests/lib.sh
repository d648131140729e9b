# Shared helpers for the test scripts. Source it; do not run it.
#
# Environment (all optional):
#   PROPRIO_LIB_DIR   folder holding an already built libproprio_core.so (skips the build)
#   PROPRIO_BINDGEN   path of an already built uniffi-bindgen binary (skips the build)
#   PROPRIO_CACHE     download cache (kotlinc, the Swift check's venv), default
#                     ${XDG_CACHE_HOME:-~/.cache}/proprio: per user, not per clone, so a
#                     fresh clone (CI) finds what an earlier one downloaded
#   PROPRIO_BUILD     scratch output (generated bindings, classes), default <target>/tests
#   CARGO_TARGET_DIR  honoured as by cargo, default <repo>/target

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET_DIR=$(realpath -m "${CARGO_TARGET_DIR:-$ROOT/target}")
PROPRIO_CACHE=${PROPRIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/proprio}
PROPRIO_BUILD=${PROPRIO_BUILD:-$TARGET_DIR/tests}

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo without a prompt
# (CI has no stdin, so a password prompt would hang).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo -n "$@" || die "needs root for: $* (sudo -n failed; run it once by hand)"
    else
        die "needs root for: $* (no sudo)"
    fi
}

# Installs the Debian packages given that are not installed yet. The package lists are
# refreshed only when something is actually missing.
apt_ensure() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
    log "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# Sets LIB (the cdylib) and BINDGEN, building whichever was not given. By default both
# are the debug builds `cargo test --workspace` has just made (the same crates and
# features, so nothing is compiled twice and CI skips a multi-minute fat-LTO link); to
# test the shipped release library instead, `cargo build --release -p proprio-core` and
# set PROPRIO_LIB_DIR=target/release. The bindgen is selected with --workspace so its
# dependencies resolve to the same features as in `cargo test --workspace` (built with
# `-p uniffi-bindgen` alone, clap and libc get other features and ~80 crates are
# compiled a second time).
ensure_native() {
    if [ -n "${PROPRIO_LIB_DIR:-}" ]; then
        [ -f "$PROPRIO_LIB_DIR/libproprio_core.so" ] ||
            die "PROPRIO_LIB_DIR=$PROPRIO_LIB_DIR has no libproprio_core.so"
        LIB=$(realpath "$PROPRIO_LIB_DIR/libproprio_core.so")
    else
        log "building the cdylib (debug, shared with cargo test)"
        # --tests resolves features as `cargo test` does (dev-dependencies included), so
        # this reuses its build instead of compiling the core and rand a second time.
        (cd "$ROOT" && cargo build --locked --workspace --lib --tests) || die "build of proprio-core failed"
        LIB=$TARGET_DIR/debug/libproprio_core.so
    fi
    if [ -n "${PROPRIO_BINDGEN:-}" ]; then
        [ -x "$PROPRIO_BINDGEN" ] || die "PROPRIO_BINDGEN=$PROPRIO_BINDGEN is not an executable"
        BINDGEN=$(realpath "$PROPRIO_BINDGEN")
    else
        log "building uniffi-bindgen"
        (cd "$ROOT" && cargo build --locked --workspace --tests --bin uniffi-bindgen) ||
            die "build of uniffi-bindgen failed"
        BINDGEN=$TARGET_DIR/debug/uniffi-bindgen
    fi
    LIB_DIR=$(dirname "$LIB")
}

# generate_bindings LANG OUT: (re)generates LANG bindings for $LIB into OUT.
generate_bindings() {
    local lang=$1 out=$2
    rm -rf "$out"
    mkdir -p "$out"
    "$BINDGEN" generate "$LIB" --language "$lang" --config "$ROOT/uniffi.toml" \
        --out-dir "$out" --no-format >/dev/null ||
        die "uniffi-bindgen could not generate $lang bindings from $LIB (a library stripped of its symbol table has no uniffi metadata: see strip in Cargo.toml)"
}

# kotlinc for the Kotlin binding tests and the Compose screens, one install in the cache.
KOTLIN_VERSION=2.4.20
KOTLIN_HOME=$PROPRIO_CACHE/kotlin-compiler-$KOTLIN_VERSION

# Unpacks the kotlinc distribution (the npm package is the official zip, repackaged) into
# the cache, atomically: an interrupted download never leaves a half compiler behind.
ensure_kotlinc() {
    [ -x "$KOTLIN_HOME/bin/kotlinc" ] && return 0
    command -v npm >/dev/null || die "npm is needed to fetch kotlinc (kotlin-compiler@$KOTLIN_VERSION)"
    log "fetching kotlin-compiler@$KOTLIN_VERSION into $PROPRIO_CACHE"
    mkdir -p "$PROPRIO_CACHE"
    local tmp
    tmp=$(mktemp -d "$PROPRIO_CACHE/.kotlin-XXXXXX")
    (cd "$tmp" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null) ||
        die "npm pack kotlin-compiler@$KOTLIN_VERSION failed"
    tar -xzf "$tmp"/kotlin-compiler-*.tgz -C "$tmp"
    chmod +x "$tmp"/package/bin/*
    [ -x "$tmp/package/bin/kotlinc" ] || die "kotlin-compiler@$KOTLIN_VERSION has no bin/kotlinc"
    rm -rf "$KOTLIN_HOME"
    mv "$tmp/package" "$KOTLIN_HOME"
    rm -rf "$tmp"
}

# ensure_python_venv VENV PACKAGE==VERSION...: a venv with exactly these PyPI packages,
# made in place and marked complete last, so an interrupted install is redone.
# Sets CLI to the proprio binary the suites drive: PROPRIO_CLI, or the debug build that
# `cargo test --workspace` makes.
require_cli() {
    CLI=${PROPRIO_CLI:-$TARGET_DIR/debug/proprio}
    [ -x "$CLI" ] || die "no $CLI: run cargo build -p proprio-cli (or cargo test --workspace) first"
}

ensure_python_venv() {
    local venv=$1
    shift
    [ -f "$venv/.complete" ] && return 0
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_ensure python3-venv
    log "installing $* into $venv"
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@" || die "pip could not install $*"
    touch "$venv/.complete"
}

# run_junit WHAT TIMEOUT LOG COMMAND...: runs COMMAND, a JUnit runner that prints one line
# per test and ends with "N passed, N failed", under a time limit of TIMEOUT seconds,
# copying its output into LOG. A runner that crashed, hung or never printed that line
# (a JVM that died before its summary) gets "0 passed, 1 failed" written for it, to the
# terminal and LOG, so tests/run-all.sh counts it. Returns the runner's exit status (1 when
# it did not complete).
run_junit() {
    local what=$1 limit=$2 log=$3 status
    shift 3
    mkdir -p "$(dirname "$log")"
    set +e
    timeout "$limit" "$@" | tee "$log"
    status=${PIPESTATUS[0]}
    set -e
    if ! grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$log"; then
        [ "$status" -eq 124 ] && echo "$what timed out after ${limit}s" >&2
        echo "$what did not complete (exit status $status)" >&2
        echo "0 passed, 1 failed" | tee -a "$log"
        return 1
    fi
    return "$status"
}
