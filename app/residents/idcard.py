"""公民身份号码 (GB 11643-1999): normalise, validate, derive birth date and sex.

An 18-character number: 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male),
and a check character computed from the first 17 digits. `check_id` returns every problem as one
translated message naming the field; birth date and sex are filled only for a valid number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from app.i18n import translate

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1850

# Whitespace and invisible characters people paste along with the number.
_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+")
# What a number stored by Excel looks like once it became text: 6.40104E+17, 640104195003051000.0
_EXCEL_NUMBER = re.compile(r"^\d(\.\d+)?E\+?\d+$|^\d+\.0+$")


@dataclass(frozen=True)
class IdCheck:
    normalized: str
    error: str | None = None
    birth_date: date | None = None
    sex: str | None = None  # "男" or "女"

    @property
    def ok(self) -> bool:
        return self.error is None


def normalize_id(raw: object) -> str:
    """Typing accidents away: spaces (also full-width), full-width digits/X, lowercase x, × for X,
    and the apostrophe Excel users type to force text."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        text = f"{raw:.15g}"
    else:
        text = str(raw)
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub("", text).strip("'\"‘’“”")
    return text.replace("×", "X").upper()


def id_check_char(first17: str) -> str:
    """The check character for 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def id_fragment_digits(text: object) -> str:
    """The part of a search text that can match an ID: digits and X only (x → X, full-width ok)."""
    return "".join(c for c in normalize_id(text) if "0" <= c <= "9" or c == "X")


def check_id(raw: object, today: date | None = None) -> IdCheck:
    normalized = normalize_id(raw)
    error = _excel_number_error(raw, normalized) or _shape_error(normalized)
    if error:
        return IdCheck(normalized, error)
    birth, error = _birth_date(normalized, today or date.today())
    if error:
        return IdCheck(normalized, error)
    expected = id_check_char(normalized[:17])
    if normalized[17] != expected:
        message = translate("app", "ID number: the check character is wrong, it should be {expected}")
        return IdCheck(normalized, message.format(expected=expected))
    sex = "男" if int(normalized[16]) % 2 == 1 else "女"
    return IdCheck(normalized, None, birth, sex)


def _excel_message() -> str:
    return translate(
        "app",
        "ID number was stored by Excel as a number and has lost its last digits; "
        "format the column as text and type the number again",
    )


def _excel_number_error(raw: object, normalized: str) -> str | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        if float(raw).is_integer() and len(normalized) == 15:
            return None  # an old 15-digit number survives Excel intact; _shape_error names it
        return _excel_message()
    if _EXCEL_NUMBER.match(normalized):
        return _excel_message()
    return None


def _shape_error(normalized: str) -> str | None:
    if not normalized:
        return translate("app", "ID number is empty")
    bad = "".join(dict.fromkeys(c for i, c in enumerate(normalized) if not _allowed(c, i, len(normalized))))
    if bad:
        message = translate("app", "ID number may contain only digits and a final X; found: {chars}")
        return message.format(chars=bad)
    if len(normalized) == 15:
        return translate(
            "app", "ID number has 15 digits: this is the old 15-digit form, enter the current 18-digit number"
        )
    if len(normalized) != 18:
        message = translate("app", "ID number must have 18 characters; this one has {n}")
        return message.format(n=len(normalized))
    return None


def _allowed(char: str, index: int, length: int) -> bool:
    if char == "X":
        return index == length - 1
    return "0" <= char <= "9"


def _birth_date(normalized: str, today: date) -> tuple[date | None, str | None]:
    digits = normalized[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        birth = None
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        message = translate("app", "ID number: the birth date {digits} in it is not a real date")
        return None, message.format(digits=digits)
    if birth > today:
        message = translate("app", "ID number: the birth date {date} in it is in the future")
        return None, message.format(date=birth.isoformat())
    return birth, None
