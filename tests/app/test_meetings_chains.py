"""四议两公开: four stages at the right kinds of meeting, in order, thresholds checked, and two
public notices of at least 7 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import UserError, ValidationError
from app.meetings import service
from app.meetings.chains import chain_row, list_chains, load_chain, remove_chain, save_chain
from app.meetings.feature import checks
from app.meetings.rows import AgendaDraft, ChainDraft
from tests.app.meetings_data import meeting, people

D0 = date(2026, 5, 1)


def _stage(db, kind: str, days: int, present: int, absent: int, votes: tuple | None) -> int:
    item = AgendaDraft(f"{kind}：安居苑3号楼加装电梯")
    if votes:
        item.vote_method, (item.votes_for, item.votes_against, item.votes_abstain) = "举手", votes
    saved = service.save_meeting(db, meeting(kind, kind, D0 + timedelta(days=days),
                                             attendees=people(present + absent, absent=absent), agenda=[item]))
    return service.load_meeting(db, saved.id).agenda[0].id


@pytest.fixture
def stages(tmp_db) -> dict[str, int]:
    return {
        "propose": _stage(tmp_db, "党委会", 0, 5, 0, (5, 0, 0)),
        "consult": _stage(tmp_db, "两委会", 7, 8, 1, (8, 0, 0)),
        "review": _stage(tmp_db, "党员大会", 14, 24, 6, (22, 1, 1)),
        "resolve": _stage(tmp_db, "居民代表会议", 21, 15, 2, (12, 1, 0)),
    }


def _chain(stages: dict[str, int], **values) -> ChainDraft:
    return ChainDraft("安居苑3号楼加装电梯", **{f"{k}_item_id": v for k, v in stages.items()}, **values)


def test_a_matter_in_order_has_no_problems(tmp_db, stages):
    row = save_chain(tmp_db, _chain(stages, decision_notice_from=D0 + timedelta(days=22),
                                    decision_notice_to=D0 + timedelta(days=28)))
    assert row.problems == ()
    assert [s.meeting_kind for s in row.stages] == ["党委会", "两委会", "党员大会", "居民代表会议"]
    assert (row.stages[2].due, row.stages[2].present) == (30, 24)
    assert [c.title for c in list_chains(tmp_db)] == ["安居苑3号楼加装电梯"]
    assert load_chain(tmp_db, row.id).review_item_id == stages["review"]


def test_each_public_notice_lasts_at_least_seven_days(tmp_db, stages):
    with pytest.raises(ValidationError) as raised:
        save_chain(tmp_db, _chain(stages, decision_notice_from=D0 + timedelta(days=22),
                                  decision_notice_to=D0 + timedelta(days=27),  # 6 days
                                  result_notice_from=D0 + timedelta(days=60), result_notice_to=D0 + timedelta(days=59)))
    assert set(raised.value.errors) == {"decision_notice_to", "result_notice_to"}
    with pytest.raises(ValidationError) as raised:
        save_chain(tmp_db, _chain(stages, decision_notice_from=D0 + timedelta(days=20)))  # before the resolution
    assert set(raised.value.errors) == {"decision_notice_from"}


def test_stages_must_be_held_at_the_right_meeting_and_in_order(tmp_db, stages):
    swapped = dict(stages, consult=stages["review"], review=stages["consult"])
    with pytest.raises(ValidationError) as raised:
        save_chain(tmp_db, _chain(swapped))
    assert {"consult_item_id", "review_item_id"} <= set(raised.value.errors)
    early = _stage(tmp_db, "党员大会", 3, 24, 6, (22, 1, 1))  # before the 两委会 consulted
    with pytest.raises(ValidationError) as raised:
        save_chain(tmp_db, _chain(dict(stages, review=early)))
    assert set(raised.value.errors) == {"review_item_id"}


def test_party_assembly_thresholds_are_checked(tmp_db, stages):
    thin = _stage(tmp_db, "党员大会", 15, 19, 11, (19, 0, 0))  # 19 of 30 present: fewer than 2/3
    row = save_chain(tmp_db, _chain(dict(stages, review=thin)))
    assert any("党员大会审议" in p and "19" in p and "20" in p for p in row.problems)
    short = _stage(tmp_db, "党员大会", 16, 24, 6, (15, 5, 4))  # 15 of 30 due agree: not a majority of those due
    row = save_chain(tmp_db, _chain(dict(stages, review=short), id=row.id))
    assert any("党员大会审议" in p and "15" in p and "16" in p for p in row.problems)
    assert chain_row(tmp_db, row.id).problems == row.problems


def test_missing_stages_and_notices_are_listed(tmp_db, stages):
    row = save_chain(tmp_db, ChainDraft("电梯", propose_item_id=stages["propose"]))
    assert len(row.problems) == 3  # three stages still to come
    row = save_chain(tmp_db, _chain(stages, id=row.id, result_text="电梯已投入使用"))
    assert len(row.problems) == 2  # neither the decision nor the result was posted


def test_a_stage_cannot_be_removed_from_its_meeting_while_in_a_matter(tmp_db, stages):
    save_chain(tmp_db, _chain(stages))
    draft = next(service.load_meeting(tmp_db, r.id) for r in service.list_meetings(tmp_db) if r.kind == "两委会")
    draft.agenda = []
    with pytest.raises(UserError):
        service.save_meeting(tmp_db, draft)
    with tmp_db.reading() as session:
        assert checks(session) == []


def test_removed_matters_leave_the_list(tmp_db, stages):
    row = save_chain(tmp_db, _chain(stages))
    remove_chain(tmp_db, row.id)
    assert list_chains(tmp_db) == []
