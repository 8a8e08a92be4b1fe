"""What makes a printed packet or summary identifiable and reproducible: whom it is for and
the run it is, on every page, and the run's time and uid as the PDF's date and /ID."""

from typing import Any

from powmia_desktop.reports.document import PageFurniture, PdfStamp
from powmia_desktop.services import packets
from powmia_desktop.services.packets import PacketData


def packet_furniture(data: PacketData, *, skip_first_page: bool = False) -> PageFurniture:
    """Every page: the title, the audience banner, when and by whom, the run's short id."""
    day = data.prepared_on
    prepared = f"Prepared {day.day} {day:%b %Y}"
    return PageFurniture(
        header_left=data.title,
        header_right=packets.audience_banner(data.audience),
        footer_left=f"{prepared} by {data.prepared_by}" if data.prepared_by else prepared,
        skip_first_page=skip_first_page,
        footer_right=f"Run {packets.short_id(data.run_uid)}" if data.run_uid else "",
    )


def run_stamp(data: PacketData) -> dict[str, Any]:
    """The render options that make a logged run's PDF the same bytes every time."""
    if not data.run_uid or data.built_at is None:
        return {}
    return {
        "stamp": PdfStamp(data.run_uid, data.built_at),
        "keywords": packets.RUN_KEYWORD + data.run_uid,
    }
