"""Form-level validation of one resident, composed from the pure helpers.

``clean(data)`` turns what a form (or an import row) holds into column values, or raises
``ValidationError({field: message}, warnings)`` naming each field. Warnings do not stop a save:
a typed 出生日期 or 性别 that disagrees with the ID number is shown, not refused. Checks that need
the database (a duplicate ID) are made by the service, which raises ``DuplicateResident``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.errors import ValidationError
from app.i18n import translate
from app.residents.address import RoomAddress, parse_room
from app.residents.dates import DateFormatError, parse_date
from app.residents.idcard import check_id
from app.residents.phones import check_phone, split_phones

PHONE_SEPARATOR = "、"

CHOICES = {
    "sex": ("男", "女"),
    "residence_status": ("人在户在", "人在户不在", "户在人不在", "空挂户"),
    "person_type": ("常住", "流动"),
    "marital_status": ("未婚", "已婚", "丧偶", "离婚"),
}
# Offered by forms, not enforced (real rosters use more).
SUGGESTIONS = {
    "relation_to_head": ("户主", "配偶", "子", "女", "父母", "孙子女", "兄弟姐妹", "儿媳", "女婿", "其他"),
    "political_status": ("中共党员", "中共预备党员", "共青团员", "民主党派", "群众"),
    "education": ("学龄前", "小学", "初中", "高中", "中专", "大专", "本科", "研究生"),
    "ethnicity": ("汉族", "回族", "满族", "蒙古族", "东乡族", "土族"),
}
MAX_LENGTH = {
    "name": 64, "former_name": 64, "ethnicity": 16, "registered_address": 200, "grid": 32,
    "relation_to_head": 16, "residence_status": 16, "person_type": 8, "political_status": 16,
    "education": 16, "marital_status": 8, "health": 64, "employer": 100, "notes": 2000,
    "household_number": 32, "compound": 64,
}
TEXT_FIELDS = tuple(k for k in MAX_LENGTH if k not in ("compound",))


def field_label(key: str) -> str:
    labels = {
        "name": translate("app", "Name"), "former_name": translate("app", "Former name"),
        "sex": translate("app", "Sex"), "ethnicity": translate("app", "Ethnicity"),
        "birth_date": translate("app", "Birth date"), "id_number": translate("app", "ID number"),
        "phones": translate("app", "Phone"), "registered_address": translate("app", "Registered address"),
        "address": translate("app", "Home address"), "compound": translate("app", "Compound"),
        "grid": translate("app", "Grid"), "household_number": translate("app", "Household number"),
        "relation_to_head": translate("app", "Relation to head of household"),
        "residence_status": translate("app", "Residence status"), "person_type": translate("app", "Resident type"),
        "political_status": translate("app", "Political status"), "education": translate("app", "Education"),
        "marital_status": translate("app", "Marital status"), "health": translate("app", "Health"),
        "employer": translate("app", "Employer"), "notes": translate("app", "Notes"), "tags": translate("app", "Tags"),
        "left_on": translate("app", "Date left"), "left_reason": translate("app", "Reason for leaving"),
    }
    return labels.get(key, key)


@dataclass(frozen=True)
class Cleaned:
    values: dict  # column -> value, plus "household_number"
    place: RoomAddress | None = None  # 现居住地址, when the data held an address
    has_place: bool = False  # False: the data said nothing about the address
    tags: dict[int, str | None] | None = None  # None: the data said nothing about tags
    warnings: dict[str, str] = field(default_factory=dict)


def _text(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _notes(value) -> str | None:
    """Notes keep their line breaks."""
    return (str(value).strip() or None) if value is not None else None


def _texts(data: dict, errors: dict) -> dict:
    values = {}
    for key in TEXT_FIELDS:
        if key not in data:
            continue
        text = _notes(data[key]) if key == "notes" else _text(data[key])
        if text and len(text) > MAX_LENGTH[key]:
            message = translate("app", "{field} is too long: at most {n} characters")
            errors[key] = message.format(field=field_label(key), n=MAX_LENGTH[key])
        elif text and key in CHOICES and text not in CHOICES[key]:
            message = translate("app", "{field} must be one of: {choices}")
            errors[key] = message.format(field=field_label(key), choices="、".join(CHOICES[key]))
        values[key] = text
    if "name" in data and not values.get("name"):
        errors["name"] = translate("app", "Name is required")
    return values


def _sex(data: dict, errors: dict) -> str | None:
    sex = _text(data.get("sex"))
    if sex and sex not in CHOICES["sex"]:
        message = translate("app", "{field} must be one of: {choices}")
        errors["sex"] = message.format(field=field_label("sex"), choices="、".join(CHOICES["sex"]))
    return sex


def _birth_date(data: dict, errors: dict, today: date) -> date | None:
    raw = data.get("birth_date")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        birth = parse_date(raw)
    except DateFormatError as error:
        errors["birth_date"] = translate("app", "{field}: {problem}").format(field=field_label("birth_date"), problem=error.message)
        return None
    if birth > today:
        errors["birth_date"] = translate("app", "Birth date {date} is in the future").format(date=birth.isoformat())
        return None
    return birth


def id_warnings(id_number: str | None, birth_date: date | None, sex: str | None, today: date | None = None) -> dict[str, str]:
    """Typed birth date / sex that disagree with a valid ID number (warnings, not errors)."""
    if not id_number:
        return {}
    check = check_id(id_number, today)
    warnings = {}
    if check.ok and birth_date and birth_date != check.birth_date:
        message = translate("app", "Birth date {typed} differs from the one in the ID number ({from_id})")
        warnings["birth_date"] = message.format(typed=birth_date.isoformat(), from_id=check.birth_date.isoformat())
    if check.ok and sex and sex != check.sex:
        message = translate("app", "Sex {typed} differs from the one in the ID number ({from_id})")
        warnings["sex"] = message.format(typed=sex, from_id=check.sex)
    return warnings


def _identity(data: dict, values: dict, errors: dict, today: date) -> dict[str, str]:
    """ID number, birth date and sex together: the last two come from the ID when left blank."""
    birth, sex = _birth_date(data, errors, today), _sex(data, errors)
    id_number = None
    raw = data.get("id_number")
    if raw is not None and str(raw).strip():
        check = check_id(raw, today)
        id_number = check.normalized
        if not check.ok:
            errors["id_number"] = check.error
        else:
            birth = birth or check.birth_date
            sex = sex or check.sex
    for key, value in (("id_number", id_number), ("birth_date", birth), ("sex", sex)):
        if key in data or value is not None:
            values[key] = value
    if "id_number" in errors or "birth_date" in errors or "sex" in errors:
        return {}
    return id_warnings(id_number, birth, sex, today)


def _phones(raw, errors: dict, warnings: dict, default_area_code: str | None) -> str | None:
    pieces = list(raw) if isinstance(raw, (list, tuple)) else split_phones(raw)
    normalized, problems, notes = [], [], []
    for piece in pieces:
        if piece is None or not str(piece).strip():
            continue
        check = check_phone(piece, default_area_code)
        if not check.ok:
            problems.append(check.error)
        elif check.normalized not in normalized:
            normalized.append(check.normalized)
        if check.warning:
            notes.append(check.warning)
    if problems:
        errors["phones"] = "；".join(problems)
    if notes:
        warnings["phones"] = "；".join(notes)
    return PHONE_SEPARATOR.join(normalized) or None


def _place(data: dict, errors: dict) -> RoomAddress | None:
    raw = data.get("address")
    compound = _text(data.get("compound")) or ""
    if raw is None or isinstance(raw, RoomAddress):
        place = raw
    elif not str(raw).strip():
        return None
    else:
        place = parse_room(raw)
        if place is None:
            message = translate("app", "Home address {value} is not in a form we can read; write it like 3号楼2单元401室 or 3-2-401")
            errors["address"] = message.format(value=str(raw).strip())
            return None
    if place is not None and compound and not place.compound:
        place = RoomAddress(place.building, place.unit, place.room, compound)
    return place


def _tags(raw, errors: dict) -> dict[int, str | None]:
    if isinstance(raw, dict):
        pairs = list(raw.items())
    else:
        pairs = [item if isinstance(item, (tuple, list)) else (item, None) for item in (raw or ())]
    result: dict[int, str | None] = {}
    for tag_id, detail in pairs:
        detail = _text(detail)
        if detail and len(detail) > 64:
            errors["tags"] = translate("app", "{field} is too long: at most {n} characters").format(field=field_label("tags"), n=64)
        result[int(tag_id)] = detail
    return result


def clean(data: dict, today: date | None = None, default_area_code: str | None = None) -> Cleaned:
    """Validated column values for the keys present in ``data``; raises ValidationError."""
    today = today or date.today()
    errors: dict[str, str] = {}
    values = _texts(data, errors)
    warnings = _identity(data, values, errors, today)
    if "phones" in data:
        values["phones"] = _phones(data["phones"], errors, warnings, default_area_code)
    has_place = "address" in data
    place = _place(data, errors) if has_place else None
    tags = _tags(data["tags"], errors) if "tags" in data else None
    if errors:
        raise ValidationError(errors, warnings)
    return Cleaned(values, place, has_place, tags, warnings)


def check(data: dict, today: date | None = None) -> dict[str, str]:
    """Warnings for a form about to be saved; raises ValidationError on errors."""
    return clean(data, today).warnings


def duplicate_message(name: str, address: str) -> str:
    if address:
        return translate("app", "ID number already registered: {name} ({address})").format(name=name, address=address)
    return translate("app", "ID number already registered: {name}").format(name=name)


class DuplicateResident(ValidationError):
    """The ID number belongs to someone already on the roster; ``existing_id`` is that person."""

    def __init__(self, existing_id: int, message: str, warnings: dict[str, str] | None = None):
        super().__init__({"id_number": message}, warnings)
        self.existing_id = existing_id
