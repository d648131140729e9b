# Builds the desktop Compose code: the shared screens (android/ui), the desktop app and,
# on request, its tests. Source it; do not run it. Used by run.sh and tests/compose/run.sh.
#
# Downloads, each kept across runs: kotlinc (npm, into .cache/), Compose Multiplatform's
# desktop artifacts and the Compose compiler plugin (Maven Central, through Maven, into
# ~/.m2; the versions are pinned in pom.xml).
source "$(dirname "${BASH_SOURCE[0]}")/../../tests/lib.sh"

DESKTOP=$ROOT/android/desktop
COMPOSE_OUT=$PROPRIO_BUILD/compose

# Sets MAIN_CP (what the app runs with), TEST_CP (plus the UI test libraries) and
# COMPOSE_PLUGIN from pom.xml. Maven runs only when the pom changed or a jar it named is
# gone; otherwise the lists saved last time are reused.
resolve_compose() {
    command -v mvn >/dev/null || apt_ensure maven
    local stamp dir=$COMPOSE_OUT/classpath
    stamp=$(sha256sum "$DESKTOP/pom.xml" | cut -d' ' -f1)
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ] || ! all_jars_exist "$dir/test.txt"; then
        log "resolving Compose for desktop from pom.xml (Maven, into ~/.m2)"
        rm -rf "$dir"
        mkdir -p "$dir"
        local scope
        for scope in runtime test; do
            mvn_quiet -f "$DESKTOP/pom.xml" dependency:build-classpath -Dmdep.includeScope=$scope \
                -Dmdep.outputFile="$dir/$scope.txt" || die "Maven could not resolve android/desktop/pom.xml ($scope)"
        done
        echo "$stamp" >"$dir/stamp"
    fi
    MAIN_CP=$(cat "$dir/runtime.txt")
    local all
    all=$(cat "$dir/test.txt")
    COMPOSE_PLUGIN=$(tr ':' '\n' <<<"$all" | grep '/kotlin-compose-compiler-plugin-[^/]*\.jar$') ||
        die "no kotlin-compose-compiler-plugin jar in the resolved class path"
    TEST_CP=$(tr ':' '\n' <<<"$all" | grep -v '/kotlin-compose-compiler-plugin-' | paste -sd:)
}

# mvn -q, its output to stderr without the colour resets Debian's Maven 3.8 prints even
# in batch mode (-Dstyle.color=never does not stop them); fails as mvn fails.
mvn_quiet() {
    mvn -q -B "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
    return "${PIPESTATUS[0]}"
}

all_jars_exist() {
    [ -f "$1" ] || return 1
    local jar
    while IFS= read -r jar; do [ -f "$jar" ] || return 1; done < <(tr ':' '\n' <"$1")
}

# compile [--plain] NAME CLASSPATH SOURCE...: compiles every .kt file in the folders and
# files given into $COMPOSE_OUT/NAME, with the Compose compiler plugin unless --plain,
# skipped when neither the sources, the class path (with the classes compiled here on it)
# nor the compiler changed. Sets OUT_CLASSES.
compile() {
    local plugin=(-Xplugin="$COMPOSE_PLUGIN")
    [ "$1" = --plain ] && { plugin=(); shift; }
    local name=$1 cp=$2
    shift 2
    local out=$COMPOSE_OUT/$name sources stamp
    mapfile -t sources < <(find "$@" -name '*.kt' | sort)
    [ ${#sources[@]} -gt 0 ] || die "no Kotlin sources in $*"
    # Classes compiled here earlier (the bindings, the screens) count by their own stamps:
    # a changed screen recompiles the desktop app and the tests that use it.
    local entry upstream=
    while IFS= read -r entry; do
        case $entry in "$COMPOSE_OUT"/*/classes) upstream+=$(cat "${entry%/classes}/stamp") ;; esac
    done < <(tr ':' '\n' <<<"$cp")
    stamp=$(cat "${sources[@]}" <(echo "$KOTLIN_VERSION $cp $COMPOSE_PLUGIN $upstream") | sha256sum | cut -d' ' -f1)
    OUT_CLASSES=$out/classes
    [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ] && return 0
    log "compiling $name (${#sources[@]} Kotlin files)"
    rm -rf "$out"
    mkdir -p "$out"
    # The default 512 MB heap thrashes on the generated bindings with Compose on the class path.
    JAVA_OPTS="-Xmx2g ${JAVA_OPTS:-}" "$KOTLIN_HOME/bin/kotlinc" -nowarn -jvm-target 17 "${plugin[@]}" -cp "$cp" \
        -d "$OUT_CLASSES" "${sources[@]}" || die "kotlinc failed on $name"
    echo "$stamp" >"$out/stamp"
}

# Builds the bindings (android = false), the screens and the desktop app. Sets APP_CP.
build_desktop() {
    command -v java >/dev/null || apt_ensure default-jre-headless
    ensure_kotlinc
    resolve_compose
    ensure_native
    generate_bindings kotlin "$COMPOSE_OUT/generated"
    JNA_JAR=$(tr ':' '\n' <<<"$MAIN_CP" | grep '/jna-[0-9.]*\.jar$') || die "no JNA jar in the class path"
    compile --plain bindings "$JNA_JAR" "$COMPOSE_OUT/generated"
    local bindings=$OUT_CLASSES
    compile ui "$MAIN_CP:$bindings" "$ROOT/android/ui/src/main/kotlin"
    local ui=$OUT_CLASSES
    compile desktop "$MAIN_CP:$bindings:$ui" "$DESKTOP/src/main/kotlin"
    APP_CP=$OUT_CLASSES:$ui:$bindings:$MAIN_CP
}
