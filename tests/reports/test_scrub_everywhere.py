"""No phone number, e-mail or street address typed into ANY text an audience reads gets out.

Structural, not field by field: a distinct phone number, e-mail and street address is
planted in every text column of every table an audience view or an export reads (the
columns are enumerated from the SQLAlchemy models, so a column added later is planted
too), every record is made public (so nothing is left out for its level and only the
field rules stand between the text and the reader), and then the packet, the case
summary, the campaign reports and every export are built for the press, a congressional
office and the family. What the audience's rules hide must be absent from every PDF (read
back with pypdf and pdftotext) and every file, and from the log of what was withheld;
the family, who hide nothing, must see it (so the test can fail).
"""

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import JSON, String, Text, select, text
from tests.reports.pdfs import make_pdf, metadata, page_texts

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import DnaLine
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    Base,
    Campaign,
    Contact,
    ContactAddress,
    EventParticipant,
    ExternalId,
    FamilyReferenceSample,
    Incident,
    Meeting,
    Serviceman,
    Source,
    TimelineEvent,
)
from powmia_desktop.db.tables import LOCAL_TABLES
from powmia_desktop.reports.campaign_report import render_campaign_report
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services import packets
from powmia_desktop.services.attachments import attach_file
from powmia_desktop.services.audience import Audience, RedactionLog, case_view
from powmia_desktop.services.audience.campaigns import campaign_view
from powmia_desktop.services.exporting.dispatch import export_file
from powmia_desktop.services.exporting.privacy import Privacy

#: Columns left unplanted, and why.
_NOT_WORDS = {
    # the contact details themselves: the field rules drop the whole row (tested elsewhere)
    "contact_phone.number", "contact_email.address", "contact_address.street",
    "contact_address.city", "contact_address.region", "contact_address.postal_code",
    "contact_address.country", "contact_address.district",
    # a file's hash and type, read by the program, never typed by a person
    "attachment.sha256", "attachment.mime_type",
    # a vocabulary key the program matches on ("photo"), not free text
    "attachment.role",
    # a time-zone name, read as a zone
    "meeting.timezone",
    # a colour code
    "tag.color",
    # the rules' keys, read by the program ("hide_phones")
    "audience_profile.field_rules",
    # the digests of what a packet held, to tell whether it changed since
    "packet_run.contents",
}  # fmt: skip


#: Tables with text but no row here to plant it in: an import's batch (the file's name and
#: its columns) and the list review's candidates (the matcher's words, not a person's).
_NO_ROWS = {"import_batch", "list_candidate"}


def _planted_columns() -> list[tuple[str, str, bool]]:
    """(table, column, whether it holds JSON) for each column text is planted in: text
    columns, and JSON ones (a list's row as printed), which hold what a person typed too."""
    return [
        (t.name, c.name, isinstance(c.type, JSON))
        for t in Base.metadata.sorted_tables
        if t.name not in LOCAL_TABLES  # the archive's own bookkeeping, never exported
        for c in t.columns
        if type(c.type) in (String, Text, JSON)
        and c.name not in ("uid", "sha256")  # a record's identity, a file's hash
        and f"{t.name}.{c.name}" not in _NOT_WORDS
    ]


def _secrets(i: int) -> dict[str, str]:
    return {
        "hide_phones": f"(937) 555-{100 + i:04d}",
        "hide_emails": f"c{i}.kin@example.org",
        "hide_addresses": f"{2000 + i} Elm Street",
    }


