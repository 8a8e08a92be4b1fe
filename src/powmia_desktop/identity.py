"""Who the program says it is: one place for its id, names, licence and version.

The About dialog, the window icon and the packaging files (``.desktop`` entry, AppStream
metainfo, PyInstaller spec, Inno Setup script, Flatpak manifest) all carry these values;
``tests/packaging/`` checks that the files agree with this module, so a rename or a new
version is made here first. Pure Python: importable by the packaging scripts without Qt.
"""

from powmia_desktop import APP_NAME, __version__

#: Reverse-DNS application id: the ``.desktop`` file, AppStream, Flatpak, the icon's name,
#: and Qt's ``setDesktopFileName`` (how Wayland matches a window to its launcher).
APP_ID = "org.powmia.PowmiaDesktop"

#: The name a person sees in menus, the title of the About dialog and the installers.
DISPLAY_NAME = "Powmia Desktop"

#: One line under the name in software centres and the About dialog.
SUMMARY = "Case archive for families of servicemen missing from the Korean War"

#: The command names of the two programs (also the executables in a bundle).
GUI_COMMAND = APP_NAME
CLI_COMMAND = "powmia"

VERSION = __version__

#: A placeholder until the project has a public page; packaging files repeat it.
HOMEPAGE = "https://powmia-desktop.example.org/"

DEVELOPER = "powmia-desktop contributors"

#: The SPDX identifier of the licence (pyproject.toml ``license``) and its full text.
LICENCE_SPDX = "MIT"
LICENCE_NAME = "MIT License"
COPYRIGHT = f"Copyright (c) 2026 {DEVELOPER}"
LICENCE_TEXT = f"""\
MIT License

{COPYRIGHT}

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""

#: The sizes of the PNG application icon under ``resources/icons/hicolor/``.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

#: The archive-export file type (a zip) offered to the import/export feature.
EXPORT_EXTENSION = ".powmia-archive"
EXPORT_MIME_TYPE = "application/x-powmia-archive"
