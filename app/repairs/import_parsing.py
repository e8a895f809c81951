"""Reading the cells of old repair ledgers: the words offices actually typed.

类别 from synonyms (水暖 → 水, 电路 → 电, 木工 → 门窗) or, when the column is missing or empty, a
guess from the item (燃气灶 → 燃气, 水龙头 → 水); 结果 from 已修好 / 修复 / 待修 / 报废 …; volunteers
as "王建国(1.5)、马永福" or volunteer numbers; materials as "电容×1、开关2个".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from app.i18n import translate
from app.importing import text_value
from app.repairs.rules import AGAIN, BEYOND, CATEGORIES, FIXED, FREE, REFERRED, RESIDENT_PAYS
from app.residents.dates import DateFormatError, parse_date


class RowProblem(Exception):
    """A row that cannot be imported; ``message`` says why (translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


CATEGORY_WORDS = {"水": "水", "水暖": "水", "给排水": "水", "上下水": "水", "管道": "水", "电": "电", "电路": "电",
                  "电工": "电", "水电": "电", "照明": "电", "门窗": "门窗", "木工": "门窗", "门": "门窗", "窗": "门窗",
                  "家电": "家电", "家用电器": "家电", "电器": "家电", "小家电": "家电", "燃气": "燃气", "煤气": "燃气",
                  "天然气": "燃气"}
ITEM_GUESSES = (("燃气", "燃气"), ("煤气", "燃气"), ("天然气", "燃气"), ("热水器", "家电"), ("水龙头", "水"),
                ("马桶", "水"), ("下水", "水"), ("水管", "水"), ("水箱", "水"), ("地漏", "水"), ("门", "门窗"),
                ("窗", "门窗"), ("锁", "门窗"), ("合页", "门窗"), ("插座", "电"), ("开关", "电"), ("线路", "电"),
                ("电路", "电"), ("灯泡", "电"), ("灯管", "电"), ("吸顶灯", "电"))
OUTCOME_WORDS = {FIXED: ("修好", "已修好", "修复", "已修复", "已完成", "完成", "好了", "正常", "已修"),
                 AGAIN: ("需再约", "再约", "待修", "未修好", "未完成", "下次", "改约", "待配件"),
                 REFERRED: ("转介", "已转介", "转交", "转办", "转燃气公司", "转物业"),
                 BEYOND: ("无法修复", "修不好", "报废", "无法维修", "不能修", "建议更换")}
SATISFACTION_WORDS = {"满意": "满意", "非常满意": "满意", "很满意": "满意", "基本满意": "基本满意", "一般": "基本满意",
                      "较满意": "基本满意", "不满意": "不满意"}
PAID_WORDS = ("自付", "自费", "收费", "居民付", "居民出", "材料费")
_SPLIT = re.compile(r"[、,，;；/\n]+")
_HOURS_IN = re.compile(r"^(.+?)\s*[(（]\s*([\d.]+)\s*(?:小时|h)?\s*[)）]$")
_MATERIAL = re.compile(r"^(.+?)\s*(?:[×xX*]\s*([\d.]+)|([\d.]+))\s*([^\d\s]{0,3})$")


def _plain(value) -> str:
    return unicodedata.normalize("NFKC", text_value(value) or "").replace(" ", "")


def pick_category(raw, item: str | None, warnings: list[str]) -> str:
    text = _plain(raw)
    if text:
        if text in CATEGORY_WORDS:
            return CATEGORY_WORDS[text]
        raise RowProblem(translate("app", "Unknown category \"{value}\"; use one of: {choices}.").format(
            value=text, choices="、".join(CATEGORIES)))
    guess = next((category for word, category in ITEM_GUESSES if word in (item or "")), "家电")
    warnings.append(translate("app", "No category given; {category} was assumed from the item.").format(category=guess))
    return guess


def pick_outcome(raw) -> str | None:
    text = _plain(raw)
    if not text:
        return None
    for outcome, words in OUTCOME_WORDS.items():
        if text in words:
            return outcome
    raise RowProblem(translate("app", "Unknown outcome \"{value}\"; use 修好, 需再约, 转介 or 无法修复.").format(value=text))


def pick_satisfaction(raw, warnings: list[str]) -> str | None:
    text = _plain(raw)
    if not text:
        return None
    if text in SATISFACTION_WORDS:
        return SATISFACTION_WORDS[text]
    warnings.append(translate("app", "The satisfaction \"{value}\" was not understood and was left out.").format(value=text))
    return None


def pick_paid_by(raw) -> str:
    text = _plain(raw)
    return RESIDENT_PAYS if any(word in text for word in PAID_WORDS) else FREE


def split_volunteers(raw) -> list[tuple[str, str | None]]:
    """"王建国(1.5)、马永福" → [("王建国", "1.5"), ("马永福", None)]."""
    result = []
    for part in _SPLIT.split(unicodedata.normalize("NFKC", text_value(raw) or "")):
        part = part.strip()
        if not part:
            continue
        match = _HOURS_IN.match(part)
        result.append((match.group(1).strip(), match.group(2)) if match else (part, None))
    return result


def parse_materials(raw, paid_by: str) -> list[dict]:
    """"电容×1、开关2个" → [{"name": "电容", "quantity": 1, …}, {"name": "开关", "quantity": 2, "unit": "个"}]."""
    result = []
    for part in _SPLIT.split(unicodedata.normalize("NFKC", text_value(raw) or "")):
        part = part.strip()
        if not part or part in ("无", "-", "/"):
            continue
        match = _MATERIAL.match(part)
        if match:
            quantity = match.group(2) or match.group(3)
            result.append({"name": match.group(1).strip(), "quantity": quantity, "unit": match.group(4) or None,
                           "paid_by": paid_by})
        else:
            result.append({"name": part, "quantity": 1, "unit": None, "paid_by": paid_by})
    return result


def datetime_cell(raw) -> datetime | None:
    """A 完成时间 cell: a datetime, a date (at midnight), or text as parse_date reads it."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, date):
        return datetime.combine(raw, datetime.min.time())
    text = str(raw).strip()
    for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            pass
    try:
        return datetime.combine(parse_date(raw), datetime.min.time())
    except DateFormatError as problem:
        raise RowProblem(problem.message)
