"""The resident picker: type, wait for the popup, move with the keys, pick; anonymous and unlisted."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from app.residents import service as residents
from ui.widgets.resident_picker import ResidentPicker, describe


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    sex: str = "女"
    age: int | None = 70
    address: str = "安居苑3号楼2单元401室"
    phones_masked: str = "139****1031"


@pytest.fixture
def picker(qtbot, show_active):
    calls = []

    def search(text):
        calls.append(text)
        return [Row(i, f"张{i}") for i in range(1, 4)] if text != "nobody" else []

    widget = ResidentPicker(search=search, delay_ms=10)
    widget.calls = calls
    show_active(widget)
    widget.setFocus()
    return widget


def test_search_runs_once_typing_pauses(picker, qtbot):
    qtbot.keyClicks(picker, "zxl")
    assert picker.pending
    qtbot.waitUntil(picker.popup_visible, timeout=2000)
    assert picker.calls == ["zxl"]  # debounced: one search for three keys
    assert picker.model.rowCount() == 4  # three residents and "anonymous" (no unlisted for letters)


def test_keys_move_and_pick(picker, qtbot):
    picked = []
    picker.resident_picked.connect(lambda rid, row: picked.append((rid, row.name)))
    qtbot.keyClicks(picker, "zh")
    qtbot.keyClick(picker, Qt.Key.Key_Down)  # before the timer fired: searches at once
    assert picker.popup_visible() and picker.popup().currentIndex().row() == 0
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(picker, key)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picked == [(2, "张2")]
    assert (picker.mode, picker.resident_id, picker.text()) == ("resident", 2, "张2")
    assert "139****1031" in picker.toolTip()


def test_editing_after_a_pick_clears_it(picker, qtbot):
    cleared = []
    picker.choice_cleared.connect(lambda: cleared.append(True))
    picker.set_resident(1, Row(1, "张1"))
    qtbot.keyClick(picker, Qt.Key.Key_Backspace)
    assert cleared and picker.mode == "" and picker.resident_id is None


def test_anonymous_and_unlisted(picker, qtbot, type_text):
    chosen = []
    picker.anonymous_chosen.connect(lambda: chosen.append("anonymous"))
    picker.unlisted_chosen.connect(lambda name: chosen.append(name))
    type_text(picker, "刘先生")
    picker.flush()
    texts = [picker.model.item(r).text() for r in range(picker.model.rowCount())]
    assert any("刘先生" in t for t in texts[3:])
    qtbot.keyClick(picker, Qt.Key.Key_PageDown)
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert chosen == ["anonymous"] and picker.mode == "anonymous" and picker.typed_name() == ""
    picker.clear_choice()
    type_text(picker, "刘先生")
    picker.flush()
    picker.popup().setCurrentIndex(picker.completer.completionModel().index(3, 0))
    qtbot.keyClick(picker, Qt.Key.Key_Enter)
    assert chosen[-1] == "刘先生" and picker.mode == "unlisted" and picker.typed_name() == "刘先生"


def test_escape_closes_the_popup_and_nothing_found_shows_little(picker, qtbot):
    qtbot.keyClicks(picker, "zh")
    picker.flush()
    qtbot.keyClick(picker, Qt.Key.Key_Escape)
    assert not picker.popup_visible() and picker.text() == "zh"
    picker.clear()
    qtbot.keyClicks(picker, "nobody")
    picker.flush()
    assert picker.model.rowCount() == 1  # only "anonymous"


def test_the_roster_search(qtbot, tmp_db, show_active):
    zhang = residents.create(tmp_db, {"name": "张秀兰", "phones": "13912341031", "address": "安居苑3-2-401"})
    residents.create(tmp_db, {"name": "马建国", "phones": "13600002222", "address": "阅海2-1-101"})
    picker = ResidentPicker(tmp_db, limit=20)
    show_active(picker)
    for query in ("zxl", "1031", "3-2-401"):
        picker.clear_choice()
        qtbot.keyClicks(picker, query)
        picker.flush()
        row = picker.model.item(0).data(Qt.ItemDataRole.UserRole + 2)
        assert row.id == zhang and describe(row).startswith("张秀兰") and "139****1031" in describe(row)
