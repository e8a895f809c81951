"""安全隐患排查: the home checks, the chosen check's findings, and 转为诉求 for a serious one.

Escalating creates a request through the requests service and links check and request both ways;
the new request opens in the requests tab (routed by the main window).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.repairs import safety
from ui.repairs.job_form import confirm
from ui.repairs.models import (
    RowsModel,
    check_columns,
    check_row_role,
    check_sort_value,
    finding_columns,
    sorted_proxy,
)
from ui.repairs.check_form import CheckForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.lazy_table import ROW_ROLE
from ui.widgets.search_box import SearchBox

LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SafetyView(QWidget):
    navigate_requested = Signal(str, object)
    changed = Signal()

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.loaded = False
        self.current = None
        self.search = SearchBox(placeholder=self.tr("Search number, name, address…"))
        self.date_from, self.date_to = DateEdit(), DateEdit()
        for edit, text in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setMaximumWidth(130)
            edit.line.setPlaceholderText(text)
            edit.date_changed.connect(lambda _d: self.refresh())
        self.open_only = QCheckBox(self.tr("Only with hazards not put right"))
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.count_label = QLabel()
        self.model = RowsModel(check_columns(), self, sort_value=check_sort_value, row_role=check_row_role)
        self.proxy = sorted_proxy(self.model, self)
        self.table = _table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        for column, spec in enumerate(self.model.columns):
            self.table.setColumnWidth(column, spec.width)
        self.findings_model = RowsModel(finding_columns(), self)
        self.findings = _table(self.findings_model)
        for column, spec in enumerate(self.findings_model.columns):
            self.findings.setColumnWidth(column, spec.width)
        self.links = QListWidget()
        self.links.setMaximumHeight(60)
        self.links.itemActivated.connect(self._open_link)
        self._build_buttons()
        self._build_layout()
        self.search.search_changed.connect(lambda _t: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_current())
        self.findings.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_check())

    def _build_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("New check…"))
        self.new_button.clicked.connect(self.new_check)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_check)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_check)
        self.escalate_button = QPushButton(self.tr("Turn into a request (转为诉求)"))
        self.escalate_button.setToolTip(self.tr("A serious finding (较大, 重大) becomes a walk-in request, linked both ways."))
        self.escalate_button.clicked.connect(self.escalate)

    def _build_layout(self) -> None:
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 1)
        for widget in (QLabel(self.tr("Date")), self.date_from, QLabel("—"), self.date_to, self.open_only, self.new_button):
            row1.addWidget(widget)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row1)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.escalate_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.findings, 1)
        bottom_layout.addWidget(self.links)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- data --------------------------------------------------------------------------------
    def activate(self) -> None:
        self.loaded = True
        self.refresh()

    def refresh(self) -> None:
        if not self.loaded:
            return
        selected = self.current.id if self.current is not None else None
        rows = safety.list_checks(self.database, self.search.search_text(), self.date_from.value(), self.date_to.value(),
                                  self.open_only.isChecked())
        self.model.set_rows(rows)
        serious = sum(1 for r in rows for f in r.findings if f.can_escalate and not f.rectified)
        self.count_label.setText(self.tr("{count} checks · {findings} findings · {serious} serious ones not put right or escalated").format(
            count=len(rows), findings=sum(len(r.findings) for r in rows), serious=serious))
        if selected is None or not self.select_id(selected):
            self.show_current()

    def select_id(self, check_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == check_id:
                self.table.setCurrentIndex(index)
                self.show_current()
                return True
        return False

    def show_check(self, check_id: int) -> None:
        """Show one check (from another tab), clearing the filters that would hide it."""
        self.loaded = True
        for edit in (self.date_from, self.date_to):
            edit.set_date(None)
        self.search.clear()
        self.search.flush()
        self.open_only.setChecked(False)
        self.refresh()
        self.select_id(check_id)

    def show_current(self) -> None:
        index = self.table.currentIndex()
        self.current = index.data(ROW_ROLE) if index.isValid() else None
        self.findings_model.set_rows(self.current.findings if self.current else [])
        self.links.clear()
        if self.current is not None:
            _row, links = safety.get_check(self.database, self.current.id)
            for link in links:
                item = QListWidgetItem(self.tr("Linked: {label}").format(label=link.label))
                item.setData(LINK_ROLE, (link.kind, link.id))
                self.links.addItem(item)
        self._update_buttons()

    def current_finding(self):
        index = self.findings.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.escalate_button.setEnabled(finding is not None and finding.can_escalate)
        self.edit_button.setEnabled(self.current is not None)
        self.remove_button.setEnabled(self.current is not None)

    # --- actions -----------------------------------------------------------------------------
    def new_check(self) -> None:
        check_id = CheckForm.ask(self, self.database)
        if check_id is not None:
            self.refresh()
            self.select_id(check_id)
            self.changed.emit()

    def edit_check(self) -> None:
        if self.current is not None and CheckForm.ask(self, self.database, self.current.id) is not None:
            self.refresh()
            self.changed.emit()

    def remove_check(self) -> None:
        if self.current is None:
            return
        if confirm(self, self.tr("Remove check"), self.tr("Remove the check {number}? It is kept, marked as removed.").format(
                number=self.current.number)):
            safety.remove_check(self.database, self.current.id)
            self.current = None
            self.refresh()
            self.changed.emit()

    def escalate(self) -> int | None:
        finding = self.current_finding()
        if finding is None or self.current is None:
            return None
        check_id = self.current.id
        try:
            request_id = safety.escalate_finding(self.database, finding.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Turn into a request"), error.message)
            return None
        self.refresh()
        self.select_id(check_id)
        self.changed.emit()
        self.navigate_requested.emit("requests", {"request_id": request_id})
        return request_id

    def _open_link(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(LINK_ROLE)
        if kind == "request":
            self.navigate_requested.emit("requests", {"request_id": record_id})
