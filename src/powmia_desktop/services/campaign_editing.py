"""Reading a campaign or a letter into form values and saving it back, through the save
path every editor shares (services/editing_support.py).

Saving a letter also keeps its follow-up task in step (services/correspondence.py).
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.campaign_vocab import (
    CampaignKind,
    CampaignStatus,
    CorrespondenceKind,
    Direction,
)
from powmia_desktop.db.models import Campaign, Contact, Correspondence, Serviceman
from powmia_desktop.services.campaign_schemas import CAMPAIGN, CORRESPONDENCE
from powmia_desktop.services.campaigns import get_campaign
from powmia_desktop.services.correspondence import get_letter, sync_follow_up
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.editing_support import linked, read_form, save_form
from powmia_desktop.services.schema import Rows


def read_campaign_form(session: Session, campaign_id: int) -> RecordForm:
    campaign = get_campaign(session, campaign_id)
    form = read_form(campaign, CAMPAIGN)
    form.children["cases"] = [{"id": c.id, "serviceman_id": c.id} for c in campaign.cases]
    form.children["targets"] = [{"id": c.id, "contact_id": c.id} for c in campaign.targets]
    return form


def save_campaign(session: Session, campaign_id: int | None, form: RecordForm) -> Campaign:
    """Create (``campaign_id`` None) or change a campaign, its counts, cases and officials."""
    return save_form(
        session,
        Campaign,
        CAMPAIGN,
        campaign_id,
        form,
        name=lambda c: c.title,
        make=lambda: Campaign(
            title="", kind=CampaignKind.PETITION, status=CampaignStatus.ACTIVE, unit="signatures"
        ),
        savers={"cases": _link_cases, "targets": _link_targets},
    )


def _link_cases(session: Session, campaign: Campaign, rows: Rows) -> None:
    campaign.cases = linked(session, Serviceman, rows, CAMPAIGN.child("cases"))


def _link_targets(session: Session, campaign: Campaign, rows: Rows) -> None:
    campaign.targets = linked(session, Contact, rows, CAMPAIGN.child("targets"))


def read_letter_form(session: Session, letter_id: int) -> RecordForm:
    letter = get_letter(session, letter_id)
    form = read_form(letter, CORRESPONDENCE)
    form.children["cases"] = [{"id": c.id, "serviceman_id": c.id} for c in letter.cases]
    return form


def save_letter(session: Session, letter_id: int | None, form: RecordForm) -> Correspondence:
    """Create (``letter_id`` None) or change a piece of correspondence, with the cases it
    concerns; its follow-up task is made, moved or ticked off to match."""
    letter = save_form(
        session,
        Correspondence,
        CORRESPONDENCE,
        letter_id,
        form,
        name=lambda c: c.subject,
        make=lambda: Correspondence(
            subject="", direction=Direction.SENT, kind=CorrespondenceKind.LETTER
        ),
        savers={"cases": _link_letter_cases},
    )
    sync_follow_up(session, letter)
    return letter


def _link_letter_cases(session: Session, letter: Correspondence, rows: Rows) -> None:
    letter.cases = linked(session, Serviceman, rows, CORRESPONDENCE.child("cases"))
