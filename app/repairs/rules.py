"""The repair team's fixed lists, hours arithmetic and the per-day numbers (WX-20261126-01).

Hours are kept as whole minutes so that sums are exact; forms and reports speak hours (1.5).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import translate
from db.models import Setting

CATEGORIES = ("水", "电", "门窗", "家电", "燃气")
GAS = "燃气"
FIXED, AGAIN, REFERRED, BEYOND = "修好", "需再约", "转介", "无法修复"
OUTCOMES = (FIXED, AGAIN, REFERRED, BEYOND)
# Jobs that went through 完成. Fix rate = 修好 ÷ these; referrals (gas above all) are counted apart.
FINISHED_OUTCOMES = (FIXED, BEYOND)
FREE, RESIDENT_PAYS = "无偿", "材料自付"
PAID_BY = (FREE, RESIDENT_PAYS)
SATISFACTION = ("满意", "基本满意", "不满意")
MODES = ("上门", "到店")
SKILLS = ("水暖", "电工", "木工", "家电", "缝补", "磨刀", "开锁", "油漆")
ITEMS = ("电风扇", "电饭锅", "热水壶", "台灯", "水龙头", "马桶水箱", "下水管", "门锁", "窗户合页", "纱窗",
         "插座", "灯具", "电视机", "洗衣机", "微波炉", "抽油烟机", "燃气灶", "热水器")
FINDING_CATEGORIES = ("燃气", "电路", "消防通道", "其他")
SEVERITIES = ("一般", "较大", "重大")
SERIOUS = ("较大", "重大")  # may be escalated into a request
MAX_MINUTES = 24 * 60  # one person, one job, one day
SKILL_SEPARATOR = "、"
JOB_PREFIX, CHECK_PREFIX, VOLUNTEER_PREFIX = "WX", "AQ", "ZY"
_SPLIT = re.compile(r"[、,，;；/／\s]+")
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:小时|h|hr|hrs|hours?)?$", re.IGNORECASE)
_MINUTES = re.compile(r"^(\d+)\s*(?:分钟|分|min|mins|minutes?)$", re.IGNORECASE)
_TAIL = re.compile(r"-(\d+)$")


def gas_message() -> str:
    return translate("app", "Gas repairs can only be referred to a licensed gas company.")


def split_skills(value) -> tuple[str, ...]:
    """"水暖、电工" or ["水暖", "电工"] → ("水暖", "电工"), duplicates and blanks dropped."""
    parts = value if isinstance(value, (list, tuple, set)) else _SPLIT.split(str(value or ""))
    seen: list[str] = []
    for part in parts:
        part = str(part).strip()
        if part and part not in seen:
            seen.append(part)
    return tuple(seen)


def join_skills(skills) -> str:
    return SKILL_SEPARATOR.join(split_skills(skills))


def parse_hours(value) -> int:
    """Hours as typed (1.5, "1.5", "1.5小时", "90分钟") → whole minutes. UserError when unreadable,
    negative or longer than a day."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise UserError(translate("app", "Hours must be a number, e.g. 1.5."))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if isinstance(value, (int, float)) and math.isfinite(value):
        minutes = _to_minutes(Decimal(text))
    elif match := _MINUTES.match(text):
        minutes = int(match.group(1))
    elif match := _HOURS.match(text):
        minutes = _to_minutes(Decimal(match.group(1)))
    else:
        raise UserError(translate("app", "Hours \"{value}\" are not a number, e.g. 1.5.").format(value=text))
    if minutes < 0 or minutes > MAX_MINUTES:
        raise UserError(translate("app", "Hours must be between 0 and 24 (actual service, no travel)."))
    return minutes


def _to_minutes(hours: Decimal) -> int:
    return int((hours * 60).to_integral_value())


def format_hours(minutes: int | None) -> str:
    """90 → "1.5", 60 → "1", 20 → "0.33"."""
    hours = Decimal(minutes or 0) / Decimal(60)
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def hours_value(minutes: int | None) -> float:
    return round((minutes or 0) / 60, 2)


def next_number(session: Session, column, prefix: str, day: date, width: int = 2) -> str:
    """The day's next number, e.g. WX-20261126-03. Removed rows keep theirs: numbers are never reused."""
    stem = f"{prefix}-{day:%Y%m%d}-"
    numbers = session.scalars(select(column).where(column.like(stem + "%")))
    highest = max((int(m.group(1)) for n in numbers if (m := _TAIL.search(n))), default=0)
    return f"{stem}{highest + 1:0{width}d}"


def community_name(session: Session) -> str:
    """The issuer printed on certificates and registers: the "community_name" setting when the office
    has set one, else the demo community's committee in a demo database, else a generic name."""
    value = session.scalar(select(Setting.value).where(Setting.key == "community_name"))
    if value and value.strip():
        return value.strip()
    if session.scalar(select(Setting.value).where(Setting.key == "demo_data")) == "1":
        return "福通社区居民委员会"
    return translate("app", "Wufu community residents' committee")
