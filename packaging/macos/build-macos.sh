#!/usr/bin/env bash
# Build the macOS app and a disk image, on a Mac (the architecture of the Python used:
# arm64 on Apple silicon, x86_64 on Intel; build on each for both):
#
#   packaging/macos/build-macos.sh
#
# Needs Python 3.11+ (python.org installer or Homebrew). Result:
#   dist/Powmia Desktop.app        (Contents/MacOS/powmia-desktop and .../powmia)
#   dist/powmia-desktop-VERSION-macos-ARCH.dmg
# Signing and notarisation (for machines other than the builder's) are described in
# packaging/README.md; set CODESIGN_IDENTITY to sign here with a Developer ID.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
cd -- "$ROOT"
PY=.venv/bin/python
APP="dist/Powmia Desktop.app"

[[ -x $PY ]] || python3 -m venv .venv
"$PY" -m pip install -q -e ".[dev]" 'pyinstaller>=6,<7'
VERSION=$("$PY" -c 'from powmia_desktop.identity import VERSION; print(VERSION)')
ARCH=$(uname -m)

"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/pyinstaller/powmia-desktop.spec

if [[ -n ${CODESIGN_IDENTITY:-} ]]; then
    codesign --force --deep --options runtime --timestamp \
        --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
fi

# Smoke test of the bundled command; the window: open "dist/Powmia Desktop.app".
TMP=$(mktemp -d)
trap 'rm -rf -- "$TMP"' EXIT
"$APP/Contents/MacOS/powmia" --version
"$APP/Contents/MacOS/powmia" --db "$TMP/smoke.sqlite" demo
"$APP/Contents/MacOS/powmia" --db "$TMP/smoke.sqlite" list cases

DMG=dist/powmia-desktop-$VERSION-macos-$ARCH.dmg
rm -f -- "$DMG"
mkdir -p "$TMP/dmg"
cp -R "$APP" "$TMP/dmg/"
ln -s /Applications "$TMP/dmg/Applications"
hdiutil create -volname "Powmia Desktop $VERSION" -srcfolder "$TMP/dmg" -ov -format UDZO "$DMG"
echo "built: $APP and $DMG"
