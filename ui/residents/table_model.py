"""The roster table: column specs over ResidentRow, ids first from the service."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from app.residents import service
from app.residents.queries import ResidentQuery
from ui.widgets.lazy_table import CENTER, ColumnSpec, LazyTableModel

INACTIVE_COLOR = QColor("#8a8f98")
DEFAULT_SORT = "name"


translate = QCoreApplication.translate


def birth_text(row) -> str:
    if row.birth_date is None:
        return ""
    if row.age is None:
        return row.birth_date.isoformat()
    return translate("ResidentsTable", "{date} (age {age})").format(date=row.birth_date.isoformat(), age=row.age)


def status_text(row) -> str:
    if row.removed:
        return translate("ResidentsTable", "Removed")
    if row.status == "moved_out":
        return translate("ResidentsTable", "Moved out {date}").format(date=row.left_on.isoformat() if row.left_on else "")
    if row.status == "deceased":
        return translate("ResidentsTable", "Deceased {date}").format(date=row.left_on.isoformat() if row.left_on else "")
    return ""


def columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("name", translate("ResidentsTable", "Name"), "name", width=96, tooltip=lambda r: status_text(r) or r.name),
        ColumnSpec("sex", translate("ResidentsTable", "Sex"), "sex", CENTER, width=52),
        ColumnSpec("birth_date", translate("ResidentsTable", "Birth date / age"), "birth_date", width=150, text=birth_text),
        ColumnSpec("id_masked", translate("ResidentsTable", "ID number"), "id_number", width=176),
        ColumnSpec("phones_masked", translate("ResidentsTable", "Phone"), "phones", width=150, tooltip=lambda r: r.phones_masked),
        ColumnSpec("address", translate("ResidentsTable", "Address"), "address", width=190, tooltip=lambda r: r.address),
        ColumnSpec("residence_status", translate("ResidentsTable", "Residence status"), "residence_status", width=112),
        ColumnSpec("political_status", translate("ResidentsTable", "Political status"), "political_status", width=108),
        ColumnSpec("tags", translate("ResidentsTable", "Tags"), None, width=160, text=lambda r: "、".join(r.tags),
                   tooltip=lambda r: "、".join(r.tags)),
    ]


def row_role(row, role: int):
    """People no longer on the active roster are grey; removed ones also italic."""
    inactive = row.removed or row.status != "active"
    if role == Qt.ItemDataRole.ForegroundRole and inactive:
        return INACTIVE_COLOR
    if role == Qt.ItemDataRole.FontRole and row.removed:
        font = QFont()
        font.setItalic(True)
        return font
    return None


class ResidentTableModel(LazyTableModel):
    """``query()`` gives the filters of the moment; the database sorts and filters."""

    def __init__(self, database, query: Callable[[], ResidentQuery], parent=None):
        self.database = database
        self._query = query
        super().__init__(columns(), self._fetch_ids, self._load_rows, parent, row_role=row_role)
        self.sort_column = 0

    def current_query(self) -> ResidentQuery:
        """The filters with the table's sort: what is on screen (for export too)."""
        return replace(self._query(), sort_key=self.sort_key or DEFAULT_SORT, descending=self.descending)

    def _fetch_ids(self, _sort_key, _descending) -> list[int]:
        return service.query_ids(self.database, self.current_query())

    def _load_rows(self, ids: list[int]):
        return service.load_rows(self.database, ids)
