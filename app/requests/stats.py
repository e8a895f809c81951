"""Monthly figures for the request ledger (月度诉求统计).

The month's requests are those *registered* in it (removed ones left out). Of them:
- by channel, by category, by status: counts;
- on-time rate = finished on or before the deadline ÷ finished (办结时间 ≤ 时限 by calendar day);
- satisfaction = (满意 + 基本满意) ÷ followed up (the latest 回访 result on each request);
- still open and overdue on ``today``.
A rate with nothing to divide by is None (shown as "—"), never 0 % or 100 %.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import extract, select

from app.requests.rules import CHANNELS, SATISFIED
from app.requests.search import is_overdue
from app.requests.workflow import STATUSES
from db.models import Request


@dataclass(frozen=True)
class MonthStats:
    year: int
    month: int
    total: int
    by_channel: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    finished: int
    finished_on_time: int
    followed_up: int
    satisfied: int  # 满意 + 基本满意
    unsatisfied: int
    open_overdue: int

    @property
    def on_time_rate(self) -> float | None:
        return self.finished_on_time / self.finished if self.finished else None

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.followed_up if self.followed_up else None


def percent(rate: float | None) -> str:
    """0.875 → "87.5%"; None → "—"."""
    if rate is None:
        return "—"
    text = f"{rate * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def month_range(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


def _ordered(counter: Counter, known: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Known values first in their own order (zeros included), then any others by count."""
    first = [(name, counter.get(name, 0)) for name in known]
    rest = sorted(((k, v) for k, v in counter.items() if k not in known), key=lambda kv: (-kv[1], kv[0]))
    return tuple(first + rest)


def _on_time(finished_at: datetime, deadline: date | None) -> bool:
    return deadline is None or finished_at.date() <= deadline


def monthly_stats(db, year: int, month: int, today: date | None = None, categories: tuple[str, ...] = ()) -> MonthStats:
    today = today or date.today()
    start, end = month_range(year, month)
    statement = select(Request.channel, Request.category, Request.status, Request.deadline, Request.finished_at,
                       Request.follow_up).where(Request.removed_at.is_(None), Request.registered_at >= start,
                                                Request.registered_at < end)
    with db.reading() as session:
        rows = session.execute(statement).all()
    channels, kinds, statuses = Counter(), Counter(), Counter()
    finished = on_time = followed = satisfied = unsatisfied = overdue = 0
    for channel, category, status, deadline, finished_at, follow_up in rows:
        channels[channel] += 1
        kinds[category] += 1
        statuses[status] += 1
        if finished_at is not None:
            finished += 1
            on_time += _on_time(finished_at, deadline)
        if follow_up:
            followed += 1
            satisfied += follow_up in SATISFIED
            unsatisfied += follow_up not in SATISFIED
        overdue += is_overdue(status, deadline, today)
    return MonthStats(year, month, len(rows), _ordered(channels, CHANNELS), _ordered(kinds, categories),
                      _ordered(statuses, STATUSES), finished, on_time, followed, satisfied, unsatisfied, overdue)


def months_with_requests(db) -> list[tuple[int, int]]:
    """(year, month) that have requests, newest first: the months a statistics view offers."""
    year = extract("year", Request.registered_at)
    month = extract("month", Request.registered_at)
    statement = (select(year, month).where(Request.removed_at.is_(None)).group_by(year, month)
                 .order_by(year.desc(), month.desc()))
    with db.reading() as session:
        return [(int(y), int(m)) for y, m in session.execute(statement)]

