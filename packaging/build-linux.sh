#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball from a checkout:
#
#   packaging/build-linux.sh            -> dist/powmia-desktop/  and
#                                          dist/powmia-desktop-VERSION-linux-ARCH.tar.gz
#
# Uses the project's venv (.venv, made by ./dev setup when missing) and installs PyInstaller
# into it if it is not there. The bundle holds both programs (powmia-desktop, powmia), a
# share/ tree in the freedesktop layout (launcher, icons, AppStream metainfo, MIME type)
# and install.sh, which installs it under ~/.local. Then run packaging/smoke-test.sh.
# The bundle runs on Linux distributions with a glibc as new as the build machine's or newer:
# build on the oldest distribution you want to support.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd -- "$ROOT"
VPY=.venv/bin/python
APP_ID=org.powmia.PowmiaDesktop
BUNDLE=dist/powmia-desktop

START=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
say() { printf '[build %6ss] %s\n' "$(since "$START")" "$*"; }

if ! "$VPY" -c 'import powmia_desktop' >/dev/null 2>&1; then
    say "no usable .venv: ./dev setup"
    ./dev setup
fi
if ! "$VPY" -c 'import PyInstaller' >/dev/null 2>&1; then
    say "installing PyInstaller into .venv"
    .venv/bin/pip install --disable-pip-version-check --no-input -q 'pyinstaller>=6,<7'
fi
VERSION=$("$VPY" -c 'from powmia_desktop.identity import VERSION; print(VERSION)')
say "powmia-desktop $VERSION; $("$VPY" -m PyInstaller --version | sed 's/^/PyInstaller /');" \
    "PySide6 $("$VPY" -c 'import PySide6; print(PySide6.__version__)')"

t0=$(date +%s.%N)
"$VPY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/pyinstaller/powmia-desktop.spec
say "PyInstaller: $(since "$t0") s"

# The freedesktop files, where install.sh (and any packager) expects them.
SHARE=$BUNDLE/share
rm -rf -- "$SHARE"
install -Dm644 "resources/linux/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "resources/linux/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "resources/linux/$APP_ID.mime.xml" "$SHARE/mime/packages/$APP_ID.xml"
mkdir -p -- "$SHARE/icons"
cp -r -- resources/icons/hicolor "$SHARE/icons/"
install -m755 packaging/linux/install.sh "$BUNDLE/install.sh"
"$VPY" -c 'from powmia_desktop.identity import LICENCE_TEXT; print(LICENCE_TEXT, end="")' \
    >"$BUNDLE/LICENSE.txt"

ARCH=$(uname -m)
TARBALL=dist/powmia-desktop-$VERSION-linux-$ARCH.tar.gz
t0=$(date +%s.%N)
tar -C dist -czf "$TARBALL" powmia-desktop
say "tarball: $(since "$t0") s"
say "bundle: $BUNDLE ($(du -sh -- "$BUNDLE" | cut -f1), $(find "$BUNDLE" -type f | wc -l) files)"
say "tarball: $TARBALL ($(du -h -- "$TARBALL" | cut -f1))"
say "next: packaging/smoke-test.sh"
