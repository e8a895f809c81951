"""Links between records of different ledgers, readable from both ends.

A request that became a repair job is linked once, ``link(session, "request", 7, "repair", 3)``;
``linked(db, "request", 7)`` and ``linked(db, "repair", 3)`` both find the other end. Kinds are the
strings in KINDS. Each ledger may say how its records are labelled in such lists by registering
``Feature.extra["link_labels"] = {kind: labels(session, ids) -> {id: label}}``; without one a
record is shown as its kind and id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import translate
from db.models import Link

KINDS = ("request", "repair", "safety_check", "agenda_item", "project")

LabelFunction = Callable[[Session, list[int]], dict[int, str]]


@dataclass(frozen=True)
class LinkRow:
    """The other end of a link, as seen from one record."""

    kind: str
    id: int
    label: str
    note: str
    created_at: datetime | None
    created_by: str
    link_id: int


def kind_label(kind: str) -> str:
    labels = {
        "request": translate("app", "Request"),
        "repair": translate("app", "Repair job"),
        "safety_check": translate("app", "Safety check"),
        "agenda_item": translate("app", "Agenda item"),
        "project": translate("app", "Public-works project"),
    }
    return labels.get(kind, kind)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown link kind {kind!r}; known: {', '.join(KINDS)}")


def _between(a_kind: str, a_id: int, b_kind: str, b_id: int):
    return or_(
        and_(Link.from_kind == a_kind, Link.from_id == a_id, Link.to_kind == b_kind, Link.to_id == b_id),
        and_(Link.from_kind == b_kind, Link.from_id == b_id, Link.to_kind == a_kind, Link.to_id == a_id),
    )


def link(session: Session, a_kind: str, a_id: int, b_kind: str, b_id: int, note: str | None = None) -> Link:
    """Link two records (in the caller's transaction). Linking twice, either way round, is harmless:
    the existing link comes back."""
    _check_kind(a_kind)
    _check_kind(b_kind)
    if (a_kind, a_id) == (b_kind, b_id):
        raise UserError(translate("app", "A record cannot be linked to itself."))
    existing = session.scalar(select(Link).where(_between(a_kind, a_id, b_kind, b_id)))
    if existing is not None:
        return existing
    row = Link(from_kind=a_kind, from_id=a_id, to_kind=b_kind, to_id=b_id, note=(note or "").strip() or None,
               created_at=datetime.now().replace(microsecond=0), created_by=session.info.get("actor"))
    session.add(row)
    session.flush()
    return row


def unlink(session: Session, a_kind: str, a_id: int, b_kind: str, b_id: int) -> bool:
    """Remove the link between two records (audited). Returns False when there was none."""
    existing = session.scalar(select(Link).where(_between(a_kind, a_id, b_kind, b_id)))
    if existing is None:
        return False
    session.delete(existing)
    session.flush()
    return True


def _label_functions() -> dict[str, LabelFunction]:
    from app.features import features

    result: dict[str, LabelFunction] = {}
    for feature in features():
        result.update(feature.extra.get("link_labels", {}))
    return result


def _linked(session: Session, kind: str, record_id: int) -> list[LinkRow]:
    statement = select(Link).where(or_(
        and_(Link.from_kind == kind, Link.from_id == record_id),
        and_(Link.to_kind == kind, Link.to_id == record_id),
    )).order_by(Link.created_at, Link.id)
    ends = []
    for row in session.scalars(statement):
        if row.from_kind == kind and row.from_id == record_id:
            ends.append((row.to_kind, row.to_id, row))
        else:
            ends.append((row.from_kind, row.from_id, row))
    labels: dict[str, dict[int, str]] = {}
    functions = _label_functions() if ends else {}
    for other_kind in {k for k, _i, _r in ends}:
        ids = [i for k, i, _r in ends if k == other_kind]
        labels[other_kind] = functions[other_kind](session, ids) if other_kind in functions else {}
    return [
        LinkRow(kind=k, id=i, label=labels[k].get(i) or f"{kind_label(k)} #{i}", note=r.note or "",
                created_at=r.created_at, created_by=r.created_by or "", link_id=r.id)
        for k, i, r in ends
    ]


def linked(db_or_session, kind: str, record_id: int) -> list[LinkRow]:
    """Everything linked to one record, from either side, oldest link first."""
    if isinstance(db_or_session, Session):
        return _linked(db_or_session, kind, record_id)
    with db_or_session.reading() as session:
        return _linked(session, kind, record_id)


def linked_ids(session: Session, kind: str, record_id: int, other_kind: str) -> list[int]:
    """Ids of the records of ``other_kind`` linked to one record (either direction)."""
    forward = select(Link.to_id).where(Link.from_kind == kind, Link.from_id == record_id, Link.to_kind == other_kind)
    backward = select(Link.from_id).where(Link.to_kind == kind, Link.to_id == record_id, Link.from_kind == other_kind)
    return sorted(set(session.scalars(forward)) | set(session.scalars(backward)))
