"""Render the application icon's SVG source into every size the platforms want.

Run from the repository root with the project's venv (PySide6 and Pillow are installed
there): ``.venv/bin/python packaging/icons/make_icons.py``. It writes

- ``resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` for every size in
  ``identity.ICON_SIZES`` (the freedesktop hicolor layout, bundled as is);
- ``packaging/windows/powmia-desktop.ico`` (16–256, for the .exe and the installer);
- ``packaging/macos/powmia-desktop.icns`` (16–512 and @2x, for the .app bundle).

The outputs are committed, so a build needs neither Qt's SVG renderer nor this script;
run it again only after changing the SVG.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from powmia_desktop.identity import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
ICO = ROOT / "packaging" / "windows" / "powmia-desktop.ico"
ICNS = ROOT / "packaging" / "macos" / "powmia-desktop.icns"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target)):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    largest = Image.open(HICOLOR / "512x512" / "apps" / f"{APP_ID}.png").convert("RGBA")
    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest.save(ICO, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(ICO.relative_to(ROOT))
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    largest.save(ICNS)  # Pillow writes every icns size (16–512 and @2x) from the largest
    print(ICNS.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
