"""A table model for 100,000 rows: ids first, rows loaded in blocks as the view shows them.

As in Anki's browser, the database filters and sorts and hands back the list of ids; the model keeps
that list and a small LRU cache of loaded rows. ``data()`` for a row not in the cache loads the whole
block of ``block_size`` ids around it with one ``load_rows`` call, never one query per cell.

``reload()`` re-runs the id query after a write and keeps the view's selection, current row and
scroll position (rows are moved with ``layoutChanged`` and persistent indexes follow their ids).
``requery()`` is for a new search: a plain reset.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # data(index, ID_ROLE) -> the row's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # data(index, ROW_ROLE) -> the loaded row object


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # attribute of the row object shown by default
    title: str  # already translated
    sort_key: str | None = None  # handed to fetch_ids; None: the column cannot be sorted
    align: Qt.AlignmentFlag = LEFT
    width: int = 100
    text: Callable[[Any], str] | None = None  # row -> shown text (default: str(getattr(row, key)))
    tooltip: Callable[[Any], str] | None = None


FetchIds = Callable[[str | None, bool], list[int]]
LoadRows = Callable[[list[int]], Sequence[Any]]
# Extra roles for a whole row, e.g. grey text for people who moved out: (row, role) -> value or None.
RowRole = Callable[[Any, int], Any]


class LazyTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[ColumnSpec], fetch_ids: FetchIds, load_rows: LoadRows,
                 parent=None, block_size: int = 200, cache_blocks: int = 16,
                 id_of: Callable[[Any], int] = lambda row: row.id, row_role: RowRole | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_ids = fetch_ids
        self._load_rows = load_rows
        self._id_of = id_of
        self._row_role = row_role
        self.block_size = max(1, block_size)
        self.cache_blocks = max(2, cache_blocks)
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._cache: OrderedDict[int, list[Any]] = OrderedDict()
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.loaded = False

    # --- the Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE) and self._row_role is None:
            return None
        row = self.row_at(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self._row_role(row, role) if self._row_role is not None else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The database sorts: fetch the ids again in the new order; the selection follows."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self.sort_column, self.sort_order = column, order
        if self.loaded:  # before the first requery() only remember it: nothing is read yet
            self.reload()

    @staticmethod
    def _text(column: ColumnSpec, row: Any) -> str:
        if column.text is not None:
            return column.text(row)
        value = getattr(row, column.key, None)
        return "" if value is None else str(value)

    # --- ids and rows -----------------------------------------------------------------------
    @property
    def sort_key(self) -> str | None:
        return self.columns[self.sort_column].sort_key if 0 <= self.sort_column < len(self.columns) else None

    @property
    def descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of_id(self, row_id: int) -> int:
        """Position of an id in the current list, or -1."""
        if self._positions is None:
            self._positions = {value: position for position, value in enumerate(self._ids)}
        return self._positions.get(row_id, -1)

    def index_of_id(self, row_id: int, column: int = 0) -> QModelIndex:
        position = self.row_of_id(row_id)
        return self.index(position, column) if position >= 0 else QModelIndex()

    def row_at(self, index: QModelIndex | int) -> Any:
        """The row object at a model index (or row number), loading its block if needed."""
        position = index.row() if isinstance(index, (QModelIndex, QPersistentModelIndex)) else index
        if not 0 <= position < len(self._ids):
            return None
        block_number = position // self.block_size
        block = self._cache.get(block_number)
        if block is None:
            block = self._load_block(block_number)
        else:
            self._cache.move_to_end(block_number)
        return block[position - block_number * self.block_size]

    def _load_block(self, block_number: int) -> list[Any]:
        start = block_number * self.block_size
        ids = self._ids[start:start + self.block_size]
        by_id = {self._id_of(row): row for row in self._load_rows(ids)}
        block = [by_id.get(row_id) for row_id in ids]  # None: removed since the ids were fetched
        self._cache[block_number] = block
        while len(self._cache) > self.cache_blocks:
            self._cache.popitem(last=False)
        return block

    @property
    def cached_blocks(self) -> list[int]:
        return list(self._cache)

    # --- refreshing -------------------------------------------------------------------------
    def requery(self) -> None:
        """A new search or filter: fetch the ids and reset (the view scrolls to the top)."""
        ids = list(self._fetch_ids(self.sort_key, self.descending))
        self.loaded = True
        self.beginResetModel()
        self._set_ids(ids)
        self.endResetModel()

    def reload(self) -> None:
        """After a write or a sort: fetch the ids again, keep selection and scroll by id."""
        self.loaded = True
        self._replace_ids(list(self._fetch_ids(self.sort_key, self.descending)))

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._positions = None
        self._cache.clear()

    def _replace_ids(self, new_ids: list[int]) -> None:
        old_count, new_count = len(self._ids), len(new_ids)
        if new_count > old_count:  # grow first, so that the layout change keeps the row count
            self.beginInsertRows(QModelIndex(), old_count, new_count - 1)
            self._set_ids(self._ids + new_ids[old_count:])
            self.endInsertRows()
        padded: list[Any] = new_ids + [None] * (len(self._ids) - new_count)
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._set_ids(padded)
        new_positions = {row_id: position for position, row_id in enumerate(new_ids)}
        self._move_persistent_indexes(old_ids, new_positions, new_count)
        self.layoutChanged.emit()
        if len(self._ids) > new_count:  # shrink last: the padding rows hold what was lost
            self.beginRemoveRows(QModelIndex(), new_count, len(self._ids) - 1)
            self._set_ids(new_ids)
            self.endRemoveRows()

    def _move_persistent_indexes(self, old_ids: list[Any], new_positions: dict[int, int], new_count: int) -> None:
        old_indexes = self.persistentIndexList()
        spare = iter(range(new_count, len(self._ids)))  # padding rows for ids that are gone
        gone: dict[int, int] = {}
        new_indexes = []
        for index in old_indexes:
            old_id = old_ids[index.row()] if 0 <= index.row() < len(old_ids) else None
            position = new_positions.get(old_id, -1) if old_id is not None else -1
            if position < 0:
                position = gone.setdefault(index.row(), next(spare, -1))
            new_indexes.append(self.index(position, index.column()) if position >= 0 else QModelIndex())
        self.changePersistentIndexList(old_indexes, new_indexes)
