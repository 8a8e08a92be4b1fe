#!/usr/bin/env bash
# Smoke test of a built one-folder bundle (Linux): does what a person does first, using only
# the bundle's own executables, in a throw-away home so no real archive is touched.
#
#   packaging/smoke-test.sh [BUNDLE_DIR]        (default: dist/powmia-desktop)
#
# 1. `powmia --version` prints the source tree's version;
# 2. `powmia --db TMP demo`, `list cases` (shows Dumas), `search yalu`;
# 3. `powmia summary 1 --out TMP/summary.pdf` when the bundle has that command;
# 4. `powmia-desktop` offscreen, first run at the default place: stays up 5 s without an
#    error, and leaves the per-user archive created with the demo case;
# 5. `powmia-desktop` on a virtual X screen (Xvfb, when installed): a visible window appears
#    (found with xdotool), and a screenshot is saved (ImageMagick's `import`);
# 6. `install.sh` of the bundle installs into a temporary prefix and uninstalls again.
# Exit status 0 when every step passed; the first failure stops it with its reason.
# Slow (about 20 s) and needs a build, so it stays out of `./dev test`.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
BUNDLE=$(cd -- "${1:-$ROOT/dist/powmia-desktop}" 2>/dev/null && pwd) ||
    {
        echo "smoke-test: no bundle at ${1:-$ROOT/dist/powmia-desktop}; run packaging/build-linux.sh" >&2
        exit 1
    }
CLI=$BUNDLE/powmia
GUI=$BUNDLE/powmia-desktop
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/src/powmia_desktop/__init__.py")
SHOT=${SMOKE_SHOT:-$ROOT/shots/bundle.png}
# The X11 WM_CLASS of the window (Qt uses the application name; the .desktop file's
# StartupWMClass says the same).
APP_CLASS=powmia-desktop

START=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
say() { printf '[smoke %6ss] %s\n' "$(since "$START")" "$*"; }
fail() {
    say "FAILED: $*"
    exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/powmia-smoke.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf -- "$TMP"
}
trap cleanup EXIT

# A home of its own: the per-user archive, settings and logs go to $TMP.
export HOME=$TMP/home
export XDG_DATA_HOME=$TMP/home/data XDG_CONFIG_HOME=$TMP/home/config
export XDG_STATE_HOME=$TMP/home/state XDG_CACHE_HOME=$TMP/home/cache
unset POWMIA_DB
mkdir -p -- "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
DB=$TMP/smoke.sqlite

[[ -x $CLI && -x $GUI ]] || fail "$BUNDLE lacks the powmia and powmia-desktop executables"
say "bundle: $BUNDLE ($(du -sh -- "$BUNDLE" | cut -f1)), expecting version $VERSION"

# timed NAME CMD...: run CMD with its output in $TMP/out, say how long it took.
timed() {
    local name=$1 t0 rc=0
    shift
    t0=$(date +%s.%N)
    "$@" >"$TMP/out" 2>&1 || rc=$?
    say "$name: exit $rc in $(since "$t0") s"
    if ((rc)); then
        sed 's/^/    /' "$TMP/out"
        fail "$name"
    fi
}

# --- the command ----------------------------------------------------------------------
timed "powmia --version" "$CLI" --version
[[ $(cat "$TMP/out") == "powmia $VERSION" ]] || fail "--version printed '$(cat "$TMP/out")'"

timed "powmia demo" "$CLI" --db "$DB" demo
grep -q "1 case" "$TMP/out" || fail "demo did not report its case: $(cat "$TMP/out")"

timed "powmia list cases" "$CLI" --db "$DB" list cases
grep -q "Dumas, Roger A." "$TMP/out" || fail "list cases does not show Dumas"

timed "powmia search yalu" "$CLI" --db "$DB" search yalu
grep -q "Dumas" "$TMP/out" || fail "search yalu finds nothing"

if "$CLI" summary --help >/dev/null 2>&1; then
    timed "powmia summary" "$CLI" --db "$DB" summary 1 --out "$TMP/summary.pdf"
    [[ $(head -c 5 "$TMP/summary.pdf" 2>/dev/null) == "%PDF-" ]] ||
        fail "summary wrote no PDF at $TMP/summary.pdf"
    say "summary PDF: $(wc -c <"$TMP/summary.pdf") bytes"
else
    say "SKIPPED powmia summary: this build has no 'summary' command yet"
fi

