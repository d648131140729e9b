#!/usr/bin/env bash
# macOS only: builds the core for this Mac and lays out the generated Swift bindings the
# way Package.swift expects them (Generated/, not committed). Then run `swift test`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/tests/swift/Generated
cd "$ROOT"

cargo build --release -p proprio-core --lib
cargo build -p uniffi-bindgen
rm -rf "$OUT"
mkdir -p "$OUT/ProprioCore" "$OUT/ProprioCoreFFI" "$OUT/raw"
target/debug/uniffi-bindgen generate target/release/libproprio_core.dylib --language swift \
    --config uniffi.toml --out-dir "$OUT/raw"
mv "$OUT/raw/ProprioCore.swift" "$OUT/ProprioCore/"
mv "$OUT/raw/ProprioCoreFFI.h" "$OUT/ProprioCoreFFI/"
# SwiftPM's system-library targets want the module map under this exact name.
mv "$OUT/raw/ProprioCoreFFI.modulemap" "$OUT/ProprioCoreFFI/module.modulemap"
rm -rf "$OUT/raw"
echo "Swift bindings in $OUT; now: cd tests/swift && swift test"
