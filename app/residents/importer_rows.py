"""Checking one imported roster row: the rules of ``validation.clean``, at 100,000 rows a second.

``clean`` serves a form (one person, every check spelled out); an import needs the same verdicts
about ten times faster. ``RowChecker`` applies the same rules with the same constants (CHOICES,
MAX_LENGTH), the same pure helpers (check_id, check_phone, parse_date, parse_room) and the same
messages, and adds only what bulk work needs:

* addresses and dates are parsed once per distinct cell text (rooms repeat within households);
* a plain 11-digit mobile and a clean 18-character ID take a shortcut that gives exactly what
  check_phone / check_id give (anything unusual goes through them; tests compare the two);
* roster forms: 出生年月 (year and month only, 1971.11) is accepted when the ID supplies the day,
  building / unit / room may be separate columns, 特殊人群 holds tag names (unknown ones are left
  out with a warning), and a 在册状态 other than 在册 is refused.

Every problem is a translated message; errors refuse the row, warnings only go into the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from app.i18n import translate
from app.residents.address import RoomAddress, parse_room
from app.residents.dates import DateFormatError, parse_date, parse_year_month
from app.residents.idcard import CHECK_CHARS, EARLIEST_BIRTH_YEAR, IdCheck, check_id
from app.residents.phones import check_phone, split_phones
from app.residents.roster_columns import STATUS_LABELS, parse_tags
from app.residents.validation import CHOICES, MAX_LENGTH, TEXT_FIELDS, field_label, id_warnings
from db.models.residents import STATUS_ACTIVE

PHONE_SEPARATOR = "、"
MAX_TAG_DETAIL = 64
# A clean 18-character ID number; its check character is CHECK_CHARS[2 * int(raw[:17], 13) % 11]:
# GB 11643's weights are 2^(17-i) mod 11 and 13 ≡ 2 (mod 11), so the weighted sum of the digits is
# twice the 17 digits read as a base-13 number, mod 11 (one int() instead of 17 products).
_PLAIN_ID = re.compile(r"[0-9]{17}[0-9X]")
_PLAIN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_BUILDING_MARK = re.compile(r"(?:号楼|号|栋|幢|座|#|楼)$")
_UNIT_MARK = re.compile(r"单元$")
_ROOM_MARK = re.compile(r"(?:室|号)$")
_TEXT_KEYS = tuple(k for k in TEXT_FIELDS if k != "name")
_PLACE_KEYS = ("address", "compound", "building", "unit", "room")
_WHITESPACE = re.compile(r"\s")
_FREE_TEXT = {"notes", "registered_address", "employer", "household_number", "former_name"}
_PLAIN_BUILDING = re.compile(r"[A-Za-z]?[0-9]{1,3}[A-Za-z]?|[A-Za-z]")
_PLAIN_UNIT = re.compile(r"[0-9]{1,3}")
_PLAIN_ROOM = re.compile(r"[0-9]{1,5}")
_ACTIVE_LABELS = {None, STATUS_LABELS[STATUS_ACTIVE], STATUS_ACTIVE}
_NO_TAGS = {"无", "否", "没有", "-", "—", "/", "／"}


@dataclass
class Checked:
    """One row's verdict: ``values`` for bulk_insert (filled keys only), or None when ``errors`` refuse it."""

    values: dict | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def given_keys(values: dict) -> frozenset:
    """The keys a checked row filled in (an update changes only these)."""
    return frozenset(key for key in values if key != "status")


def cell_text(value) -> str | None:
    """A cell as one line of text: numbers without ".0", dates as 1950-03-05, None when empty."""
    if value is None:
        return None
    if value.__class__ is str:
        return " ".join(value.split()) or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split()) or None


def fast_id_check(raw, today: date, births: dict | None = None) -> IdCheck:
    """check_id, with a shortcut for a clean 18-character number (nearly every row): the same
    verdict, birth date and sex, or check_id itself for anything else (and for every error)."""
    if raw.__class__ is str and len(raw) == 18 and _PLAIN_ID.fullmatch(raw) and CHECK_CHARS[2 * int(raw[:17], 13) % 11] == raw[17]:
        births = {} if births is None else births
        digits = raw[6:14]
        birth = births.get(digits)
        if birth is None:
            try:
                birth = births[digits] = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            except ValueError:
                birth = births[digits] = False
        if birth and birth.year >= EARLIEST_BIRTH_YEAR and birth <= today:
            return IdCheck(raw, None, birth, "男" if raw[16] in "13579" else "女")
    return check_id(raw, today)


