"""Action items: raised by a resolution, reviewed at the next meetings (定期评事), closed with a result.

The review list of a meeting is every action item from an earlier meeting that was still open on
its date, shown as it stood then: an item closed on the meeting's own date carries its result, one
closed later still shows as open. So reprinting old minutes prints the same review list.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.meetings.rows import ActionRow
from app.meetings.validation import clean
from db.models import ActionItem, AgendaItem, Meeting
from db.models.meetings import ACTION_DONE, ACTION_OPEN

NOT_SAVED = 2**62  # a meeting being drafted comes after every saved one of its date


def _statement():
    return (select(ActionItem, Meeting, AgendaItem.title)
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .join(AgendaItem, AgendaItem.id == ActionItem.agenda_item_id)
            .where(Meeting.removed_at.is_(None)))


def _row(action: ActionItem, meeting: Meeting, agenda_title: str, as_of: date | None, today: date) -> ActionRow:
    closed = action.status == ACTION_DONE and (as_of is None or (action.closed_on is not None and action.closed_on <= as_of))
    moment = as_of or today
    return ActionRow(
        id=action.id, meeting_id=meeting.id, meeting_number=meeting.number, meeting_title=meeting.title,
        meeting_kind=meeting.kind, held_on=meeting.held_on, agenda_title=agenda_title,
        description=action.description, responsible=action.responsible or "", deadline=action.deadline,
        status=ACTION_DONE if closed else ACTION_OPEN, result=(action.result or "") if closed else "",
        closed_on=action.closed_on if closed else None,
        overdue=not closed and action.deadline is not None and action.deadline < moment)


def review_rows(session, meeting: Meeting, today: date | None = None) -> list[ActionRow]:
    """What ``meeting`` reviews: earlier meetings' action items open on its date (定期评事)."""
    statement = _statement().where(
        Meeting.id != meeting.id, Meeting.held_on <= meeting.held_on,
        or_(Meeting.held_on < meeting.held_on, Meeting.id < meeting.id),
        or_(ActionItem.closed_on.is_(None), ActionItem.closed_on >= meeting.held_on),
    ).order_by(Meeting.held_on, Meeting.id, AgendaItem.position, ActionItem.position)
    return [_row(a, m, t, meeting.held_on, today or date.today()) for a, m, t in session.execute(statement)]


def review_items(db, meeting_id: int | None = None, held_on: date | None = None) -> list[ActionRow]:
    """The review list of a saved meeting, or of a new one to be held on ``held_on``."""
    with db.reading() as session:
        if meeting_id is not None:
            meeting = session.get(Meeting, meeting_id)
        else:
            meeting = Meeting(id=NOT_SAVED, held_on=held_on or date.today())
        return review_rows(session, meeting)


def open_action_items(db, text: str = "", today: date | None = None) -> list[ActionRow]:
    """Every action item still open, across all meetings, oldest deadline first."""
    today = today or date.today()
    with db.reading() as session:
        statement = _statement().where(ActionItem.status == ACTION_OPEN)
        for word in text.split():
            pattern = f"%{word}%"
            statement = statement.where(or_(ActionItem.description.like(pattern), ActionItem.responsible.like(pattern),
                                            Meeting.title.like(pattern), AgendaItem.title.like(pattern)))
        statement = statement.order_by(ActionItem.deadline.is_(None), ActionItem.deadline, Meeting.held_on, ActionItem.id)
        return [_row(a, m, t, None, today) for a, m, t in session.execute(statement)]


def meeting_actions(session, meeting_id: int, today: date | None = None) -> list[ActionRow]:
    """The action items a meeting's resolutions created, with their state now."""
    statement = _statement().where(ActionItem.meeting_id == meeting_id).order_by(AgendaItem.position, ActionItem.position)
    return [_row(a, m, t, None, today or date.today()) for a, m, t in session.execute(statement)]


def close_action_item(db, action_id: int, result: str, closed_on: date | None,
                      meeting_id: int | None = None) -> None:
    """Close an action item with what came of it and when (allowed on finalised minutes too:
    closing is the evaluation the minutes asked for, not an edit of them)."""
    result = clean(result)
    errors = {}
    if not result:
        errors["result"] = translate("app", "Describe what was done.")
    if closed_on is None:
        errors["closed_on"] = translate("app", "Enter the date it was done.")
    if errors:
        raise ValidationError(errors)
    with db.unit_of_work() as session:
        action = session.get(ActionItem, action_id)
        if action is None:
            raise UserError(translate("app", "Action item {id} does not exist.").format(id=action_id))
        if action.status == ACTION_DONE:
            raise UserError(translate("app", "This action item was already closed on {date}.").format(date=action.closed_on))
        if closed_on < action.meeting.held_on:
            raise ValidationError({"closed_on": translate("app", "It cannot be done before the meeting that decided it ({date}).")
                                   .format(date=action.meeting.held_on.isoformat())})
        action.status, action.result, action.closed_on = ACTION_DONE, result, closed_on
        action.closed_meeting_id = meeting_id


def reopen_action_item(db, action_id: int) -> None:
    """Undo a close made by mistake (audited like every change)."""
    with db.unit_of_work() as session:
        action = session.get(ActionItem, action_id)
        if action is None:
            raise UserError(translate("app", "Action item {id} does not exist.").format(id=action_id))
        action.status, action.result, action.closed_on, action.closed_meeting_id = ACTION_OPEN, None, None, None
