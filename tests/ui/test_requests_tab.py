"""The request tab on a real (temporary) database: keyboard intake, list, overdue rows, steps, Excel."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.requests import service
from app.requests.search import RequestQuery
from app.residents import service as residents
from ui.requests.detail import RequestDetailPanel
from ui.requests.intake_form import IntakeForm
from ui.requests.step_dialog import StepDialog
from ui.requests.tab import RequestsTab
from ui.requests.table_model import OVERDUE_BACKGROUND, overdue_marker


@pytest.fixture
def people(tmp_db):
    return {
        "xiaoli": residents.create(tmp_db, {"name": "张晓丽", "phones": "13700001111", "address": "银啤苑5-1-302"}),
        "xiulan": residents.create(tmp_db, {"name": "张秀兰", "phones": "13912341031", "address": "安居苑3-2-401"}),
        "ma": residents.create(tmp_db, {"name": "马建国", "phones": "13600002222", "address": "阅海2-1-101"}),
    }


@pytest.fixture
def answers(monkeypatch):
    replies = {"discard": True, "remove": True}
    asked = []
    monkeypatch.setattr(IntakeForm, "confirm_discard", classmethod(lambda cls, parent: asked.append("discard") or replies["discard"]))
    monkeypatch.setattr(RequestDetailPanel, "confirm_remove",
                        classmethod(lambda cls, parent, number: asked.append(("remove", number)) or replies["remove"]))
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, text, *a, **k: asked.append((title, text))))
    return replies, asked


@pytest.fixture
def tab(qtbot, tmp_db, people, answers, show_active):
    widget = RequestsTab(tmp_db)
    widget.resize(1280, 760)
    show_active(widget)
    widget.activated()
    return widget


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def test_registered_as_a_tab():
    from ui.tabs import TAB_MODULES, tab_specs

    assert "ui.requests.tab" in TAB_MODULES
    spec = next(s for s in tab_specs() if s.key == "requests")
    assert spec.order == 20 and spec.title()


def test_a_request_recorded_with_the_keyboard_only(tab, qtbot, tmp_db, people, type_text):
    form = tab.form
    assert focused() is form.picker  # a cold start: the cursor waits in the requester field
    qtbot.keyClicks(form.picker, "zxl")
    qtbot.waitUntil(form.picker.popup_visible, timeout=2000)
    assert form.picker.model.rowCount() == 3  # 张晓丽, 张秀兰, anonymous
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert (form.picker.mode, form.picker.resident_id, form.picker.text()) == ("resident", people["xiulan"], "张秀兰")
    assert not form.picker.popup_visible()
    assert "139****1031" in form.phone.placeholderText()
    press(qtbot, Qt.Key.Key_Tab)  # phone and address come from the roster: skipped
    assert focused() is form.channel
    press(qtbot, Qt.Key.Key_Down)
    assert form.channel.currentText() == "来电"
    press(qtbot, Qt.Key.Key_Tab)  # no work-order field unless 12345转办
    assert focused() is form.category
    press(qtbot, Qt.Key.Key_Down)
    assert form.deadline.text() == (date.today() + timedelta(days=3)).isoformat()  # 环境卫生
    press(qtbot, Qt.Key.Key_Up)
    assert form.category.currentText() == "维修"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.content
    type_text(form.content, "楼道灯不亮，晚上看不见")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.deadline.line
    expected_deadline = date.today() + timedelta(days=3)
    assert form.deadline.text() == expected_deadline.isoformat()  # pre-filled from 维修
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.solved
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.assignee
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    ids = service.query_ids(tmp_db, RequestQuery())
    assert len(ids) == 1
    detail = service.detail(tmp_db, ids[0])
    row = detail.row
    assert (row.resident_id, row.name, row.channel, row.category) == (people["xiulan"], "张秀兰", "来电", "维修")
    assert row.content == "楼道灯不亮，晚上看不见"
    assert row.deadline == expected_deadline
    assert row.status == "受理" and row.phone_masked == "139****1031" and row.address == "安居苑3号楼2单元401室"
    assert [(e.step, e.actor) for e in detail.events] == [("受理", "测试员")]
    # ready for the next resident at the counter
    assert focused() is form.picker and form.picker.text() == "" and not form.dirty
    assert form.content.toPlainText() == "" and form.channel.currentText() == "来访"
    assert row.number in form.status.text()
    assert tab.model.rowCount() == 1 and tab.detail.current.row.id == row.id


def test_someone_not_on_the_roster_and_solved_on_the_spot(tab, qtbot, tmp_db, type_text):
    form = tab.form
    type_text(form.picker, "刘先生")
    qtbot.waitUntil(form.picker.popup_visible, timeout=2000)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # "not on the roster: 刘先生"
    assert (form.picker.mode, form.picker.typed_name()) == ("unlisted", "刘先生")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.phone  # not on the roster: phone and address are typed
    qtbot.keyClicks(form.phone, "13800001111")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(form.address, "贸易巷12号")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.category
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Down)
    assert form.category.currentText() == "政策咨询"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(form.content, "咨询高龄津贴")
    press(qtbot, Qt.Key.Key_Tab)
    assert form.deadline.text() == (date.today() + timedelta(days=1)).isoformat()
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert form.solved.isChecked()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.handling  # the assignee row is hidden when solved
    type_text(form.handling, "已当场答复")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    row = service.load_rows(tmp_db, service.query_ids(tmp_db))[0]
    assert (row.name, row.resident_id, row.phone_masked, row.address, row.status) == ("刘先生", None, "138****1111", "贸易巷12号", "办结")


def test_anonymous_and_the_12345_work_order(tab, qtbot, tmp_db):
    form = tab.form
    qtbot.keyClicks(form.picker, "zz")
    form.picker.flush()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert form.picker.mode == "anonymous"
    form.channel.setCurrentText("12345转办")
    assert form.external.isVisibleTo(form)
    form.external.setText("20261127000123")
    form.content.setPlainText("贸易巷污水外溢")
    assert form.save()
    row = service.load_rows(tmp_db, service.query_ids(tmp_db))[0]
    assert (row.name, row.channel, row.external_number) == ("", "12345转办", "20261127000123")


def test_errors_show_at_the_field_and_nothing_is_lost(tab, qtbot, tmp_db, type_text):
    form = tab.form
    type_text(form.picker, "王阿姨")
    form.phone.setText("12345")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert service.query_ids(tmp_db) == []
    assert set(form.errors.messages()) >= {"content", "phone"}
    assert form.picker.text() == "王阿姨" and form.phone.text() == "12345"


def test_a_search_typed_but_not_picked_is_not_a_name(tab, qtbot, tmp_db):
    form = tab.form
    qtbot.keyClicks(form.picker, "zxl")
    form.content.setPlainText("楼道灯不亮")
    assert not form.save()
    assert service.query_ids(tmp_db) == [] and "resident" in form.errors.messages()
    assert focused() is form.picker


def test_escape_clears_after_asking(tab, qtbot, answers, type_text):
    replies, asked = answers
    form = tab.form
    form.content.setFocus()
    type_text(form.content, "噪音")
    replies["discard"] = False
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == ["discard"] and form.content.toPlainText() == "噪音"
    replies["discard"] = True
    press(qtbot, Qt.Key.Key_Escape)
    assert form.content.toPlainText() == "" and focused() is form.picker
    asked.clear()
    press(qtbot, Qt.Key.Key_Escape)  # nothing typed: no question
    assert asked == []


@pytest.fixture
def overdue(tmp_db):
    old = datetime.now().replace(microsecond=0) - timedelta(days=10)
    late = service.create(tmp_db, {"registered_at": old, "category": "维修", "content": "楼道灯不亮", "assignee": "物业公司"}).id
    fresh = service.create(tmp_db, {"category": "维修", "content": "热水壶坏了"}).id
    return late, fresh


def test_an_overdue_row_shows_as_overdue(qtbot, tmp_db, people, answers, show_active, overdue):
    late, fresh = overdue
    tab = RequestsTab(tmp_db)
    show_active(tab)
    tab.activated()
    model = tab.model
    status_column = [c.key for c in model.columns].index("status")
    late_index, fresh_index = model.index_of_id(late, status_column), model.index_of_id(fresh, status_column)
    assert late_index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert overdue_marker() in late_index.data()
    assert "7" in late_index.data(Qt.ItemDataRole.ToolTipRole)
    assert fresh_index.data(Qt.ItemDataRole.BackgroundRole) is None and overdue_marker() not in fresh_index.data()
    assert "1" in tab.counts.text()
    tab.select_id(late)
    assert "7" in tab.detail.heading.text() and "b71c1c" in tab.detail.heading.styleSheet()
    tab.overdue_only.setChecked(True)
    assert model.ids == [late]


def test_the_table_model_passes_the_model_tester(tab, qtmodeltester, overdue):
    tab.reload()
    qtmodeltester.check(tab.model)


def test_search_and_filters(tab, tmp_db, overdue):
    late, fresh = overdue
    tab.reload()
    tab.search.setText("热水壶")
    tab.search.flush()
    assert tab.model.ids == [fresh]
    tab.search.setText("")
    tab.search.flush()
    tab.status.setCurrentIndex(tab.status.findText("交办"))
    assert tab.model.ids == [late]
    tab.status.setCurrentIndex(0)
    tab.date_from.set_date(date.today() - timedelta(days=1))
    assert tab.model.ids == [fresh]


def test_steps_from_the_detail(tab, tmp_db, monkeypatch, overdue):
    late, _fresh = overdue
    tab.reload()
    tab.select_id(late)
    assert list(tab.detail.step_buttons) == ["办理", "办结", "催办", "延期", "退回改派"]
    monkeypatch.setattr(StepDialog, "ask", classmethod(
        lambda cls, parent, step, number, submit, deadline=None, assignees=None: submit({"note": "换了灯泡"}) or True))
    tab.detail.step_buttons["办结"].click()
    detail = service.detail(tmp_db, late)
    assert detail.row.status == "办结" and detail.events[-1].note == "换了灯泡"
    assert list(tab.detail.step_buttons) == ["回访"]
    assert tab.detail.timeline.topLevelItemCount() == 3


def test_the_step_dialog_validates_in_accept(qtbot, tmp_db, overdue):
    late, _fresh = overdue
    taken = []
    dialog = StepDialog(None, "退回改派", "FW-1", lambda values: taken.append(service.advance(tmp_db, late, "退回改派", **values)))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert not taken and set(dialog.errors.messages()) == {"assignee", "note"}
    dialog.assignee.setText("维修志愿服务队")
    dialog.note.setPlainText("物业退回")
    dialog.accept()
    assert taken and dialog.result() == dialog.DialogCode.Accepted
    assert service.detail(tmp_db, late).row.assignee == "维修志愿服务队"


def test_to_repair_asks_the_main_window(tab, qtbot, tmp_db, people):
    row = service.create(tmp_db, {"resident_id": people["xiulan"], "category": "维修", "content": "电饭锅不加热"})
    tab.reload()
    tab.select_id(row.id)
    with qtbot.waitSignal(tab.navigate) as blocker:
        tab.detail.repair_button.click()
    key, payload = blocker.args
    assert key == "repairs"
    assert payload["from_request"] == row.id and payload["resident_id"] == people["xiulan"] and payload["content"] == "电饭锅不加热"


def test_remove_from_the_detail(tab, tmp_db, answers, overdue):
    late, fresh = overdue
    tab.reload()
    tab.select_id(fresh)
    tab.detail.remove_button.click()
    assert tab.model.ids == [late]


def test_open_payload(tab, tmp_db, people, overdue):
    late, _fresh = overdue
    tab.search.setText("热水壶")
    tab.search.flush()
    tab.open_payload({"request_id": late})
    assert tab.detail.current.row.id == late and tab.search.text() == ""
    tab.open_payload({"resident_id": people["ma"]})
    assert tab.form.picker.mode == "resident" and tab.form.picker.resident_id == people["ma"]


def test_export_and_import_actions(tab, tmp_db, tmp_path, answers, monkeypatch, overdue):
    _replies, asked = answers
    out = tmp_path / "requests.xlsx"
    monkeypatch.setattr(tab, "ask_save_path", lambda: out)
    monkeypatch.setattr(tab, "ask_open_path", lambda: out)
    assert [a.text() for a in tab.export_actions()]
    tab.export_action.trigger()
    assert out.exists() and "2" in asked[-1][1]
    tab.import_action.trigger()
    assert "2" in asked[-1][1]  # both already there: duplicates
    assert any(p.name.endswith(".xlsx") and p != out for p in tmp_path.iterdir())
    assert len(service.query_ids(tmp_db)) == 2


def test_statistics_dialog(tab, tmp_db, overdue):
    from ui.requests.stats_dialog import StatsDialog

    dialog = StatsDialog(tmp_db, tab)
    assert dialog.stats.total == 2
    assert dialog.figures.rowCount() == 6 and dialog.channels.rowCount() == 4


def test_categories_dialog(tab, tmp_db, monkeypatch):
    from ui.requests.categories_dialog import CategoriesDialog

    dialog = CategoriesDialog(tmp_db, tab)
    assert [name for name, _days in dialog.items()][:2] == ["维修", "环境卫生"]
    dialog.add_row("文明养犬", 4)
    dialog.add_row("维修", 2)
    dialog.accept()
    assert dialog.message.text() and dialog.result() != dialog.DialogCode.Accepted  # 维修 twice
    dialog.table.removeRow(dialog.table.rowCount() - 1)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.setattr(CategoriesDialog, "exec", lambda self: True)
    tab.edit_categories()
    assert tab.category.findText("文明养犬") > 0 and tab.form.category.findText("文明养犬") >= 0
    tab.form.category.setCurrentText("文明养犬")
    assert tab.form.deadline.value() == date.today() + timedelta(days=4)
