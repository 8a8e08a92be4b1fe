"""Three-way merging of another organizer's archive: who changed a record since you agreed?

The sender controls ``updated_at``, so it decides nothing. For every record both archives
hold, this archive remembers (``merge_base``, per other archive) a digest of the version
both held after the last import from that archive. On the next import:

* the same content on both sides: agreed, nothing to do;
* only the incoming side differs from that base: the incoming version is taken;
* only this side differs: this archive's version stays;
* both differ (or there is no base to tell): this archive's version stays and the incoming
  one is kept as a ``merge_conflict`` for a person to review (services/conflicts.py).

The base is this archive's own record of the last import from the sender or, for records
it sent there first, the sender's record of what it received (the zip's merge-bases.json;
``bases_for_export`` writes it). The digest covers a record's own values; ids, links to
other records (their ids differ from archive to archive), row versions and timestamps are
left out, so a change of a link alone is not seen as a change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from powmia_desktop.db.models import MergeBase, MergeConflict
from powmia_desktop.db.tables import to_json_value

_LEFT_OUT = frozenset({"id", "row_version", "created_at", "updated_at"})


class Outcome(Enum):
    AGREED = "agreed"
    TAKE_INCOMING = "take incoming"
    KEEP_LOCAL = "keep local"
    CONFLICT = "conflict"


def content_columns(table: Table) -> list[str]:
    """The columns a record's digest covers (see the module text)."""
    return [c.name for c in table.columns if c.name not in _LEFT_OUT and not c.foreign_keys]


def content_digest(table: Table, row: dict[str, Any]) -> str:
    values = {name: to_json_value(row.get(name)) for name in content_columns(table)}
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decide(local: str, incoming: str, base: str | None) -> Outcome:
    """What to do with one record, from the digests of both versions and of the base."""
    if local == incoming:
        return Outcome.AGREED
    if base is not None and incoming == base:
        return Outcome.KEEP_LOCAL
    if base is not None and local == base:
        return Outcome.TAKE_INCOMING
    return Outcome.CONFLICT


@dataclass
class PeerMerge:
    """The merge bases with one other archive, read once per table and written back."""

    session: Session
    peer_uid: str
    source_file: str
    #: What the sender last agreed with this archive, as its zip says (``merge-bases.json``):
    #: the base when this archive has none of its own (a record it sent there first).
    carried: dict[str, dict[str, str]] = field(default_factory=dict)
    conflicts: int = 0
    _agreed: dict[tuple[str, str], str] = field(default_factory=dict)

    def bases(self, table: Table) -> dict[str, str]:
        rows = self.session.execute(
            select(MergeBase.record_uid, MergeBase.digest).where(
                MergeBase.peer_uid == self.peer_uid, MergeBase.table_name == table.name
            )
        )
        return {**self.carried.get(table.name, {}), **{uid: digest for uid, digest in rows}}

    def agree(self, table: Table, uid: str, digest: str) -> None:
        self._agreed[(table.name, uid)] = digest

    def keep_conflict(self, table: Table, row: dict[str, Any], digest: str) -> None:
        """Keep the incoming version for review (once: the same one still open is not kept
        again when the same zip is imported twice)."""
        self.conflicts += 1
        already = self.session.scalar(
            select(MergeConflict.id).where(
                MergeConflict.status == "open",
                MergeConflict.table_name == table.name,
                MergeConflict.record_uid == row["uid"],
                MergeConflict.incoming_digest == digest,
            )
        )
        if already is not None:
            return
        self.session.execute(
            insert(MergeConflict).values(
                peer_uid=self.peer_uid,
                source_file=self.source_file,
                table_name=table.name,
                record_uid=row["uid"],
                incoming={k: to_json_value(v) for k, v in row.items()},
                incoming_digest=digest,
                status="open",
            )
        )

    def flush(self) -> None:
        """Write the bases agreed during this import (replacing earlier ones)."""
        by_table: dict[str, list[tuple[str, str]]] = {}
        for (table_name, uid), digest in self._agreed.items():
            by_table.setdefault(table_name, []).append((uid, digest))
        for table_name, pairs in by_table.items():
            for start in range(0, len(pairs), 500):
                chunk = pairs[start : start + 500]
                self.session.execute(
                    delete(MergeBase).where(
                        MergeBase.peer_uid == self.peer_uid,
                        MergeBase.table_name == table_name,
                        MergeBase.record_uid.in_([uid for uid, _ in chunk]),
                    )
                )
                self.session.execute(
                    insert(MergeBase),
                    [
                        {
                            "peer_uid": self.peer_uid,
                            "table_name": table_name,
                            "record_uid": uid,
                            "digest": digest,
                        }
                        for uid, digest in chunk
                    ],
                )
        self._agreed.clear()


def bases_for_export(
    session: Session, records: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[str, dict[str, str]]]:
    """This archive's merge bases with every other archive, for the records a zip carries."""
    sent = {(name, row["uid"]) for name, rows in records.items() for row in rows if "uid" in row}
    out: dict[str, dict[str, dict[str, str]]] = {}
    query = select(MergeBase.peer_uid, MergeBase.table_name, MergeBase.record_uid, MergeBase.digest)
    for peer, table_name, uid, digest in session.execute(query):
        if (table_name, uid) in sent:
            out.setdefault(peer, {}).setdefault(table_name, {})[uid] = digest
    return out
