"""The main window's parts, each a module of functions over the window (gui/main_window.py).

menus.py builds the menus, the toolbar and the recent-archives list; files.py prints, imports,
exports and searches; backups.py backs up, restores, checks and repairs. The window keeps
the archive, the sections and their editors, and calls these from its actions.
"""
