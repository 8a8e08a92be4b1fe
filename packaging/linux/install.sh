#!/usr/bin/env bash
# Install the powmia-desktop bundle this script sits in, like any desktop application:
# the programs on PATH, a menu entry with its icon, the software-centre metadata and the
# archive-export file type. No root needed: by default everything goes under ~/.local.
#
#   ./install.sh                    install for this user (~/.local)
#   ./install.sh --prefix /opt/x    install elsewhere (root: e.g. --prefix /usr/local)
#   ./install.sh --uninstall        remove what install.sh put there (archives are kept)
#
# Layout under PREFIX: lib/powmia-desktop/ (the bundle), bin/powmia-desktop and bin/powmia
# (links into it), share/applications/, share/icons/hicolor/, share/metainfo/,
# share/mime/packages/. Your archives live elsewhere (~/.local/share/powmia-desktop/) and
# are never touched by this script.
set -euo pipefail

APP_ID=org.powmia.PowmiaDesktop
HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
if [[ $(id -u) -eq 0 ]]; then PREFIX=/usr/local; else PREFIX=$HOME/.local; fi
UNINSTALL=0
shopt -s nullglob

usage() { sed -n '2,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
while (($#)); do
    case $1 in
        --prefix)
            [[ $# -ge 2 ]] || { usage >&2; exit 2; }
            PREFIX=$2
            shift 2
            ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
mkdir -p -- "$PREFIX"
PREFIX=$(cd -- "$PREFIX" && pwd)
LIB=$PREFIX/lib/powmia-desktop
SHARE=$PREFIX/share
INSTALLED=(
    "$PREFIX/bin/powmia-desktop"
    "$PREFIX/bin/powmia"
    "$SHARE/applications/$APP_ID.desktop"
    "$SHARE/metainfo/$APP_ID.metainfo.xml"
    "$SHARE/mime/packages/$APP_ID.xml"
    "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
)
for icon in "$HERE"/share/icons/hicolor/*/apps/"$APP_ID".png; do
    INSTALLED+=("$SHARE/icons/hicolor/$(basename -- "$(dirname -- "$(dirname -- "$icon")")")/apps/$APP_ID.png")
done

refresh_caches() {
    # Desktop environments pick the new launcher, icon and file type up from these caches.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$SHARE/mime" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

remove_bundle() {
    # Only ever delete a folder that is recognisably an installed bundle.
    if [[ -d $LIB ]]; then
        [[ -x $LIB/powmia-desktop && -d $LIB/_internal ]] ||
            { echo "install.sh: $LIB is not a powmia-desktop bundle; not removing it" >&2; exit 1; }
        rm -rf -- "$LIB"
    fi
}

if ((UNINSTALL)); then
    rm -f -- "${INSTALLED[@]}"
    remove_bundle
    refresh_caches
    echo "Removed powmia-desktop from $PREFIX (your archives are untouched)."
    exit 0
fi

[[ -x $HERE/powmia-desktop && -d $HERE/_internal ]] ||
    { echo "install.sh: run me from inside the powmia-desktop bundle" >&2; exit 1; }
if [[ $HERE != "$LIB" ]]; then
    remove_bundle
    mkdir -p -- "$PREFIX/lib"
    cp -a -- "$HERE" "$LIB"
fi
mkdir -p -- "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages"
ln -sfn -- "$LIB/powmia-desktop" "$PREFIX/bin/powmia-desktop"
ln -sfn -- "$LIB/powmia" "$PREFIX/bin/powmia"
# The launcher names the program by its full path, so it works without PREFIX/bin on PATH.
sed -e "s|^Exec=powmia-desktop|Exec=$PREFIX/bin/powmia-desktop|" \
    -e "s|^TryExec=powmia-desktop|TryExec=$PREFIX/bin/powmia-desktop|" \
    "$HERE/share/applications/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
cp -- "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -- "$HERE/share/mime/packages/$APP_ID.xml" "$SHARE/mime/packages/"
(cd -- "$HERE/share" && find icons -name "$APP_ID.*" -print0) |
    while IFS= read -r -d '' icon; do
        mkdir -p -- "$SHARE/$(dirname -- "$icon")"
        cp -- "$HERE/share/$icon" "$SHARE/$icon"
    done
refresh_caches
echo "Installed powmia-desktop in $PREFIX: start it from your applications menu or with"
echo "  $PREFIX/bin/powmia-desktop"
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "($PREFIX/bin is not on your PATH; add it to run 'powmia' by name.)" ;;
esac
