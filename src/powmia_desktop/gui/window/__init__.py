"""The main window's parts, each a module of functions over the window (gui/main_window.py).

pages.py builds the sidebar and each section's list and editor, and switches between them;
menus.py builds the menus, the toolbar and the recent-archives list; files.py prints, imports,
exports and searches; backups.py backs up, restores, checks and repairs; archives.py opens
another archive (or the same again after a restore). The window keeps the archive, the
sections and their editors, and calls these from its actions.
"""
