#!/usr/bin/env bash
# Kotlin binding tests: the generated Kotlin bindings, called on the JVM through JNA,
# against the host (Linux) cdylib (debug by default; see tests/lib.sh). Prints a final
# line "N passed, N failed" and exits non-zero if any test failed or the run did not
# complete.
#
# Installs what is missing: kotlinc (into $PROPRIO_CACHE, see tests/lib.sh), JNA and JUnit 4 (Debian packages).
# Reuses PROPRIO_LIB_DIR / PROPRIO_BINDGEN when set (see tests/lib.sh).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

SRC=$ROOT/tests/kotlin/src
OUT=$PROPRIO_BUILD/kotlin
TIMEOUT=${PROPRIO_KOTLIN_TIMEOUT:-600}

# The first of the given jars that exists (Debian's file names vary between releases).
first_jar() {
    local jar
    for jar in "$@"; do
        [ -f "$jar" ] && { echo "$jar"; return 0; }
    done
    die "none of these jars exists: $*"
}

command -v java >/dev/null || apt_ensure default-jre-headless
apt_ensure libjna-java libjna-jni junit4
ensure_kotlinc
JNA=$(first_jar /usr/share/java/jna.jar)
JUNIT=$(first_jar /usr/share/java/junit4.jar)
HAMCREST=$(first_jar /usr/share/java/hamcrest-core.jar /usr/share/java/hamcrest.jar)
STDLIB=$(first_jar "$KOTLIN_HOME/lib/kotlin-stdlib.jar")

ensure_native
generate_bindings kotlin "$OUT/generated"
GENERATED=$OUT/generated/org/proprio/core/proprio_core.kt
[ -f "$GENERATED" ] || die "no $GENERATED: is package_name in uniffi.toml's [crates.proprio_core.bindings.kotlin] applied? Generated: $(cd "$OUT/generated" && find . -name '*.kt')"

mapfile -t SOURCES < <(find "$OUT/generated" "$SRC" -name '*.kt' | sort)
# Test classes: every file with an @Test in it; the class is named after the file.
mapfile -t CLASSES < <(cd "$SRC" && grep -rl --include='*.kt' '@Test' . | sort |
    sed -e 's|^\./||' -e 's|\.kt$||' -e 's|/|.|g')
[ ${#CLASSES[@]} -gt 0 ] || die "no test classes under $SRC"

# kotlinc takes ~10-20 s; skip it when neither the sources nor the compiler changed.
STAMP=$(cat "${SOURCES[@]}" <(echo "$KOTLIN_VERSION $JNA $JUNIT") | sha256sum | cut -d' ' -f1)
if [ "$(cat "$OUT/classes.stamp" 2>/dev/null)" != "$STAMP" ]; then
    log "compiling ${#SOURCES[@]} Kotlin files"
    rm -rf "$OUT/classes" "$OUT/classes.stamp"
    "$KOTLIN_HOME/bin/kotlinc" -nowarn -jvm-target 17 -cp "$JNA:$JUNIT:$HAMCREST" \
        -d "$OUT/classes" "${SOURCES[@]}" || die "kotlinc failed"
    echo "$STAMP" >"$OUT/classes.stamp"
fi

log "running ${#CLASSES[@]} test classes against $LIB"
# The runner prints the summary itself; a JVM that crashed or hung never gets there.
run_junit "Kotlin tests" "$TIMEOUT" "$OUT/last-run.log" \
    java -Djna.library.path="$LIB_DIR" -Djava.io.tmpdir="${TMPDIR:-/tmp}" \
    -cp "$OUT/classes:$STDLIB:$JNA:$JUNIT:$HAMCREST" \
    org.proprio.core.test.RunTestsKt "${CLASSES[@]}"
