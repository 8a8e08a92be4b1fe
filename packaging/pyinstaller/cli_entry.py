"""Entry point of the bundled ``powmia`` command (PyInstaller needs a script file)."""

from powmia_desktop.cli import run

run()
