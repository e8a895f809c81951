"""维修登记: the repair ledger with search and filters, and the chosen job's timeline below it.

Filters: status (or "not finished"), category, volunteer, date range; search runs as you type over
单号, name, address, item, fault and phone digits. The buttons under the list take the steps the
job may take next; links (the request a job came from) open in their own tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
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
from app.repairs import service, volunteers, workflow
from app.repairs.rules import CATEGORIES, OUTCOMES, format_hours
from app.repairs.search import JobQuery
from ui.repairs.job_form import JobForm, confirm
from ui.repairs.models import JobTableModel, moment_text
from ui.repairs.step_dialog import StepDialog
from ui.widgets.date_edit import DateEdit
from ui.widgets.search_box import SearchBox

LINK_ROLE = Qt.ItemDataRole.UserRole + 1
TAB_FOR_KIND = {"request": "requests", "agenda_item": "meetings", "project": "projects"}


class JobsView(QWidget):
    navigate_requested = Signal(str, object)
    changed = Signal()

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.loaded = False
        self.current = None
        self._build_filters()
        self.model = JobTableModel(database, self.query, self)
        self.table = self._make_table()
        self._build_detail()
        self._build_layout()
        self.search.search_changed.connect(lambda _t: self.requery())
        self.search.install_shortcut(self)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self.show_row(current.row()))
        self.table.doubleClicked.connect(lambda _i: self.edit_job())

    # --- building ----------------------------------------------------------------------------
    def _combo(self, everything: str, items) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for text, value in items:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self.requery)
        return box

    def _build_filters(self) -> None:
        self.search = SearchBox(placeholder=self.tr("Search number, name, address, item, fault, phone…"))
        self.status = self._combo(self.tr("All statuses"), [(self.tr("Still open"), workflow.OPEN_STATUSES)]
                                  + [(s, s) for s in workflow.STATUSES])
        self.category = self._combo(self.tr("All categories"), [(c, c) for c in CATEGORIES])
        self.outcome = self._combo(self.tr("All outcomes"), [(o, o) for o in OUTCOMES])
        self.volunteer = self._combo(self.tr("All volunteers"), [])
        self.date_from, self.date_to = DateEdit(), DateEdit()
        for edit, text in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setMaximumWidth(130)
            edit.line.setPlaceholderText(text)
            edit.date_changed.connect(self.requery)
        self.new_button = QPushButton(self.tr("New repair job…"))
        self.new_button.clicked.connect(lambda: self.new_job())
        self.counts = QLabel()

    def refresh_volunteers(self) -> None:
        current = self.volunteer.currentData()
        self.volunteer.blockSignals(True)
        while self.volunteer.count() > 1:
            self.volunteer.removeItem(1)
        for volunteer_id, label in volunteers.choices(self.database, include_inactive=True):
            self.volunteer.addItem(label, volunteer_id)
        index = self.volunteer.findData(current)
        self.volunteer.setCurrentIndex(max(index, 0))
        self.volunteer.blockSignals(False)

    def query(self) -> JobQuery:
        return JobQuery(text=self.search.search_text(), status=self.status.currentData(),
                        category=self.category.currentData(), outcome=self.outcome.currentData(),
                        volunteer_id=self.volunteer.currentData(), date_from=self.date_from.value(),
                        date_to=self.date_to.value())

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setSortingEnabled(True)
        header = table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(26)
        for column, spec in enumerate(self.model.columns):
            table.setColumnWidth(column, spec.width)
        return table

    def _build_detail(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.events = QListWidget()
        self.links = QListWidget()
        self.links.setMaximumHeight(70)
        self.links.itemActivated.connect(self._open_link)
        self.step_row = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for step in workflow.STEP_ORDER:
            button = QPushButton(step)
            button.clicked.connect(lambda _c=False, s=step: self.take_step(s))
            self.step_buttons[step] = button
            self.step_row.addWidget(button)
        self.step_row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_job)
        self.phone_button = QPushButton(self.tr("Show phone"))
        self.phone_button.clicked.connect(self.reveal_phone)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_job)
        for button in (self.edit_button, self.phone_button, self.remove_button):
            self.step_row.addWidget(button)

    def _build_layout(self) -> None:
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 1)
        row1.addWidget(self.new_button)
        row2 = QHBoxLayout()
        for widget in (self.status, self.category, self.outcome, self.volunteer, QLabel(self.tr("Date")),
                       self.date_from, QLabel("—"), self.date_to):
            row2.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        row2.addStretch(1)
        row2.addWidget(self.counts, 0, Qt.AlignmentFlag.AlignTop)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row1)
        top_layout.addLayout(row2)
        top_layout.addWidget(self.table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addLayout(self.step_row)
        lists = QHBoxLayout()
        lists.addWidget(self.events, 2)
        lists.addWidget(self.links, 1)
        bottom_layout.addLayout(lists, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([460, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- the list ----------------------------------------------------------------------------
    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh_volunteers()
            self.requery()
        else:
            self.reload()

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
        self.counts.setText(self.tr("{shown} shown · {open} not finished").format(
            shown=self.model.rowCount(), open=service.count_open(self.database)))

    def select_id(self, job_id: int) -> bool:
        index = self.model.index_of_id(job_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def show_job(self, job_id: int) -> None:
        """Show one job (from another tab): filters cleared so that it is in the list."""
        if not self.loaded:
            self.activate()
        for box in (self.status, self.category, self.outcome, self.volunteer):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.set_date(None)
            edit.blockSignals(False)
        self.search.clear()
        self.search.flush()
        self.model.requery()
        self._update_counts()
        self.select_id(job_id)

    def show_row(self, row: int) -> None:
        job_id = self.model.id_at(row) if row >= 0 else None
        try:
            self.current = service.job_detail(self.database, job_id) if job_id is not None else None
        except UserError:
            self.current = None
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.current
        self.events.clear()
        self.links.clear()
        for step, button in self.step_buttons.items():
            button.setVisible(detail is not None and step in detail.next_steps)
        for button in (self.edit_button, self.phone_button, self.remove_button):
            button.setEnabled(detail is not None and not detail.row.removed)
        if detail is None:
            self.summary.setText(self.tr("Choose a job in the list to see its steps."))
            return
        row = detail.row
        self.phone_button.setEnabled(detail.has_phone)
        self.summary.setText(self.tr(
            "{number}　{name}　{address}　{item}（{category}）：{fault}　"
            "Volunteers: {people}　Hours: {hours}　Materials: {materials}").format(
            number=row.number, name=row.name, address=row.address, item=row.item, category=row.category,
            fault=row.fault or "—", people=row.volunteer_text or "—", hours=format_hours(row.minutes),
            materials=row.material_text or "—"))
        for event in detail.events:
            text = f"{moment_text(event.at)}　{event.step}　{event.actor}" + (f"　{event.note}" if event.note else "")
            self.events.addItem(text)
        for link in detail.links:
            item = QListWidgetItem(self.tr("Linked: {label}").format(label=link.label))
            item.setData(LINK_ROLE, (link.kind, link.id))
            self.links.addItem(item)

    # --- actions -----------------------------------------------------------------------------
    def new_job(self, prefill: dict | None = None) -> int | None:
        job_id = JobForm.ask(self, self.database, None, prefill)
        if job_id is not None:
            self._after_change(job_id)
        return job_id

    def edit_job(self) -> None:
        if self.current is None or self.current.row.removed:
            return
        if JobForm.ask(self, self.database, self.current.row.id) is not None:
            self._after_change(self.current.row.id)

    def take_step(self, step: str) -> None:
        if self.current is None:
            return
        job_id = self.current.row.id

        def submit(values: dict) -> None:
            service.advance(self.database, job_id, step, **values)

        if StepDialog.ask(self, step, self.current.row.number, submit):
            self._after_change(job_id)

    def remove_job(self) -> None:
        if self.current is None:
            return
        row = self.current.row
        question = self.tr("Remove {number} ({item})? It is kept, marked as removed, and its hours no longer count.")
        if not confirm(self, self.tr("Remove repair job"), question.format(number=row.number, item=row.item)):
            return
        service.remove_job(self.database, row.id)
        self.reload()
        self.changed.emit()

    def reveal_phone(self) -> None:
        if self.current is None:
            return
        phone = service.reveal_job_phone(self.database, self.current.row.id)
        QMessageBox.information(self, self.tr("Phone"), self.tr("{name}: {phone}\n(This look-up is recorded.)").format(
            name=self.current.row.name, phone=phone))

    def _after_change(self, job_id: int) -> None:
        self.reload()
        if not self.select_id(job_id):
            self.show_job(job_id)
        self.changed.emit()

    def _open_link(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(LINK_ROLE)
        key = TAB_FOR_KIND.get(kind)
        if key == "requests":
            self.navigate_requested.emit(key, {"request_id": record_id})
        elif key:
            self.navigate_requested.emit(key, {"open": kind, "id": record_id})