def _attach(archive: Archive, tmp: Path) -> None:
    """A file attached to a case, a meeting, an event and a source (the demo has none), and
    a packet's run logged."""
    page = make_pdf(tmp / "letter.pdf", ["An attached letter"])
    with archive.session() as s:
        for model, target in (
            (Serviceman, "serviceman_id"), (Meeting, "meeting_id"),
            (TimelineEvent, "timeline_event_id"), (Source, "source_id"),
        ):  # fmt: skip
            first = s.scalar(select(model.id).order_by(model.id))  # type: ignore[attr-defined]
            attach_file(
                s, archive.location.attachments_dir, page, caption="Letter", **{target: first}
            )
        # A packet built once: an archive zip carries its run (its title, what it withheld).
        analyst = packets.find_audience(s, "DPAA analyst")
        template = packets.Template("Brief", (packets.Section("case_summaries"),))
        data = packets.gather_packet(s, packets.PacketRequest(template, analyst, case_ids=(1,)))
        packets.record_run(s, data, tmp / "brief.pdf", "0" * 64, 1)
        # A row of each kind the demo has none of: an address, a file number, a DNA sample,
        # an incident.
        contact = s.scalar(select(Contact.id).order_by(Contact.id))
        s.add(ContactAddress(contact_id=contact, label="home", city="Dayton"))
        s.add(ExternalId(serviceman_id=1, issuer="DPAA", value="KR-1"))
        s.add(FamilyReferenceSample(serviceman_id=1, line=DnaLine.MTDNA))
        s.add(Incident(title="Loss of Co. F"))
        mine = packets.Section("custom_text", {"title": "Our request", "text": "Please ask"})
        packets.save_template(s, packets.Template("Mine", (mine,)))


def _plant(archive: Archive) -> dict[str, dict[str, str]]:
    """Every planted column ("table.column") with its secrets by the rule that hides them."""
    planted: dict[str, dict[str, str]] = {}
    with archive.session() as s:
        for i, (table, column, is_json) in enumerate(_planted_columns()):
            secrets = _secrets(i)
            words = " call {hide_phones} or {hide_emails}, {hide_addresses}.".format(**secrets)
            value = f"coalesce(\"{column}\", '') || :w"
            where = ""
            if is_json:  # one more key in each object, one more item in each list
                value = (
                    f"CASE json_type(\"{column}\") WHEN 'array'"
                    f" THEN json_insert(\"{column}\", '$[#]', :w)"
                    f" ELSE json_set(\"{column}\", '$.Remarks', :w) END"
                )
                where = f" WHERE json_type(\"{column}\") IN ('object', 'array')"
            done = s.execute(
                text(f'UPDATE "{table}" SET "{column}" = {value}{where}'), {"w": words}
            )
            if done.rowcount:  # type: ignore[attr-defined]
                planted[f"{table}.{column}"] = secrets
        for t in Base.metadata.sorted_tables:
            if "sensitivity" in t.c:
                s.execute(text(f'UPDATE "{t.name}" SET sensitivity = 0'))
    return planted


def _text(pdf: bytes) -> str:
    """The PDF's text in the order it was drawn, a table cell's lines together (pdftotext
    -raw: quicker than pypdf, which reads it when poppler is not installed)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return " ".join(page_texts(pdf))
    done = subprocess.run([exe, "-raw", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8", "replace")


def _properties(pdf: bytes) -> str:
    """The PDF's properties (title, subject) and its outline's headings."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(io.BytesIO(pdf)).outline)
    return " ".join([*metadata(pdf).values(), *titles])


def _compact(words: str) -> str:
    return re.sub(r"\s+", "", words)


def _papers(archive: Archive, audience: Audience) -> Iterator[tuple[str, str]]:
    """(what, its text) for each PDF printed for ``audience``, and its logs of what was
    withheld (the family reads them; they name where a number was, never the number)."""
    options = {"timeline": {"scope": "all"}, "sources": {"scope": "all"}}
    options |= {"contacts": {"scope": "all"}, "questions": {"include_answered": True}}
    options |= {"meeting": {"minutes": True}}
    template = packets.Template(
        "Everything",
        tuple(packets.Section(kind, options.get(kind, {})) for kind in packets.SECTION_KINDS),
    )
    logs: list[RedactionLog] = []
    files = archive.location.attachments_dir
    with archive.reader() as session:
        for meeting_id in session.scalars(select(Meeting.id).order_by(Meeting.id)):
            request = packets.PacketRequest(template, audience, meeting_id=meeting_id)
            data = packets.gather_packet(session, request, attachments_dir=files)
            rendered = render_packet(data)
            logs.append(data.log)
            yield f"packet for meeting {meeting_id}", _text(rendered.pdf)
            yield "packet's properties and outline", _properties(rendered.pdf)
        for case_id in session.scalars(select(Serviceman.id)):
            log = RedactionLog()
            case = case_view(session, case_id, audience, log, attachments_dir=files)
            assert case is not None
            logs.append(log)
            yield f"summary of case {case_id}", _text(render_case_summary(case, audience).pdf)
        for campaign_id in session.scalars(select(Campaign.id)):
            log = RedactionLog()
            view = campaign_view(session, campaign_id, audience, log)
            assert view is not None
            logs.append(log)
            pdf = render_campaign_report(view, audience).pdf
            yield f"campaign report {campaign_id}", _text(pdf)
    yield "the redaction logs", " ".join(e.label for log in logs for e in log.entries)


