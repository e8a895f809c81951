"""TagPicker: tick with Space, details with F2, sensitive tags marked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.widgets.tag_picker import SENSITIVE_COLOR, TagChoice, TagPicker

CHOICES = [TagChoice(1, "独居老人"), TagChoice(2, "低保户", True), TagChoice(3, "残疾人", True)]


def make(qtbot):
    picker = TagPicker()
    picker.set_choices(CHOICES)
    qtbot.addWidget(picker)
    picker.show()
    return picker


def test_sensitive_tags_are_marked(qtbot):
    picker = make(qtbot)
    plain, low_income = picker.topLevelItem(0), picker.topLevelItem(1)
    assert plain.text(0) == "独居老人"
    assert low_income.text(0) != "低保户" and "低保户" in low_income.text(0)
    assert low_income.foreground(0).color().name() == SENSITIVE_COLOR
    assert low_income.toolTip(0)


def test_set_and_read_ticks_with_details(qtbot):
    picker = make(qtbot)
    picker.set_checked({3: "肢体 二级", 1: None})
    assert picker.checked() == {1: None, 3: "肢体 二级"}
    picker.set_checked({})
    assert picker.checked() == {}


def test_space_ticks_and_emits_edited(qtbot):
    picker = make(qtbot)
    edits = []
    picker.edited.connect(lambda: edits.append(1))
    picker.setFocus()
    picker.setCurrentItem(picker.topLevelItem(0))
    qtbot.keyClick(picker, Qt.Key.Key_Space)
    assert picker.checked() == {1: None}
    assert edits
    picker.set_checked({})
    assert len(edits) == 1, "filling from the program is not an edit"


def test_typing_a_detail_ticks_the_tag(qtbot):
    picker = make(qtbot)
    picker.topLevelItem(2).setText(1, "视力 一级")
    assert picker.checked() == {3: "视力 一级"}


def test_choices_can_be_refreshed_keeping_ticks(qtbot):
    picker = make(qtbot)
    picker.set_checked({2: None})
    picker.set_choices(CHOICES + [TagChoice(4, "退役军人")])
    assert picker.checked() == {2: None}
    assert picker.topLevelItemCount() == 4
