"""The meetings tab on a real (temporary) database: list and filters, the editor (attendance with
the resident picker, agenda, vote check, save), finalising and amending, the open action items,
PDF export, printing and the Excel actions. No dialog blocks: each is answered by a patch."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.i18n import translate
from app.meetings import lock, service
from app.meetings.actions import open_action_items
from app.meetings.cli import summary
from app.meetings.rows import AgendaDraft
from app.residents import service as residents
from tests.app.meetings_data import canteen_meeting, meeting, needs_poppler, pdf_text, squeeze
from ui.meetings.dialogs import AmendDialog, CloseActionDialog
from ui.meetings.editor import MeetingEditor
from ui.meetings.printing import MinutesPrinter, new_printer
from ui.meetings.tab import MeetingsTab


@pytest.fixture
def saved(tmp_db) -> dict[str, int]:
    return {"canteen": service.save_meeting(tmp_db, canteen_meeting(date(2026, 3, 5))).id,
            "lane": service.save_meeting(tmp_db, meeting("板凳会", "贸易巷商户板凳会", date(2026, 4, 8),
                                                         agenda=[AgendaDraft("停车规则")])).id}


@pytest.fixture
def tab(qtbot, tmp_db, saved, monkeypatch):
    widget = MeetingsTab(tmp_db)
    qtbot.addWidget(widget)
    monkeypatch.setattr(widget, "confirm", lambda title, text: True)
    monkeypatch.setattr(widget, "warn", lambda title, text: pytest.fail(f"unexpected warning: {text}"))
    widget.resize(1280, 760)
    widget.show()
    widget.activated()
    return widget


def titles(tab) -> list[str]:
    return [row.title for row in tab.model.rows]


def test_list_filters_and_model(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    assert titles(tab) == ["贸易巷商户板凳会", "罐罐茶议事：社区食堂怎么办"]
    tab.kind.setCurrentIndex(tab.kind.findData("板凳会"))
    assert titles(tab) == ["贸易巷商户板凳会"]
    tab.kind.setCurrentIndex(0)
    tab.search.setText("开餐")
    tab.search.flush()
    assert titles(tab) == ["罐罐茶议事：社区食堂怎么办"] and tab.counts.text()


def test_new_meeting_with_attendance_agenda_and_vote(qtbot, tmp_db):
    zhang = residents.create(tmp_db, {"name": "张秀兰", "address": "安居苑3-2-401"})
    row = residents.load_rows(tmp_db, [zhang])[0]
    editor = MeetingEditor(tmp_db, meeting(attendees=[], chair="", recorder=""), search=lambda text: [row])
    qtbot.addWidget(editor)
    editor.kind.setCurrentIndex(editor.kind.findText("居民议事会"))
    editor.title.setText("居民议事会：楼道堆物清理")
    editor.held_on.set_date(date(2026, 5, 6))
    editor.starts_at.setText("9:30")
    editor.ends_at.setText("11:00")
    editor.attendance.picker.set_resident(zhang, row)  # picked from the roster: added at once
    editor.attendance.picker.setText("刘建国")
    editor.attendance.add_button.click()  # a guest typed by name
    editor.attendance.role.setCurrentIndex(editor.attendance.role.findData("absent"))
    editor.attendance.reason.setText("住院")
    editor.attendance.picker.setText("王大妈")
    editor.attendance.add_button.click()
    assert editor.attendance.counts.text() == "Due 3 · present 2 · absent 1 · non-voting 0"
    editor.agenda.add_button.click()
    form = editor.agenda.form
    form.title.setText("楼道堆物清理")
    form.vote_method.setCurrentIndex(form.vote_method.findData("举手"))
    form.votes[0].setValue(3)  # 3 votes, 2 present
    assert form.vote_check.text() and "3" in form.vote_check.text()
    assert not editor.save()  # refused, and everything typed stays in the form
    expected = translate("app", "{total} votes were counted but only {present} people with a vote were present.")
    assert "Agenda item 一" in editor.general.text() and expected.format(total=3, present=2) in editor.general.text()
    assert editor.tabs.currentIndex() == 2 and form.title.text() == "楼道堆物清理"
    form.votes[0].setValue(2)
    form.resolution.setPlainText("本周六集中清理楼道堆物")
    form.responsible.setText("杨志刚")
    form.action_from_resolution()
    assert editor.save(), editor.general.text()
    draft = service.load_meeting(tmp_db, editor.saved_id)
    assert [(p.name, p.role, p.resident_id) for p in draft.attendees] == [
        ("张秀兰", "present", zhang), ("刘建国", "present", None), ("王大妈", "absent", None)]
    assert draft.absent[0].reason == "住院" and draft.starts_at.hour == 9
    item = draft.agenda[0]
    assert (item.votes_for, item.resolution, [a.description for a in item.actions]) == (2, "本周六集中清理楼道堆物", ["本周六集中清理楼道堆物"])


def test_header_errors_show_at_their_fields(qtbot, tmp_db):
    editor = MeetingEditor(tmp_db, meeting(title=""))
    qtbot.addWidget(editor)
    editor.ends_at.setText("25:00")
    assert not editor.save()
    assert "ends_at" in editor.errors.messages()
    editor.ends_at.setText("")
    assert not editor.save() and "title" in editor.errors.messages()
    assert service.list_meetings(tmp_db) == []


def test_finalise_locks_the_editor_and_amend_records_a_correction(tab, tmp_db, saved, monkeypatch):
    tab.select_id(saved["canteen"])
    assert tab.finalise_button.isEnabled() and not tab.amend_button.isEnabled()
    tab.finalise_button.click()
    assert tab.selected_row().finalized and tab.amend_button.isEnabled() and not tab.remove_button.isEnabled()
    editor = MeetingEditor(tmp_db, service.load_meeting(tmp_db, saved["canteen"]))
    assert editor.banner.isVisibleTo(editor) and not editor.title.isEnabled()
    assert not editor.buttons.button(editor.buttons.StandardButton.Save).isVisibleTo(editor)
    editor.deleteLater()

    def ask(parent, title, submit, author=""):
        submit("“3元”应为“5元”", "记录笔误", date.today(), "王晓燕")
        return True

    monkeypatch.setattr(AmendDialog, "ask", staticmethod(ask))
    tab.amend_button.click()
    assert [a.text for a in service.load_meeting(tmp_db, saved["canteen"]).amendments] == ["“3元”应为“5元”"]


def test_open_action_items_are_closed_with_a_result(tab, tmp_db, monkeypatch):
    tab.pages.setCurrentWidget(tab.actions_panel)
    panel = tab.actions_panel
    assert panel.model.rowCount() == 2
    monkeypatch.setattr(CloseActionDialog, "ask", staticmethod(
        lambda parent, description, submit: submit("已在五福驿站公示", date(2026, 3, 10)) or True))
    panel.table.selectRow(0)
    panel.close_button.click()
    assert panel.model.rowCount() == 1 and len(open_action_items(tmp_db)) == 1


def test_close_dialog_keeps_bad_input_on_screen(qtbot, tmp_db, saved):
    action_id = open_action_items(tmp_db)[0].id
    from app.meetings.actions import close_action_item

    dialog = CloseActionDialog(None, "公示", lambda result, day: close_action_item(tmp_db, action_id, result, day))
    qtbot.addWidget(dialog)
    dialog.accept()  # no result typed
    assert "result" in dialog.errors.messages() and len(open_action_items(tmp_db)) == 2


@needs_poppler
def test_export_pdf_with_sign_in_sheet(tab, saved, tmp_path, monkeypatch):
    tab.select_id(saved["canteen"])
    target = tmp_path / "minutes.pdf"
    monkeypatch.setattr(tab, "ask_pdf_path", lambda row: target)
    tab.sign_in.setChecked(True)
    assert tab.export_pdf() == target
    text = squeeze(pdf_text(target, raw=True))
    assert "罐罐茶议事：社区食堂怎么办记录" in text and "签到表" in text


@needs_poppler
def test_print_renders_every_page_with_numbers(tmp_db, saved, tmp_path):
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = MinutesPrinter(tmp_db, saved["canteen"], sign_in=True, use_pdf=False).paint(printer)
    assert pages >= 2
    text = squeeze(pdf_text(tmp_path / "printed.pdf", raw=True))
    assert "罐罐茶议事：社区食堂怎么办记录" in text and "签到表" in text and "居民1" in text
    assert "主持人" in text and "记录人" in text


def test_excel_actions_export_and_import(tab, tmp_db, tmp_path, monkeypatch):
    export_action, import_action = tab.export_actions()
    book = tmp_path / "meetings.xlsx"
    told = []
    monkeypatch.setattr(tab.excel, "ask_save_path", lambda: book)
    monkeypatch.setattr(tab.excel, "ask_open_path", lambda: book)
    monkeypatch.setattr(tab.excel, "inform", lambda title, text: told.append(text))
    export_action.trigger()
    assert book.exists() and told[-1].startswith("2 meeting(s) written to")
    import_action.trigger()
    assert told[-1].startswith(summary(SimpleNamespace(imported=0, duplicates=2, rejected=0, total=2)))
    assert Path(book.with_name(f"{book.stem} - import report.xlsx")).exists()


def test_a_request_becomes_an_agenda_item(tab, monkeypatch):
    seen = []
    monkeypatch.setattr(MeetingEditor, "edit", classmethod(lambda cls, db, draft, parent=None: seen.append(draft)))
    tab.open_payload({"request_id": 42})
    [draft] = seen
    assert draft.agenda[0].origin_kind == "request" and draft.agenda[0].origin_id == 42


def test_remove_a_draft_but_not_finalised_minutes(tab, saved, tmp_db):
    tab.select_id(saved["lane"])
    tab.remove_button.click()
    assert titles(tab) == ["罐罐茶议事：社区食堂怎么办"]
    lock.finalise(tmp_db, saved["canteen"])
    tab.reload()
    tab.select_id(saved["canteen"])
    assert not tab.remove_button.isEnabled()
