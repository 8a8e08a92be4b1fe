"""Reading produced PDFs back in tests: text per page (pypdf, and pdftotext when present),
the demo's family/private texts, and small archives of generated cases."""

import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import Citation, Claim, Serviceman, Source, StatusChange
from powmia_desktop.db.models.base import fuzzy_date_values
from powmia_desktop.services.demo import demo_path


def squash(text: str) -> str:
    """Whitespace folded to single spaces, so line breaks in the PDF do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes | Path) -> list[str]:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdftotext_pages(pdf: bytes | Path) -> list[str] | None:
    """The text per page as poppler's pdftotext reads it; None when it is not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    done = subprocess.run(
        [exe, "-layout", "-", "-"], input=data, capture_output=True, timeout=60, check=True
    )
    return done.stdout.decode("utf-8", "replace").split("\f")[:-1] or [""]


def all_text(pdf: bytes | Path) -> str:
    """Every page's text (pypdf, plus pdftotext when present), squashed."""
    parts = page_texts(pdf)
    other = pdftotext_pages(pdf)
    if other is not None:
        parts += other
    return squash("\n".join(parts))


def metadata(pdf: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {str(k): str(v) for k, v in info.items()}


def _walk(node: Any, level: str | None, out: dict[str, set[str]]) -> None:
    if isinstance(node, dict):
        own = node.get("sensitivity")
        here = own if isinstance(own, str) else level
        for key, value in node.items():
            if isinstance(value, str) and key not in ("key", "sensitivity") and len(value) >= 12:
                out.setdefault(here or "public", set()).add(value)
            else:
                _walk(value, here, out)
    elif isinstance(node, list):
        for item in node:
            _walk(item, level, out)


def demo_texts_by_level() -> dict[str, set[str]]:
    """Every text of 12+ characters in the demo, by the sensitivity of its record."""
    out: dict[str, set[str]] = {}
    _walk(json.loads(demo_path().read_text(encoding="utf-8")), None, out)
    return out


def withheld_demo_texts(*levels: str) -> set[str]:
    """Texts only records at ``levels`` hold (texts also in a public record are public)."""
    by_level = demo_texts_by_level()
    secret = set().union(*(by_level.get(level, set()) for level in levels))
    others = set().union(*(v for k, v in by_level.items() if k not in levels))
    return {squash(t) for t in secret - others}


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A small PDF with one line of text per page (an "attached court order")."""
    canvas = Canvas(str(path), pagesize=LETTER)
    for text in pages:
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, 700, text)
        canvas.showPage()
    canvas.save()
    return path


def make_png(path: Path, size: tuple[int, int] = (120, 160)) -> Path:
    from PIL import Image

    Image.new("RGB", size, (90, 120, 160)).save(path)
    return path


def _dates(name: str, value: FuzzyDate) -> dict[str, Any]:
    """The columns of a FuzzyDate for a Core insert (the value itself goes through its type)."""
    return {**fuzzy_date_values(name, value), name: value}


def add_generated_cases(session: Session, count: int, *, start: int = 0) -> list[int]:
    """``count`` plain cases with a status history, a disputed claim and a cited source,
    inserted with Core statements (as a bulk import would)."""
    source_id = session.execute(
        insert(Source).values(
            uid=f"gen-source-{start}", title="Generated casualty list", sensitivity=0
        )
    ).inserted_primary_key[0]
    loss = FuzzyDate.parse("about Dec 1950")
    rows = [
        {
            "uid": f"gen-case-{start + i}",
            "surname": f"Generated{start + i:04d}",
            "given_names": "John Q.",
            "rank": "Pfc.",
            "unit": "Co. F, 19th Infantry Regiment, 24th Infantry Division",
            "service_number": f"RA{11000000 + start + i}",
            "loss_place_text": "near Unsan, North Korea",
            "circumstances": "Missing after the Chinese attack; remains not recovered. " * 3,
            "summary": "A generated case for tests and benchmarks.",
            "sensitivity": int(Sensitivity.PUBLIC),
            **_dates("loss_date", loss),
        }
        for i in range(count)
    ]
    ids = [
        session.execute(insert(Serviceman).values(**row)).inserted_primary_key[0] for row in rows
    ]
    changes = []
    for case_id in ids:
        for status, day in (("mia", "2 Dec 1950"), ("missing_presumed_dead", "31 Dec 1953")):
            changes.append(
                {
                    "uid": f"gen-sc-{case_id}-{status}",
                    "serviceman_id": case_id,
                    "status": status,
                    "authority": "army",
                    "sensitivity": 0,
                    **{
                        k: v
                        for k, v in _dates("date", FuzzyDate.parse(day)).items()
                        if not k.endswith(("_earliest", "_latest"))
                    },
                }
            )
    session.execute(insert(StatusChange), changes)
    for case_id in ids:
        for n, value in enumerate(("near Unsan", "near Kunu-ri")):
            claim_id = session.execute(
                insert(Claim).values(
                    uid=f"gen-claim-{case_id}-{n}",
                    serviceman_id=case_id,
                    fact="loss_place",
                    value=value,
                    status="disputed",
                    sensitivity=0,
                )
            ).inserted_primary_key[0]
            session.execute(
                insert(Citation).values(
                    uid=f"gen-cit-{case_id}-{n}",
                    source_id=source_id,
                    claim_id=claim_id,
                    quote=value,
                    confidence="secondary",
                    sensitivity=0,
                )
            )
    return ids


def iter_pages(pdf: bytes) -> Iterator[tuple[int, str]]:
    yield from enumerate(page_texts(pdf), 1)
