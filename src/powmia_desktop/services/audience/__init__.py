"""What an audience may see: the one place that decides (privacy as a view, docs/architecture.md).

Packets, summaries and exports never read records themselves. They ask this package for a
*view*: plain frozen dataclasses holding only what the audience may see, built from the
archive with an :class:`Audience` (a sensitivity ceiling plus field rules such as
``hide_phones``). Everything left out is written to a :class:`RedactionLog` with the reason,
so the person can read what was withheld before a file is written.

Rules, applied here (in ``gate``) and nowhere else:

* a record above the ceiling is left out entirely, with everything recorded under it; a
  child (a status change, a claim, a citation, a phone number) must pass on its own level
  *and* its parent's, and a citation also on its source's;
* ``private`` records never appear unless the caller sets ``include_private`` — even an
  audience whose ceiling is ``private``;
* a field rule removes a kind of field (phone numbers, emails, addresses, DNA donor names,
  notes) whatever its level, and the phone numbers, e-mail and street addresses it hides
  from every text of every view (``Gate.view``: each text field, not a chosen few).

No ORM object leaves this package: callers get text, numbers and dates.

Modules: ``profile`` (who reads), ``log`` (what was withheld), ``views`` (what they get),
``gate`` (the decisions), ``reading`` (batched queries), and one module per kind of record:
``cases``, ``timeline``, ``sources``, ``contacts``, ``meetings`` (with questions), ``files``.
"""

from powmia_desktop.services.audience.cases import case_view, case_views
from powmia_desktop.services.audience.contacts import contact_view, contact_views
from powmia_desktop.services.audience.files import attachment_views
from powmia_desktop.services.audience.gate import Gate, case_name
from powmia_desktop.services.audience.log import RedactionLog, Withheld
from powmia_desktop.services.audience.meetings import meeting_view, meeting_when, question_views
from powmia_desktop.services.audience.profile import FIELD_RULES, Audience
from powmia_desktop.services.audience.sources import source_views
from powmia_desktop.services.audience.timeline import event_views
from powmia_desktop.services.audience.views import (
    AgendaItemView,
    AttachmentView,
    AttendeeView,
    CaptivityView,
    CaseView,
    CitationView,
    ClaimView,
    ContactView,
    EventView,
    LinkView,
    ListEntryView,
    LiveSightingView,
    MeetingView,
    QuestionView,
    ReferenceSampleView,
    SourceView,
    StatusChangeView,
)

__all__ = [
    "FIELD_RULES",
    "AgendaItemView",
    "AttachmentView",
    "AttendeeView",
    "Audience",
    "CaptivityView",
    "CaseView",
    "CitationView",
    "ClaimView",
    "ContactView",
    "EventView",
    "Gate",
    "LinkView",
    "ListEntryView",
    "LiveSightingView",
    "MeetingView",
    "QuestionView",
    "RedactionLog",
    "ReferenceSampleView",
    "SourceView",
    "StatusChangeView",
    "Withheld",
    "attachment_views",
    "case_name",
    "case_view",
    "case_views",
    "contact_view",
    "contact_views",
    "event_views",
    "meeting_view",
    "meeting_when",
    "question_views",
    "source_views",
]
