"""Writing a meeting draft into the database: the header, then every child list by id.

Children that keep their id are updated in place (so the audit log shows what changed), new ones
are inserted and missing ones deleted. An agenda item that came from a resident's request is linked
to it through app/links (kind "request" ↔ "agenda_item"), both ways, so the request shows what
became of it. Used by the service, the importer and the demo, always inside one unit of work.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, inspect, or_, select
from sqlalchemy.orm import Session

from app import links
from app.errors import UserError
from app.i18n import translate
from app.meetings.kinds import ORIGIN_REQUEST
from app.meetings.rows import ActionDraft, AgendaDraft, AttendeeDraft, MeetingDraft, SpeechDraft
from db.models import ActionItem, AgendaItem, DecisionChain, Meeting, MeetingAttendee, Speech
from db.models.meetings import ACTION_OPEN

NUMBER_PREFIX = "HY"
HEADER_FIELDS = ("kind", "title", "session_label", "held_on", "starts_at", "ends_at", "place", "chair",
                 "recorder", "notes")


def finalised_error() -> UserError:
    return UserError(translate("app", "These minutes are finalised (signed) and can no longer be changed; "
                                      "record a dated amendment instead."))


def next_number(session: Session, held_on: date) -> str:
    prefix = f"{NUMBER_PREFIX}-{held_on:%Y%m%d}-"
    taken = session.scalars(select(Meeting.number).where(Meeting.number.like(prefix + "%"))).all()
    highest = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{highest + 1:02d}"


def _set(obj, **values) -> None:
    """Assign only what differs, so an unchanged row is not flushed (nor audited) again."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def _text(value: str) -> str | None:
    return value or None


def write_meeting(session: Session, draft: MeetingDraft) -> Meeting:
    """Create or update the meeting of ``draft`` (already normalised and validated)."""
    if draft.id is None:
        number = draft.number or next_number(session, draft.held_on)
        meeting = Meeting(number=number, is_demo=draft.is_demo, kind=draft.kind, title=draft.title,
                          held_on=draft.held_on)
        session.add(meeting)
    else:
        meeting = session.get(Meeting, draft.id)
        if meeting is None or meeting.removed_at is not None:
            raise UserError(translate("app", "This meeting no longer exists."))
        if meeting.finalized_at is not None:
            raise finalised_error()
    _set(meeting, **{key: _header_value(draft, key) for key in HEADER_FIELDS})
    _replace(session, meeting, "attendees", [_attendee(session, p, n) for n, p in enumerate(draft.attendees)])
    old_items = {item.id: item for item in meeting.agenda_items}
    new_items = [_agenda_item(session, meeting, item, index) for index, item in enumerate(draft.agenda)]
    _check_removable(session, [i for i in old_items.values() if i not in new_items])
    _replace(session, meeting, "agenda_items", new_items)
    session.flush()
    _link_origins(session, new_items, old_items)
    draft.id, draft.number = meeting.id, meeting.number
    return meeting


def _header_value(draft: MeetingDraft, key: str):
    value = getattr(draft, key)
    return _text(value) if isinstance(value, str) and key not in ("kind", "title") else value


def _child(session: Session, model, child_id: int | None, parent_check):
    if child_id is None:
        return model()
    obj = session.get(model, child_id)
    if obj is None or not parent_check(obj):
        raise UserError(translate("app", "Part of this meeting was changed meanwhile; open it again."))
    return obj


def _attendee(session: Session, person: AttendeeDraft, index: int) -> MeetingAttendee:
    row = _child(session, MeetingAttendee, person.id, lambda _o: True)
    _set(row, position=index, resident_id=person.resident_id, name=person.name, role=person.role,
         reason=_text(person.reason), note=_text(person.note))
    return row


def _agenda_item(session: Session, meeting: Meeting, item: AgendaDraft, index: int) -> AgendaItem:
    row = _child(session, AgendaItem, item.id, lambda o: o.meeting_id == meeting.id)
    vote = item.vote_method or None
    _set(row, position=index, title=item.title, origin_kind=_text(item.origin_kind), origin_id=item.origin_id,
         origin_text=_text(item.origin_text), vote_method=vote,
         votes_for=item.votes_for if vote else None, votes_against=item.votes_against if vote else None,
         votes_abstain=item.votes_abstain if vote else None, resolution=_text(item.resolution),
         responsible=_text(item.responsible), deadline=item.deadline)
    _replace(session, row, "speeches", [_speech(session, row, speech, n) for n, speech in enumerate(item.speeches)])
    _replace(session, row, "actions", [_action(session, meeting, row, action, n) for n, action in enumerate(item.actions)])
    return row


def _replace(session: Session, parent, name: str, rows: list) -> None:
    """Set a child list; rows left out are deleted explicitly, so the audit log records them
    (an orphan removed by the cascade alone never shows in ``session.deleted``)."""
    if inspect(parent).persistent:
        for old in getattr(parent, name):
            if old not in rows:
                for grandchildren in ("speeches", "actions"):
                    for child in getattr(old, grandchildren, []):
                        session.delete(child)
                session.delete(old)
    setattr(parent, name, rows)


def _speech(session: Session, item: AgendaItem, speech: SpeechDraft, index: int) -> Speech:
    row = _child(session, Speech, speech.id, lambda o: o.agenda_item_id == item.id)
    _set(row, position=index, speaker=speech.speaker, resident_id=speech.resident_id, content=speech.content)
    return row


def _action(session: Session, meeting: Meeting, item: AgendaItem, action: ActionDraft, index: int) -> ActionItem:
    row = _child(session, ActionItem, action.id, lambda o: o.agenda_item_id == item.id)
    if action.id is None:
        row.meeting = meeting
        row.status = ACTION_OPEN
    _set(row, position=index, description=action.description, responsible=_text(action.responsible),
         deadline=action.deadline)
    return row


def _check_removable(session: Session, removed: list[AgendaItem]) -> None:
    """An agenda item that is a stage of a 四议两公开 matter stays until it is taken out of it."""
    ids = [item.id for item in removed]
    if not ids:
        return
    stages = (DecisionChain.propose_item_id, DecisionChain.consult_item_id, DecisionChain.review_item_id,
              DecisionChain.resolve_item_id)
    chain = session.scalar(select(DecisionChain.title).where(
        DecisionChain.removed_at.is_(None), or_(*[column.in_(ids) for column in stages])))
    if chain is not None:
        raise UserError(translate("app", "An agenda item you removed is a stage of the major matter \"{title}\" "
                                         "(四议两公开); take it out of that matter first.").format(title=chain))
    for item in removed:
        _unlink_request(session, item)


def _link_origins(session: Session, items: list[AgendaItem], old: dict[int, AgendaItem]) -> None:
    linked = {item.id: set(links.linked_ids(session, "agenda_item", item.id, ORIGIN_REQUEST)) for item in items}
    for item in items:
        wanted = {item.origin_id} if item.origin_kind == ORIGIN_REQUEST and item.origin_id else set()
        for request_id in linked[item.id] - wanted:
            links.unlink(session, ORIGIN_REQUEST, request_id, "agenda_item", item.id)
        for request_id in wanted - linked[item.id]:
            links.link(session, ORIGIN_REQUEST, request_id, "agenda_item", item.id)


def _unlink_request(session: Session, item: AgendaItem) -> None:
    for request_id in links.linked_ids(session, "agenda_item", item.id, ORIGIN_REQUEST):
        links.unlink(session, ORIGIN_REQUEST, request_id, "agenda_item", item.id)


def count_meetings(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Meeting).where(Meeting.removed_at.is_(None))) or 0
