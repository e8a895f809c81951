"""Checking what a form (or an import row) says about a job, a volunteer or a safety check.

Each ``clean_*`` turns form values into column values or raises ValidationError naming each field,
so the form can show the message next to it. Checks that need the database (the resident exists,
the volunteer exists, the number is free) are made by the services.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.importing import text_value
from app.repairs.rules import (
    CATEGORIES,
    FINDING_CATEGORIES,
    GAS,
    MODES,
    OUTCOMES,
    PAID_BY,
    REFERRED,
    SATISFACTION,
    SEVERITIES,
    gas_message,
    join_skills,
    parse_hours,
)
from app.residents.dates import DateFormatError, parse_date
from app.residents.phones import check_phone

JOB_TEXT = {"number": 32, "name": 64, "address": 200, "item": 64, "fault": 2000, "result_note": 2000, "notes": 2000}
VOLUNTEER_TEXT = {"number": 16, "name": 64, "notes": 2000}
CHECK_TEXT = {"number": 32, "name": 64, "address": 200, "notes": 2000}
FUTURE_SLACK = timedelta(days=1)


def field_label(key: str) -> str:
    labels = {
        "number": translate("app", "Job number"), "job_date": translate("app", "Date"),
        "resident": translate("app", "Resident"), "name": translate("app", "Name"),
        "phone": translate("app", "Phone"), "address": translate("app", "Address"),
        "item": translate("app", "Item"), "category": translate("app", "Category"),
        "fault": translate("app", "Fault"), "appointment": translate("app", "Appointment"),
        "service_mode": translate("app", "Service mode"), "outcome": translate("app", "Outcome"),
        "finished_at": translate("app", "Completed at"), "satisfaction": translate("app", "Satisfaction"),
        "volunteers": translate("app", "Volunteers"), "materials": translate("app", "Materials"),
        "skills": translate("app", "Skills"), "check_date": translate("app", "Date"),
        "findings": translate("app", "Findings"), "notes": translate("app", "Notes"),
        "result_note": translate("app", "What was done"),
    }
    return labels.get(key, key)


def _texts(data: dict, limits: dict[str, int], errors: dict) -> dict:
    values = {}
    for key, limit in limits.items():
        text = text_value(data.get(key))
        if text is not None and len(text) > limit:
            errors[key] = translate("app", "{field} is longer than {n} characters.").format(field=field_label(key), n=limit)
        values[key] = text
    return values


def phone_value(raw, errors: dict, key: str = "phone") -> str | None:
    if text_value(raw) is None:
        return None
    check = check_phone(raw)
    if not check.ok:
        errors[key] = check.error
        return None
    return check.normalized


def date_value(raw, key: str, errors: dict, today: date, required: bool = True) -> date | None:
    if raw is None or raw == "":
        if required:
            return today
        return None
    try:
        day = parse_date(raw)
    except DateFormatError as problem:
        errors[key] = problem.message
        return None
    if day > today + FUTURE_SLACK:
        errors[key] = translate("app", "The date {day} is in the future.").format(day=day.isoformat())
    return day


def _choice(raw, choices: tuple[str, ...], key: str, errors: dict) -> str | None:
    value = text_value(raw)
    if value is not None and value not in choices:
        errors[key] = translate("app", "Unknown value \"{value}\"; use one of: {choices}.").format(
            value=value, choices="、".join(choices))
    return value


def minutes_list(raw, key: str, errors: dict) -> list[tuple[int, int]]:
    """[(volunteer_id, hours)] → [(volunteer_id, minutes)]; a volunteer listed twice is an error."""
    result: list[tuple[int, int]] = []
    for volunteer_id, hours in raw or ():
        try:
            minutes = parse_hours(hours)
        except UserError as problem:
            errors[key] = problem.message
            continue
        if any(v == int(volunteer_id) for v, _m in result):
            errors[key] = translate("app", "A volunteer is listed twice.")
            continue
        result.append((int(volunteer_id), minutes))
    return result


def _quantity(raw) -> float:
    if raw is None or raw == "":
        return 1.0
    value = float(str(raw).strip())
    if not 0 < value < 100000:
        raise ValueError(raw)
    return value


def materials_list(raw, errors: dict) -> list[dict]:
    """[{"name", "quantity", "unit", "paid_by"}] checked; empty rows dropped."""
    result = []
    for item in raw or ():
        name = text_value(item.get("name"))
        if name is None:
            continue
        try:
            quantity = _quantity(item.get("quantity"))
        except ValueError:
            errors["materials"] = translate("app", "The quantity of {name} must be a number above 0.").format(name=name)
            continue
        paid_by = _choice(item.get("paid_by") or PAID_BY[0], PAID_BY, "materials", errors)
        unit = text_value(item.get("unit"))
        if len(name) > 64 or (unit and len(unit) > 8):
            errors["materials"] = translate("app", "The material {name} has too long a name or unit.").format(name=name[:20])
            continue
        result.append({"name": name, "quantity": quantity, "unit": unit, "paid_by": paid_by})
    return result


def when_value(raw, key: str, errors: dict) -> datetime | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, date):
        return datetime.combine(raw, datetime.min.time())
    try:
        return datetime.strptime(str(raw).strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        try:
            return datetime.combine(parse_date(raw), datetime.min.time())
        except DateFormatError as problem:
            errors[key] = problem.message
            return None


def clean_job(data: dict, today: date | None = None) -> dict:
    """Form values → column values plus "volunteers" [(id, minutes)] and "materials" [dict]."""
    today = today or date.today()
    errors: dict[str, str] = {}
    values = _texts(data, JOB_TEXT, errors)
    values["resident_id"] = data.get("resident_id") or None
    if values["resident_id"] is None and not values["name"] and not values["address"] and not data.get("from_request"):
        errors["name"] = translate("app", "Say whom the repair is for: pick a resident, or type a name or address.")
    if not values["item"]:
        errors["item"] = translate("app", "Say what is to be repaired (e.g. 电风扇).")
    values["job_date"] = date_value(data.get("job_date"), "job_date", errors, today)
    values["phone"] = phone_value(data.get("phone"), errors)
    values["category"] = _choice(data.get("category"), CATEGORIES, "category", errors)
    if values["category"] is None:
        errors["category"] = translate("app", "Choose the category: 水, 电, 门窗, 家电 or 燃气.")
    values["service_mode"] = _choice(data.get("service_mode"), MODES, "service_mode", errors)
    values["outcome"] = _choice(data.get("outcome"), OUTCOMES, "outcome", errors)
    if values["category"] == GAS and values["outcome"] not in (None, REFERRED):
        errors["outcome"] = gas_message()
    values["satisfaction"] = _choice(data.get("satisfaction"), SATISFACTION, "satisfaction", errors)
    values["appointment"] = when_value(data.get("appointment"), "appointment", errors)
    values["volunteers"] = minutes_list(data.get("volunteers"), "volunteers", errors)
    values["materials"] = materials_list(data.get("materials"), errors)
    if errors:
        raise ValidationError(errors)
    return values


def clean_volunteer(data: dict) -> dict:
    errors: dict[str, str] = {}
    values = _texts(data, VOLUNTEER_TEXT, errors)
    if not values["name"]:
        errors["name"] = translate("app", "Give the volunteer's name.")
    values["skills"] = join_skills(data.get("skills"))
    if len(values["skills"]) > 200:
        errors["skills"] = translate("app", "{field} is longer than {n} characters.").format(field=field_label("skills"), n=200)
    values["phone"] = phone_value(data.get("phone"), errors)
    values["active"] = bool(data.get("active", True))
    values["resident_id"] = data.get("resident_id") or None
    if errors:
        raise ValidationError(errors)
    return values


def _finding(item: dict, position: int, errors: dict, today: date) -> dict | None:
    description = text_value(item.get("description"))
    if description is None:
        return None
    category = text_value(item.get("category")) or FINDING_CATEGORIES[-1]
    severity = text_value(item.get("severity")) or SEVERITIES[0]
    if category not in FINDING_CATEGORIES or severity not in SEVERITIES:
        errors["findings"] = translate("app", "A finding has an unknown category or severity.")
        return None
    rectified = bool(item.get("rectified"))
    rectified_on = date_value(item.get("rectified_on"), "findings", errors, today, required=False) if rectified else None
    return {"id": item.get("id"), "category": category, "severity": severity, "description": description[:2000],
            "rectified": rectified, "rectified_on": rectified_on, "follow_up": text_value(item.get("follow_up")),
            "position": position}


def clean_check(data: dict, today: date | None = None) -> dict:
    """A safety check: date, address (or a resident), volunteers with hours, findings."""
    today = today or date.today()
    errors: dict[str, str] = {}
    values = _texts(data, CHECK_TEXT, errors)
    values["resident_id"] = data.get("resident_id") or None
    if values["resident_id"] is None and not values["address"]:
        errors["address"] = translate("app", "Give the address checked, or pick a resident.")
    values["check_date"] = date_value(data.get("check_date"), "check_date", errors, today)
    values["volunteers"] = minutes_list(data.get("volunteers"), "volunteers", errors)
    findings = [_finding(item, i, errors, today) for i, item in enumerate(data.get("findings") or ())]
    values["findings"] = [f for f in findings if f is not None]
    if errors:
        raise ValidationError(errors)
    return values
