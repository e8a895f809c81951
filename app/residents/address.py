"""现居住地址 / 户籍地址 in a community: 小区 + 楼栋-单元-室.

`parse_room` reads "3-2-401", "3号楼2单元401室", "3栋2单元401", "3幢二单元401", "3#2单元401",
"A座1单元302" and the same after a compound name ("安居苑3号楼2单元401室"). Building and unit may be
written in Chinese numerals up to 99 (三号楼二单元). A building without units ("5号楼301室") gives
unit "". In the short form the unit has at most two digits, and two parts are building-unit
unless the second has three or more digits: then it is building-room ("5-301"). Phone numbers
(0951-5012345, 139-1234-1031) and dates (1950-3-5) are not rooms. Returns None when nothing fits.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9零〇一二两三四五六七八九十]{1,3}"
_BUILDING = rf"(?P<building>[A-Za-z]?{_NUM}[A-Za-z]?|[A-Za-z])"
_LONG = re.compile(
    rf"^(?P<compound>.*?){_BUILDING}\s*(?:号楼|号|栋|幢|座|#|楼)-?\s*"
    rf"(?:(?P<unit>{_NUM})\s*单元-?\s*)?(?:(?P<room>\d{{1,5}})\s*(?:室|号)?)?$"
)
_SHORT = re.compile(
    r"^(?P<compound>.*?[^0-9A-Za-z-])?(?P<building>[A-Za-z]?[1-9]\d{0,2}[A-Za-z]?)#?"
    r"-(?P<second>\d{1,4})(?:-(?P<room>\d{1,5}))?室?$"
)


class RoomAddress(NamedTuple):
    """A room (or a building without units): immutable and hashable. A NamedTuple rather than a
    frozen dataclass: an import hashes 100,000 of them, and a tuple's hash is computed in C."""

    building: str
    unit: str = ""
    room: str = ""
    compound: str = ""

    def short(self) -> str:
        return format_room_short(self)


def _arabic(text: str | None) -> str:
    """三 → 3, 十二 → 12, 二十 → 20; Arabic digits and letters stay as they are."""
    if not text or not any(c in _CN_DIGITS or c == "十" for c in text):
        return text or ""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return str(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))
    return "".join(str(_CN_DIGITS.get(c, c)) for c in text)


# The form nearly every roster cell has (银啤苑173号楼3单元602室): read in one match, giving what the
# general rules below give (the compound ends in a character that cannot be part of a building).
_CANONICAL = re.compile(r"(?:(?P<compound>.*[^0-9A-Za-z零〇一二两三四五六七八九十#-]))?"
                        r"(?P<building>[1-9][0-9]{0,2})号楼(?P<unit>[1-9][0-9]?)单元(?P<room>[1-9][0-9]{2,4})室")
_SPACE = re.compile(r"\s")


def parse_room(raw: object) -> RoomAddress | None:
    if raw is None:
        return None
    if raw.__class__ is str and _SPACE.search(raw) is None and unicodedata.is_normalized("NFKC", raw):
        canonical = _CANONICAL.fullmatch(raw)
        if canonical is not None:
            return RoomAddress(canonical.group("building"), canonical.group("unit"), canonical.group("room"),
                               canonical.group("compound") or "")
    return _parse_room(raw)


def _parse_room(raw: object) -> RoomAddress | None:
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    text = re.sub(r"\s+", "", text)
    if not text:
        return None
    short = _SHORT.match(text)
    if short and not (short.group("room") and len(short.group("second")) > 2):
        return _from_short(short)
    long = _LONG.match(text)
    if long and (long.group("unit") or long.group("room") or re.search(r"号楼|栋|幢|座", text)):
        return RoomAddress(
            _arabic(long.group("building")).upper(),
            _arabic(long.group("unit")),
            long.group("room") or "",
            long.group("compound").strip(),
        )
    return None


def _from_short(match: re.Match[str]) -> RoomAddress:
    building = match.group("building").upper()
    compound = (match.group("compound") or "").strip()
    second, room = match.group("second"), match.group("room")
    if room is None and len(second) >= 3:
        return RoomAddress(building, "", second, compound)
    return RoomAddress(building, second, room or "", compound)


def format_room(address: RoomAddress, with_compound: bool = True) -> str:
    """安居苑3号楼2单元401室; a lettered building is 座 (A座1单元302室); empty parts are left out."""
    marker = "号楼" if address.building.isdigit() else "座"
    parts = [address.compound if with_compound else "", address.building + marker]
    if address.unit:
        parts.append(f"{address.unit}单元")
    if address.room:
        parts.append(f"{address.room}室")
    return "".join(parts)


def format_room_short(address: RoomAddress) -> str:
    """3-2-401; without a unit 3-401 (which parse_room reads back as building-room)."""
    return "-".join(p for p in (address.building, address.unit, address.room) if p)
