"""Small table models over plain rows (a few hundred meetings, open action items): all in memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

OVERDUE_TEXT = QColor("#b71c1c")
FINAL_TEXT = QColor("#37474f")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    width: int = 100


class RowsModel(QAbstractTableModel):
    """Rows (frozen dataclasses with an ``id``) in the order the service gave them."""

    def __init__(self, columns: list[Column], parent=None, foreground: Callable[[Any], QColor | None] | None = None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list = []
        self._foreground = foreground

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[index.column()].text(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            color = self._foreground(row)
            return QBrush(color) if color is not None else None
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of_id(self, row_id: int) -> int:
        return next((n for n, row in enumerate(self.rows) if row.id == row_id), -1)


def _date(value) -> str:
    return value.isoformat() if value else ""


def meeting_columns() -> list[Column]:
    return [
        Column(translate("MeetingTables", "Date"), lambda r: _date(r.held_on), 92),
        Column(translate("MeetingTables", "Kind"), lambda r: r.kind, 96),
        Column(translate("MeetingTables", "Meeting"), lambda r: r.title + (f"（{r.session_label}）" if r.session_label else ""), 300),
        Column(translate("MeetingTables", "Place"), lambda r: r.place, 180),
        Column(translate("MeetingTables", "Chair"), lambda r: r.chair, 70),
        Column(translate("MeetingTables", "Due / present"), lambda r: f"{r.due} / {r.present}", 90),
        Column(translate("MeetingTables", "Agenda items"), lambda r: str(r.agenda_count), 70),
        Column(translate("MeetingTables", "Open actions"), lambda r: str(r.open_actions) if r.open_actions else "", 80),
        Column(translate("MeetingTables", "State"), lambda r: translate("MeetingTables", "Finalised") if r.finalized else translate("MeetingTables", "Draft"), 60),
        Column(translate("MeetingTables", "Number"), lambda r: r.number, 120),
    ]


def action_status(row) -> str:
    if row.status == "done":
        return translate("MeetingTables", "Done {date}: {result}").format(date=_date(row.closed_on), result=row.result)
    return translate("MeetingTables", "Open, overdue") if row.overdue else translate("MeetingTables", "Open")


def action_columns() -> list[Column]:
    return [
        Column(translate("MeetingTables", "Decided at"), lambda r: f"{_date(r.held_on)} {r.meeting_kind}", 150),
        Column(translate("MeetingTables", "Agenda item"), lambda r: r.agenda_title, 200),
        Column(translate("MeetingTables", "Action item"), lambda r: r.description, 260),
        Column(translate("MeetingTables", "Responsible"), lambda r: r.responsible, 80),
        Column(translate("MeetingTables", "Deadline"), lambda r: _date(r.deadline), 90),
        Column(translate("MeetingTables", "State"), action_status, 200),
    ]


def meeting_foreground(row) -> QColor | None:
    return FINAL_TEXT if row.finalized else None


def action_foreground(row) -> QColor | None:
    return OVERDUE_TEXT if row.overdue else None
