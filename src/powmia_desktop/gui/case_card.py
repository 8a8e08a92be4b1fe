"""A read-only card of the selected case: identity, loss, status history, claims.

Built as HTML from ``case_detail``; every value is escaped, so text a family typed is shown
as typed and never taken for markup.
"""

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget


class CaseCard(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml("<p style='color:#666'>Select a case to see it here.</p>")

    def show_case(self, detail: dict[str, Any]) -> None:
        self.setHtml(case_html(detail))


def _get(value: dict[str, Any] | None, key: str = "label") -> str:
    return str(value.get(key, "")) if value else ""


def case_html(d: dict[str, Any]) -> str:
    e = escape
    rows = [
        ("Service number", d["service_number"]),
        ("Branch", _get(d["branch"])),
        ("Unit", d["unit"]),
        ("Home of record", ", ".join(v for v in d["home_of_record"].values() if v)),
        ("Date of loss", _get(d["loss_date"], "display")),
        ("Place of loss", d["loss_place"]),
        ("Accounting status", _get(d["accounting_status"])),
        ("Current status", _get(d["current_status"])),
        ("Last seen alive", "Yes — on the Last Seen Alive list" if d["last_seen_alive"] else ""),
    ]
    parts = [f"<h2>{e((d['rank'] + ' ' + d['name']).strip())}</h2>", "<table cellpadding='3'>"]
    for name, value in rows:
        if value:
            parts.append(f"<tr><td style='color:#555'>{e(name)}</td><td>{e(str(value))}</td></tr>")
    parts.append("</table>")
    if d["circumstances"]:
        parts.append(f"<h3>Circumstances</h3><p>{e(d['circumstances'])}</p>")
    if d["status_history"]:
        parts.append("<h3>Status history</h3><table cellpadding='3'>")
        parts.append(
            "<tr><th align='left'>Date</th><th align='left'>Status</th>"
            "<th align='left'>By</th><th align='left'>How</th></tr>"
        )
        for c in d["status_history"]:
            parts.append(
                f"<tr><td>{e(_get(c['date'], 'display') or 'undated')}</td>"
                f"<td>{e(_get(c['status']))}</td><td>{e(_get(c['authority']))}</td>"
                f"<td>{e(_get(c['method']))}</td></tr>"
            )
        parts.append("</table>")
    if d["captivity"]:
        parts.append("<h3>Captivity</h3><ul>")
        for c in d["captivity"]:
            other = f" (also {', '.join(c['camp_other_names'])})" if c["camp_other_names"] else ""
            span = " – ".join(
                x for x in (_get(c["from"], "display"), _get(c["to"], "display")) if x
            )
            parts.append(f"<li>{e(c['camp'] + other)}{' — ' + e(span) if span else ''}</li>")
        parts.append("</ul>")
    if d["claims"]:
        parts.append("<h3>What the sources say</h3><ul>")
        for c in d["claims"]:
            sources = "; ".join(x["source"] for x in c["citations"])
            parts.append(
                f"<li><b>{e(_get(c['fact']))}:</b> {e(c['value'])}"
                f"<br/><span style='color:#555'>{e(sources)}</span></li>"
            )
        parts.append("</ul>")
    if d["summary"]:
        parts.append(f"<h3>Summary</h3><p>{e(d['summary'])}</p>")
    return "".join(parts)
