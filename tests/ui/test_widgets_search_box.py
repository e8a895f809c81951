"""SearchBox: debounced search-as-you-type, Enter, Esc, Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.widgets.search_box import DEBOUNCE_MS, SearchBox


def make(qtbot, **kwargs):
    box = SearchBox(**kwargs)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.search_changed.connect(seen.append)
    return box, seen


def test_typing_emits_once_after_a_pause(qtbot):
    box, seen = make(qtbot)
    qtbot.keyClicks(box, "zxl")
    assert seen == [], "nothing while typing"
    assert box.pending
    qtbot.waitUntil(lambda: seen == ["zxl"], timeout=DEBOUNCE_MS * 10)
    qtbot.wait(DEBOUNCE_MS * 2)
    assert seen == ["zxl"], "one search for the three keystrokes"


def test_enter_searches_at_once_and_same_text_is_not_repeated(qtbot):
    box, seen = make(qtbot)
    box.setText(" 3-2-401 ")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert seen == ["3-2-401"]
    box.flush()
    assert seen == ["3-2-401"]


def test_escape_and_clear_button_clear_the_search(qtbot):
    box, seen = make(qtbot)
    box.setText("张")
    box.flush()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert seen == ["张", ""]
    assert box.isClearButtonEnabled()


def test_placeholder(qtbot):
    box, _ = make(qtbot, placeholder="姓名、拼音首字母、身份证号、电话或住址")
    assert box.placeholderText().startswith("姓名")
    plain, _ = make(qtbot)
    assert plain.placeholderText()


def test_ctrl_f_focuses_the_box(qtbot, show_active):
    host = QWidget()
    layout = QVBoxLayout(host)
    other = QLineEdit()
    box = SearchBox()
    layout.addWidget(other)
    layout.addWidget(box)
    box.install_shortcut(host)
    show_active(host)
    other.setFocus()
    box.setText("已输入")
    qtbot.keyClick(other, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    assert box.selectedText() == "已输入"
