"""The lists of the Campaigns and Correspondence sections."""

from powmia_desktop.gui.campaigns.editor import LETTER_COLUMNS
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.tables import Column
from powmia_desktop.services.campaigns import CampaignRow, list_campaigns
from powmia_desktop.services.correspondence import LetterRow, list_letters
from powmia_desktop.services.values import day_text

CAMPAIGN_COLUMNS: list[Column[CampaignRow]] = [
    Column("Campaign", lambda r: r.title, width=320),
    Column("Kind", lambda r: r.kind, width=100),
    Column("Status", lambda r: r.status, width=90),
    Column("Progress", lambda r: r.progress, lambda r: (r.percent or -1, r.id), width=230),
    Column("Last counted", lambda r: day_text(r.counted_on), lambda r: r.counted_on or 0),
]


def campaigns_page() -> ListPage[CampaignRow]:
    return ListPage(
        "campaigns",
        CAMPAIGN_COLUMNS,
        list_campaigns,
        lambda r: f"{r.title} {r.kind} {r.status}",
        lambda r: r.id,
    )


def letters_page() -> ListPage[LetterRow]:
    columns = [
        *LETTER_COLUMNS[:4],
        Column("Campaign", lambda r: r.campaign, width=200),
        LETTER_COLUMNS[4],
    ]
    return ListPage(
        "letters",
        columns,
        lambda session: list_letters(session),
        lambda r: f"{r.date} {r.official} {r.subject} {r.campaign} {r.reply}",
        lambda r: r.id,
    )
