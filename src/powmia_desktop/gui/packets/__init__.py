"""Briefing packets and case summaries in the window: the Packet dialog and the preview.

``PacketDialog(archive, parent, case_id=…, meeting_id=…)`` builds a packet;
``show_case_summary(parent, archive, case_id)`` prints one case from the case editor;
``PrintedPacketsDialog(archive, parent)`` lists what was printed, verifies and rebuilds.
"""

from powmia_desktop.gui.packets.dialog import PacketDialog
from powmia_desktop.gui.packets.history import PrintedPacketsDialog
from powmia_desktop.gui.packets.summary import show_case_summary

__all__ = ["PacketDialog", "PrintedPacketsDialog", "show_case_summary"]
