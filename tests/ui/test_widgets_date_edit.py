"""DateEdit: the ways people type a date, empty allowed, bad text kept with a message."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ui.widgets.date_edit import DateEdit


@pytest.fixture
def edit(qtbot):
    widget = DateEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize("typed", ["2026-11-26", "2026.11.26", "2026年11月26日", "20261126", "2026/11/26", "２０２６-１１-２６"])
def test_accepts_the_usual_forms(qtbot, edit, typed, type_text):
    changes = []
    edit.date_changed.connect(changes.append)
    type_text(edit.line, typed)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert edit.value() == date(2026, 11, 26)
    assert edit.error() is None
    assert edit.text() == "2026-11-26", "shown back in one form"
    assert changes == [date(2026, 11, 26)]
    assert not edit.message.isVisible()


def test_empty_is_allowed_by_default(edit):
    assert edit.value() is None
    assert edit.error() is None
    assert edit.check()


def test_empty_can_be_required(qtbot):
    edit = DateEdit(allow_empty=False)
    qtbot.addWidget(edit)
    assert edit.error()
    assert not edit.check()


def test_bad_text_stays_with_a_red_message(qtbot, edit):
    qtbot.keyClicks(edit.line, "2026-02-30")
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert edit.text() == "2026-02-30", "nothing typed is lost"
    assert edit.value() is None
    assert edit.state == "error"
    assert edit.message.isVisible()
    assert "2026-02-30" in edit.message.text()
    assert "border" in edit.line.styleSheet()
    qtbot.keyClick(edit.line, Qt.Key.Key_Backspace)
    assert not edit.message.isVisible(), "the message goes once the user edits"
    assert edit.line.styleSheet() == ""


def test_unreadable_and_incomplete(qtbot, edit):
    edit.setText("明天")
    assert not edit.check()
    edit.setText("1971.11")
    assert not edit.check()
    assert edit.error()


def test_set_date_and_clear(qtbot, edit):
    changes = []
    edit.date_changed.connect(changes.append)
    edit.set_date(date(1949, 12, 31))
    assert edit.text() == "1949-12-31"
    edit.set_date(None)
    assert edit.text() == ""
    assert changes == [date(1949, 12, 31), None]


def test_calendar_pick(qtbot, edit):
    from PySide6.QtCore import QDate

    edit._pick(QDate(2025, 3, 5))
    assert edit.value() == date(2025, 3, 5)
