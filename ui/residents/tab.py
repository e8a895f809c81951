"""居民花名册: the roster, searched as you type, with the record open beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from app.errors import UserError
from app.residents import service
from ui.residents.dialogs import Ask
from ui.residents.filters import FilterBar
from ui.residents.form import ResidentForm
from ui.residents.table_model import ResidentTableModel
from ui.residents.transfer import Transfers
from ui.widgets.lazy_table import ID_ROLE
from ui.widgets.ledger_tab import LedgerTab, TabSpec

ROW_HEIGHT = 26
FORM_WIDTH = 480
translate = QCoreApplication.translate


class ResidentsTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        self.loaded = False
        self.filters = FilterBar()
        self.model = ResidentTableModel(database, self.filters.query, self)
        self.table = self._make_table()
        self.form = ResidentForm(database)
        self.form.hide()
        self._make_actions()
        self.transfers = Transfers(self)
        self._build_layout()
        self._connect()

    # --- building ----------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setHighlightSections(False)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.horizontalHeader().setStretchLastSection(True)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 100,000 rows
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        for column, spec in enumerate(self.model.columns):
            table.setColumnWidth(column, spec.width)
        return table

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action(translate("ResidentsTab", "New"), self.new_resident, QKeySequence.StandardKey.New)
        self.open_action = self._action(translate("ResidentsTab", "Open"), self.open_current)
        self.save_action = self._action(translate("ResidentsTab", "Save"), self.save, QKeySequence.StandardKey.Save)
        self.cancel_action = QAction(translate("ResidentsTab", "Cancel"), self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.triggered.connect(self.close_form)
        self.form.addAction(self.cancel_action)  # Esc only inside the form
        self.move_out_action = self._action(translate("ResidentsTab", "Moved out / deceased…"), self.move_out)
        self.remove_action = self._action(translate("ResidentsTab", "Remove…"), self.remove)
        self.restore_action = self._action(translate("ResidentsTab", "Restore"), self.restore)
        self.form.add_actions([self.move_out_action, self.remove_action, self.restore_action])

    def _build_layout(self) -> None:
        self.new_button = QPushButton(translate("ResidentsTab", "New resident"))
        self.new_button.setToolTip(self.new_action.toolTip())
        self.new_button.clicked.connect(self.new_action.trigger)
        self.filters.top_row.addWidget(self.new_button)
        self.transfer_button = QPushButton(translate("ResidentsTab", "Import / export"))
        menu = QMenu(self.transfer_button)
        menu.addActions(self.transfers.actions())
        self.transfer_button.setMenu(menu)
        self.filters.top_row.addWidget(self.transfer_button)
        self.filters.search.install_shortcut(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.filters.search, self.table)

    def _connect(self) -> None:
        self.filters.changed.connect(self.requery)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.form.saved.connect(self._on_saved)
        self.form.open_requested.connect(self.open_resident)
        self.form.close_requested.connect(self.close_form)

    # --- LedgerTab ---------------------------------------------------------------------------
    def activated(self) -> None:
        if self.loaded:
            self.model.reload()
        else:
            self.loaded = True
            self.requery()
            self.table.setFocus()
        self._update_actions()
        QTimer.singleShot(0, self.refresh_choices)  # after the first rows are on screen

    def refresh_choices(self) -> None:
        """Buildings, compounds and tags for the filters and the form."""
        buildings = service.buildings(self.database)
        tags = service.tags(self.database)
        self.filters.set_buildings(buildings)
        self.filters.set_tags(tags)
        self.form.fields.set_tag_choices(tags)
        self.form.fields.set_compounds(sorted({b.compound for b in buildings if b.compound}))

    def open_payload(self, payload) -> None:
        """``{"resident_id": 7}`` from another tab: show that person."""
        resident_id = payload.get("resident_id") if isinstance(payload, dict) else payload
        if resident_id is not None:
            self.open_resident(int(resident_id))

    def export_actions(self) -> list:
        return self.transfers.actions()

    # --- the table ---------------------------------------------------------------------------
    def requery(self) -> None:
        self.model.requery()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_actions()

    def _keep_sort_indicator(self, column: int, _order) -> None:
        """A column the database cannot sort (标签) keeps the indicator where the sort really is."""
        if self.model.columns[column].sort_key is None and self.model.sort_column >= 0:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    def _update_count(self, *_args) -> None:
        self.filters.set_count(self.model.rowCount())

    def current_id(self) -> int | None:
        """The person the record actions apply to: the open record, else the selected row."""
        if self.form.isVisible() and not self.form.is_new:
            return self.form.resident_id
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, resident_id: int) -> None:
        index = self.model.index_of_id(resident_id)
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def _on_current_changed(self, current, _previous) -> None:
        """An open, unchanged record follows the selection (arrow keys through the results)."""
        resident_id = current.data(ID_ROLE) if current.isValid() else None
        if self.form.isVisible() and resident_id is not None and resident_id != self.form.resident_id \
                and not self.form.is_new and not self.form.is_dirty():
            self.form.show_resident(resident_id)
        self._update_actions()

    def _update_actions(self) -> None:
        """迁出/死亡 and 移除 for people on the roster, 恢复 for removed ones, nothing for a new form."""
        index = self.table.currentIndex()
        row = self.model.row_at(index) if index.isValid() else None
        removed = active = None
        if self.form.isVisible() and self.form.detail is not None:
            removed, active = self.form.detail.removed_at is not None, self.form.detail.status == "active"
        elif row is not None and not (self.form.isVisible() and self.form.is_new):
            removed, active = row.removed, row.status == "active"
        self.open_action.setEnabled(row is not None)
        self.move_out_action.setEnabled(bool(active) and not removed)
        self.remove_action.setEnabled(removed is False)
        self.restore_action.setEnabled(bool(removed))
        self.restore_action.setVisible(bool(removed))
        self.remove_action.setVisible(not removed)

    # --- the form ----------------------------------------------------------------------------
    def _show_form(self) -> None:
        if not self.form.isVisible():
            self.form.show()
            total = self.splitter.width()
            self.splitter.setSizes([max(total - FORM_WIDTH, 300), FORM_WIDTH])

    def _may_leave_form(self) -> bool:
        return not (self.form.isVisible() and self.form.is_dirty()) or Ask.discard_changes(self)

    def new_resident(self) -> None:
        if not self._may_leave_form():
            return
        self._show_form()
        self.form.start_new()
        self._update_actions()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_resident(index.data(ID_ROLE), focus=True)

    def open_resident(self, resident_id: int, focus: bool = True) -> None:
        if resident_id != self.form.resident_id and not self._may_leave_form():
            return
        if not self.form.show_resident(resident_id):
            return
        self._show_form()
        self.select_id(resident_id)
        if focus:
            self.form.focus_first()
        self._update_actions()

    def save(self) -> None:
        if self.form.isVisible():
            self.form.save()

    def close_form(self) -> None:
        if not self._may_leave_form():
            return
        self.form.hide()
        self.table.setFocus()
        self._update_actions()

    def _on_saved(self, resident_id: int, _created: bool) -> None:
        self._after_write(resident_id)
        if self.form.last_saved_keys & {"address", "compound"}:
            self.refresh_choices()  # a new building may have appeared

    def after_import(self) -> None:
        """Many new rows: counts, choices and the table (selection kept where it can be)."""
        self.counts_changed.emit()
        self.refresh_choices()
        self.model.reload()
        self._update_actions()

    def _after_write(self, resident_id: int | None) -> None:
        self.counts_changed.emit()
        self.model.reload()
        if resident_id is not None:
            self.select_id(resident_id)
            if self.form.isVisible() and self.form.resident_id == resident_id and not self.form.is_dirty():
                self.form.show_resident(resident_id)
        self._update_actions()

    # --- record actions ----------------------------------------------------------------------
    def _name_of(self, resident_id: int) -> str:
        rows = service.load_rows(self.database, [resident_id])
        return rows[0].name if rows else str(resident_id)

    def move_out(self) -> None:
        resident_id = self.current_id()
        if resident_id is None:
            return

        def submit(deceased: bool, on: str, reason: str) -> None:
            service.move_out(self.database, resident_id, on, reason, deceased=deceased)

        if Ask.move_out(self, self._name_of(resident_id), submit):
            self._after_write(resident_id)

    def remove(self) -> None:
        resident_id = self.current_id()
        if resident_id is None or not Ask.confirm_remove(self, self._name_of(resident_id)):
            return
        service.remove(self.database, resident_id)
        self._after_write(resident_id)

    def restore(self) -> None:
        resident_id = self.current_id()
        if resident_id is None:
            return
        try:
            service.restore(self.database, resident_id)
        except UserError as error:
            Ask.inform(self, translate("ResidentsTab", "Cannot restore"), error.message)
            return
        self._after_write(resident_id)


TAB = TabSpec(
    key="residents",
    title=lambda: QCoreApplication.translate("Tabs", "Residents"),
    create=ResidentsTab,
    order=10,
)
