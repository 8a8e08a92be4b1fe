"""File > Import... (a wizard) and File > Export... (a save dialog), over the same services
as ``powmia import`` / ``powmia export``.

Entry points for the main window: ``open_import_wizard(parent, archive)`` and
``export_with_dialog(parent, archive, kind, case_filter=None)``.
"""

from powmia_desktop.gui.imports.export import export_with_dialog
from powmia_desktop.gui.imports.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "export_with_dialog", "open_import_wizard"]
