"""出席情况: who was due, who came, who was absent and why, who sat in without a vote (列席).

Residents are picked from the roster by typing (each pick is added at once, so thirty party members
go in quickly); a guest not on the roster is typed and added as a name. Reasons and notes are
edited in the table; 应到 / 实到 are counted as the list changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.meetings.rows import AttendeeDraft
from ui.widgets.resident_picker import ResidentPicker

ROLES = ("present", "absent", "observer")
NAME, ROLE, REASON, NOTE, SOURCE = range(5)


class AttendanceEditor(QWidget):
    changed = Signal()

    def __init__(self, database, parent=None, search=None):
        super().__init__(parent)
        self._people: list[AttendeeDraft] = []
        self.picker = ResidentPicker(database, allow_anonymous=False, search=search)
        self.role = QComboBox()
        for key in ROLES:
            self.role.addItem(self.role_label(key), key)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason if absent"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Role or organisation, e.g. 3号楼楼长"))
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.counts = QLabel()
        self.table = self._make_table()
        self._layout()
        self.picker.resident_picked.connect(lambda rid, row: self.add_person(row.name if row else self.picker.text(), rid))
        self.picker.unlisted_chosen.connect(lambda name: self.add_person(name, None))
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(lambda _item: self._update_counts())

    def role_label(self, key: str) -> str:
        return {"present": self.tr("Present"), "absent": self.tr("Absent"), "observer": self.tr("Non-voting (列席)")}[key]

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Attendance"), self.tr("Reason absent"),
                                         self.tr("Role / organisation"), self.tr("Entered as")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NAME, 110), (ROLE, 110), (NOTE, 180), (SOURCE, 70)):
            table.setColumnWidth(column, width)
        return table

    def _layout(self) -> None:
        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("Add person:")))
        entry.addWidget(self.picker, 2)
        entry.addWidget(self.role)
        entry.addWidget(self.reason, 1)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- rows -------------------------------------------------------------------------------
    def add_typed(self) -> None:
        if self.picker.mode == "resident" and self.picker.resident_id is not None:
            self.add_person(self.picker.text(), self.picker.resident_id)
        elif self.picker.text().strip():
            self.add_person(self.picker.text().strip(), None)

    def add_person(self, name: str, resident_id: int | None) -> None:
        if resident_id is not None:
            existing = next((n for n, p in enumerate(self.attendees()) if p.resident_id == resident_id), None)
            if existing is not None:
                self.table.selectRow(existing)
                self.picker.clear_choice()
                return
        self._append(AttendeeDraft(name=name.strip(), role=self.role.currentData(), resident_id=resident_id,
                                   reason=self.reason.text().strip(), note=self.note.text().strip()))
        self.picker.clear_choice()
        self.reason.clear()
        self.note.clear()
        self.picker.setFocus()
        self._changed()

    def _append(self, person: AttendeeDraft) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._people.append(person)
        name = QTableWidgetItem(person.name)
        if person.resident_id is not None:
            name.setToolTip(self.tr("From the roster"))
        self.table.setItem(row, NAME, name)
        combo = QComboBox()
        for key in ROLES:
            combo.addItem(self.role_label(key), key)
        combo.setCurrentIndex(ROLES.index(person.role) if person.role in ROLES else 0)
        combo.currentIndexChanged.connect(self._changed)
        self.table.setCellWidget(row, ROLE, combo)
        self.table.setItem(row, REASON, QTableWidgetItem(person.reason))
        self.table.setItem(row, NOTE, QTableWidgetItem(person.note))
        source = QTableWidgetItem(self.tr("Roster") if person.resident_id is not None else self.tr("Typed"))
        source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, SOURCE, source)
        self.table.blockSignals(False)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self._people[row]
        if rows:
            self._changed()

    def set_attendees(self, people: list[AttendeeDraft]) -> None:
        self.table.setRowCount(0)
        self._people = []
        for person in people:
            self._append(AttendeeDraft(**vars(person)))
        self._update_counts()

    def attendees(self) -> list[AttendeeDraft]:
        result = []
        for row, person in enumerate(self._people):
            combo = self.table.cellWidget(row, ROLE)
            result.append(AttendeeDraft(
                name=self.table.item(row, NAME).text().strip(), role=combo.currentData() if combo else person.role,
                resident_id=person.resident_id, reason=self.table.item(row, REASON).text().strip(),
                note=self.table.item(row, NOTE).text().strip(), id=person.id))
        return result

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.picker, self.role, self.reason, self.note, self.add_button, self.remove_button):
            widget.setEnabled(not read_only)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.NoEditTriggers if read_only else triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, ROLE)
            if widget is not None:
                widget.setEnabled(not read_only)

    def counts_text(self) -> str:
        people = self.attendees()
        present = sum(p.role == "present" for p in people)
        absent = sum(p.role == "absent" for p in people)
        observers = sum(p.role == "observer" for p in people)
        return self.tr("Due {due} · present {present} · absent {absent} · non-voting {observers}").format(
            due=present + absent, present=present, absent=absent, observers=observers)

    def _update_counts(self) -> None:
        self.counts.setText(self.counts_text())

    def _changed(self, *_args) -> None:
        self._update_counts()
        self.changed.emit()
