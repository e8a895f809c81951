"""志愿者: the team with their hours of actual service in a period; add, edit, certificate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.repairs import volunteers
from app.repairs.certificate_pdf import write_certificate
from app.repairs.rules import format_hours
from ui.repairs.models import RowsModel, sorted_proxy, volunteer_columns, volunteer_row_role
from ui.repairs.volunteer_form import VolunteerForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.jobs import job_succeeded, run_job
from ui.widgets.lazy_table import ROW_ROLE
from ui.widgets.search_box import SearchBox


class VolunteersView(QWidget):
    changed = Signal()

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.loaded = False
        self.search = SearchBox(placeholder=self.tr("Search name, number, skill, phone…"))
        self.date_from, self.date_to = DateEdit(), DateEdit()
        today = date.today()
        self.date_from.set_date(today.replace(month=1, day=1))
        self.date_to.set_date(today)
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.date_changed.connect(lambda _d: self.refresh())
        self.inactive = QCheckBox(self.tr("Show inactive"))
        self.inactive.setChecked(True)
        self.inactive.toggled.connect(lambda _c: self.refresh())
        self.total = QLabel()
        self.model = RowsModel(volunteer_columns(), self, row_role=volunteer_row_role)
        self.proxy = sorted_proxy(self.model, self)
        self.table = self._make_table()
        self._build_buttons()
        self._build_layout()
        self.search.search_changed.connect(lambda _t: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_volunteer())

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            table.setColumnWidth(column, spec.width)
        return table

    def _build_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("New volunteer…"))
        self.new_button.clicked.connect(self.new_volunteer)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_volunteer)
        self.active_button = QPushButton(self.tr("Set inactive"))
        self.active_button.clicked.connect(self.toggle_active)
        self.phone_button = QPushButton(self.tr("Show phone"))
        self.phone_button.clicked.connect(self.reveal_phone)
        self.certificate_button = QPushButton(self.tr("Service certificate (PDF)…"))
        self.certificate_button.clicked.connect(self.certificate)

    def _build_layout(self) -> None:
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 1)
        row1.addWidget(QLabel(self.tr("Hours from")))
        row1.addWidget(self.date_from)
        row1.addWidget(QLabel("—"))
        row1.addWidget(self.date_to)
        row1.addWidget(self.inactive)
        row2 = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.active_button, self.phone_button, self.certificate_button):
            row2.addWidget(button)
        row2.addStretch(1)
        row2.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)

    # --- data --------------------------------------------------------------------------------
    def activate(self) -> None:
        self.loaded = True
        self.refresh()

    def period(self) -> tuple[date | None, date | None]:
        return self.date_from.value(), self.date_to.value()

    def refresh(self) -> None:
        if not self.loaded:
            return
        start, end = self.period()
        selected = self.selected()
        rows = volunteers.list_volunteers(self.database, start, end, self.search.search_text(),
                                          include_inactive=self.inactive.isChecked())
        self.model.set_rows(rows)
        self.total.setText(self.tr("{count} volunteers · {hours} hours in the period").format(
            count=len(rows), hours=format_hours(sum(r.minutes for r in rows))))
        if selected is not None:
            self.select_id(selected.id)
        self._update_buttons()

    def selected(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_id(self, volunteer_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == volunteer_id:
                self.table.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.active_button, self.certificate_button):
            button.setEnabled(row is not None)
        self.phone_button.setEnabled(row is not None and bool(row.phone_masked))
        self.active_button.setText(self.tr("Set active") if row is not None and not row.active else self.tr("Set inactive"))

    # --- actions -----------------------------------------------------------------------------
    def new_volunteer(self) -> None:
        volunteer_id = VolunteerForm.ask(self, self.database)
        if volunteer_id is not None:
            self.refresh()
            self.select_id(volunteer_id)
            self.changed.emit()

    def edit_volunteer(self) -> None:
        row = self.selected()
        if row is not None and VolunteerForm.ask(self, self.database, row.id) is not None:
            self.refresh()
            self.changed.emit()

    def toggle_active(self) -> None:
        row = self.selected()
        if row is not None:
            volunteers.set_active(self.database, row.id, not row.active)
            self.refresh()
            self.changed.emit()

    def reveal_phone(self) -> None:
        row = self.selected()
        if row is not None:
            phone = volunteers.reveal_volunteer_phone(self.database, row.id)
            QMessageBox.information(self, self.tr("Phone"), self.tr("{name}: {phone}\n(This look-up is recorded.)").format(
                name=row.name, phone=phone))

    def ask_certificate_path(self, row) -> Path | None:
        default = str(Path.home() / self.tr("certificate-{number}-{name}.pdf").format(number=row.number, name=row.name))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Service certificate"), default, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def certificate(self) -> None:
        row = self.selected()
        if row is None:
            return
        path = self.ask_certificate_path(row)
        if path is None:
            return
        start, end = self.period()
        title = self.tr("Service certificate")
        result = run_job(self, self.tr("Writing the certificate…"),
                         lambda job: write_certificate(self.database, path, row.id, start, end, job=job))
        if not job_succeeded(self, result, title):
            return
        QMessageBox.information(self, title, self.tr("Certificate for {name}: {hours} hours, written to:\n{path}").format(
            name=row.name, hours=format_hours(result.value.minutes), path=path))
