"""Meetings for the screens, the printer and the command line: each call is one short session.

    draft = load_meeting(db, 7); draft.title = "…"; save_meeting(db, draft)
    rows = list_meetings(db, MeetingQuery(kind="板凳会", text="停车"))

Edits to finalised (signed) minutes are refused with a UserError; corrections go through
``lock.amend``. Action items (the review list, closing one) live in ``actions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, func, or_, select

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.meetings.rows import (
    ActionDraft,
    AgendaDraft,
    AmendmentRow,
    AttendeeDraft,
    MeetingDraft,
    MeetingRow,
    SpeechDraft,
)
from app.meetings.validation import normalize, validate
from app.meetings.writer import finalised_error, write_meeting
from db.models import ActionItem, AgendaItem, Meeting, MeetingAttendee, Speech
from db.models.meetings import ACTION_OPEN, ROLE_ABSENT, ROLE_PRESENT


@dataclass(frozen=True)
class MeetingQuery:
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # in the meeting's name and place, its agenda items, speeches and resolutions
    include_removed: bool = False


@dataclass(frozen=True)
class SaveResult:
    id: int
    number: str
    warnings: dict[str, str] = field(default_factory=dict)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_filter(text: str):
    pattern = _like(text)
    in_agenda = exists().where(AgendaItem.meeting_id == Meeting.id, or_(
        AgendaItem.title.like(pattern, escape="\\"), AgendaItem.resolution.like(pattern, escape="\\"),
        AgendaItem.origin_text.like(pattern, escape="\\")))
    in_speeches = exists().where(AgendaItem.meeting_id == Meeting.id, Speech.agenda_item_id == AgendaItem.id,
                                 Speech.content.like(pattern, escape="\\"))
    return or_(Meeting.title.like(pattern, escape="\\"), Meeting.place.like(pattern, escape="\\"),
               in_agenda, in_speeches)


def _filters(query: MeetingQuery) -> list:
    conditions = [] if query.include_removed else [Meeting.removed_at.is_(None)]
    if query.kind:
        conditions.append(Meeting.kind == query.kind)
    if query.date_from:
        conditions.append(Meeting.held_on >= query.date_from)
    if query.date_to:
        conditions.append(Meeting.held_on <= query.date_to)
    for word in query.text.split():
        conditions.append(_text_filter(word))
    return conditions


def _count_by_meeting(session, column, *where) -> dict[int, int]:
    statement = select(column, func.count()).where(*where).group_by(column)
    return dict(session.execute(statement).all())


def list_meetings(db, query: MeetingQuery = MeetingQuery()) -> list[MeetingRow]:
    """Meetings matching ``query``, newest first (small lists: a few hundred a year)."""
    with db.reading() as session:
        meetings = session.scalars(select(Meeting).where(*_filters(query))
                                   .order_by(Meeting.held_on.desc(), Meeting.starts_at.desc(), Meeting.id.desc())).all()
        ids = [m.id for m in meetings]
        present = _count_by_meeting(session, MeetingAttendee.meeting_id, MeetingAttendee.role == ROLE_PRESENT,
                                    MeetingAttendee.meeting_id.in_(ids))
        absent = _count_by_meeting(session, MeetingAttendee.meeting_id, MeetingAttendee.role == ROLE_ABSENT,
                                   MeetingAttendee.meeting_id.in_(ids))
        agenda = _count_by_meeting(session, AgendaItem.meeting_id, AgendaItem.meeting_id.in_(ids))
        open_actions = _count_by_meeting(session, ActionItem.meeting_id, ActionItem.status == ACTION_OPEN,
                                         ActionItem.meeting_id.in_(ids))
        return [MeetingRow(
            id=m.id, number=m.number, kind=m.kind, title=m.title, session_label=m.session_label or "",
            held_on=m.held_on, place=m.place or "", chair=m.chair or "",
            due=present.get(m.id, 0) + absent.get(m.id, 0), present=present.get(m.id, 0),
            agenda_count=agenda.get(m.id, 0), open_actions=open_actions.get(m.id, 0),
            finalized=m.finalized_at is not None, is_demo=bool(m.is_demo)) for m in meetings]


def _draft(meeting: Meeting) -> MeetingDraft:
    return MeetingDraft(
        id=meeting.id, number=meeting.number, kind=meeting.kind, title=meeting.title,
        session_label=meeting.session_label or "", held_on=meeting.held_on, starts_at=meeting.starts_at,
        ends_at=meeting.ends_at, place=meeting.place or "", chair=meeting.chair or "",
        recorder=meeting.recorder or "", notes=meeting.notes or "", is_demo=bool(meeting.is_demo),
        finalized_at=meeting.finalized_at, finalized_by=meeting.finalized_by or "",
        attendees=[AttendeeDraft(a.name, a.role, a.resident_id, a.reason or "", a.note or "", a.id)
                   for a in meeting.attendees],
        agenda=[_agenda_draft(item) for item in meeting.agenda_items],
        amendments=[AmendmentRow(a.id, a.made_on, a.author, a.text, a.reason) for a in meeting.amendments],
    )


def _agenda_draft(item: AgendaItem) -> AgendaDraft:
    return AgendaDraft(
        id=item.id, title=item.title, origin_kind=item.origin_kind or "", origin_id=item.origin_id,
        origin_text=item.origin_text or "", vote_method=item.vote_method or "", votes_for=item.votes_for,
        votes_against=item.votes_against, votes_abstain=item.votes_abstain, resolution=item.resolution or "",
        responsible=item.responsible or "", deadline=item.deadline,
        speeches=[SpeechDraft(s.speaker, s.content, s.resident_id, s.id) for s in item.speeches],
        actions=[ActionDraft(a.description, a.responsible or "", a.deadline, a.id, a.status, a.result or "",
                             a.closed_on) for a in item.actions],
    )


def get_meeting(session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.removed_at is not None:
        raise UserError(translate("app", "Meeting {id} does not exist.").format(id=meeting_id))
    return meeting


def meeting_draft(session, meeting_id: int) -> MeetingDraft:
    return _draft(get_meeting(session, meeting_id))


def load_meeting(db, meeting_id: int) -> MeetingDraft:
    with db.reading() as session:
        return meeting_draft(session, meeting_id)


def check_draft(draft: MeetingDraft) -> dict[str, str]:
    """Normalise and check; raises ValidationError on errors, returns the warnings."""
    normalize(draft)
    errors, warnings = validate(draft)
    if errors:
        raise ValidationError(errors, warnings)
    return warnings


def save_meeting(db, draft: MeetingDraft) -> SaveResult:
    """Create or update a meeting with everything in it, in one transaction."""
    warnings = check_draft(draft)
    with db.unit_of_work() as session:
        meeting = write_meeting(session, draft)
        return SaveResult(meeting.id, meeting.number, warnings)


def remove_meeting(db, meeting_id: int) -> None:
    """Mark a draft meeting removed (who and when); finalised minutes are archives and stay."""
    from datetime import datetime

    with db.unit_of_work() as session:
        meeting = get_meeting(session, meeting_id)
        if meeting.finalized_at is not None:
            raise finalised_error()
        meeting.removed_at = datetime.now().replace(microsecond=0)
        meeting.removed_by = session.info.get("actor")


def kinds_in_use(db) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Meeting.kind).where(Meeting.removed_at.is_(None)).distinct()))


def agenda_choices(db, kinds: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(agenda item id, "2025-03-05 两委会 · 议题") for pickers, newest meeting first."""
    with db.reading() as session:
        statement = (select(AgendaItem.id, Meeting.held_on, Meeting.kind, AgendaItem.title)
                     .join(Meeting, Meeting.id == AgendaItem.meeting_id).where(Meeting.removed_at.is_(None))
                     .order_by(Meeting.held_on.desc(), AgendaItem.position))
        if kinds:
            statement = statement.where(Meeting.kind.in_(kinds))
        return [(i, f"{d.isoformat()} {k} · {t}") for i, d, k, t in session.execute(statement)]


