"""Table models of the repair tab: the job ledger (ids first, lazy) and small whole lists.

Jobs may grow to tens of thousands over the years, so their table loads ids first and rows in
blocks (LazyTableModel). Volunteers and safety checks are small lists: a plain model holding the
rows, sorted by a QSortFilterProxyModel through SORT_ROLE.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from app.repairs.rules import format_hours
from app.repairs.search import JobQuery
from app.repairs.service import load_job_rows, query_job_ids
from ui.widgets.lazy_table import CENTER, ID_ROLE, RIGHT, ROW_ROLE, ColumnSpec, LazyTableModel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
MUTED = QColor("#8a8f98")
WARN = QColor("#b45309")
OPEN_COLOR = QColor("#1d4ed8")


def _day(value) -> str:
    return value.isoformat() if value else ""


def _moment(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _yes_no(value: bool) -> str:
    return translate("RepairsTable", "Yes") if value else translate("RepairsTable", "No")


def job_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("number", translate("RepairsTable", "Job number"), "number", width=130),
        ColumnSpec("job_date", translate("RepairsTable", "Date"), "job_date", CENTER, width=90,
                   text=lambda r: _day(r.job_date)),
        ColumnSpec("name", translate("RepairsTable", "Resident"), "name", width=80),
        ColumnSpec("address", translate("RepairsTable", "Address"), "address", width=170, tooltip=lambda r: r.address),
        ColumnSpec("item", translate("RepairsTable", "Item"), "item", width=80),
        ColumnSpec("category", translate("RepairsTable", "Category"), "category", CENTER, width=56),
        ColumnSpec("fault", translate("RepairsTable", "Fault"), None, width=140, tooltip=lambda r: r.fault),
        ColumnSpec("volunteers", translate("RepairsTable", "Volunteers"), None, width=140,
                   text=lambda r: r.volunteer_text, tooltip=lambda r: r.volunteer_text),
        ColumnSpec("status", translate("RepairsTable", "Status"), "status", CENTER, width=56),
        ColumnSpec("outcome", translate("RepairsTable", "Outcome"), "outcome", CENTER, width=66),
        ColumnSpec("satisfaction", translate("RepairsTable", "Satisfaction"), "satisfaction", CENTER, width=70),
    ]


def job_row_role(row, role: int):
    if role == Qt.ItemDataRole.ForegroundRole:
        if row.removed:
            return MUTED
        if row.outcome == "需再约":
            return WARN
        if not row.outcome:
            return OPEN_COLOR
    return None


class JobTableModel(LazyTableModel):
    """The ledger: the database filters and sorts, rows arrive in blocks."""

    def __init__(self, database, query: Callable[[], JobQuery], parent=None):
        super().__init__(job_columns(), self._fetch, lambda ids: load_job_rows(database, ids), parent,
                         row_role=job_row_role)
        self.database = database
        self.query = query
        self.sort_column, self.sort_order = 1, Qt.SortOrder.DescendingOrder

    def _fetch(self, sort_key: str | None, descending: bool) -> list[int]:
        q = self.query()
        q = JobQuery(**{**q.__dict__, "sort_key": sort_key or "job_date", "descending": descending})
        return query_job_ids(self.database, q)


class RowsModel(QAbstractTableModel):
    """A small list of frozen rows shown by column specs; ``SORT_ROLE`` gives the raw value."""

    def __init__(self, columns: Sequence[ColumnSpec], parent=None, sort_value: Callable[[Any, str], Any] | None = None,
                 row_role: Callable[[Any, int], Any] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._sort_value = sort_value
        self._row_role = row_role

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.columns):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return LazyTableModel._text(column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            value = self._sort_value(row, column.key) if self._sort_value else getattr(row, column.key, None)
            return value if isinstance(value, (int, float, str)) else LazyTableModel._text(column, row)
        return self._row_role(row, role) if self._row_role is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None


def sorted_proxy(model: RowsModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def volunteer_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("number", translate("RepairsTable", "Volunteer number"), "number", width=90),
        ColumnSpec("name", translate("RepairsTable", "Name"), "name", width=80),
        ColumnSpec("skills", translate("RepairsTable", "Skills"), "skills", width=130, text=lambda r: "、".join(r.skills)),
        ColumnSpec("phone_masked", translate("RepairsTable", "Phone"), "phone_masked", width=110),
        ColumnSpec("active", translate("RepairsTable", "Active"), "active", CENTER, width=50, text=lambda r: _yes_no(r.active)),
        ColumnSpec("jobs", translate("RepairsTable", "Repairs"), "jobs", RIGHT, width=60),
        ColumnSpec("checks", translate("RepairsTable", "Checks"), "checks", RIGHT, width=60),
        ColumnSpec("minutes", translate("RepairsTable", "Hours"), "minutes", RIGHT, width=70,
                   text=lambda r: format_hours(r.minutes)),
        ColumnSpec("notes", translate("RepairsTable", "Notes"), None, width=160, tooltip=lambda r: r.notes),
    ]


def volunteer_row_role(row, role: int):
    if role == Qt.ItemDataRole.ForegroundRole and not row.active:
        return MUTED
    return None


def _check_volunteers(row) -> str:
    return "、".join(f"{name}({format_hours(minutes)})" for _i, name, minutes in row.volunteers)


def check_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("number", translate("RepairsTable", "Check number"), "number", width=130),
        ColumnSpec("check_date", translate("RepairsTable", "Date"), "check_date", CENTER, width=90,
                   text=lambda r: _day(r.check_date)),
        ColumnSpec("name", translate("RepairsTable", "Resident"), "name", width=80),
        ColumnSpec("address", translate("RepairsTable", "Address"), "address", width=190, tooltip=lambda r: r.address),
        ColumnSpec("volunteers", translate("RepairsTable", "Volunteers"), None, width=140, text=_check_volunteers),
        ColumnSpec("findings", translate("RepairsTable", "Findings"), "findings", RIGHT, width=90,
                   text=lambda r: str(len(r.findings))),
        ColumnSpec("worst", translate("RepairsTable", "Most serious"), "worst", CENTER, width=80),
        ColumnSpec("open_findings", translate("RepairsTable", "Not put right"), "open_findings", RIGHT, width=80),
    ]


def check_sort_value(row, key: str):
    return len(row.findings) if key == "findings" else getattr(row, key, None)


def check_row_role(row, role: int):
    if role == Qt.ItemDataRole.ForegroundRole and row.worst == "重大" and row.open_findings:
        return QColor("#c62828")
    return None


def _rectified(row) -> str:
    if not row.rectified:
        return translate("RepairsTable", "No")
    return _day(row.rectified_on) or translate("RepairsTable", "Yes")


def finding_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("category", translate("RepairsTable", "Category"), "category", CENTER, width=70),
        ColumnSpec("severity", translate("RepairsTable", "Severity"), "severity", CENTER, width=60),
        ColumnSpec("description", translate("RepairsTable", "Finding"), None, width=220, tooltip=lambda r: r.description),
        ColumnSpec("rectified", translate("RepairsTable", "Put right"), None, CENTER, width=90, text=_rectified),
        ColumnSpec("follow_up", translate("RepairsTable", "Follow-up"), None, width=180, tooltip=lambda r: r.follow_up),
        ColumnSpec("request_number", translate("RepairsTable", "Request"), None, width=130),
    ]


def moment_text(value) -> str:
    return _moment(value)
