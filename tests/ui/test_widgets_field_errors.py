"""FieldErrors: messages from a ValidationError at their fields, cleared on edit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.errors import UserError, ValidationError
from ui.widgets.field_errors import FieldBox, FieldErrors


def make_form(qtbot):
    host = QWidget()
    form = QFormLayout(host)
    general = QLabel()
    errors = FieldErrors(general)
    name, id_number, sex, notes = QLineEdit(), QLineEdit(), QComboBox(), QPlainTextEdit()
    sex.addItems(["", "男", "女"])
    id_number.setToolTip("18 位")
    for key, label, widget in (("name", "姓名", name), ("id_number", "身份证号", id_number), ("sex", "性别", sex), ("notes", "备注", notes)):
        form.addRow(label, errors.add(key, FieldBox(widget)))
    form.addRow(general)
    qtbot.addWidget(host)
    host.show()
    return host, errors, name, id_number, sex, notes, general


def test_errors_and_warnings_at_their_fields(qtbot):
    _host, errors, name, id_number, sex, _notes, general = make_form(qtbot)
    first = errors.show_error(ValidationError(
        {"id_number": "校验码错误", "name": "姓名不能为空"}, {"sex": "与身份证号不符"}))
    assert first is errors.boxes["name"], "the first error in form order, to focus"
    box = errors.boxes["id_number"]
    assert box.message.isVisible() and box.message.text() == "校验码错误"
    assert "#c62828" in box.message.styleSheet()
    assert "border" in id_number.styleSheet()
    assert id_number.toolTip() == "校验码错误"
    warning = errors.boxes["sex"]
    assert warning.state == "warning" and "#b45309" in warning.message.styleSheet()
    assert errors.messages() == {"name": "姓名不能为空", "id_number": "校验码错误"}
    assert errors.messages("warning") == {"sex": "与身份证号不符"}
    assert not general.isVisible()


def test_editing_clears_that_field_only(qtbot):
    _host, errors, name, id_number, sex, notes, _general = make_form(qtbot)
    errors.show({"id_number": "错", "name": "空", "notes": "太长"}, {"sex": "不符"})
    qtbot.keyClicks(id_number, "1")
    assert errors.boxes["id_number"].state == ""
    assert id_number.styleSheet() == ""
    assert id_number.toolTip() == "18 位", "the field's own tooltip comes back"
    assert errors.boxes["name"].state == "error"
    sex.setCurrentIndex(1)
    assert errors.boxes["sex"].state == ""
    notes.setPlainText("短")
    assert errors.boxes["notes"].state == ""


def test_unknown_keys_go_to_the_general_label(qtbot):
    _host, errors, *_rest, general = make_form(qtbot)
    errors.show({"household": "户编号已被占用"})
    assert general.isVisible() and "户编号已被占用" in general.text()
    errors.clear()
    assert not general.isVisible()
    assert errors.messages() == {}


def test_text_survives_an_error(qtbot):
    _host, errors, name, *_rest = make_form(qtbot)
    name.setText("张秀兰")
    errors.show({"name": "重复"})
    assert name.text() == "张秀兰"


def test_attempt_shows_what_went_wrong_and_says_whether_it_went_through(qtbot):
    _host, errors, _name, _id_number, _sex, _notes, general = make_form(qtbot)
    done = []
    assert errors.attempt(lambda: done.append(1)) and done == [1]

    def invalid():
        raise ValidationError({"name": "姓名不能为空"})

    assert not errors.attempt(invalid)
    assert errors.messages() == {"name": "姓名不能为空"}

    def refused():
        raise UserError("已被删除")

    assert not errors.attempt(refused, "form")
    assert general.text() == "已被删除"
