"""LazyTableModel: ids first, rows loaded per visible block, the database sorts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from ui.widgets.lazy_table import ID_ROLE, ColumnSpec, LazyTableModel

N = 100_000


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    age: int


class FakeSource:
    """Stands in for a service: ids from a 'database', rows loaded by id, calls counted."""

    def __init__(self, count: int = N):
        self.people = {i: Row(i, f"居民{i:06d}", (i * 37) % 100) for i in range(1, count + 1)}
        self.fetch_calls: list[tuple] = []
        self.load_calls: list[list[int]] = []

    def fetch_ids(self, sort_key, descending):
        self.fetch_calls.append((sort_key, descending))
        key = {"age": lambda r: (r.age, r.id), "name": lambda r: r.name, None: lambda r: r.id}[sort_key]
        return [r.id for r in sorted(self.people.values(), key=key, reverse=descending)]

    def load_rows(self, ids):
        self.load_calls.append(list(ids))
        return [self.people[i] for i in ids if i in self.people]


COLUMNS = [
    ColumnSpec("name", "Name", sort_key="name", width=120),
    ColumnSpec("age", "Age", sort_key="age", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    ColumnSpec("id", "Number", sort_key=None, text=lambda row: f"No. {row.id}"),
]


@pytest.fixture
def source():
    return FakeSource()


@pytest.fixture
def model(source):
    model = LazyTableModel(COLUMNS, source.fetch_ids, source.load_rows)
    model.requery()
    return model


def make_view(qtbot, model):
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.resize(600, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint now: the view asks for what it shows
    return view


def test_passes_qtmodeltester(qtmodeltester):
    model = LazyTableModel(COLUMNS, FakeSource(700).fetch_ids, FakeSource(700).load_rows, block_size=50)
    model.requery()
    qtmodeltester.check(model)


def test_modeltester_survives_reload_and_sort(qtmodeltester):
    source = FakeSource(300)
    model = LazyTableModel(COLUMNS, source.fetch_ids, source.load_rows, block_size=40)
    model.requery()
    qtmodeltester.check(model)
    del source.people[5]
    for i in range(301, 320):
        source.people[i] = Row(i, f"新{i}", 1)
    model.reload()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    for i in range(1, 100):
        source.people.pop(i, None)
    model.reload()
    assert model.rowCount() == len(source.people)


def test_only_visible_blocks_are_loaded(qtbot, source, model):
    view = make_view(qtbot, model)
    assert model.rowCount() == N
    assert len(source.fetch_calls) == 1
    assert 1 <= len(source.load_calls) <= 2, "one block for the first screen"
    assert sum(len(c) for c in source.load_calls) <= 400
    assert model.index(0, 0).data() == "居民000001"

    view.scrollTo(model.index(50_000, 0), QTableView.ScrollHint.PositionAtTop)
    view.grab()
    assert model.index(50_000, 0).data() == "居民050001"
    assert len(source.load_calls) <= 4
    assert sum(len(c) for c in source.load_calls) <= 800, "never the whole table"


def test_one_query_per_block_not_per_cell(source, model):
    for row in range(0, 200):
        for column in range(3):
            model.index(row, column).data()
    assert len(source.load_calls) == 1
    assert model.index(199, 2).data() == "No. 200"
    model.index(200, 0).data()
    assert len(source.load_calls) == 2


def test_cache_is_bounded(source):
    model = LazyTableModel(COLUMNS, source.fetch_ids, source.load_rows, cache_blocks=3)
    model.requery()
    for row in range(0, 2000, 200):
        model.index(row, 0).data()
    assert len(model.cached_blocks) == 3
    assert model.cached_blocks == [7, 8, 9]


def test_header_click_sorts_in_the_source(qtbot, source, model):
    view = make_view(qtbot, model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert source.fetch_calls[-1] == ("age", True)
    assert model.index(0, 1).data() == "99"
    model.sort(2)  # no sort key: nothing happens
    assert source.fetch_calls[-1] == ("age", True)


def test_reload_keeps_selection_and_scroll(qtbot, source, model):
    view = make_view(qtbot, model)
    target = model.index(30_000, 0)
    view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(target, QTableView.ScrollHint.PositionAtCenter)
    scroll = view.verticalScrollBar().value()
    selected_id = view.currentIndex().data(ID_ROLE)

    del source.people[10]  # a row above the selection disappears, two appear at the end
    source.people[N + 1] = Row(N + 1, "新", 1)
    source.people[N + 2] = Row(N + 2, "新", 2)
    model.reload()

    assert model.rowCount() == N + 1
    assert view.currentIndex().data(ID_ROLE) == selected_id
    assert view.currentIndex().row() == 30_000 - 1
    assert [i.row() for i in view.selectionModel().selectedRows()] == [30_000 - 1]
    assert abs(view.verticalScrollBar().value() - scroll) <= 1


def test_selected_row_that_disappears_is_deselected(qtbot, source, model):
    view = make_view(qtbot, model)
    view.selectRow(3)
    gone = view.currentIndex().data(ID_ROLE)
    del source.people[gone]
    model.reload()
    assert not view.selectionModel().selectedRows()
    assert model.row_of_id(gone) == -1


def test_sort_keeps_selection_by_id(qtbot, source, model):
    view = make_view(qtbot, model)
    view.selectRow(5)
    chosen = view.currentIndex().data(ID_ROLE)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert view.currentIndex().data(ID_ROLE) == chosen
    assert view.selectionModel().selectedRows()[0].data(ID_ROLE) == chosen


def test_row_at_and_missing_rows(source, model):
    assert model.row_at(model.index(0, 0)).name == "居民000001"
    assert model.row_at(10) == source.people[11]
    assert model.row_at(N + 5) is None
    del source.people[502]  # deleted after the ids were fetched: the cell is just empty
    assert model.index(501, 0).data() is None
    assert model.index(502, 0).data() == "居民000503"
    assert model.index_of_id(3).row() == 2


def test_sort_before_the_first_load_reads_nothing(source):
    model = LazyTableModel(COLUMNS, source.fetch_ids, source.load_rows)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.fetch_calls == []
    model.requery()
    assert source.fetch_calls == [("age", True)]
