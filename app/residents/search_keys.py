"""Precomputed search keys for names, and what a typed query looks like.

Pinyin initials: one primary key (张秀兰 → zxl), surnames read as surnames in first place (单 shan,
曾 zeng, 解 xie, 查 zha, 仇 qiu, 朴 piao, 区 ou, 尉迟 yuchi, 万俟 moqi …). Other characters take
pypinyin's most common reading, one character at a time (no phrase context: names are not words).
A second key, `pinyin_initials_alt`, switches every heteronym outside the surname to its second
reading in pypinyin's order (长 zhang → c, 乐 le → y); it is "" when no initial differs. Store
both (`pinyin_keys`) and a query matches either. Letters are lowercased, digits kept, everything
else (·, spaces, punctuation, characters without a reading) dropped; names are never changed.
Readings are cached per character, so 100,000 names take a fraction of a second.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

# Readings are looked up one character at a time, so pypinyin's phrase dictionary (44 MB of the
# program's memory) is never needed: the same readings for every CJK character (tests check).
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

from pypinyin import Style, pinyin  # noqa: E402  (after the setting above)

from app.residents.address import parse_room
from app.residents.idcard import id_fragment_digits

# Surnames whose reading differs from the character's common one (full pinyin, no tones).
SURNAMES = {
    "单": "shan", "曾": "zeng", "解": "xie", "查": "zha", "仇": "qiu", "朴": "piao", "区": "ou",
    "召": "shao", "覃": "qin", "盖": "ge", "繁": "po", "缪": "miao", "乐": "yue", "员": "yun",
    "句": "gou", "秘": "bi", "种": "chong", "翟": "zhai", "隗": "wei", "粘": "nian", "宓": "fu",
    "蕃": "pi", "祭": "zhai", "薄": "bo", "阚": "kan", "长": "chang", "洗": "xian", "能": "nai",
    "佴": "nai", "都": "du", "藏": "zang", "折": "she", "柏": "bai", "沈": "shen",
}
COMPOUND_SURNAMES = {"尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"),
                     "澹台": ("tan", "tai"), "单于": ("chan", "yu")}
# Characters pypinyin does not know that turn up in names (𠮷 is a variant of 吉).
EXTRA_READINGS = {"𠮷": "ji"}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NAME_QUERY = re.compile(rf"^[{_HAN}·• ]+$")
_DIGITS_QUERY = re.compile(r"^\+?[\d\s\-]*\d[\d\s\-]*[xX]?$")
_LETTERS_QUERY = re.compile(r"^[a-z ]+$")
_FULL_WIDTH = {0x3000: 0x20, **{0xFF01 + i: 0x21 + i for i in range(94)}}


@lru_cache(maxsize=None)
def _char(char: str) -> tuple[str, str, str]:
    """(initial, alternative initial, full reading) of one character; ("", "", "") to drop it."""
    char = char.translate(_FULL_WIDTH)
    if char.isascii():
        key = char.lower() if char.isalnum() else ""
        return key, key, key
    if char in EXTRA_READINGS:
        reading = EXTRA_READINGS[char]
        return reading[0], reading[0], reading
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda _: [])
    options = [r for r in readings[0] if r.isascii() and r.isalpha()] if readings else []
    if not options:
        return "", "", ""
    primary = options[0]
    alt = options[1][0] if len(options) > 1 else primary[0]
    return primary[0], alt, primary


def _keys(name: str) -> list[tuple[str, str, str]]:
    if not name:
        return []
    head = COMPOUND_SURNAMES.get(name[:2])
    if head:
        return [(r[0], r[0], r) for r in head] + [_char(c) for c in name[2:]]
    surname = SURNAMES.get(name[0])
    if surname:
        return [(surname[0], surname[0], surname)] + [_char(c) for c in name[1:]]
    return [_char(c) for c in name]


def pinyin_initials(name: str | None) -> str:
    return "".join(k[0] for k in _keys((name or "").strip()))


def pinyin_initials_alt(name: str | None) -> str:
    keys = _keys((name or "").strip())
    alt = "".join(k[1] for k in keys)
    return alt if alt != "".join(k[0] for k in keys) else ""


def full_pinyin(name: str | None) -> str:
    """张秀兰 → zhangxiulan (ü written v: 吕 → lv)."""
    return "".join(k[2] for k in _keys((name or "").strip()))


def pinyin_keys(name: str | None) -> str:
    """The value for a precomputed search column: primary initials, then the alternative if any."""
    keys = _keys((name or "").strip())
    primary, alt = "".join(k[0] for k in keys), "".join(k[1] for k in keys)
    return primary if alt == primary else f"{primary} {alt}"


def normalize_search_text(query: str | None) -> str:
    """Full-width ASCII to half-width, whitespace collapsed, ASCII lowercased; Chinese untouched."""
    text = (query or "").translate(_FULL_WIDTH)
    return " ".join(text.split()).lower()


@dataclass(frozen=True)
class QueryKind:
    kind: str  # "empty" | "address" | "digits" | "initials" | "name" | "text"
    text: str  # normalize_search_text(query)
    digits: str = ""  # "digits": the digits (and a final X) to find inside IDs and phones
    address: tuple[str, str, str] | None = None  # "address": (building, unit, room), "" if absent
    compound: str = ""  # "address": the 小区 when typed (安居苑3-2-401)


def classify_query(query: str | None) -> QueryKind:
    text = normalize_search_text(query)
    compact = text.replace(" ", "")
    if not compact:
        return QueryKind("empty", text)
    room = parse_room(compact)
    if room is not None:
        return QueryKind("address", text, address=(room.building, room.unit, room.room), compound=room.compound)
    if _DIGITS_QUERY.match(text):
        digits = id_fragment_digits(compact)
        return QueryKind("digits" if len(digits.rstrip("X")) >= 3 else "text", text, digits=digits)
    if _LETTERS_QUERY.match(text):
        return QueryKind("initials", compact)
    if _NAME_QUERY.match(text):
        return QueryKind("name", compact)
    return QueryKind("text", text)