def _strip(text: str | None, mark: re.Pattern) -> str:
    return mark.sub("", text).strip() if text else ""


@lru_cache(maxsize=1 << 17, typed=True)  # typed: a TRUE cell is not the cell 1
def parse_place(address, compound, building, unit, room) -> tuple[RoomAddress | None, str | None]:
    """(place, error) from a 现居住地址 cell and/or 小区, 楼栋, 单元, 室 cells (as read; cached)."""
    if address is None and _plain_number(building, 3) and (unit is None or _plain_number(unit, 3)) \
            and (room is None or _plain_number(room, 5)) and (compound is None or _plain_compound(compound)):
        # 小区, 楼栋, 单元, 室 in columns of their own, as plain as they come (most rows of such a roster)
        return RoomAddress(building, unit or "", room or "", compound or ""), None
    cells = (address, compound, building, unit, room)
    if any(cell.__class__ is bool for cell in cells):  # a TRUE/FALSE cell is no part of an address
        message = translate("app", "Home address {value} is not in a form we can read; write it like 3号楼2单元401室 or 3-2-401")
        return None, message.format(value=" ".join(filter(None, map(cell_text, cells))))
    address, compound, building, unit, room = map(cell_text, cells)
    if building or unit or room:
        b, u, r = _strip(building, _BUILDING_MARK), _strip(unit, _UNIT_MARK), _strip(room, _ROOM_MARK)
        if not b:
            return None, translate("app", "Home address: the building (楼栋) is missing")
        place, shown = _place_from_parts(b, u, r), " ".join(p for p in (building, unit, room) if p)
    elif address:
        place, shown = parse_room(address), address
    else:
        return None, None
    if place is None:
        message = translate("app", "Home address {value} is not in a form we can read; write it like 3号楼2单元401室 or 3-2-401")
        return None, message.format(value=shown)
    if compound and not place.compound:
        place = RoomAddress(place.building, place.unit, place.room, compound)
    if len(place.compound) > MAX_LENGTH["compound"]:
        return None, _too_long("compound")
    return place, None


def _plain_number(cell, digits: int) -> bool:
    """A text cell of 1 to ``digits`` ASCII digits: a building, unit or room number needing no parsing."""
    return cell.__class__ is str and len(cell) <= digits and cell.isdigit() and cell.isascii()


def _plain_compound(cell) -> bool:
    """A 小区 text cell that is one line with single spaces, and fits."""
    return cell.__class__ is str and len(cell) <= MAX_LENGTH["compound"] and " ".join(cell.split()) == cell


def _place_from_parts(building: str, unit: str, room: str) -> RoomAddress | None:
    """What parse_room makes of "<building>号楼<unit>单元<room>室"; plain numbers need no parsing."""
    if _PLAIN_BUILDING.fullmatch(building) and (not unit or _PLAIN_UNIT.fullmatch(unit)) \
            and (not room or _PLAIN_ROOM.fullmatch(room)):
        return RoomAddress(building.upper(), unit, room)
    return parse_room(f"{building}号楼" + (f"{unit}单元" if unit else "") + (f"{room}室" if room else ""))


def _too_long(key: str) -> str:
    message = translate("app", "{field} is too long: at most {n} characters")
    return message.format(field=field_label(key), n=MAX_LENGTH[key])


def _one_line(text: str) -> str:
    """Whitespace runs as one space; the very same string when there is nothing to change."""
    if _WHITESPACE.search(text) is None:  # nearly always: a scan, no new strings
        return text
    joined = " ".join(text.split())
    return text if joined == text else joined


def _text_value(key: str, raw) -> tuple[str, str | None]:
    """(the text to store, the problem with it or None) for one text cell."""
    if raw.__class__ is str:
        text = raw if key == "notes" else _one_line(raw)  # notes keep their line breaks
    else:
        text = cell_text(raw)
    if len(text) > MAX_LENGTH[key]:
        return text, _too_long(key)
    if key in CHOICES and text not in CHOICES[key]:
        return text, _not_a_choice(key)
    return text, None


def _not_a_choice(key: str) -> str:
    message = translate("app", "{field} must be one of: {choices}")
    return message.format(field=field_label(key), choices="、".join(CHOICES[key]))


