"""Reading the cells of an imported request row: times, channels, categories, statuses, results.

Each helper either returns a clean value, adds a warning (the row is still imported), or raises
RowProblem with the reason the row is rejected.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from app.errors import UserError
from app.i18n import translate
from app.requests import workflow
from app.requests.rules import CHANNELS, FALLBACK_CATEGORY, FOLLOW_UP_RESULTS, Category
from app.requests.validation import field_label, text_value
from app.residents.dates import DateFormatError, excel_serial_to_date, parse_date


class RowProblem(UserError):
    """Why one import row cannot be taken."""


_TIME_TAIL = re.compile(r"(?:(?<=[\sT日号]))(?P<h>\d{1,2})[:时点](?:(?P<m>\d{1,2})分?)?(?::(?P<s>\d{1,2})(?:\.\d+)?)?秒?$")

CHANNEL_WORDS = (
    ("12345", "12345转办"), ("热线", "12345转办"), ("转办", "12345转办"),
    ("网格", "网格上报"), ("电话", "来电"), ("来电", "来电"), ("来访", "来访"), ("上门", "来访"), ("窗口", "来访"),
)
STATUS_WORDS = {
    "已受理": workflow.REGISTERED, "待处理": workflow.REGISTERED, "待受理": workflow.REGISTERED,
    "已交办": workflow.ASSIGNED, "已派单": workflow.ASSIGNED, "已转办": workflow.ASSIGNED, "退回改派": workflow.ASSIGNED,
    "办理中": workflow.IN_PROGRESS, "处理中": workflow.IN_PROGRESS, "重办": workflow.IN_PROGRESS,
    "已办结": workflow.FINISHED, "即办即结": workflow.FINISHED, "已完成": workflow.FINISHED, "已处理": workflow.FINISHED,
    "已回访": workflow.FOLLOWED_UP, "已归档": workflow.ARCHIVED,
}
FOLLOW_UP_WORDS = {"非常满意": "满意", "比较满意": "基本满意", "一般": "基本满意", "很不满意": "不满意", "非常不满意": "不满意"}


def _clean_text(raw) -> str:
    return unicodedata.normalize("NFKC", text_value(raw) or "").strip()


def parse_datetime(raw) -> datetime | None:
    """A date and time as Excel rosters carry them: datetime cells, Excel serials with a fraction,
    2026-11-27 09:30, 2026/11/27 9:30:15, 2026年11月27日 9时30分; a date alone is midnight."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, datetime):
        return raw.replace(microsecond=0)
    if isinstance(raw, date):
        return datetime.combine(raw, time())
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        day = excel_serial_to_date(raw) if 3000 <= raw <= 73050 else parse_date(raw)
        seconds = round((float(raw) - int(raw)) * 86400) if 3000 <= raw <= 73050 else 0
        return datetime.combine(day, time()) + timedelta(seconds=seconds)
    text = _clean_text(raw)
    match = _TIME_TAIL.search(text)
    if match:
        day = parse_date(text[:match.start()].strip().rstrip("T"))
        hour, minute, second = int(match.group("h")), int(match.group("m") or 0), int(match.group("s") or 0)
        try:
            return datetime.combine(day, time(hour, minute, second))
        except ValueError:
            raise DateFormatError(translate("app", "Time {value} does not exist").format(value=text)) from None
    return datetime.combine(parse_date(text), time())


def parse_datetime_cell(raw, key: str, required: bool = False) -> datetime | None:
    try:
        value = parse_datetime(raw)
    except DateFormatError as error:
        raise RowProblem(f"{field_label(key)}：{error.message}") from None
    if value is None and required:
        raise RowProblem(translate("app", "{field} is empty.").format(field=field_label(key)))
    return value


def parse_deadline(raw, warnings: list[str]) -> date | None:
    """时限 as a date; "3个工作日" and other words fall back to the category's default (with a warning)."""
    if raw is None:
        return None
    try:
        value = parse_datetime(raw)
    except DateFormatError:
        warnings.append(translate("app", "The deadline \"{value}\" is not a date; the category's default was used.").format(
            value=_clean_text(raw)))
        return None
    return value.date() if value else None


def pick_channel(raw, external_number: str | None) -> str:
    """渠道 from its usual spellings; without one, a row with a 12345 work order number came from 12345."""
    text = _clean_text(raw)
    if not text:
        return "12345转办" if external_number else CHANNELS[0]
    if text in CHANNELS:
        return text
    for word, channel in CHANNEL_WORDS:
        if word in text:
            return channel
    raise RowProblem(translate("app", "Unknown channel \"{value}\"; use one of: {choices}.").format(
        value=text, choices="、".join(CHANNELS)))


def pick_category(raw, table: tuple[Category, ...], warnings: list[str]) -> str:
    """The office's own category; 物业管理 → 物业; anything else is 其他 (with a warning)."""
    text = _clean_text(raw)
    names = [c.name for c in table]
    if not text:
        return FALLBACK_CATEGORY if FALLBACK_CATEGORY in names or not names else names[-1]
    if text in names:
        return text
    for name in names:
        if name != FALLBACK_CATEGORY and (name in text or text in name):
            return name
    fallback = FALLBACK_CATEGORY if FALLBACK_CATEGORY in names else names[-1]
    warnings.append(translate("app", "The category \"{value}\" is not in the category list and was recorded as {fallback}.").format(
        value=text, fallback=fallback))
    return fallback


def pick_follow_up(raw, warnings: list[str]) -> str | None:
    text = _clean_text(raw)
    if not text:
        return None
    if text in FOLLOW_UP_RESULTS:
        return text
    if text in FOLLOW_UP_WORDS:
        return FOLLOW_UP_WORDS[text]
    warnings.append(translate("app", "The follow-up result \"{value}\" is not one of 满意, 基本满意, 不满意 and was left out.").format(value=text))
    return None


def pick_status(raw, data: dict) -> str:
    """The status the file gives (or one derived from the dates), checked against 办结时间."""
    text = _clean_text(raw)
    finished = data.get("finished_at") is not None
    if not text:
        status = workflow.status_for_import(finished, bool(data.get("follow_up")), bool(data.get("assignee")))
    elif text in workflow.STATUSES:
        status = text
    elif text in STATUS_WORDS:
        status = STATUS_WORDS[text]
        if status == workflow.FINISHED and data.get("follow_up"):
            status = workflow.FOLLOWED_UP  # "已办结" with a 回访 result: followed up (Wufu's own "办结" is kept as is)
    else:
        raise RowProblem(translate("app", "Unknown status \"{value}\"; use one of: {choices}.").format(
            value=text, choices="、".join(workflow.STATUSES)))
    if status in workflow.DONE_STATUSES and not finished:
        raise RowProblem(translate("app", "The status is \"{status}\" but there is no finishing time.").format(status=status))
    if status in workflow.OPEN_STATUSES and finished:
        raise RowProblem(translate("app", "The status is \"{status}\" but a finishing time is given.").format(status=status))
    if finished and data["finished_at"] < data["registered_at"]:
        raise RowProblem(translate("app", "The finishing time is before the registration time."))
    return status