def _exports(archive: Archive, audience: Audience, tmp: Path) -> Iterator[tuple[str, str]]:
    """(what, its text) for each file exported for ``audience``, and their redaction logs."""
    logs: list[RedactionLog] = []
    privacy = Privacy.for_audience(audience)
    with archive.reader() as session:
        for kind, suffix in (
            ("cases", ".csv"), ("contacts", ".csv"), ("contacts", ".vcf"), ("meetings", ".csv"),
            ("meetings", ".ics"), ("events", ".csv"), ("dna-followup", ".csv"),
            ("archive", ".zip"),
        ):  # fmt: skip
            path = tmp / f"{audience.name}-{kind}{suffix}"
            result = export_file(
                session, kind, path, attachments_dir=archive.location.attachments_dir,
                privacy=privacy,
            )  # fmt: skip
            if result.log is not None:
                logs.append(result.log)
            if suffix == ".zip":
                with zipfile.ZipFile(path) as z:
                    yield f"{path.name}: its files' names", " ".join(z.namelist())
                    for name in z.namelist():
                        yield f"{path.name}:{name}", z.read(name).decode("utf-8", "replace")
            else:
                yield path.name, path.read_text("utf-8")
    yield "the redaction logs", " ".join(e.label for log in logs for e in log.entries)


def _found(
    outputs: Iterator[tuple[str, str]], planted: dict[str, dict[str, str]]
) -> dict[tuple[str, str], list[str]]:
    """(column, rule) -> where its secret was read, for every planted secret."""
    found: dict[tuple[str, str], list[str]] = {}
    for where, words in outputs:
        flat = _compact(words)
        for column, secrets in planted.items():
            for rule, secret in secrets.items():
                if _compact(secret) in flat:
                    found.setdefault((column, rule), []).append(where)
    return found


#: Columns the family must find in what is printed: the test reads what is shown.
_PRINTED = {
    "attachment.caption", "attachment.original_name", "meeting.place", "meeting.title",
    "agenda_item.title", "timeline_event.title", "timeline_event.place_text",
    "correspondence.subject", "serviceman.loss_place_text", "captivity.camp_text",
    "live_sighting_report.sighting_place_text", "source.title", "contact.notes",
    "list_membership.name_as_printed", "campaign_count.source_text", "serviceman.summary",
    "campaign.unit",
}  # fmt: skip
#: ... and in what is exported.
_EXPORTED = {
    "meeting.place", "meeting.title", "timeline_event.title", "timeline_event.place_text",
    "contact.display_name", "contact.organization", "serviceman.unit", "task.title",
    "citation.locator", "source.title", "attachment.caption", "attachment.original_name",
    "packet_run.title", "packet_run.redaction_log", "audience_profile.description",
}  # fmt: skip
Outputs = Callable[[Archive, Audience, Path], Iterator[tuple[str, str]]]


