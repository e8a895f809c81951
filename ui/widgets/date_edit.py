"""A date field that takes dates the way people type them, and may stay empty.

2026-11-26, 2026.11.26, 2026/11/26, 2026年11月26日 and 20261126 are all read (by
app.residents.dates.parse_date, the same reader the Excel importer uses) and shown back as
2026-11-26 once the field is left. Unreadable text stays as typed with a red message under it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from app.residents.dates import DateFormatError, parse_date
from ui.widgets.field_errors import ERROR, FieldBox


class DateEdit(FieldBox):
    date_changed = Signal(object)  # a date or None, each time a readable value is committed

    def __init__(self, parent: QWidget | None = None, allow_empty: bool = True):
        self.line = QLineEdit()
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        self.calendar_button = QToolButton()
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users type the date
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row.addWidget(self.calendar_button)
        super().__init__(holder, parent, border_target=self.line)
        self.setFocusProxy(self.line)
        self.allow_empty = allow_empty
        self._committed: date | None = None
        self.line.setPlaceholderText(self.tr("e.g. 2026-11-26"))
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.calendar_button.setToolTip(self.tr("Pick from a calendar"))
        self._build_calendar()
        self.line.textEdited.connect(self._on_edited)
        self.line.editingFinished.connect(self.check)

    def _build_calendar(self) -> None:
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(lambda qdate: (self._pick(qdate), menu.close()))
        self.calendar.activated.connect(lambda qdate: (self._pick(qdate), menu.close()))
        self.calendar_button.setMenu(menu)

    def _sync_calendar(self) -> None:
        current = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _pick(self, qdate: QDate) -> None:
        self.set_date(date(qdate.year(), qdate.month(), qdate.day()))
        self.edited.emit()

    # --- value ------------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def error(self) -> str | None:
        """Why the text is not a date, or None when it is one (or empty and allowed)."""
        text = self.line.text().strip()
        if not text:
            return None if self.allow_empty else self.tr("Enter a date")
        try:
            parse_date(text)
        except DateFormatError as problem:
            return problem.message
        return None

    def value(self) -> date | None:
        """The date typed, or None when empty or unreadable (see ``error()``)."""
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except DateFormatError:
            return None

    def set_date(self, value: date | None) -> None:
        self.clear_message()
        self.line.setText(value.isoformat() if value else "")
        self._commit(value)

    def check(self) -> bool:
        """Show a message under the field when the text is not a date; tidy it when it is."""
        problem = self.error()
        if problem:
            self.show_message(problem, ERROR)
            return False
        value = self.value()
        if value is not None and self.line.text() != value.isoformat():
            self.line.setText(value.isoformat())
        if self.state == ERROR:
            self.clear_message()
        self._commit(value)
        return True

    def _commit(self, value: date | None) -> None:
        if value != self._committed:
            self._committed = value
            self.date_changed.emit(value)
