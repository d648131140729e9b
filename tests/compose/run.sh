#!/usr/bin/env bash
# Compose screen tests on the desktop JVM: compiles the shared screens (android/ui) and
# the desktop app with the Compose compiler, draws every screen into PNGs under
# target/screens/ (light and dark, font scale 1.0 and 2.0), and clicks through a whole
# left/right session and a journal entry over the real core. Prints a final line
# "N passed, N failed" and exits non-zero if any test failed or the run did not complete.
#
# Headless: Skia draws off screen, no display needed. Downloads and caches as
# android/desktop/lib.sh says. Reuses PROPRIO_LIB_DIR / PROPRIO_BINDGEN (tests/lib.sh).
set -euo pipefail
source "$(dirname "$0")/../../android/desktop/lib.sh"

TIMEOUT=${PROPRIO_COMPOSE_TIMEOUT:-900}
SCREENS=$TARGET_DIR/screens

# The Android app's framework-only files (not MainActivity.kt, which needs AndroidX, nor
# QrScanner.kt, which needs Play services),
# compiled against Robolectric's android-all jar and the android = true bindings, so a
# wrong framework call fails here. android-all is ~190 MB, resolved once into ~/.m2.
check_android_glue() {
    local pom=$ROOT/android/app/glue-check.pom.xml dir=$COMPOSE_OUT/android-all
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$(sha256sum "$pom" | cut -d' ' -f1)" ] || ! all_jars_exist "$dir/cp.txt"; then
        log "resolving android-all (Maven, into ~/.m2)"
        mkdir -p "$dir"
        mvn_quiet -f "$pom" dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" ||
            die "Maven could not resolve $pom"
        sha256sum "$pom" | cut -d' ' -f1 >"$dir/stamp"
    fi
    sed 's/^android = false$/android = true/' "$ROOT/uniffi.toml" >"$COMPOSE_OUT/uniffi-android.toml"
    grep -q '^android = true$' "$COMPOSE_OUT/uniffi-android.toml" || die "uniffi.toml has no line 'android = false'"
    rm -rf "$COMPOSE_OUT/generated-android"
    "$BINDGEN" generate "$LIB" --language kotlin --config "$COMPOSE_OUT/uniffi-android.toml" \
        --out-dir "$COMPOSE_OUT/generated-android" --no-format >/dev/null || die "uniffi-bindgen (android = true) failed"
    local app=$ROOT/android/app/src/main/kotlin/org/proprio/app
    compile --plain android-glue "$(cat "$dir/cp.txt"):$JNA_JAR" "$COMPOSE_OUT/generated-android" \
        "$app/ProprioApplication.kt" "$app/Reminders.kt" "$app/Pictures.kt" "$app/PlanInputs.kt" "$app/Share.kt" "$app/Backups.kt"
}

build_desktop
check_android_glue
compile compose-tests "$TEST_CP:$APP_CP" "$DESKTOP/src/test/kotlin"
TESTS=$OUT_CLASSES
mapfile -t CLASSES < <(cd "$DESKTOP/src/test/kotlin" && grep -rl --include='*.kt' '@Test' . | sort |
    sed -e 's|^\./||' -e 's|\.kt$||' -e 's|/|.|g')
# PROPRIO_COMPOSE_ONLY=PictureTransferTest runs one class (e.g. the RGBA/PNG figures).
if [ -n "${PROPRIO_COMPOSE_ONLY:-}" ]; then CLASSES=("org.proprio.desktop.$PROPRIO_COMPOSE_ONLY"); fi

rm -rf "$SCREENS"
mkdir -p "$SCREENS"
log "running ${#CLASSES[@]} test classes against $LIB"
status=0
run_junit "Compose tests" "$TIMEOUT" "$COMPOSE_OUT/last-run.log" \
    java -Djava.awt.headless=true -Djna.library.path="$LIB_DIR" \
    -Dproprio.screens="$SCREENS" -Djava.io.tmpdir="${TMPDIR:-/tmp}" \
    -cp "$TESTS:$TEST_CP:$APP_CP:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
    org.proprio.desktop.RunTestsKt "${CLASSES[@]}" || status=$?
log "screens drawn into $SCREENS: $(find "$SCREENS" -name '*.png' | wc -l) PNGs"
exit "$status"
