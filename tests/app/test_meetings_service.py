"""Meetings on a temporary database file: saving whole, checking, finding, the action-item loop
across meetings (raise → deliberate → act → evaluate), finalising and amendments."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import links
from app.errors import UserError, ValidationError
from app.i18n import translate
from app.meetings import lock, service
from app.meetings.actions import close_action_item, open_action_items, reopen_action_item, review_items
from app.meetings.feature import FEATURE, checks
from app.meetings.rows import ActionDraft, AgendaDraft, SpeechDraft
from app.requests import service as requests
from db.models import AuditLog
from tests.app.meetings_data import canteen_meeting, meeting, people


def test_a_meeting_is_saved_whole_and_read_back(tmp_db):
    result = service.save_meeting(tmp_db, canteen_meeting())
    assert result.number == "HY-20260305-01"
    draft = service.load_meeting(tmp_db, result.id)
    assert (draft.kind, draft.session_label, draft.place) == ("罐罐茶议事", "第6期", "罐罐茶议事吧（原自行车棚改建）")
    assert (draft.due_count, draft.present_count, len(draft.observers)) == (10, 9, 1)
    assert [a.reason for a in draft.absent] == ["外出务工"]
    item = draft.agenda[0]
    assert [s.speaker for s in item.speeches] == ["居民1", "居民2"]
    assert (item.vote_method, item.votes_for, item.votes_against, item.votes_abstain) == ("举手", 8, 0, 1)
    assert [a.description for a in item.actions] == ["公示开餐时间和助餐优惠标准", "组织志愿者送餐上门"]
    assert all(a.status == "open" for a in item.actions)
    assert service.save_meeting(tmp_db, canteen_meeting()).number == "HY-20260305-02"
    with tmp_db.reading() as session:
        tables = set(session.scalars(select(AuditLog.table_name).where(AuditLog.action == "insert")))
    assert {"meetings", "meeting_attendees", "agenda_items", "meeting_speeches", "action_items"} <= tables


def test_field_messages_name_each_problem(tmp_db):
    draft = meeting(title=" ", held_on=None)
    draft.kind = "茶话会"
    draft.starts_at, draft.ends_at = datetime(2026, 1, 1, 10).time(), datetime(2026, 1, 1, 9).time()
    draft.attendees += [people(1)[0].__class__("", "present")]
    draft.agenda = [AgendaDraft("", vote_method="举手", votes_for=9, speeches=[SpeechDraft("", "x")],
                                actions=[ActionDraft("")])]
    with pytest.raises(ValidationError) as raised:
        service.save_meeting(tmp_db, draft)
    assert set(raised.value.errors) == {"kind", "title", "held_on", "ends_at", "attendees.5.name", "agenda.0.title",
                                        "agenda.0.votes", "agenda.0.speeches.0", "agenda.0.actions.0"}
    assert service.list_meetings(tmp_db) == []


def test_editing_keeps_children_by_id_and_deletes_what_was_removed(tmp_db):
    meeting_id = service.save_meeting(tmp_db, canteen_meeting()).id
    draft = service.load_meeting(tmp_db, meeting_id)
    kept = draft.agenda[0].actions[0].id
    draft.agenda[0].actions[0].description = "公示开餐时间"
    del draft.agenda[0].actions[1]
    draft.attendees = draft.attendees[:-1]  # the 列席 guest left the list
    service.save_meeting(tmp_db, draft)
    again = service.load_meeting(tmp_db, meeting_id)
    assert [(a.id, a.description) for a in again.agenda[0].actions] == [(kept, "公示开餐时间")]
    assert len(again.attendees) == 10 and again.observers == []
    with tmp_db.reading() as session:
        change = session.scalar(select(AuditLog.changes).where(AuditLog.table_name == "action_items",
                                                               AuditLog.action == "update"))
        deleted = session.scalar(select(AuditLog.id).where(AuditLog.table_name == "action_items", AuditLog.action == "delete"))
    assert json.loads(change) == {"description": ["公示开餐时间和助餐优惠标准", "公示开餐时间"]} and deleted


def test_list_filters_by_kind_dates_and_words_in_agenda_resolutions_and_speeches(tmp_db):
    service.save_meeting(tmp_db, canteen_meeting(date(2026, 3, 5)))
    lane = meeting("板凳会", "贸易巷商户板凳会", date(2026, 4, 8),
                   agenda=[AgendaDraft("停车规则", resolution="货车只在7:00—9:00装卸，限停20%时间",
                                       speeches=[SpeechDraft("马福贵", "进货车停一会儿就走")])])
    service.save_meeting(tmp_db, lane)
    titles = lambda **q: [r.title for r in service.list_meetings(tmp_db, service.MeetingQuery(**q))]  # noqa: E731
    assert titles() == ["贸易巷商户板凳会", "罐罐茶议事：社区食堂怎么办"]
    assert titles(kind="板凳会") == ["贸易巷商户板凳会"]
    assert titles(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)) == ["罐罐茶议事：社区食堂怎么办"]
    assert titles(text="开餐") == ["罐罐茶议事：社区食堂怎么办"]  # agenda item
    assert titles(text="装卸") == ["贸易巷商户板凳会"]  # resolution
    assert titles(text="进货车") == ["贸易巷商户板凳会"]  # speech
    assert titles(text="20%") == ["贸易巷商户板凳会"] and titles(text="%") == ["贸易巷商户板凳会"]
    row = service.list_meetings(tmp_db, service.MeetingQuery(kind="罐罐茶议事"))[0]
    assert (row.due, row.present, row.agenda_count, row.open_actions, row.finalized) == (10, 9, 1, 2, False)


def test_action_items_are_reviewed_at_the_next_meeting_and_closed_with_a_result(tmp_db):
    first = service.save_meeting(tmp_db, canteen_meeting(date(2026, 3, 5))).id
    second = service.save_meeting(tmp_db, meeting("两委会", "两委会（定期评事）", date(2026, 4, 10))).id
    review = review_items(tmp_db, second)
    assert [r.description for r in review] == ["公示开餐时间和助餐优惠标准", "组织志愿者送餐上门"]
    assert review[0].status == "open" and review[0].overdue and review[0].meeting_id == first
    assert review_items(tmp_db, first) == []  # a meeting does not review its own decisions
    assert [r.description for r in review_items(tmp_db, None, date(2026, 4, 10))] == [r.description for r in review]

    with pytest.raises(ValidationError) as raised:
        close_action_item(tmp_db, review[0].id, "  ", None)
    assert set(raised.value.errors) == {"result", "closed_on"}
    with pytest.raises(ValidationError):
        close_action_item(tmp_db, review[0].id, "已公示", date(2026, 3, 1))  # before it was decided
    close_action_item(tmp_db, review[0].id, "已在五福驿站公示", date(2026, 4, 10), meeting_id=second)
    with pytest.raises(UserError):
        close_action_item(tmp_db, review[0].id, "again", date(2026, 4, 11))

    reviewed = review_items(tmp_db, second)
    assert [(r.status, r.result, r.closed_on) for r in reviewed] == [
        ("done", "已在五福驿站公示", date(2026, 4, 10)), ("open", "", None)]
    assert [r.description for r in open_action_items(tmp_db)] == ["组织志愿者送餐上门"]
    third = service.save_meeting(tmp_db, meeting("两委会", "下一次两委会", date(2026, 5, 10))).id
    assert [r.description for r in review_items(tmp_db, third)] == ["组织志愿者送餐上门"]
    reopen_action_item(tmp_db, review[0].id)
    assert len(open_action_items(tmp_db)) == 2


def test_a_later_close_does_not_change_what_an_earlier_meeting_reviewed(tmp_db):
    service.save_meeting(tmp_db, canteen_meeting(date(2026, 3, 5)))
    second = service.save_meeting(tmp_db, meeting("两委会", "两委会", date(2026, 4, 10))).id
    item = review_items(tmp_db, second)[1]
    close_action_item(tmp_db, item.id, "12名志愿者分3组送餐", date(2026, 4, 20))
    assert review_items(tmp_db, second)[1].status == "open"  # as it stood on 10 April


def test_finalised_minutes_refuse_edits_and_take_dated_amendments(tmp_db):
    meeting_id = service.save_meeting(tmp_db, canteen_meeting()).id
    with pytest.raises(UserError):
        lock.amend(tmp_db, meeting_id, "更正", "笔误")  # not finalised: correct it directly
    moment = lock.finalise(tmp_db, meeting_id, by="王晓燕")
    draft = service.load_meeting(tmp_db, meeting_id)
    assert draft.finalized and draft.finalized_at == moment and draft.finalized_by == "王晓燕"
    draft.title = "悄悄改过的标题"
    with pytest.raises(UserError) as raised:
        service.save_meeting(tmp_db, draft)
    assert raised.value.message == translate("app", "These minutes are finalised (signed) and can no longer be changed; "
                                                    "record a dated amendment instead.")
    with pytest.raises(UserError):
        service.remove_meeting(tmp_db, meeting_id)
    with pytest.raises(UserError):
        lock.finalise(tmp_db, meeting_id)
    assert service.load_meeting(tmp_db, meeting_id).title == "罐罐茶议事：社区食堂怎么办"
    with pytest.raises(ValidationError) as raised:
        lock.amend(tmp_db, meeting_id, " ", "")
    assert set(raised.value.errors) == {"text", "reason"}
    lock.amend(tmp_db, meeting_id, "议题一决议中“3元”应为“5元”", "记录笔误", made_on=date.today(), author="王晓燕")
    amendments = service.load_meeting(tmp_db, meeting_id).amendments
    assert [(a.author, a.text, a.reason) for a in amendments] == [("王晓燕", "议题一决议中“3元”应为“5元”", "记录笔误")]
    with tmp_db.reading() as session:
        assert session.scalar(select(AuditLog.id).where(AuditLog.table_name == "meeting_amendments"))


def test_finalising_needs_the_signers(tmp_db):
    meeting_id = service.save_meeting(tmp_db, meeting(chair="", recorder="")).id
    with pytest.raises(ValidationError) as raised:
        lock.finalise(tmp_db, meeting_id)
    assert set(raised.value.errors) == {"chair", "recorder"}


def test_an_agenda_item_from_a_request_is_linked_both_ways(tmp_db):
    request = requests.create(tmp_db, {"channel": "来访", "category": "其他", "content": "想了解社区食堂什么时候开",
                                       "registered_at": datetime(2026, 3, 1, 9, 0)}, now=datetime(2026, 3, 1, 10))
    draft = canteen_meeting()
    draft.agenda[0].origin_kind, draft.agenda[0].origin_id = "request", request.id
    meeting_id = service.save_meeting(tmp_db, draft).id
    item_id = service.load_meeting(tmp_db, meeting_id).agenda[0].id
    [seen] = links.linked(tmp_db, "request", request.id)
    assert (seen.kind, seen.id) == ("agenda_item", item_id) and "社区食堂开餐时间" in seen.label
    draft = service.load_meeting(tmp_db, meeting_id)
    draft.agenda[0].origin_kind, draft.agenda[0].origin_id = "proposal", None
    service.save_meeting(tmp_db, draft)
    assert links.linked(tmp_db, "request", request.id) == []


def test_removed_meetings_leave_the_list_and_the_count(tmp_db):
    meeting_id = service.save_meeting(tmp_db, meeting()).id
    service.remove_meeting(tmp_db, meeting_id)
    assert service.list_meetings(tmp_db) == []
    with tmp_db.reading() as session:
        assert FEATURE.count(session) == 0 and checks(session) == []
