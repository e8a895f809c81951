"""The office's fixed lists for requests: channels, categories with their deadlines, follow-up results.

Category names and their 时限 (days allowed, counted in calendar days from the day of registration)
are a table the office may change: it is kept in the ``requests.categories`` setting as JSON
``[["维修", 3], …]`` and falls back to DEFAULT_CATEGORIES.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import translate
from db.models import Setting

CHANNELS = ("来访", "来电", "12345转办", "网格上报")
FOLLOW_UP_RESULTS = ("满意", "基本满意", "不满意")
SATISFIED = ("满意", "基本满意")
ANONYMOUS = "匿名"
NUMBER_PREFIX = "FW"
CATEGORY_SETTING = "requests.categories"
MAX_CATEGORY_DAYS = 365


@dataclass(frozen=True)
class Category:
    name: str
    days: int  # time allowed: deadline = day registered + days


DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("维修", 3),
    Category("环境卫生", 3),
    Category("物业", 5),
    Category("邻里纠纷", 7),
    Category("政策咨询", 1),
    Category("救助帮扶", 5),
    Category("其他", 5),
)
FALLBACK_CATEGORY = "其他"
FALLBACK_DAYS = 5


def _parse(value: str | None) -> tuple[Category, ...] | None:
    if not value:
        return None
    try:
        pairs = json.loads(value)
        result = tuple(Category(str(name), int(days)) for name, days in pairs)
    except (ValueError, TypeError):
        return None  # a damaged setting falls back to the defaults rather than breaking intake
    return result or None


def categories_in(session: Session) -> tuple[Category, ...]:
    stored = session.scalar(select(Setting.value).where(Setting.key == CATEGORY_SETTING))
    return _parse(stored) or DEFAULT_CATEGORIES


def categories(db) -> tuple[Category, ...]:
    with db.reading() as session:
        return categories_in(session)


def set_categories(db, items: list[tuple[str, int]]) -> tuple[Category, ...]:
    """Replace the category table. Names must be unique and non-empty; days 0…365."""
    cleaned: list[Category] = []
    seen: set[str] = set()
    for name, days in items:
        name = (name or "").strip()
        if not name:
            continue
        if name in seen:
            raise UserError(translate("app", "The category {name} is listed twice.").format(name=name))
        if len(name) > 16:
            raise UserError(translate("app", "The category name {name} is longer than 16 characters.").format(name=name))
        if not 0 <= int(days) <= MAX_CATEGORY_DAYS:
            raise UserError(translate("app", "The time allowed for {name} must be 0 to 365 days.").format(name=name))
        seen.add(name)
        cleaned.append(Category(name, int(days)))
    if not cleaned:
        raise UserError(translate("app", "At least one category is needed."))
    with db.unit_of_work() as session:
        session.merge(Setting(key=CATEGORY_SETTING, value=json.dumps([[c.name, c.days] for c in cleaned], ensure_ascii=False)))
    return tuple(cleaned)


def days_for(category: str, table: tuple[Category, ...] = DEFAULT_CATEGORIES) -> int:
    for item in table:
        if item.name == category:
            return item.days
    return FALLBACK_DAYS


def default_deadline(category: str, registered: date | datetime, table: tuple[Category, ...] = DEFAULT_CATEGORIES) -> date:
    """时限 by category: 政策咨询 the next day, 维修 three days, 邻里纠纷 a week …"""
    day = registered.date() if isinstance(registered, datetime) else registered
    return day + timedelta(days=days_for(category, table))

