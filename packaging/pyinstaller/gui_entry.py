"""Entry point of the bundled ``powmia-desktop`` (PyInstaller needs a script file)."""

import sys

from powmia_desktop.app import main

sys.exit(main())
