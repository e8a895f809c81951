"""来访登记: the counter's intake form beside the request list, with the chosen request below it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.requests import service
from app.requests.export import export_requests
from app.requests.importer import import_requests, write_report
from app.requests.rules import CHANNELS, categories
from app.requests.search import RequestQuery
from app.requests.workflow import OPEN_STATUSES, STATUSES
from app.residents import service as residents
from ui.requests.categories_dialog import CategoriesDialog
from ui.requests.detail import RequestDetailPanel
from ui.requests.intake_form import IntakeForm
from ui.requests.stats_dialog import StatsDialog
from ui.requests.table_model import RequestTableModel
from ui.widgets.date_edit import DateEdit
from ui.widgets.jobs import job_succeeded, run_job
from ui.widgets.lazy_table import ID_ROLE
from ui.widgets.ledger_tab import LedgerTab, TabSpec
from ui.widgets.search_box import SearchBox

ROW_HEIGHT = 26
FORM_WIDTH = 360


class RequestsTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        self.loaded = False
        self.form = IntakeForm(database)
        self.detail = RequestDetailPanel(database)
        self._build_filters()
        self.model = RequestTableModel(database, self.query, self)
        self.table = self._make_table()
        self._build_layout()
        self._make_actions()
        self._connect()

    # --- building ----------------------------------------------------------------------------
    def _combo(self, everything: str, items) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self.requery)
        return combo

    def _build_filters(self) -> None:
        self.search = SearchBox(placeholder=self.tr("Search number, name, phone, address, content…"))
        self.status = self._combo(self.tr("All statuses"), [(self.tr("Not finished"), OPEN_STATUSES)] + [(s, s) for s in STATUSES])
        self.category = self._combo(self.tr("All categories"), [(c.name, c.name) for c in categories(self.database)])
        self.channel = self._combo(self.tr("All channels"), [(c, c) for c in CHANNELS])
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.date_changed.connect(self.requery)
        self.date_from.line.setPlaceholderText(self.tr("From"))
        self.date_to.line.setPlaceholderText(self.tr("To"))
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.toggled.connect(self.requery)
        self.stats_button = QPushButton(self.tr("Monthly statistics…"))
        self.stats_button.clicked.connect(self.show_stats)
        self.categories_button = QPushButton(self.tr("Categories…"))
        self.categories_button.setToolTip(self.tr("Request categories and the days each one allows"))
        self.categories_button.clicked.connect(self.edit_categories)
        self.counts = QLabel()

    def query(self) -> RequestQuery:
        return RequestQuery(
            text=self.search.search_text(), status=self.status.currentData(), category=self.category.currentData(),
            channel=self.channel.currentData(), date_from=self.date_from.value(), date_to=self.date_to.value(),
            overdue_only=self.overdue_only.isChecked(),
        )

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        for column, spec in enumerate(self.model.columns):
            table.setColumnWidth(column, spec.width)
        return table

    def _build_layout(self) -> None:
        intake = QGroupBox(self.tr("Register a request"))
        intake_layout = QVBoxLayout(intake)
        intake_layout.setContentsMargins(4, 4, 4, 4)
        intake_layout.addWidget(self.form)
        intake.setMinimumWidth(340)
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 1)
        row1.addWidget(self.overdue_only)
        row1.addWidget(self.stats_button)
        row1.addWidget(self.categories_button)
        row2 = QHBoxLayout()
        for widget in (self.status, self.category, self.channel, QLabel(self.tr("Registered from")), self.date_from,
                       QLabel("—"), self.date_to):
            row2.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        row2.addStretch(1)
        row2.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignTop)
        list_part = QWidget()
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(row1)
        list_layout.addLayout(row2)
        list_layout.addWidget(self.table, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(list_part)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([400, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(intake)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([FORM_WIDTH, 920])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def _make_actions(self) -> None:
        self.export_action = QAction(self.tr("Export requests to Excel…"), self)
        self.export_action.triggered.connect(self.export_excel)
        self.import_action = QAction(self.tr("Import requests from Excel…"), self)
        self.import_action.triggered.connect(self.import_excel)

    def _connect(self) -> None:
        self.search.search_changed.connect(lambda _text: self.requery())
        self.search.install_shortcut(self)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_row(current.row()))
        self.form.saved.connect(self._on_saved)
        self.detail.changed.connect(self._on_changed)
        self.detail.navigate_requested.connect(self.navigate)

    # --- LedgerTab ---------------------------------------------------------------------------
    def activated(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.form.refresh_lists()
            self.requery()
        else:
            self.reload()
        self.form.focus_first()

    def open_payload(self, payload) -> None:
        payload = payload or {}
        if payload.get("overdue"):
            self.overdue_only.setChecked(True)
        elif payload.get("request_id"):
            self.show_request(int(payload["request_id"]))
        elif payload.get("resident_id"):
            rows = residents.load_rows(self.database, [int(payload["resident_id"])])
            if rows:
                self.form.prefill_resident(rows[0].id, rows[0])
                self.form.content.setFocus()

    def export_actions(self) -> list:
        return [self.export_action, self.import_action]

    # --- the list ----------------------------------------------------------------------------
    def requery(self, *_args) -> None:
        if not self.loaded:
            return
        self.model.requery()
        self._update_counts()
        self.show_row(-1)

    def reload(self) -> None:
        self.model.reload()
        self._update_counts()
        current = self.table.currentIndex()
        self.show_row(current.row() if current.isValid() else -1)

    def _update_counts(self) -> None:
        overdue = service.count_overdue(self.database)
        self.counts.setText(self.tr("{shown} shown · {overdue} overdue").format(shown=self.model.rowCount(), overdue=overdue))

    def show_row(self, row: int) -> None:
        request_id = self.model.id_at(row) if row >= 0 else None
        if request_id is None:
            self.detail.show_detail(None)
            return
        try:
            self.detail.show_detail(service.detail(self.database, request_id))
        except UserError:
            self.detail.show_detail(None)

    def select_id(self, request_id: int) -> bool:
        index = self.model.index_of_id(request_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def show_request(self, request_id: int) -> None:
        """Show one request (from another tab): filters cleared so that it is in the list."""
        if not self.loaded:
            self.activated()
        for combo in (self.status, self.category, self.channel):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.search.flush()
        self.overdue_only.setChecked(False)
        self.model.requery()
        self._update_counts()
        if not self.select_id(request_id):
            self.detail.show_detail(service.detail(self.database, request_id))

    def _on_saved(self, row) -> None:
        self.reload()
        self.select_id(row.id)
        self.counts_changed.emit()
        self.form.refresh_lists()
        self.form.focus_first()

    def _on_changed(self, request_id: int) -> None:
        self.reload()
        self.show_row(self.model.row_of_id(request_id))
        self.counts_changed.emit()

    def show_stats(self) -> None:
        StatsDialog(self.database, self).exec()

    def edit_categories(self) -> None:
        if CategoriesDialog(self.database, self).exec():
            self.form.refresh_lists()
            current = self.category.currentData()
            self.category.blockSignals(True)
            self.category.clear()
            self.category.addItem(self.tr("All categories"), None)
            for item in categories(self.database):
                self.category.addItem(item.name, item.name)
            self.category.setCurrentIndex(max(0, self.category.findData(current)))
            self.category.blockSignals(False)
            self.requery()

    # --- Excel -------------------------------------------------------------------------------
    def ask_save_path(self) -> Path | None:
        default = str(Path.home() / self.tr("requests-{day}.xlsx").format(day=date.today().strftime("%Y%m%d")))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export requests"), default, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def ask_open_path(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import requests"), str(Path.home()),
                                                    self.tr("Excel workbooks (*.xlsx *.xlsm *.xls *.ods)"))
        return Path(path) if path else None

    def _finish_job(self, result, title: str) -> bool:
        return job_succeeded(self, result, title, self.tr("Cancelled; nothing was changed."))

    def export_excel(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        query = RequestQuery(**dict(self.query().__dict__, sort_key="registered_at", descending=False))
        result = run_job(self, self.tr("Exporting requests…"), lambda job: export_requests(self.database, path, query, job=job))
        if self._finish_job(result, self.tr("Export requests")):
            QMessageBox.information(self, self.tr("Export requests"),
                                    self.tr("{count} request(s) written to:\n{path}").format(count=result.value, path=path))

    def import_excel(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        title = self.tr("Import requests")
        result = run_job(self, self.tr("Importing requests…"), lambda job: import_requests(self.database, path, job=job))
        if not self._finish_job(result, title):
            return
        outcome = result.value
        report = path.with_name(self.tr("{stem} - import report.xlsx").format(stem=path.stem))
        try:
            write_report(outcome, report)
            where = self.tr("The report with every row is at:\n{path}").format(path=report)
        except UserError as error:
            where = error.message
        QMessageBox.information(self, title, outcome.summary() + "\n\n" + where)
        self.reload()
        self.counts_changed.emit()


TAB = TabSpec(
    key="requests",
    title=lambda: QCoreApplication.translate("Tabs", "Walk-in requests"),
    create=RequestsTab,
    order=20,
)