# --- the window, offscreen -----------------------------------------------------------
# stays_up NAME SECONDS CMD...: start CMD in the background; it must still run after SECONDS.
stays_up() {
    local name=$1 seconds=$2 pid
    shift 2
    "$@" >"$TMP/gui.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    sleep "$seconds"
    if ! kill -0 "$pid" 2>/dev/null; then
        local rc=0
        wait "$pid" || rc=$?
        sed 's/^/    /' "$TMP/gui.log"
        fail "$name exited (status $rc) within $seconds s"
    fi
    LAST_PID=$pid
}

stop() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# Anything on stderr except the offscreen plugin's known notice counts as a problem.
check_gui_log() {
    local problems
    problems=$(grep -v "does not support propagateSizeHints" "$TMP/gui.log" || true)
    if [[ -n $problems ]]; then
        printf '%s\n' "$problems" | sed 's/^/    /'
        fail "$1 printed the lines above"
    fi
}

t0=$(date +%s.%N)
stays_up "powmia-desktop (offscreen)" 5 env QT_QPA_PLATFORM=offscreen "$GUI"
stop "$LAST_PID"
check_gui_log "powmia-desktop (offscreen)"
say "powmia-desktop offscreen: stayed up 5 s ($(since "$t0") s)"
DEFAULT_ARCHIVE=$XDG_DATA_HOME/powmia-desktop/archive.sqlite
[[ -s $DEFAULT_ARCHIVE ]] || fail "the first run did not create $DEFAULT_ARCHIVE"
timed "powmia list cases (first-run archive)" "$CLI" --db "$DEFAULT_ARCHIVE" list cases
grep -q "Dumas" "$TMP/out" || fail "the first-run archive lacks the demo case"

# --- the window on a virtual X screen -------------------------------------------------
if have Xvfb && have xdotool; then
    : >"$TMP/display"
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$TMP/display" >"$TMP/xvfb.log" 2>&1 &
    PIDS+=("$!")
    display=""
    for ((i = 0; i < 100; i++)); do
        display=$(tr -dc '0-9' <"$TMP/display")
        [[ -n $display ]] && break
        sleep 0.1
    done
    [[ -n $display ]] || fail "Xvfb did not start"
    export DISPLAY=":$display"
    t0=$(date +%s.%N)
    env -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$GUI" --db "$DB" >"$TMP/gui.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    shown=""
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || {
            sed 's/^/    /' "$TMP/gui.log"
            fail "powmia-desktop (xcb) exited before showing a window"
        }
        shown=$(xdotool search --onlyvisible --class "$APP_CLASS" 2>/dev/null | head -n1 || true)
        [[ -n $shown ]] && break
        sleep 0.25
    done
    [[ -n $shown ]] || fail "powmia-desktop (xcb) showed no window within 15 s"
    say "powmia-desktop on Xvfb: window '$(xdotool getwindowname "$shown")' after $(since "$t0") s"
    sleep 2
    kill -0 "$pid" 2>/dev/null || fail "powmia-desktop (xcb) closed after showing its window"
    if have import && import -version 2>/dev/null | grep -q ImageMagick; then
        mkdir -p -- "$(dirname -- "$SHOT")"
        import -display "$DISPLAY" -window root "$SHOT" && say "screenshot: $SHOT"
    fi
    stop "$pid"
    check_gui_log "powmia-desktop (xcb)"
else
    say "SKIPPED the window on Xvfb: install xvfb and xdotool to check it"
fi

# --- install.sh into a temporary prefix --------------------------------------------------
if [[ -x $BUNDLE/install.sh ]]; then
    PREFIX=$TMP/prefix
    timed "install.sh --prefix" "$BUNDLE/install.sh" --prefix "$PREFIX"
    for f in bin/powmia bin/powmia-desktop share/applications/org.powmia.PowmiaDesktop.desktop \
        share/metainfo/org.powmia.PowmiaDesktop.metainfo.xml \
        share/mime/packages/org.powmia.PowmiaDesktop.xml \
        share/icons/hicolor/256x256/apps/org.powmia.PowmiaDesktop.png; do
        [[ -e $PREFIX/$f ]] || fail "install.sh did not install $f"
    done
    timed "installed powmia --version" "$PREFIX/bin/powmia" --version
    grep -q "^Exec=$PREFIX/bin/powmia-desktop" \
        "$PREFIX/share/applications/org.powmia.PowmiaDesktop.desktop" ||
        fail "the installed launcher does not run $PREFIX/bin/powmia-desktop"
    timed "install.sh --uninstall" "$BUNDLE/install.sh" --prefix "$PREFIX" --uninstall
    [[ ! -e $PREFIX/bin/powmia && ! -e $PREFIX/lib/powmia-desktop ]] ||
        fail "uninstall left files behind"
else
    say "SKIPPED install.sh: the bundle has none (build it with packaging/build-linux.sh)"
fi

say "all smoke checks passed"
