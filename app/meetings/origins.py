"""Where an agenda item can come from, as choices for the editor: a resident's request, an open
action item of an earlier meeting, or an earlier meeting's agenda item (the stages of 四议两公开)."""

from __future__ import annotations

from sqlalchemy import select

from app.meetings.kinds import ORIGIN_ACTION, ORIGIN_AGENDA, ORIGIN_REQUEST
from app.meetings.service import agenda_choices
from db.models import ActionItem, Meeting, Request
from db.models.meetings import ACTION_OPEN

LIMIT = 300


def _short(text: str, size: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


def request_choices(db) -> list[tuple[int, str]]:
    """Recent requests (newest first): (id, "FW-20261127-003 张秀兰：楼道灯不亮…")."""
    with db.reading() as session:
        statement = (select(Request.id, Request.number, Request.name, Request.content)
                     .where(Request.removed_at.is_(None)).order_by(Request.registered_at.desc()).limit(LIMIT))
        return [(i, f"{number} {name or ''}：{_short(content)}") for i, number, name, content in session.execute(statement)]


def action_choices(db) -> list[tuple[int, str]]:
    with db.reading() as session:
        statement = (select(ActionItem.id, ActionItem.description, Meeting.held_on, Meeting.kind)
                     .join(Meeting, Meeting.id == ActionItem.meeting_id)
                     .where(ActionItem.status == ACTION_OPEN, Meeting.removed_at.is_(None))
                     .order_by(Meeting.held_on.desc()).limit(LIMIT))
        return [(i, f"{held_on.isoformat()} {kind}：{_short(text)}") for i, text, held_on, kind in session.execute(statement)]


def origin_choices(db, kind: str) -> list[tuple[int, str]]:
    if kind == ORIGIN_REQUEST:
        return request_choices(db)
    if kind == ORIGIN_ACTION:
        return action_choices(db)
    if kind == ORIGIN_AGENDA:
        return agenda_choices(db)[:LIMIT]
    return []


def origin_text_of(label: str) -> str:
    """The printed origin for a chosen record: its label without the number or date in front."""
    return label.split(" ", 1)[1] if " " in label else label
