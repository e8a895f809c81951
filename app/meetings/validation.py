"""Checking a meeting draft before it is saved: field-level messages keyed as the editor's fields.

Keys: kind, title, held_on, ends_at, attendees, attendees.N.name / .reason, agenda.N.title,
agenda.N.origin, agenda.N.votes, agenda.N.speeches.M, agenda.N.actions.M (N, M from 0).
``normalize`` tidies the text first (trimmed, line breaks as \\n), so what is saved, printed and
exported is the same text, and an Excel round trip changes nothing.
"""

from __future__ import annotations

from app.i18n import translate
from app.meetings.kinds import KINDS, ORIGIN_KINDS
from app.meetings.rows import AgendaDraft, MeetingDraft
from app.meetings.votes import check_vote

LIMITS = {"title": 200, "session_label": 64, "place": 200, "chair": 64, "recorder": 64}


def clean(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def normalize(draft: MeetingDraft) -> MeetingDraft:
    for key in ("kind", "title", "session_label", "place", "chair", "recorder", "notes"):
        setattr(draft, key, clean(getattr(draft, key)))
    for person in draft.attendees:
        person.name, person.reason, person.note = clean(person.name), clean(person.reason), clean(person.note)
        person.role = clean(person.role) or "present"
    for item in draft.agenda:
        for key in ("title", "origin_kind", "origin_text", "vote_method", "resolution", "responsible"):
            setattr(item, key, clean(getattr(item, key)))
        for speech in item.speeches:
            speech.speaker, speech.content = clean(speech.speaker), clean(speech.content)
        for action in item.actions:
            action.description, action.responsible = clean(action.description), clean(action.responsible)
    return draft


def _header_errors(draft: MeetingDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if draft.kind not in KINDS:
        errors["kind"] = translate("app", "Choose the kind of meeting.")
    if not draft.title:
        errors["title"] = translate("app", "Enter the name of the meeting.")
    if draft.held_on is None:
        errors["held_on"] = translate("app", "Enter the date of the meeting.")
    if draft.starts_at and draft.ends_at and draft.ends_at <= draft.starts_at:
        errors["ends_at"] = translate("app", "The meeting must end after it starts.")
    for key, limit in LIMITS.items():
        if len(getattr(draft, key)) > limit and key not in errors:
            errors[key] = translate("app", "At most {limit} characters.").format(limit=limit)
    return errors


def _attendance_messages(draft: MeetingDraft) -> tuple[dict[str, str], dict[str, str]]:
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    seen: set[int] = set()
    for index, person in enumerate(draft.attendees):
        if not person.name:
            errors[f"attendees.{index}.name"] = translate("app", "Enter the name of the attendee.")
        elif len(person.name) > 64:
            errors[f"attendees.{index}.name"] = translate("app", "At most {limit} characters.").format(limit=64)
        if person.role not in ("present", "absent", "observer"):
            errors[f"attendees.{index}.name"] = translate("app", "Unknown attendance: {role}").format(role=person.role)
        if person.resident_id is not None:
            if person.resident_id in seen:
                errors[f"attendees.{index}.name"] = translate("app", "{name} is in the attendance twice.").format(name=person.name)
            seen.add(person.resident_id)
        if person.role == "absent" and not person.reason:
            warnings[f"attendees.{index}.reason"] = translate("app", "The reason {name} was absent is not recorded.").format(name=person.name)
    return errors, warnings


def _agenda_messages(draft: MeetingDraft, index: int, item: AgendaDraft,
                     errors: dict[str, str], warnings: dict[str, str]) -> None:
    key = f"agenda.{index}"
    if not item.title:
        errors[f"{key}.title"] = translate("app", "Enter the agenda item.")
    if item.origin_kind and item.origin_kind not in ORIGIN_KINDS:
        errors[f"{key}.origin"] = translate("app", "Unknown origin: {kind}").format(kind=item.origin_kind)
    outcome = check_vote(draft.kind, draft.due_count, draft.present_count, item.vote_method,
                         item.votes_for, item.votes_against, item.votes_abstain)
    if outcome.errors:
        errors[f"{key}.votes"] = " ".join(outcome.errors)
    elif outcome.warnings:
        warnings[f"{key}.votes"] = " ".join(outcome.warnings)
    for number, speech in enumerate(item.speeches):
        if not speech.speaker or not speech.content:
            errors[f"{key}.speeches.{number}"] = translate("app", "A speech needs the speaker and what was said.")
    for number, action in enumerate(item.actions):
        if not action.description:
            errors[f"{key}.actions.{number}"] = translate("app", "Describe what is to be done.")


def validate(draft: MeetingDraft) -> tuple[dict[str, str], dict[str, str]]:
    """(errors, warnings) for a normalised draft."""
    errors = _header_errors(draft)
    attendance_errors, warnings = _attendance_messages(draft)
    errors.update(attendance_errors)
    for index, item in enumerate(draft.agenda):
        _agenda_messages(draft, index, item, errors, warnings)
    return errors, warnings
