"""Dates as they arrive from forms and Excel rosters.

Accepted: date/datetime objects; Excel serial numbers (1900 date system, 3000–73050, that is
1908-03-18 … 2099-12-31; numbers 1000–2999 are read as a year typed as a number, never as a
serial); strings 1950-03-05, 1950-3-5, 1950.3.5, 1950/03/05, 1950年3月5日, 19500305 (also
full-width, with spaces, or with a trailing 00:00:00). Year-month only ("1971.11", common in
出生年月 columns) is refused by `parse_date` with its own message; `parse_year_month` accepts it.
Day-first and two-digit-year forms are refused: they are ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from app.errors import UserError
from app.i18n import translate

EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 = 1900-03-01: Excel counts a 1900-02-29 that never was
SERIAL_RANGE = (3000, 73050)
YEAR_RANGE = (1800, 2200)

_FULL = re.compile(r"^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})[日号.]?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})(?:[.\-/年](\d{1,2})[月.]?|(\d{2})|年)?$")
_TIME_TAIL = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")


class DateFormatError(UserError, ValueError):
    """A date that is impossible or in a form we cannot read; `message` is translated."""


def excel_serial_to_date(serial: float) -> date:
    """1900 date system. Serials below 60 sit before Excel's phantom 1900-02-29 (serial 60)."""
    day = int(serial)
    if day == 60 or day < 1:
        raise _impossible(serial)
    return EXCEL_EPOCH + timedelta(days=day if day > 60 else day + 1)


def parse_date(raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _from_number(raw)
    text = _clean(raw)
    if not text:
        raise DateFormatError(translate("app", "Date is empty"))
    for pattern in (_FULL, _COMPACT):
        match = pattern.match(text)
        if match:
            return _make(text, *match.groups())
    if _YEAR_MONTH.match(text):
        raise _incomplete(text)
    raise _unknown(text)


def parse_year_month(raw: object) -> tuple[int, int]:
    """(year, month) from a full date or a year-month ("1971.11", "1971年11月", "1971-11")."""
    try:
        day = parse_date(raw)
        return day.year, day.month
    except DateFormatError:
        if isinstance(raw, float) and round(raw % 1, 6) == 0.1:
            raise _ambiguous_month(raw) from None  # 1971.1 may have been 1971.10
        text = _clean(raw)
        match = _YEAR_MONTH.match(text)
        month_text = match and (match.group(2) or match.group(3))
        if not month_text:
            raise
        year, month = int(match.group(1)), int(month_text)
        if not 1 <= month <= 12 or not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise _impossible(text) from None
        return year, month


def _clean(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float):
        return f"{raw:.6g}"
    text = unicodedata.normalize("NFKC", str(raw))
    text = re.sub(r"\s+", " ", text).strip()
    text = _TIME_TAIL.sub("", text).strip()
    return text.replace(" ", "")


def _from_number(value: float) -> date:
    if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
        return excel_serial_to_date(value)
    if float(value).is_integer():
        text = str(int(value))
        if _COMPACT.match(text):
            return _make(text, text[:4], text[4:6], text[6:])
    if 1000 <= value < 3000:
        raise _incomplete(_clean(value))
    raise _unknown(_clean(value))


def _make(text: str, year: str, month: str, day: str) -> date:
    try:
        result = date(int(year), int(month), int(day))
    except ValueError:
        raise _impossible(text) from None
    if not YEAR_RANGE[0] <= result.year <= YEAR_RANGE[1]:
        raise _impossible(text)
    return result


def _impossible(value: object) -> DateFormatError:
    return DateFormatError(translate("app", "Date {value} does not exist").format(value=value))


def _unknown(value: object) -> DateFormatError:
    message = translate("app", "Date {value} is not in a form we can read; write it like 1950-03-05")
    return DateFormatError(message.format(value=value))


def _incomplete(value: object) -> DateFormatError:
    message = translate("app", "Date {value} is incomplete: the month or day is missing")
    return DateFormatError(message.format(value=value))


def _ambiguous_month(value: object) -> DateFormatError:
    message = translate(
        "app",
        "Date {value} was stored by Excel as a number, so January and October look the same; "
        "format the column as text and type it again",
    )
    return DateFormatError(message.format(value=value))


def format_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def format_date_cn(value: date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def age_on(birth: date, today: date | None = None) -> int:
    """Whole years. Someone born on 29 February turns a year older on 1 March in common years."""
    today = today or date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
