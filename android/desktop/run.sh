#!/usr/bin/env bash
# Starts the desktop app: the phone's screens over the real core, in a window.
#   bash android/desktop/run.sh [DATABASE]      (default ~/.local/share/proprio/proprio.db)
# PROPRIO_DARK=1 for the dark theme. The first run downloads kotlinc and Compose (see
# lib.sh) and builds the core; later runs start in seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_desktop
exec java -Djna.library.path="$LIB_DIR" -cp "$APP_CP:$KOTLIN_HOME/lib/kotlin-stdlib.jar" \
    org.proprio.desktop.MainKt "$@"