def _check(archive: Archive, tmp: Path, outputs: Outputs, must_show: set[str]) -> None:
    _attach(archive, tmp)
    with archive.session() as session:
        packets.ensure_default_audiences(session)
        press = packets.find_audience(session, "Press")
        congress = packets.find_audience(session, "Congressional office")
        family = packets.find_audience(session, "Extended family")
    planted = _plant(archive)  # the audiences' names too
    assert must_show <= set(planted)
    # Tables the demo-like archive holds no row of (made only by importing a list).
    empty = {t for t, *_ in _planted_columns()} - {c.partition(".")[0] for c in planted}
    assert empty == _NO_ROWS, empty
    assert not family.rules
    shown = _found(outputs(archive, family, tmp), planted)
    missing = sorted(c for c in must_show if (c, "hide_phones") not in shown)
    assert not missing, f"the family's papers do not show {missing}"
    leaks = _found(outputs(archive, press, tmp), planted)
    assert not leaks, "\n".join(f"{c} ({rule}): {w[:3]}" for (c, rule), w in sorted(leaks.items()))
    heard = _found(outputs(archive, congress, tmp), planted)
    phones = {k: w for k, w in heard.items() if k[1] == "hide_phones"}
    assert not phones, "\n".join(f"{c}: {w[:3]}" for (c, _), w in sorted(phones.items()))
    # Congress hides phone numbers only: the e-mail the family sees, Congress sees too.
    assert {c for c, rule in heard if rule == "hide_emails"} >= {
        c for c, rule in shown if rule == "hide_emails" and c in must_show
    }


@pytest.mark.slow
def test_no_private_detail_in_any_text_printed_for_an_audience(
    demo_archive: Archive, tmp_path: Path
) -> None:
    _check(demo_archive, tmp_path, lambda a, who, _: _papers(a, who), _PRINTED)


@pytest.mark.slow
def test_no_private_detail_in_any_text_exported_for_an_audience(
    demo_archive: Archive, tmp_path: Path
) -> None:
    _check(demo_archive, tmp_path, _exports, _EXPORTED)


def test_a_scrubbed_title_reads_sensibly_and_the_log_counts_each_field(
    demo_archive: Archive, tmp_path: Path
) -> None:
    """A caption, a file's name, a meeting's place and an event's title lose the phone
    number, e-mail or street in them; each is logged by where it was, never by what."""
    letter = make_pdf(tmp_path / "Letter from Bill 937-555-0142.pdf", ["An attached letter"])
    with demo_archive.session() as s:
        attach_file(
            s, demo_archive.location.attachments_dir, letter, serviceman_id=1,
            caption="Bill's letter; call him at (937) 555-0142 or bill.home@example.net",
            sensitivity=Sensitivity.PUBLIC,
        )  # fmt: skip
        meeting = s.scalars(select(Meeting).order_by(Meeting.id)).first()
        event = s.scalars(select(TimelineEvent).order_by(TimelineEvent.id)).first()
        assert meeting is not None and event is not None
        meeting.place = "Our house, 1412 Elm Street, Dayton, OH 45402"
        meeting.sensitivity = event.sensitivity = Sensitivity.PUBLIC
        event.title = "Call with (937) 555-0142"
        s.add(EventParticipant(event_id=event.id, serviceman_id=1))
        meeting_id = meeting.id
    sections = ("meeting", "case_summaries", "timeline", "attachments")
    template = packets.Template("Look", tuple(packets.Section(k) for k in sections))
    with demo_archive.reader() as session:
        press = packets.find_audience(session, "Press")
        request = packets.PacketRequest(template, press, case_ids=(1,), meeting_id=meeting_id)
        data = packets.gather_packet(
            session, request, attachments_dir=demo_archive.location.attachments_dir
        )
    printed = re.sub(r"\s+", " ", _text(render_packet(data).pdf))
    assert "Where Our house, [street address withheld]" in printed
    assert "Call with [phone number withheld]" in printed
    assert "Bill's letter; call him at [phone number withheld] or [email address withheld]" in (
        printed
    )
    assert "File Letter from Bill [phone number withheld].pdf" in printed
    assert "555-0142" not in printed and "Elm" not in printed
    logged = {e.kind for e in data.log.entries}
    assert {
        "phone number in caption", "email address in caption", "phone number in file name",
        "street address in place", "phone number in title",
    } <= logged  # fmt: skip
    assert not any("555" in e.label or "@" in e.label for e in data.log.entries)
