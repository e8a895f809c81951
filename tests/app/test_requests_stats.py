"""Monthly statistics against a hand-counted November."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.requests import service
from app.requests.stats import monthly_stats, months_with_requests, percent

TODAY = date(2026, 11, 27)


def _at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour)


def _new(db, registered: datetime, channel: str, category: str, **extra) -> int:
    data = {"channel": channel, "category": category, "content": f"{category}诉求", "registered_at": registered, **extra}
    return service.create(db, data, now=registered).id


def _finish(db, request_id: int, at: datetime, assignee: str = "物业公司") -> None:
    service.advance(db, request_id, "交办", assignee=assignee, at=at - timedelta(hours=20))
    service.advance(db, request_id, "办结", note="已办", at=at)


@pytest.fixture
def november(tmp_db):
    """Requests registered in November 2026, counted by hand in the test below."""
    db = tmp_db
    a = _new(db, _at(11, 2), "来访", "维修")  # deadline 11-05
    _finish(db, a, _at(11, 4))  # on time
    service.advance(db, a, "回访", result="满意", at=_at(11, 6))
    b = _new(db, _at(11, 3), "来电", "维修")  # deadline 11-06
    _finish(db, b, _at(11, 8))  # late
    service.advance(db, b, "回访", result="不满意", at=_at(11, 9))
    c = _new(db, _at(11, 5), "12345转办", "环境卫生", assignee="环卫所")  # deadline 11-08, still open: overdue
    d = _new(db, _at(11, 10), "来访", "政策咨询", solved_on_spot=True)  # finished at once: on time
    service.advance(db, d, "回访", result="基本满意", at=_at(11, 11))
    e = _new(db, _at(11, 12), "网格上报", "邻里纠纷")  # deadline 11-19
    _finish(db, e, _at(11, 19, 17))  # on the deadline day: on time; not followed up
    _new(db, _at(11, 20), "来访", "其他")  # deadline 11-25, open: overdue on the 27th
    _new(db, _at(11, 26), "来访", "维修")  # deadline 11-29: open, not overdue
    removed = _new(db, _at(11, 15), "来电", "物业")
    service.remove(db, removed)  # removed: not counted
    october = _new(db, _at(10, 30), "来电", "物业")  # registered in October, finished in November
    _finish(db, october, _at(11, 3))
    _new(db, _at(12, 1), "来访", "维修")  # December
    return db


def test_november_by_hand(november):
    stats = monthly_stats(november, 2026, 11, TODAY, categories=("维修", "环境卫生", "物业", "邻里纠纷", "政策咨询", "救助帮扶", "其他"))
    assert stats.total == 7
    assert dict(stats.by_channel) == {"来访": 4, "来电": 1, "12345转办": 1, "网格上报": 1}
    assert [name for name, _ in stats.by_channel] == ["来访", "来电", "12345转办", "网格上报"]
    assert stats.by_category == (("维修", 3), ("环境卫生", 1), ("物业", 0), ("邻里纠纷", 1), ("政策咨询", 1),
                                 ("救助帮扶", 0), ("其他", 1))
    assert dict(stats.by_status) == {"受理": 2, "交办": 1, "办理": 0, "办结": 1, "回访": 3, "归档": 0}
    assert (stats.finished, stats.finished_on_time) == (4, 3)
    assert stats.on_time_rate == 0.75 and percent(stats.on_time_rate) == "75%"
    assert (stats.followed_up, stats.satisfied, stats.unsatisfied) == (3, 2, 1)
    assert percent(stats.satisfaction_rate) == "66.7%"
    assert stats.open_overdue == 2


def test_other_months(november):
    october = monthly_stats(november, 2026, 10, TODAY)
    assert (october.total, october.finished, october.finished_on_time) == (1, 1, 1)
    assert october.satisfaction_rate is None and percent(october.satisfaction_rate) == "—"
    empty = monthly_stats(november, 2026, 9, TODAY)
    assert empty.total == 0 and empty.on_time_rate is None
    assert dict(empty.by_channel) == {"来访": 0, "来电": 0, "12345转办": 0, "网格上报": 0}
    december = monthly_stats(november, 2026, 12, TODAY)
    assert december.total == 1
    assert months_with_requests(november) == [(2026, 12), (2026, 11), (2026, 10)]


def test_unknown_categories_come_after_the_known_ones(tmp_db):
    for category in ("维修", "文明养犬", "文明养犬"):
        _new(tmp_db, _at(11, 2), "来访", category)
    stats = monthly_stats(tmp_db, 2026, 11, TODAY, categories=("维修", "其他"))
    assert stats.by_category == (("维修", 1), ("其他", 0), ("文明养犬", 2))


def test_percent():
    assert percent(1.0) == "100%"
    assert percent(0.0) == "0%"
    assert percent(1 / 3) == "33.3%"
    assert percent(None) == "—"
