"""Finalising signed minutes, and dated amendments afterwards: never a silent edit.

Once ``finalise`` has run, the service refuses every edit of the meeting (UserError); a correction
is an amendment (date, author, text, reason) printed in the 更正记录 section on every reprint.
"""

from __future__ import annotations

from datetime import date, datetime

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.meetings.service import get_meeting, meeting_draft
from app.meetings.validation import clean, validate
from db.models import MeetingAmendment


def finalise(db, meeting_id: int, by: str | None = None) -> datetime:
    """Lock the minutes after they were signed; returns when. The chair and recorder must be named."""
    with db.unit_of_work() as session:
        meeting = get_meeting(session, meeting_id)
        if meeting.finalized_at is not None:
            raise UserError(translate("app", "These minutes were already finalised on {date} by {name}.")
                            .format(date=meeting.finalized_at.strftime("%Y-%m-%d %H:%M"), name=meeting.finalized_by))
        errors, _warnings = validate(meeting_draft(session, meeting_id))
        if not meeting.chair:
            errors["chair"] = translate("app", "Name the chair before finalising: the chair signs the minutes.")
        if not meeting.recorder:
            errors["recorder"] = translate("app", "Name the recorder before finalising: the recorder signs the minutes.")
        if errors:
            raise ValidationError(errors)
        moment = datetime.now().replace(microsecond=0)
        meeting.finalized_at = moment
        meeting.finalized_by = (by or session.info.get("actor") or "")[:64]
        return moment


def amend(db, meeting_id: int, text: str, reason: str, made_on: date | None = None,
          author: str | None = None) -> int:
    """Record a correction to finalised minutes; returns the amendment's id."""
    text, reason = clean(text), clean(reason)
    errors = {}
    if not text:
        errors["text"] = translate("app", "Write the correction.")
    if not reason:
        errors["reason"] = translate("app", "Give the reason for the correction.")
    if errors:
        raise ValidationError(errors)
    with db.unit_of_work() as session:
        meeting = get_meeting(session, meeting_id)
        if meeting.finalized_at is None:
            raise UserError(translate("app", "These minutes are not finalised yet: correct them directly."))
        made_on = made_on or date.today()
        if made_on < meeting.finalized_at.date():
            raise ValidationError({"made_on": translate("app", "A correction cannot be dated before the minutes were finalised.")})
        amendment = MeetingAmendment(made_on=made_on, author=clean(author or session.info.get("actor") or "")[:64],
                                     text=text, reason=reason)
        meeting.amendments.append(amendment)
        session.flush()
        return amendment.id
