"""The demo community's deliberations: the stories of the office, attendees from the roster, the
lift retrofit through all four stages of 四议两公开, action items done and open."""

from __future__ import annotations

import random

from app.demo import DemoOptions
from app.features import features
from app.meetings.actions import open_action_items, review_items
from app.meetings.chains import list_chains
from app.meetings.feature import checks
from app.meetings.service import MeetingQuery, list_meetings, load_meeting


def _demo(db) -> None:
    """The roster, the requests and the meetings (the ledgers meetings draw on), in one transaction."""
    rng, options = random.Random(7), DemoOptions(residents=120, seed=7)
    with db.unit_of_work() as session:
        for feature in features():
            if feature.key in ("residents", "requests", "meetings"):
                feature.demo(session, rng, options, None)


def test_demo_meetings(tmp_db):
    _demo(tmp_db)
    rows = list_meetings(tmp_db)
    kinds = {r.kind for r in rows}
    assert {"罐罐茶议事", "板凳会", "党委会", "两委会", "党员大会", "居民代表会议"} <= kinds
    canteen = load_meeting(tmp_db, list_meetings(tmp_db, MeetingQuery(kind="罐罐茶议事"))[0].id)
    assert "自行车棚" in canteen.place and any("菜单" in item.title for item in canteen.agenda)
    assert any(p.resident_id is not None for p in canteen.attendees)  # from the demo roster
    lane = load_meeting(tmp_db, list_meetings(tmp_db, MeetingQuery(kind="板凳会"))[0].id)
    assert sum(p.note != "" and p.resident_id is None and p.role == "present" for p in lane.attendees) >= 20
    assert any("停车" in item.title for item in lane.agenda)
    [chain] = list_chains(tmp_db)
    assert "加装电梯" in chain.title and chain.problems == ()
    assert [s.meeting_kind for s in chain.stages] == ["党委会", "两委会", "党员大会", "居民代表会议"]
    statuses = {a.status for r in rows for a in sum((i.actions for i in load_meeting(tmp_db, r.id).agenda), [])}
    assert statuses == {"open", "done"} and open_action_items(tmp_db)
    latest = rows[0]
    assert not latest.finalized and all(r.finalized for r in rows[1:])
    assert review_items(tmp_db, latest.id)  # the latest meeting reviews what is still open (定期评事)
    with tmp_db.reading() as session:
        assert checks(session) == []
