"""One agenda item: its origin, the discussion (who said what, in order), the vote, the resolution
and the action items it creates."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.meetings.kinds import ORIGIN_KINDS, VOTE_METHODS
from app.meetings.origins import origin_choices, origin_text_of
from app.meetings.rows import ActionDraft, AgendaDraft, SpeechDraft
from app.meetings.votes import check_vote
from app.residents.dates import DateFormatError, parse_date
from ui.widgets.date_edit import DateEdit

WARN = "color: #b45309;"
ERROR = "color: #c62828;"
OK = "color: #2e7d32;"


def table(headers: list[str], stretch: int) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().hide()
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    widget.setWordWrap(True)
    return widget


def cell(widget: QTableWidget, row: int, column: int) -> str:
    item = widget.item(row, column)
    return item.text().strip() if item is not None else ""


def add_row(widget: QTableWidget, values: list[str], locked: tuple[int, ...] = ()) -> int:
    row = widget.rowCount()
    widget.insertRow(row)
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if column in locked:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        widget.setItem(row, column, item)
    return row


class AgendaItemForm(QWidget):
    changed = Signal()

    def __init__(self, database, counts: Callable[[], tuple[str, int, int, list]], parent=None):
        """``counts()`` gives (meeting kind, due, present, attendees) for the live vote check."""
        super().__init__(parent)
        self.database = database
        self.counts = counts
        self._draft = AgendaDraft(title="")
        self.title = QLineEdit()
        self.origin_kind = QComboBox()
        self.origin_kind.addItem(self.tr("(not recorded)"), "")
        for kind, label in zip(ORIGIN_KINDS, self.origin_labels()):
            self.origin_kind.addItem(label, kind)
        self.origin_ref = QComboBox()
        self.origin_text = QLineEdit()
        self.origin_text.setPlaceholderText(self.tr("Where it came from, as printed"))
        self.speeches = table([self.tr("Speaker"), self.tr("What was said")], 1)
        self.vote_method = QComboBox()
        self.vote_method.addItem(self.tr("No vote"), "")
        for method in VOTE_METHODS:
            self.vote_method.addItem(method, method)
        self.votes = [self._spin() for _ in range(3)]
        self.vote_check = QLabel()
        self.vote_check.setWordWrap(True)
        self.resolution = QPlainTextEdit()
        self.resolution.setFixedHeight(70)
        self.responsible = QLineEdit()
        self.deadline = DateEdit()
        self.actions = table([self.tr("Action item"), self.tr("Responsible"), self.tr("Deadline"), self.tr("State")], 0)
        self._layout()
        self._connect()

    def origin_labels(self) -> list[str]:
        return [self.tr("Proposal"), self.tr("Resident's request"), self.tr("Earlier action item"),
                self.tr("Earlier agenda item")]

    def _spin(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 99999)
        return spin

    def _buttons(self, *pairs) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in pairs:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Agenda item"), self.title)
        origin = QHBoxLayout()
        origin.addWidget(self.origin_kind)
        origin.addWidget(self.origin_ref, 1)
        form.addRow(self.tr("Origin"), origin)
        form.addRow("", self.origin_text)
        votes = QHBoxLayout()
        votes.addWidget(self.vote_method)
        for label, spin in zip((self.tr("For"), self.tr("Against"), self.tr("Abstain")), self.votes):
            votes.addWidget(QLabel(label))
            votes.addWidget(spin)
        votes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Discussion (in the order spoken)")))
        layout.addWidget(self.speeches, 2)
        layout.addLayout(self._buttons((self.tr("Add speech"), self.add_speech), (self.tr("Remove speech"), self.remove_speech)))
        tail = QFormLayout()
        tail.addRow(self.tr("Vote"), votes)
        tail.addRow("", self.vote_check)
        tail.addRow(self.tr("Resolution"), self.resolution)
        person = QHBoxLayout()
        person.addWidget(self.responsible, 1)
        person.addWidget(QLabel(self.tr("Deadline")))
        person.addWidget(self.deadline)
        tail.addRow(self.tr("Responsible"), person)
        layout.addLayout(tail)
        layout.addWidget(QLabel(self.tr("Action items created by the resolution")))
        layout.addWidget(self.actions, 1)
        layout.addLayout(self._buttons((self.tr("Action item from the resolution"), self.action_from_resolution),
                                       (self.tr("Add action item"), self.add_action),
                                       (self.tr("Remove action item"), self.remove_action)))

    def _connect(self) -> None:
        self.title.textEdited.connect(lambda _t: self.changed.emit())
        self.origin_kind.currentIndexChanged.connect(self._origin_kind_changed)
        self.origin_ref.activated.connect(self._origin_picked)
        self.vote_method.currentIndexChanged.connect(self.update_vote_check)
        for spin in self.votes:
            spin.valueChanged.connect(self.update_vote_check)

    # --- origin -----------------------------------------------------------------------------
    def _origin_kind_changed(self, *_args) -> None:
        kind = self.origin_kind.currentData()
        self.origin_ref.clear()
        choices = origin_choices(self.database, kind) if kind else []
        self.origin_ref.setVisible(bool(choices))
        self.origin_ref.addItem(self.tr("(choose)"), None)
        for record_id, label in choices:
            self.origin_ref.addItem(label, record_id)

    def _origin_picked(self, index: int) -> None:
        if self.origin_ref.itemData(index) is not None:
            self.origin_text.setText(origin_text_of(self.origin_ref.itemText(index)))

    def _set_origin(self, kind: str, origin_id: int | None, text: str) -> None:
        self.origin_kind.setCurrentIndex(max(0, self.origin_kind.findData(kind)))
        self._origin_kind_changed()
        if origin_id is not None and self.origin_ref.findData(origin_id) < 0:
            self.origin_ref.addItem(text or f"#{origin_id}", origin_id)
        self.origin_ref.setCurrentIndex(max(0, self.origin_ref.findData(origin_id)) if origin_id is not None else 0)
        self.origin_text.setText(text)

    # --- rows -------------------------------------------------------------------------------
    def add_speech(self) -> None:
        row = add_row(self.speeches, ["", ""])
        self.speeches.setCurrentCell(row, 0)
        self.speeches.editItem(self.speeches.item(row, 0))

    def remove_speech(self) -> None:
        for row in sorted({i.row() for i in self.speeches.selectionModel().selectedRows()}, reverse=True):
            self.speeches.removeRow(row)

    def add_action(self, description: str = "", responsible: str = "", deadline: str = "") -> None:
        row = add_row(self.actions, [description or "", responsible, deadline, self.tr("Open")], locked=(3,))
        self.actions.item(row, 0).setData(Qt.ItemDataRole.UserRole, None)

    def action_from_resolution(self) -> None:
        text = self.resolution.toPlainText().strip()
        if text:
            self.add_action(text, self.responsible.text().strip(), self.deadline.line.text().strip())

    def remove_action(self) -> None:
        for row in sorted({i.row() for i in self.actions.selectionModel().selectedRows()}, reverse=True):
            if self.actions.item(row, 0).data(Qt.ItemDataRole.UserRole + 1) != "done":
                self.actions.removeRow(row)

    # --- vote -------------------------------------------------------------------------------
    def update_vote_check(self, *_args) -> None:
        method = self.vote_method.currentData()
        for spin in self.votes:
            spin.setEnabled(bool(method) and self.isEnabled())
        kind, due, present, _people = self.counts()
        if not method:
            self.vote_check.setText("")
            return
        values = [spin.value() for spin in self.votes]
        outcome = check_vote(kind, due, present, method, *values)
        if outcome.errors:
            self.vote_check.setStyleSheet(ERROR)
            self.vote_check.setText(" ".join(outcome.errors))
        else:
            self.vote_check.setStyleSheet(WARN if outcome.warnings else OK)
            summary = self.tr("Due {due}, present {present}: {result}").format(due=due, present=present, result=outcome.result)
            self.vote_check.setText(" ".join([summary, *outcome.warnings]))
        self.changed.emit()

    # --- draft in and out -------------------------------------------------------------------
    def set_draft(self, draft: AgendaDraft) -> None:
        self._draft = draft
        self.title.setText(draft.title)
        self._set_origin(draft.origin_kind, draft.origin_id, draft.origin_text)
        self.speeches.setRowCount(0)
        for speech in draft.speeches:
            add_row(self.speeches, [speech.speaker, speech.content])
        self.vote_method.setCurrentIndex(max(0, self.vote_method.findData(draft.vote_method)))
        for spin, value in zip(self.votes, (draft.votes_for, draft.votes_against, draft.votes_abstain)):
            spin.setValue(value or 0)
        self.resolution.setPlainText(draft.resolution)
        self.responsible.setText(draft.responsible)
        self.deadline.set_date(draft.deadline)
        self.actions.setRowCount(0)
        for action in draft.actions:
            state = self.tr("Done {date}").format(date=action.closed_on) if action.status == "done" else self.tr("Open")
            row = add_row(self.actions, [action.description, action.responsible,
                                         action.deadline.isoformat() if action.deadline else "", state], locked=(3,))
            self.actions.item(row, 0).setData(Qt.ItemDataRole.UserRole, action.id)
            self.actions.item(row, 0).setData(Qt.ItemDataRole.UserRole + 1, action.status)
        self.update_vote_check()

    def draft(self) -> AgendaDraft:
        """The item as the form shows it (ids kept, so saving updates rather than replaces)."""
        d = self._draft
        method = self.vote_method.currentData()
        values = [spin.value() if method else None for spin in self.votes]
        kind = self.origin_kind.currentData()
        _kind, _due, _present, people = self.counts()
        residents = {p.name: p.resident_id for p in people if p.resident_id is not None}
        speeches = [SpeechDraft(cell(self.speeches, r, 0), cell(self.speeches, r, 1), residents.get(cell(self.speeches, r, 0)))
                    for r in range(self.speeches.rowCount()) if cell(self.speeches, r, 0) or cell(self.speeches, r, 1)]
        return AgendaDraft(
            id=d.id, title=self.title.text().strip(), origin_kind=kind or "",
            origin_id=self.origin_ref.currentData() if kind and self.origin_ref.count() else None,
            origin_text=self.origin_text.text().strip(), speeches=speeches, vote_method=method or "",
            votes_for=values[0], votes_against=values[1], votes_abstain=values[2],
            resolution=self.resolution.toPlainText().strip(), responsible=self.responsible.text().strip(),
            deadline=self.deadline.value(), actions=self._actions(d))

    def _actions(self, old: AgendaDraft) -> list[ActionDraft]:
        by_id = {a.id: a for a in old.actions}
        result = []
        for row in range(self.actions.rowCount()):
            action_id = self.actions.item(row, 0).data(Qt.ItemDataRole.UserRole)
            previous = by_id.get(action_id)
            try:
                deadline = parse_date(cell(self.actions, row, 2)) if cell(self.actions, row, 2) else None
            except DateFormatError:
                deadline = previous.deadline if previous else None
            action = ActionDraft(cell(self.actions, row, 0), cell(self.actions, row, 1), deadline, action_id)
            if previous is not None:
                action.status, action.result, action.closed_on = previous.status, previous.result, previous.closed_on
            result.append(action)
        return result

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QPushButton)):
                widget.setEnabled(not read_only)
        triggers = QAbstractItemView.EditTrigger
        edit = triggers.NoEditTriggers if read_only else triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        self.speeches.setEditTriggers(edit)
        self.actions.setEditTriggers(edit)
