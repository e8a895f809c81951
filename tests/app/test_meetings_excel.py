"""The meetings workbook: export → import into a fresh database → export gives the same cells;
narrative text stays text; bad rows are reported with their row numbers and reasons."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from app.database import Database
from app.jobs import Cancelled, JobControl
from app.meetings import lock, service
from app.meetings.actions import close_action_item
from app.meetings.chains import list_chains, save_chain
from app.meetings.export import export_meetings
from app.meetings.importer import import_meetings
from app.meetings.rows import AgendaDraft, ChainDraft, SpeechDraft
from tests.app.meetings_data import canteen_meeting, meeting, people


def _fill(db) -> None:
    first = canteen_meeting(date(2026, 3, 5))
    first.agenda[0].speeches.append(SpeechDraft("居民3", "=SUM(A1:A9) 不是公式\n第二行 +1 -2 @3"))
    first.agenda[0].resolution = "+先办这件事"
    first.notes = "-备注以减号开头"
    first_id = service.save_meeting(db, first).id
    lane = meeting("板凳会", "@贸易巷商户板凳会", date(2026, 4, 8), attendees=people(20, observers=2, prefix="商户"),
                   agenda=[AgendaDraft("停车规则", vote_method="举手", votes_for=18, votes_against=0, votes_abstain=2,
                                       resolution="货车只在7:00—9:00装卸")])
    service.save_meeting(db, lane)
    action = service.load_meeting(db, first_id).agenda[0].actions[0]
    close_action_item(db, action.id, "已公示", date(2026, 3, 10))
    lock.finalise(db, first_id, by="王晓燕")
    lock.amend(db, first_id, "“3元”应为“5元”", "笔误", made_on=date.today(), author="王晓燕")
    review = service.save_meeting(db, meeting("党员大会", "党员大会", date(2026, 4, 20), attendees=people(30, absent=6),
                                              agenda=[AgendaDraft("加装电梯", vote_method="举手", votes_for=22,
                                                                  votes_against=1, votes_abstain=1)])).id
    resolve = service.save_meeting(db, meeting("居民代表会议", "居民代表会议", date(2026, 4, 28),
                                               attendees=people(15, absent=2),
                                               agenda=[AgendaDraft("决议加装电梯", vote_method="无记名", votes_for=12,
                                                                   votes_against=1, votes_abstain=0)])).id
    save_chain(db, ChainDraft("安居苑3号楼加装电梯", review_item_id=service.load_meeting(db, review).agenda[0].id,
                              resolve_item_id=service.load_meeting(db, resolve).agenda[0].id,
                              decision_notice_from=date(2026, 4, 29), decision_notice_to=date(2026, 5, 5)))


def cells(path) -> dict[str, list[list]]:
    workbook = CalamineWorkbook.from_path(str(path))
    return {name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names}


@pytest.fixture
def exported(tmp_db, tmp_path):
    _fill(tmp_db)
    path = tmp_path / "meetings.xlsx"
    assert export_meetings(tmp_db, path) == 4
    return path


def test_round_trip_into_a_fresh_database_changes_nothing(exported, tmp_path):
    fresh = Database.open(tmp_path / "fresh.db", actor="测试员")
    try:
        result = import_meetings(fresh, exported)
        assert (result.total, result.imported, result.duplicates, result.rejected) == (4, 4, 0, 0)
        assert (result.chains_imported, result.chains_rejected) == (1, 0)
        again = tmp_path / "again.xlsx"
        export_meetings(fresh, again)
        assert cells(again) == cells(exported)
        [chain] = list_chains(fresh)
        assert chain.title == "安居苑3号楼加装电梯" and chain.decision_notice_to == date(2026, 5, 5)
        first = service.load_meeting(fresh, service.list_meetings(fresh, service.MeetingQuery(kind="罐罐茶议事"))[0].id)
        assert first.finalized and first.amendments[0].text == "“3元”应为“5元”"
        assert first.agenda[0].actions[0].status == "done" and first.agenda[0].actions[0].result == "已公示"
    finally:
        fresh.close()


def test_narrative_text_stays_text(exported):
    sheet = load_workbook(exported)["发言"]
    speech = next(row[4] for row in sheet.iter_rows(min_row=2) if row[3].value == "居民3")
    assert speech.data_type == "s" and speech.value == "=SUM(A1:A9) 不是公式\n第二行 +1 -2 @3"
    agenda = load_workbook(exported)["议题"]
    assert any(row[9].value == "+先办这件事" and row[9].data_type == "s" for row in agenda.iter_rows(min_row=2))


def test_importing_the_same_file_again_only_finds_duplicates(tmp_db, exported, tmp_path):
    result = import_meetings(tmp_db, exported, report=tmp_path / "report.xlsx")
    assert (result.imported, result.duplicates, result.rejected, result.chains_duplicates) == (0, 4, 0, 1)
    again = tmp_path / "again.xlsx"
    export_meetings(tmp_db, again)
    assert cells(again) == cells(exported)
    report = cells(tmp_path / "report.xlsx")
    rows = next(iter(report.values()))[1:]
    assert len(rows) == 5 and {row[1] for row in rows if row[0] == "会议"} == {2.0, 3.0, 4.0, 5.0}


def _edit(path, sheet: str, row: int, column: int, value) -> None:
    workbook = load_workbook(path)
    workbook[sheet].cell(row=row, column=column, value=value)
    workbook.save(path)


def test_bad_rows_are_rejected_with_row_numbers_and_reasons(tmp_path, exported):
    _edit(exported, "会议", 3, 2, "茶话会")  # unknown kind (row 3: the 板凳会)
    _edit(exported, "议题", 2, 7, 99)  # 99 votes for the 罐罐茶议事 (9 present)
    _edit(exported, "出席", 2, 1, "HY-29990101-01")  # an attendee of no meeting in the file
    fresh = Database.open(tmp_path / "fresh.db")
    try:
        result = import_meetings(fresh, exported, report=tmp_path / "report.xlsx")
        assert (result.total, result.imported, result.rejected, result.duplicates) == (4, 2, 2, 0)
        assert result.imported + result.rejected + result.duplicates == result.total
        assert result.chains_imported == 1
        reasons = {(line.sheet, line.row): line.reason for line in result.lines}
        assert "会议 row 3" in reasons[("会议", 3)] or "会议" in reasons[("会议", 3)]
        assert "议题" in reasons[("会议", 2)] and "100" in reasons[("会议", 2)]  # 99 + 0 + 1
        assert ("出席", 2) in reasons
        report = next(iter(cells(tmp_path / "report.xlsx").values()))
        assert len(report) == 1 + len(result.lines)
        assert [r.title for r in service.list_meetings(fresh)] == ["居民代表会议", "党员大会"]
    finally:
        fresh.close()


def test_update_replaces_a_draft_but_never_finalised_minutes(tmp_db, exported):
    _edit(exported, "会议", 3, 3, "贸易巷商户板凳会（改）")
    _edit(exported, "会议", 2, 8, "另一个地点")
    result = import_meetings(tmp_db, exported, on_duplicate="update")
    assert (result.imported, result.updated, result.rejected) == (3, 3, 1)
    titles = [r.title for r in service.list_meetings(tmp_db)]
    assert "贸易巷商户板凳会（改）" in titles
    canteen = service.list_meetings(tmp_db, service.MeetingQuery(kind="罐罐茶议事"))[0]
    assert service.load_meeting(tmp_db, canteen.id).place == "罐罐茶议事吧（原自行车棚改建）"


def test_a_cancelled_import_leaves_the_database_as_it_was(tmp_path, exported):
    fresh = Database.open(tmp_path / "fresh.db")
    job = JobControl(on_progress=lambda done, total, _m: job.cancel() if done >= 2 else None)
    try:
        with pytest.raises(Cancelled):
            import_meetings(fresh, exported, job=job)
        assert service.list_meetings(fresh) == [] and list_chains(fresh) == []
    finally:
        fresh.close()


def test_export_follows_the_search(tmp_db, tmp_path):
    _fill(tmp_db)
    path = tmp_path / "lane.xlsx"
    assert export_meetings(tmp_db, path, service.MeetingQuery(text="装卸")) == 1
    sheets = cells(path)
    assert len(sheets["会议"]) == 2 and len(sheets["四议两公开"]) == 1  # the matter's meetings were left out
    assert date.today() - timedelta(days=1) < date.today()
