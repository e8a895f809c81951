"""Demo requests: about 150 over recent months, the story's own among them, some overdue, all consistent."""

from __future__ import annotations

from sqlalchemy import func, select

from app.demo import DemoOptions, load_demo
from app.maintenance import check_database
from app.requests import service
from app.requests.search import RequestQuery
from db.models import Request, RequestEvent


def test_demo_requests(tmp_db):
    load_demo(tmp_db, DemoOptions(residents=120, seed=7))
    with tmp_db.reading() as session:
        total = session.scalar(select(func.count(Request.id)))
        on_roster = session.scalar(select(func.count(Request.id)).where(Request.resident_id.is_not(None)))
        statuses = dict(session.execute(select(Request.status, func.count()).group_by(Request.status)).all())
        channels = dict(session.execute(select(Request.channel, func.count()).group_by(Request.channel)).all())
        events = session.scalar(select(func.count(RequestEvent.id)))
        assert session.scalar(select(func.count(Request.id)).where(Request.is_demo.is_(False))) == 0
    assert 150 <= total <= 160 and on_roster > 50 and events > 3 * total  # other ledgers may add a few (hazards)
    assert set(channels) == {"来访", "来电", "12345转办", "网格上报"}
    assert {"交办", "回访", "归档"} <= set(statuses)
    for words in ("热水壶", "电饭锅", "电风扇", "楼道灯不亮"):
        assert service.query_ids(tmp_db, RequestQuery(text=words)), words
    stairwell = service.load_rows(tmp_db, service.query_ids(tmp_db, RequestQuery(text="楼道灯不亮")))[0]
    assert stairwell.overdue and stairwell.channel == "网格上报"
    assert service.count_overdue(tmp_db) >= 5
    assert check_database(tmp_db) == []
