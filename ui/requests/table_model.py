"""The request list: ids first from the service, rows loaded as they are shown; overdue rows in red."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from app.requests import service
from app.requests.search import RequestQuery
from ui.widgets.lazy_table import CENTER, ColumnSpec, LazyTableModel

OVERDUE_BACKGROUND = QColor("#fde2e2")
OVERDUE_TEXT = QColor("#b71c1c")
DONE_TEXT = QColor("#5f6368")
REMOVED_TEXT = QColor("#9e9e9e")
translate = QCoreApplication.translate


def overdue_marker() -> str:
    return translate("RequestTable", "Overdue")


def _short(text: str, size: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


def overdue_tooltip(row) -> str:
    if not row.overdue:
        return ""
    return translate("RequestTable", "{days} day(s) past the deadline").format(days=row.days_overdue)


def status_text(row) -> str:
    return f"{row.status}｜{overdue_marker()}" if row.overdue else row.status


def columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("number", translate("RequestTable", "Number"), "number", width=132),
        ColumnSpec("registered_at", translate("RequestTable", "Registered at"), "registered_at", width=118,
                   text=lambda r: r.registered_at.strftime("%Y-%m-%d %H:%M")),
        ColumnSpec("channel", translate("RequestTable", "Channel"), "channel", width=74),
        ColumnSpec("name", translate("RequestTable", "Requester"), "name", width=70, text=lambda r: r.requester),
        ColumnSpec("category", translate("RequestTable", "Category"), "category", width=66),
        ColumnSpec("status", translate("RequestTable", "Status"), "status", width=84, text=status_text, tooltip=overdue_tooltip),
        ColumnSpec("deadline", translate("RequestTable", "Deadline"), "deadline", width=88, tooltip=overdue_tooltip,
                   text=lambda r: r.deadline.isoformat() if r.deadline else ""),
        ColumnSpec("content", translate("RequestTable", "Content"), None, width=260, text=lambda r: _short(r.content),
                   tooltip=lambda r: r.content),
        ColumnSpec("assignee", translate("RequestTable", "Assigned to"), "assignee", width=130),
        ColumnSpec("follow_up", translate("RequestTable", "Follow-up visit"), "follow_up", width=70, align=CENTER),
    ]


def row_role(row, role: int):
    if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
        return QBrush(OVERDUE_BACKGROUND)
    if role == Qt.ItemDataRole.ForegroundRole:
        if row.removed:
            return QBrush(REMOVED_TEXT)
        if row.overdue:
            return QBrush(OVERDUE_TEXT)
        if row.archived:
            return QBrush(DONE_TEXT)
    return None


class RequestTableModel(LazyTableModel):
    """``query()`` gives the filters of the moment; the sort column is the model's."""

    def __init__(self, database, query: Callable[[], RequestQuery], parent=None):
        self.database = database
        self._query = query
        super().__init__(columns(), self._fetch_ids, self._load, parent, row_role=row_role)
        self.sort_column = 1
        self.sort_order = Qt.SortOrder.DescendingOrder

    def _fetch_ids(self, sort_key: str | None, descending: bool) -> list[int]:
        q = self._query()
        fields = dict(q.__dict__, sort_key=sort_key or "registered_at", descending=descending)
        return service.query_ids(self.database, RequestQuery(**fields))

    def _load(self, ids: list[int]):
        return service.load_rows(self.database, ids)
