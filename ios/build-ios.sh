#!/usr/bin/env bash
# macOS only (needs Xcode): builds the core for iOS and lays out the Swift package the app
# links, ios/ProprioCore/:
#   ProprioCoreFFI.xcframework   the static library for devices (aarch64-apple-ios) and the
#                                simulators (aarch64-apple-ios-sim + x86_64-apple-ios joined
#                                with lipo), each with ProprioCoreFFI/ProprioCoreFFI.h and
#                                ProprioCoreFFI/module.modulemap as headers
#   Sources/ProprioCore/ProprioCore.swift   the generated Swift bindings
# Both are generated (not committed); run this again after every change to the core.
#
# The bindings come from the workspace's own uniffi-bindgen (same uniffi version as the
# core) with the root uniffi.toml, read from the device library itself.
#
#   ios/build-ios.sh            release build (what the app ships)
#   ios/build-ios.sh --debug    debug build, quicker while working on the core
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PACKAGE=$ROOT/ios/ProprioCore
LIB=libproprio_core.a
DEVICE=aarch64-apple-ios
SIMULATORS=(aarch64-apple-ios-sim x86_64-apple-ios)

profile=release
for arg in "$@"; do
    case $arg in
    --debug) profile=debug ;;
    *)
        echo "usage: $0 [--debug]" >&2
        exit 2
        ;;
    esac
done
cargo_profile=()
[ "$profile" = release ] && cargo_profile=(--release)

[ "$(uname)" = Darwin ] || {
    echo "error: building for iOS needs macOS with Xcode (xcodebuild, lipo)" >&2
    exit 1
}
command -v xcodebuild >/dev/null || {
    echo "error: xcodebuild not found: install Xcode and run xcode-select" >&2
    exit 1
}

cd "$ROOT"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
STAGING=$TARGET_DIR/ios-staging

build_libraries() {
    if command -v rustup >/dev/null; then
        rustup target add "$DEVICE" "${SIMULATORS[@]}"
    fi
    local target
    for target in "$DEVICE" "${SIMULATORS[@]}"; do
        echo "==> building the core for $target ($profile)"
        cargo build --locked -p proprio-core --lib "${cargo_profile[@]}" --target "$target"
    done
}

# One library for both simulator architectures: an XCFramework takes one per platform.
join_simulator_libraries() {
    echo "==> joining the simulator libraries with lipo"
    local inputs=() target
    for target in "${SIMULATORS[@]}"; do
        inputs+=("$TARGET_DIR/$target/$profile/$LIB")
    done
    mkdir -p "$STAGING/ios-simulator"
    lipo -create "${inputs[@]}" -output "$STAGING/ios-simulator/$LIB"
}

# Swift bindings, the C header and the module map, from the device library's metadata.
generate_bindings() {
    echo "==> generating the Swift bindings"
    cargo build --locked --workspace --bin uniffi-bindgen
    local raw=$STAGING/bindings
    rm -rf "$raw" "$STAGING/headers"
    "$TARGET_DIR/debug/uniffi-bindgen" generate "$TARGET_DIR/$DEVICE/$profile/$LIB" \
        --language swift --config "$ROOT/uniffi.toml" --out-dir "$raw"
    # The headers sit in a folder named after the module, so that module maps of other
    # XCFrameworks in the same app do not collide; the module map must be called
    # module.modulemap for Xcode to find it.
    mkdir -p "$STAGING/headers/ProprioCoreFFI" "$PACKAGE/Sources/ProprioCore"
    mv "$raw/ProprioCoreFFI.h" "$STAGING/headers/ProprioCoreFFI/"
    mv "$raw/ProprioCoreFFI.modulemap" "$STAGING/headers/ProprioCoreFFI/module.modulemap"
    mv "$raw/ProprioCore.swift" "$PACKAGE/Sources/ProprioCore/"
}

build_xcframework() {
    echo "==> creating ProprioCoreFFI.xcframework"
    rm -rf "$PACKAGE/ProprioCoreFFI.xcframework"
    xcodebuild -create-xcframework \
        -library "$TARGET_DIR/$DEVICE/$profile/$LIB" -headers "$STAGING/headers" \
        -library "$STAGING/ios-simulator/$LIB" -headers "$STAGING/headers" \
        -output "$PACKAGE/ProprioCoreFFI.xcframework"
}

build_libraries
join_simulator_libraries
generate_bindings
build_xcframework
echo "==> done: $PACKAGE (now: cd ios && xcodegen generate && open Proprio.xcodeproj)"
