"""联系电话: mobile and landline numbers, several to a cell.

Stored forms: mobile "13912341031"; landline "0951-5012345" (area code, dash, 7–8 digits).
Area codes: 010 and 02x have three digits, every other one four (0951 银川).

A local number without area code (5012345) is accepted: with `default_area_code` (the office's
own, e.g. "0951") it gets that code; without one it is kept as typed and a warning says so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.i18n import translate

MOBILE = re.compile(r"^1[3-9]\d{9}$")
_SEPARATORS = re.compile(r"[\s\-()（）\[\].·]+")
_LIST_SEPARATORS = re.compile(r"[、,，;；/／\n|]+")


@dataclass(frozen=True)
class PhoneCheck:
    normalized: str
    kind: str | None = None  # "mobile" or "landline"
    error: str | None = None
    warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _text(raw: object) -> tuple[str, bool]:
    """(half-width text, came as a number) — Excel drops a landline's leading 0 from numbers."""
    if raw is None or isinstance(raw, bool):
        return "", False
    if isinstance(raw, (int, float)):
        return (str(int(raw)) if float(raw).is_integer() else str(raw)), True
    return unicodedata.normalize("NFKC", str(raw)).strip(), False


def _strip_country_code(compact: str) -> str:
    """+86 / 0086 / 86 before a mobile; +86 951 5012345 → 09515012345 (the 0 is dropped abroad)."""
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            rest = compact[len(prefix):]
            return rest if MOBILE.match(rest) or rest.startswith("0") else "0" + rest
    if compact.startswith("86") and MOBILE.match(compact[2:]):
        return compact[2:]
    return compact


def phone_digits(text: object) -> str:
    """Digits only (full-width digits too) — the search form of a phone, or of a query."""
    return "".join(c for c in _text(text)[0] if c.isdigit() and c.isascii())


def _area_split(digits: str) -> tuple[str, str]:
    size = 3 if digits.startswith(("010", "02")) else 4
    return digits[:size], digits[size:]


def normalize_phone(raw: object) -> str:
    """Canonical form when recognisable (13912341031, 0951-5012345), else the compacted text."""
    return check_phone(raw).normalized


def check_phone(raw: object, default_area_code: str | None = None) -> PhoneCheck:
    text, was_number = _text(raw)
    digits = _strip_country_code(_SEPARATORS.sub("", text))
    if not digits:
        return PhoneCheck("", None, translate("app", "Phone number is empty"))
    if not digits.isdigit():
        message = translate("app", "Phone number {value} contains characters other than digits")
        return PhoneCheck(text, None, message.format(value=text))
    if was_number and len(digits) >= 9 and digits[0] not in "01":
        digits = "0" + digits
    if digits[0] == "1":
        return _check_mobile(digits)
    if digits[0] == "0":
        return _check_landline(digits)
    return _check_local(digits, default_area_code)


def _check_mobile(digits: str) -> PhoneCheck:
    if len(digits) != 11:
        message = translate("app", "Mobile number {value} has {n} digits; it should have 11")
        return PhoneCheck(digits, "mobile", message.format(value=digits, n=len(digits)))
    if not MOBILE.match(digits):
        message = translate("app", "Mobile number {value} should start with 13 to 19")
        return PhoneCheck(digits, "mobile", message.format(value=digits))
    return PhoneCheck(digits, "mobile")


def _check_landline(digits: str) -> PhoneCheck:
    area, number = _area_split(digits)
    if not 7 <= len(number) <= 8 or number[0] in "01":
        message = translate("app", "Landline number {value}: after the area code there should be 7 or 8 digits")
        return PhoneCheck(digits, "landline", message.format(value=digits))
    return PhoneCheck(f"{area}-{number}", "landline")


def _check_local(digits: str, default_area_code: str | None) -> PhoneCheck:
    if not 7 <= len(digits) <= 8:
        message = translate(
            "app",
            "Phone number {value} is neither a mobile number (11 digits starting with 13 to 19) "
            "nor a landline (area code and 7 to 8 digits)",
        )
        return PhoneCheck(digits, None, message.format(value=digits))
    if default_area_code:
        return PhoneCheck(f"{default_area_code}-{digits}", "landline")
    message = translate("app", "Landline number {value} has no area code")
    return PhoneCheck(digits, "landline", None, message.format(value=digits))


def split_phones(raw: object) -> list[str]:
    """The phones in one cell, as typed (stripped). Separators: 、 , ; / newline and spaces —
    but spaces inside one number (139 1234 1031, 0951 5012345) keep it whole."""
    text = _text(raw)[0]
    pieces: list[str] = []
    for chunk in _LIST_SEPARATORS.split(text):
        pieces.extend(_split_on_spaces(chunk.strip()))
    return [p for p in pieces if p]


def _split_on_spaces(chunk: str) -> list[str]:
    """Greedy: close a run of tokens once it is a valid phone and the next token would spoil it."""
    if not chunk or check_phone(chunk).ok:
        return [chunk]
    tokens = chunk.split()
    result, start = [], 0
    for end in range(1, len(tokens) + 1):
        joined = " ".join(tokens[start:end])
        longer = " ".join(tokens[start : end + 1])
        if check_phone(joined).ok and (end == len(tokens) or not check_phone(longer).ok):
            result.append(joined)
            start = end
    if start < len(tokens):
        result.append(" ".join(tokens[start:]))
    return result
