"""Checking one request as typed at the counter (or read from an import row).

``clean(data, now)`` turns form values into column values or raises ValidationError naming each
field: content is required, the phone must be a phone (app.residents.phones), the deadline may not
fall before the day of registration. Checks that need the database (the resident exists) are made
by the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.errors import ValidationError
from app.i18n import translate
from app.importing import text_value
from app.requests.rules import CHANNELS, DEFAULT_CATEGORIES, FALLBACK_CATEGORY, Category, default_deadline
from app.residents.phones import check_phone

MAX_LENGTH = {"name": 64, "address": 200, "category": 16, "content": 4000, "receiver": 64, "assignee": 100,
              "external_number": 64, "number": 32, "handling": 4000}
# What an import with on_duplicate="update" may overwrite (never the number, status or steps).
EDITABLE_BY_IMPORT = ("channel", "category", "content", "name", "phone", "address", "external_number", "receiver",
                      "assignee", "deadline", "handling")
FUTURE_SLACK = timedelta(days=1)  # a clock a little ahead is fine; next month is a typing mistake


def field_label(key: str) -> str:
    labels = {
        "number": translate("app", "Number"), "registered_at": translate("app", "Registered at"),
        "channel": translate("app", "Channel"), "resident": translate("app", "Requester"),
        "name": translate("app", "Requester"), "phone": translate("app", "Phone"),
        "address": translate("app", "Address"), "category": translate("app", "Category"),
        "content": translate("app", "Content"), "receiver": translate("app", "Received by"),
        "assignee": translate("app", "Assigned to"), "deadline": translate("app", "Deadline"),
        "status": translate("app", "Status"), "handling": translate("app", "Handling"),
        "finished_at": translate("app", "Finished at"), "follow_up": translate("app", "Follow-up visit"),
        "external_number": translate("app", "12345 work order number"),
    }
    return labels.get(key, key)


@dataclass
class Cleaned:
    values: dict  # column values for Request
    solved_on_spot: bool
    handling: str | None


def _texts(data: dict, errors: dict) -> dict:
    values = {}
    for key, limit in MAX_LENGTH.items():
        if key == "handling":
            continue
        text = text_value(data.get(key))
        if text is not None and len(text) > limit:
            errors[key] = translate("app", "{field} is longer than {n} characters.").format(field=field_label(key), n=limit)
        values[key] = text
    return values


def _phone(raw, errors: dict) -> str | None:
    if text_value(raw) is None:
        return None
    check = check_phone(raw)
    if not check.ok:
        errors["phone"] = check.error
        return None
    return check.normalized


def _registered_at(raw, now: datetime, errors: dict) -> datetime:
    if raw is None:
        return now.replace(microsecond=0)
    if isinstance(raw, date) and not isinstance(raw, datetime):
        raw = datetime.combine(raw, datetime.min.time())
    if raw > now + FUTURE_SLACK:
        errors["registered_at"] = translate("app", "The registration time {at} is in the future.").format(at=raw.strftime("%Y-%m-%d %H:%M"))
    return raw.replace(microsecond=0)


def _deadline(raw, registered: datetime, category: str, table, errors: dict) -> date:
    if raw is None:
        return default_deadline(category, registered, table)
    deadline = raw.date() if isinstance(raw, datetime) else raw
    if deadline < registered.date():
        errors["deadline"] = translate("app", "The deadline {deadline} is before the day of registration {day}.").format(
            deadline=deadline.isoformat(), day=registered.date().isoformat())
    return deadline


def clean(data: dict, now: datetime | None = None, table: tuple[Category, ...] = DEFAULT_CATEGORIES) -> Cleaned:
    now = now or datetime.now()
    errors: dict[str, str] = {}
    values = _texts(data, errors)
    if not values["content"]:
        errors["content"] = translate("app", "Write down what the request is about.")
    channel = text_value(data.get("channel")) or CHANNELS[0]
    if channel not in CHANNELS:
        errors["channel"] = translate("app", "Unknown channel \"{value}\"; use one of: {choices}.").format(
            value=channel, choices="、".join(CHANNELS))
    values["channel"] = channel
    values["category"] = values["category"] or FALLBACK_CATEGORY
    values["phone"] = _phone(data.get("phone"), errors)
    values["registered_at"] = _registered_at(data.get("registered_at"), now, errors)
    values["deadline"] = _deadline(data.get("deadline"), values["registered_at"], values["category"], table, errors)
    values["resident_id"] = data.get("resident_id") or None
    solved = bool(data.get("solved_on_spot"))
    if solved and values["assignee"]:
        errors["assignee"] = translate("app", "A request solved on the spot is not assigned to anyone.")
    handling = text_value(data.get("handling"))
    if handling and len(handling) > MAX_LENGTH["handling"]:
        errors["handling"] = translate("app", "{field} is longer than {n} characters.").format(
            field=field_label("handling"), n=MAX_LENGTH["handling"])
    if errors:
        raise ValidationError(errors)
    return Cleaned(values, solved, handling)
