"""The roster tab on a real (temporary) database: table, search, filters, form, actions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.residents import service
from app.residents.queries import ResidentQuery
from ui.residents.dialogs import Ask
from ui.residents.tab import ResidentsTab
from ui.widgets.lazy_table import ID_ROLE

ZHANG_ID = "11010519491231002X"  # DOMAIN.md: passes the check; born 1949-12-31, female


@pytest.fixture
def no_dialogs(monkeypatch):
    """Every question answered without a dialog; the answers can be changed per test."""
    answers = {"discard": True, "remove": True, "move_out": (False, "2025-03-05", "迁往阅海")}
    asked = []

    def move_out(parent, name, submit):
        asked.append(("move_out", name))
        submit(*answers["move_out"])
        return True

    monkeypatch.setattr(Ask, "discard_changes", classmethod(lambda cls, parent: asked.append(("discard",)) or answers["discard"]))
    monkeypatch.setattr(Ask, "confirm_remove", classmethod(lambda cls, parent, name: asked.append(("remove", name)) or answers["remove"]))
    monkeypatch.setattr(Ask, "move_out", classmethod(lambda cls, parent, name, submit: move_out(parent, name, submit)))
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, parent, title, text: asked.append(("inform", text))))
    return answers, asked


@pytest.fixture
def people(tmp_db):
    tags = {t.name: t.id for t in service.tags(tmp_db)}
    ids = {
        "zhang": service.create(tmp_db, {"name": "张秀兰", "id_number": ZHANG_ID, "phones": "13912341031",
                                         "address": "安居苑3号楼2单元401室", "household_number": "H001",
                                         "relation_to_head": "户主", "political_status": "中共党员",
                                         "residence_status": "人在户在", "tags": {tags["独居老人"]: None}}),
        "li": service.create(tmp_db, {"name": "李建国", "sex": "男", "birth_date": "1980-05-01",
                                      "address": "安居苑3-2-401", "household_number": "H001", "relation_to_head": "子",
                                      "political_status": "群众", "residence_status": "人在户不在"}),
        "ma": service.create(tmp_db, {"name": "马小红", "sex": "女", "birth_date": "2001-02-03",
                                      "address": "银啤苑5-1-302", "political_status": "共青团员"}),
    }
    return ids


@pytest.fixture
def tab(qtbot, tmp_db, people, no_dialogs, show_active, dialogs):
    """``dialogs``: any message box not answered by ``no_dialogs`` is recorded instead of blocking."""
    widget = ResidentsTab(tmp_db)
    widget.resize(1280, 760)
    show_active(widget)
    widget.activated()
    return widget


def names(tab) -> list[str]:
    return [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]


def search(tab, text: str) -> None:
    tab.filters.search.setText(text)
    tab.filters.search.flush()


def test_registered_as_a_tab():
    from ui.tabs import TAB_MODULES, tab_specs

    assert "ui.residents.tab" in TAB_MODULES
    spec = next(s for s in tab_specs() if s.key == "residents")
    assert spec.order == 10 and spec.title()


def test_table_shows_masked_values_and_the_count(tab):
    assert tab.model.rowCount() == 3
    assert tab.filters.count_label.text().replace(",", "").find("3") >= 0
    zhang = tab.model.index_of_id(tab.model.ids[names(tab).index("张秀兰")])
    row = zhang.row()
    cells = [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]
    assert "110105********002X" in cells
    assert "139****1031" in cells
    assert "安居苑3号楼2单元401室" in cells
    assert any("1949-12-31" in (c or "") for c in cells)
    assert "独居老人" in cells
    assert ZHANG_ID not in cells and "13912341031" not in cells


def test_header_click_sorts_in_the_database(tab, qtbot):
    header = tab.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)  # 出生日期: oldest first
    assert names(tab)[0] == "张秀兰"
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    assert names(tab)[0] == "马小红"
    assert tab.model.current_query().sort_key == "birth_date"


def test_search_as_you_type(tab, qtbot, type_text):
    tab.filters.search.setFocus()
    qtbot.keyClicks(tab.filters.search, "zxl")
    qtbot.waitUntil(lambda: names(tab) == ["张秀兰"], timeout=2000)
    search(tab, "3-2-401")
    assert sorted(names(tab)) == ["张秀兰", "李建国"]
    search(tab, "1031")
    assert names(tab) == ["张秀兰"]
    search(tab, "")
    assert tab.model.rowCount() == 3


def test_filters(tab, tmp_db):
    f = tab.filters
    f.political.setCurrentIndex(f.political.findData("共青团员"))
    assert names(tab) == ["马小红"]
    f.political.setCurrentIndex(0)
    f.age.setCurrentIndex(f.age.findData(60))
    assert names(tab) == ["张秀兰"]
    f.age.setCurrentIndex(0)
    f.tag.setCurrentIndex(f.tag.findText("独居老人"))
    assert names(tab) == ["张秀兰"]
    f.tag.setCurrentIndex(0)
    f.residence.setCurrentIndex(f.residence.findData("人在户不在"))
    assert names(tab) == ["李建国"]
    f.residence.setCurrentIndex(0)
    building = next(b for b in service.buildings(tmp_db) if b.compound == "银啤苑")
    f.building.setCurrentIndex(f.building.findData(building.id))
    assert names(tab) == ["马小红"]
    assert "1" in f.count_label.text()


def test_status_filter_lists_moved_out_and_removed(tab, tmp_db, people):
    service.move_out(tmp_db, people["ma"], "2025-01-02", "迁往外地")
    service.remove(tmp_db, people["li"])
    tab.activated()
    assert names(tab) == ["张秀兰"]
    f = tab.filters
    f.status.setCurrentIndex(f.status.findData("moved_out"))
    assert names(tab) == ["马小红"]
    f.status.setCurrentIndex(f.status.findData("removed"))
    assert names(tab) == ["李建国"]
    f.status.setCurrentIndex(f.status.findData("deceased"))
    assert names(tab) == []


def test_open_shows_the_record_with_members_and_masked_id(tab, qtbot, people):
    tab.select_id(people["zhang"])
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    form = tab.form
    assert form.isVisible() and form.resident_id == people["zhang"]
    assert form.fields.name.text() == "张秀兰"
    assert form.fields.id_number.line.text() == "110105********002X"
    assert form.fields.id_number.reveal_button.isVisible()
    assert form.fields.tags.checked() != {}
    members = [form.members.item(i).text() for i in range(form.members.count())]
    assert len(members) == 1 and "李建国" in members[0]
    assert not form.is_dirty()


def test_reveal_is_audited(tab, qtbot, tmp_db, people):
    tab.open_resident(people["zhang"])
    qtbot.mouseClick(tab.form.fields.id_number.reveal_button, Qt.MouseButton.LeftButton)
    assert tab.form.fields.id_number.line.text() == ZHANG_ID
    assert not tab.form.is_dirty(), "seeing the number is not a change"
    from sqlalchemy import text

    with tmp_db.reading() as session:
        actions = session.execute(text("SELECT action FROM audit_log WHERE action = 'reveal'")).all()
    assert actions


def test_member_click_opens_that_person(tab, people):
    tab.open_resident(people["zhang"])
    tab.form.members.itemActivated.emit(tab.form.members.item(0))
    assert tab.form.resident_id == people["li"]
    assert tab.table.currentIndex().data(ID_ROLE) == people["li"]


def test_selection_is_followed_while_the_record_is_unchanged(tab, qtbot, people):
    tab.open_resident(people["zhang"])
    tab.table.setFocus()
    tab.select_id(people["ma"])
    assert tab.form.resident_id == people["ma"]
    tab.form.fields.employer.setText("五福驿站")  # now unsaved changes: the form stays
    tab.select_id(people["li"])
    assert tab.form.resident_id == people["ma"]


def test_edit_and_save_writes_only_what_changed(tab, qtbot, tmp_db, people, type_text):
    tab.open_resident(people["ma"])
    tab.form.fields.employer.setFocus()
    type_text(tab.form.fields.employer, "五福驿站")
    changed = []
    tab.counts_changed.connect(lambda: changed.append(1))
    assert tab.form.changes() == {"employer": "五福驿站"}
    qtbot.keyClick(tab.form.fields.employer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert service.get_detail(tmp_db, people["ma"]).employer == "五福驿站"
    assert changed and not tab.form.is_dirty()


def test_errors_show_at_the_fields_and_nothing_is_lost(tab, qtbot, tmp_db, people):
    tab.new_resident()
    f = tab.form.fields
    f.name.setText("王大爷")
    f.id_number.line.setText("110105194912310021")  # wrong check character
    f.address.setText("某处")
    f.phones.line.setText("12345")
    assert not tab.form.save()
    assert f.boxes["id_number"].state == "error"
    assert f.boxes["address"].state == "error"
    assert f.boxes["phones"].state == "error"
    assert f.name.text() == "王大爷" and f.address.text() == "某处", "nothing typed is lost"
    assert tab.form.isVisible() and tab.form.is_new
    assert len(service.query_ids(tmp_db, ResidentQuery())) == 3


def test_duplicate_id_offers_the_existing_person(tab, qtbot, people, no_dialogs):
    tab.new_resident()
    f = tab.form.fields
    f.name.setText("张秀兰")
    f.id_number.line.setText(ZHANG_ID.lower())
    assert not tab.form.save()
    assert f.boxes["id_number"].state == "error"
    assert tab.form.duplicate_button.isVisible()
    qtbot.mouseClick(tab.form.duplicate_button, Qt.MouseButton.LeftButton)
    assert ("discard",) in no_dialogs[1], "typed text is only dropped after asking"
    assert tab.form.resident_id == people["zhang"]


def test_typed_id_fills_birth_date_and_sex_and_warns_on_disagreement(tab, qtbot, type_text):
    tab.new_resident()
    f = tab.form.fields
    f.id_number.line.setFocus()
    type_text(f.id_number.line, ZHANG_ID)
    assert f.birth_date.value() == date(1949, 12, 31)
    assert f.sex.currentText() == "女"
    f.sex.setCurrentText("男")
    assert f.boxes["sex"].state == "warning"
    f.birth_date.set_date(date(1950, 1, 1))
    f.birth_date.date_changed.emit(date(1950, 1, 1))
    assert f.boxes["birth_date"].state == "warning"


def test_escape_asks_before_discarding(tab, qtbot, no_dialogs):
    answers, asked = no_dialogs
    tab.new_resident()
    qtbot.keyClicks(tab.form.fields.name, "Wang")
    answers["discard"] = False
    qtbot.keyClick(tab.form.fields.name, Qt.Key.Key_Escape)
    assert tab.form.isVisible() and tab.form.fields.name.text() == "Wang"
    answers["discard"] = True
    qtbot.keyClick(tab.form.fields.name, Qt.Key.Key_Escape)
    assert not tab.form.isVisible()
    assert asked.count(("discard",)) == 2


def test_move_out_remove_restore(tab, tmp_db, people, no_dialogs):
    changed = []
    tab.counts_changed.connect(lambda: changed.append(1))
    tab.select_id(people["ma"])
    tab.move_out_action.trigger()
    detail = service.get_detail(tmp_db, people["ma"])
    assert detail.status == "moved_out" and detail.left_on == date(2025, 3, 5)
    assert "马小红" not in names(tab)
    tab.select_id(people["li"])
    tab.remove_action.trigger()
    assert service.get_detail(tmp_db, people["li"]).removed_at is not None
    assert ("remove", "李建国") in no_dialogs[1]
    tab.filters.status.setCurrentIndex(tab.filters.status.findData("removed"))
    tab.select_id(people["li"])
    assert tab.restore_action.isEnabled()
    tab.restore_action.trigger()
    assert service.get_detail(tmp_db, people["li"]).removed_at is None
    assert len(changed) == 3


def test_remove_can_be_declined(tab, tmp_db, people, no_dialogs):
    no_dialogs[0]["remove"] = False
    tab.select_id(people["ma"])
    tab.remove_action.trigger()
    assert service.get_detail(tmp_db, people["ma"]).removed_at is None


def test_add_a_resident_with_the_keyboard_only(tab, qtbot, tmp_db, type_text):
    """Ctrl+N, type, Tab from field to field, Ctrl+S: no mouse anywhere."""
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.form.isVisible()

    def focused():
        return QApplication.focusWidget()

    assert focused() is tab.form.fields.name
    type_text(focused(), "赵丽华")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 曾用名
    assert focused() is tab.form.fields.former_name
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 公民身份号码
    assert focused() is tab.form.fields.id_number.line
    type_text(focused(), "640106195003051029")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 性别 (filled from the ID)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 出生日期 (filled from the ID)
    assert focused() is tab.form.fields.birth_date.line
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 民族
    type_text(focused(), "回族")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 联系电话
    assert focused() is tab.form.fields.phones.line
    type_text(focused(), "13995001234")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 小区
    type_text(focused(), "安居苑")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # → 现居住地址
    assert focused() is tab.form.fields.address
    type_text(focused(), "3-1-101")
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    found = service.query_ids(tmp_db, ResidentQuery(text="赵丽华"))
    assert len(found) == 1
    detail = service.get_detail(tmp_db, found[0])
    assert (detail.sex, detail.birth_date, detail.ethnicity) == ("女", date(1950, 3, 5), "回族")
    assert detail.address == "安居苑3号楼1单元101室"
    assert detail.phones_masked == ("139****1234",)
    assert tab.table.currentIndex().data(ID_ROLE) == found[0], "the new person is selected"
    assert tab.form.resident_id == found[0]


def test_open_payload_from_another_tab(tab, people):
    tab.open_payload({"resident_id": people["li"]})
    assert tab.form.isVisible() and tab.form.resident_id == people["li"]


def test_nothing_is_read_before_the_tab_is_shown_then_one_block(qtbot, tmp_db, people, no_dialogs, monkeypatch):
    calls = {"ids": 0, "rows": []}
    real_ids, real_rows = service.query_ids, service.load_rows
    monkeypatch.setattr(service, "query_ids", lambda db, q: calls.__setitem__("ids", calls["ids"] + 1) or real_ids(db, q))
    monkeypatch.setattr(service, "load_rows", lambda db, ids: calls["rows"].append(len(ids)) or real_rows(db, ids))
    widget = ResidentsTab(tmp_db)
    qtbot.addWidget(widget)
    assert calls == {"ids": 0, "rows": []}, "building the tab reads nothing"
    widget.show()
    widget.activated()
    widget.table.viewport().repaint()
    assert calls["ids"] == 1
    assert len(calls["rows"]) == 1, "one query for the visible block, not one per row or cell"


def test_a_column_the_database_cannot_sort_keeps_the_indicator(tab):
    header = tab.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    tags_column = [c.key for c in tab.model.columns].index("tags")
    header.setSortIndicator(tags_column, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == 2
    assert tab.model.current_query().sort_key == "birth_date"


def test_move_out_dialog_keeps_itself_open_on_an_error(qtbot):
    from app.errors import ValidationError
    from ui.residents.dialogs import MoveOutDialog

    submitted = []

    def submit(deceased, on, reason):
        submitted.append((deceased, on, reason))
        if on > "2099":
            raise ValidationError({"left_on": "日期在未来"})

    dialog = MoveOutDialog("马小红", submit)
    qtbot.addWidget(dialog)
    dialog.on.setText("2100-01-01")
    dialog.deceased.setChecked(True)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.on.state == "error" and dialog.on.text() == "2100-01-01"
    dialog.on.setText("2025年3月5日")
    dialog.reason.setText("病故")
    dialog.accept()
    assert submitted[-1] == (True, "2025-03-05", "病故")
    assert dialog.result() == dialog.DialogCode.Accepted