class RowChecker:
    """Checks records from ``TableReader.rows()``; ``tag_ids`` maps tag names to ids."""

    def __init__(self, tag_ids: dict[str, int], today: date | None = None, default_area_code: str | None = None,
                 keys: list[str] | None = None):
        """``keys``: the mapped fields (every record has these); by default all of them."""
        self.tag_ids = tag_ids
        self.today = today or date.today()
        self.area_code = default_area_code
        # Columns with few distinct values (性别, 民族, 政治面貌 …) are checked once per value.
        self._text_keys = [(k, None if k in _FREE_TEXT else {}) for k in _TEXT_KEYS if keys is None or k in keys]
        self._dates: dict = {}
        self._births: dict = {}
        self._id_births: dict = {}  # 8 digits of an ID -> its birth date, or False (the long way)

    def check(self, record: dict) -> Checked:
        errors: list[str] = []
        warnings: list[str] = []
        values = self._texts(record, errors)
        self._identity(record, values, errors, warnings)
        phones = self._phones(record.get("phones"), errors, warnings)
        place = self._place(record, errors, warnings)
        tags = self._tags(record.get("tags"), errors, warnings)
        if phones is not None:
            values["phones"] = phones
        if place is not None:
            values["address"] = place
        if tags:
            values["tags"] = tags
        self._status(record.get("status"), values, errors)
        return Checked(None if errors else values, errors, warnings)

    # --- text columns ----------------------------------------------------------------------

    def _texts(self, record: dict, errors: list[str]) -> dict:
        """The text columns; like every value here, only the filled ones (small dicts, at 100,000 rows)."""
        get = record.get
        values = {}
        name = get("name")
        name = _one_line(name) if name.__class__ is str else cell_text(name)
        if not name:
            errors.append(translate("app", "Name is required"))
        elif len(name) > MAX_LENGTH["name"]:
            errors.append(_too_long("name"))
        values["name"] = name
        for key, seen in self._text_keys:
            raw = get(key)
            if raw is None:
                continue
            remember = seen is not None and raw.__class__ is not bool  # True == 1: it would share 1's entry
            checked = seen.get(raw) if remember else None
            if checked is None:
                checked = _text_value(key, raw)
                if remember:
                    seen[raw] = checked
            values[key] = checked[0]
            if checked[1] is not None:
                errors.append(checked[1])
        return values

    # --- ID number, birth date, sex --------------------------------------------------------

    def _identity(self, record: dict, values: dict, errors: list[str], warnings: list[str]) -> None:
        """Nearly every row: a clean 18-character ID (what fast_id_check's shortcut accepts), a
        valid sex and the ID's own birth date or none. Anything else goes the long way."""
        get = record.get
        raw = get("id_number")
        if raw.__class__ is str and len(raw) == 18 and _PLAIN_ID.fullmatch(raw) and CHECK_CHARS[2 * int(raw[:17], 13) % 11] == raw[17]:
            births = self._id_births
            id_birth = births.get(raw[6:14])
            if id_birth is None:
                id_birth = births[raw[6:14]] = self._id_birth(raw[6:14])
            birth = get("birth_date")
            if id_birth and (birth is None or (birth.__class__ is date and birth == id_birth)):
                sex = get("sex")
                id_sex = "男" if raw[16] in "13579" else "女"
                if sex is None or sex == id_sex:
                    values["id_number"] = raw
                    values["sex"] = id_sex
                    values["birth_date"] = id_birth
                    return
        self._identity_checked(record, values, errors, warnings)

    def _id_birth(self, digits: str) -> date | bool:
        """The birth date of an ID's 8 digits when fast_id_check's shortcut would accept it, else False."""
        try:
            birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return False
        return birth if birth.year >= EARLIEST_BIRTH_YEAR and birth <= self.today else False

    def _identity_checked(self, record: dict, values: dict, errors: list[str], warnings: list[str]) -> None:
        raw = record.get("id_number")
        check = fast_id_check(raw, self.today, self._births) if raw is not None else None
        if check is None or not check.ok:
            text = cell_text(raw) or ""
            if "*" in text:
                errors.append(translate("app", "ID number is masked (it contains *); import a full export, made with the numbers shown"))
            else:
                errors.append(check.error if check is not None else translate("app", "ID number is empty"))
        if check is not None and check.ok:
            values["id_number"] = check.normalized
        sex = record.get("sex")
        sex = sex if sex is None or sex.__class__ is str else cell_text(sex)
        if sex is not None and sex not in CHOICES["sex"]:
            errors.append(_not_a_choice("sex"))
            sex = None
        birth = self._birth(record.get("birth_date"), check, errors, warnings)
        if check is not None and check.ok:
            if (sex and sex != check.sex) or (birth and birth != check.birth_date):
                warnings.extend(id_warnings(check.normalized, birth, sex, self.today).values())
            sex, birth = sex or check.sex, birth or check.birth_date
        if sex is not None:
            values["sex"] = sex
        if birth is not None:
            values["birth_date"] = birth

    def _birth(self, raw, check: IdCheck | None, errors: list[str], warnings: list[str]) -> date | None:
        if raw is None:
            return None
        if isinstance(raw, datetime):
            raw = raw.date()
        if isinstance(raw, date):
            parsed: date | tuple | str = raw
        else:
            key = (raw.__class__, raw)
            parsed = self._dates.get(key)
            if parsed is None:
                parsed = self._dates[key] = _parse_birth(raw)
        if isinstance(parsed, str):
            errors.append(translate("app", "{field}: {problem}").format(field=field_label("birth_date"), problem=parsed))
            return None
        if isinstance(parsed, tuple):  # 出生年月: the ID gives the day
            ok = check is not None and check.ok
            if ok and parsed != (check.birth_date.year, check.birth_date.month):
                message = translate("app", "Birth month {typed} differs from the one in the ID number ({from_id})")
                warnings.append(message.format(typed=f"{parsed[0]}-{parsed[1]:02d}", from_id=check.birth_date.isoformat()))
            return None
        if parsed > self.today:
            errors.append(translate("app", "Birth date {date} is in the future").format(date=parsed.isoformat()))
            return None
        return parsed

    # --- phones, address, tags, status -----------------------------------------------------

    def _phones(self, raw, errors: list[str], warnings: list[str]) -> str | None:
        if raw is None:
            return None
        if raw.__class__ is str and _PLAIN_MOBILE.fullmatch(raw):
            return raw
        normalized, problems = [], []
        for piece in split_phones(raw):
            check = check_phone(piece, self.area_code)
            if not check.ok:
                problems.append(check.error)
            elif check.normalized not in normalized:
                normalized.append(check.normalized)
            if check.warning:
                warnings.append(check.warning)
        errors.extend(problems)
        return PHONE_SEPARATOR.join(normalized) or None

    def _place(self, record: dict, errors: list[str], warnings: list[str]) -> RoomAddress | None:
        get = record.get
        place, error = parse_place(get("address"), get("compound"), get("building"), get("unit"), get("room"))
        if error:
            errors.append(error)
        elif place is None and get("compound") is not None:
            message = translate("app", "Compound {compound} was left out: the row gives no building or room")
            warnings.append(message.format(compound=cell_text(get("compound"))))
        return place

    def _tags(self, raw, errors: list[str], warnings: list[str]) -> dict[int, str | None]:
        tags: dict[int, str | None] = {}
        if raw is None:
            return tags
        text = cell_text(raw)
        for name, detail in _parsed_tags(text) if text not in _NO_TAGS else ():
            tag_id = self.tag_ids.get(name)
            if tag_id is None:
                message = translate("app", "Special group {name} is not one of the roster's tags and was left out")
                warnings.append(message.format(name=name))
            elif detail and len(detail) > MAX_TAG_DETAIL:
                errors.append(translate("app", "{field} is too long: at most {n} characters").format(
                    field=field_label("tags"), n=MAX_TAG_DETAIL))
            else:
                tags[tag_id] = detail
        return tags

    def _status(self, raw, values: dict, errors: list[str]) -> None:
        text = cell_text(raw) if raw is not None else None
        if text not in _ACTIVE_LABELS:
            message = translate("app", "The row is marked {status}: only residents on the roster (在册) are imported")
            errors.append(message.format(status=text))
        values["status"] = STATUS_ACTIVE


@lru_cache(maxsize=4096)
def _parsed_tags(text: str) -> tuple[tuple[str, str | None], ...]:
    return tuple(parse_tags(text))


def _parse_birth(raw) -> date | tuple[int, int] | str:
    """A date, a (year, month) for 出生年月, or the reason it is neither."""
    try:
        return parse_date(raw)
    except DateFormatError as error:
        try:
            return parse_year_month(raw)
        except DateFormatError:
            return error.message
