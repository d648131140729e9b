#!/usr/bin/env bash
# The Swift checks that run without a Swift compiler (Linux CI included):
#   - the checker's own tests (check_swift.py), including deliberately wrong names
#     against the real generated bindings, which must fail;
#   - every Swift file under ios/ and tests/swift/ parses with tree-sitter-swift, and
#     every core name it uses exists in the generated Swift bindings (check_swift.py);
#   - ios/project.yml is valid YAML naming paths that exist, iOS 16 or later;
#   - the shell scripts of ios/ and tests/swift/ pass bash -n and shellcheck.
# Prints one line per check and ends with "N passed, N failed"; exits non-zero on any
# failure. Installs tree-sitter (PyPI) into a venv under $PROPRIO_CACHE (tests/lib.sh) and shellcheck (Debian).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

TREE_SITTER=0.26.1
TREE_SITTER_SWIFT=0.7.4
PYYAML=6.0.3
VENV=$PROPRIO_CACHE/swift-check-venv-$TREE_SITTER-$TREE_SITTER_SWIFT
OUT=$PROPRIO_BUILD/swift
HERE=$ROOT/tests/swift
PASSED=0
FAILED=0

# count LOG: adds the "N passed, N failed" line of LOG to the totals (a run that printed
# none counts as one failure).
count() {
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1) || true
    if [ -z "$line" ]; then
        FAILED=$((FAILED + 1))
        return
    fi
    read -r p _ f _ <<<"${line//,/}"
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
}

check() { # check NAME COMMAND...: one pass or fail
    if "$@" >"$OUT/check.log" 2>&1; then
        echo "ok   $NAME"
        PASSED=$((PASSED + 1))
    else
        echo "FAIL $NAME"
        sed 's/^/    /' "$OUT/check.log"
        FAILED=$((FAILED + 1))
    fi
}

ensure_python_venv "$VENV" "tree-sitter==$TREE_SITTER" "tree-sitter-swift==$TREE_SITTER_SWIFT" "pyyaml==$PYYAML"
command -v shellcheck >/dev/null || apt_ensure shellcheck
ensure_native
mkdir -p "$OUT"
generate_bindings swift "$OUT/generated"
BINDINGS=$OUT/generated/ProprioCore.swift
[ -f "$BINDINGS" ] || die "no ProprioCore.swift in $OUT/generated: is module_name in uniffi.toml applied?"

# 1. The checker's tests (unittest's verbose lines, turned into the totals).
PROPRIO_SWIFT_BINDINGS=$BINDINGS PROPRIO_SWIFT_APP=$ROOT/ios/Proprio \
    "$VENV/bin/python" "$HERE/test_check_swift.py" >"$OUT/checker-tests.log" 2>&1 || true
cat "$OUT/checker-tests.log"
count "$OUT/checker-tests.log"

# 2. Every Swift source we write (not what uniffi or SwiftPM generate on a Mac).
mapfile -t SOURCES < <(cd "$ROOT" && find ios tests/swift -name '*.swift' \
    -not -path '*/.build/*' -not -path 'tests/swift/Generated/*' \
    -not -path 'ios/ProprioCore/Sources/*' | sort)
[ ${#SOURCES[@]} -gt 0 ] || die "no Swift sources under ios/ and tests/swift/"
(cd "$ROOT" && "$VENV/bin/python" "$HERE/check_swift.py" --bindings "$BINDINGS" \
    --allow "$HERE/apple-names.txt" --pending "$HERE/pending-core-names.txt" "${SOURCES[@]}") \
    >"$OUT/names.log" 2>&1 || true
cat "$OUT/names.log"
count "$OUT/names.log"

# 3. The XcodeGen spec: parses, iOS 16+, and names paths that exist.
NAME="ios/project.yml" check "$VENV/bin/python" - "$ROOT/ios" <<'EOF'
import sys, pathlib, yaml
ios = pathlib.Path(sys.argv[1])
spec = yaml.safe_load((ios / "project.yml").read_text())
target = spec["targets"]["Proprio"]
assert float(spec["options"]["deploymentTarget"]["iOS"]) >= 16, "iOS deployment target below 16"
assert float(target["deploymentTarget"]) >= 16, "target deployment below 16"
for source in target["sources"]:
    assert (ios / source["path"]).is_dir(), f"no sources folder {source['path']}"
for name, package in spec["packages"].items():
    assert (ios / package["path"] / "Package.swift").is_file(), f"package {name}: no Package.swift"
assert any(d.get("package") == "ProprioCore" for d in target["dependencies"]), "the app does not link ProprioCore"
EOF

# 4. Shell scripts: syntax and shellcheck (the build script cannot run here).
lint_script() { bash -n "$1" && shellcheck -x -e SC1091 "$1"; }
for script in ios/build-ios.sh tests/swift/check.sh tests/swift/header_smoke.sh tests/swift/generate.sh; do
    NAME="bash -n + shellcheck $script" check lint_script "$ROOT/$script"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
