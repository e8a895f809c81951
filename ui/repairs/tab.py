"""维修服务队: the repair team's tab — 维修登记, 志愿者, 安全隐患排查, 统计.

Other tabs reach it through the main window: ``{"from_request": id, "resident_id": …, "content": …}``
opens a new job prefilled from a request (saved, it is linked to the request);
``{"open": "repair" | "safety_check", "id": …}`` shows that record.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QTabWidget, QVBoxLayout

from app.errors import UserError
from app.repairs import service, stats
from app.repairs.export import export_jobs, export_volunteers
from app.repairs.importer import import_jobs, write_report
from app.repairs.register_pdf import write_register
from app.repairs.search import JobQuery
from ui.repairs.jobs_view import JobsView
from ui.repairs.safety_view import SafetyView
from ui.repairs.stats_view import StatsView
from ui.repairs.volunteers_view import VolunteersView
from ui.widgets.jobs import job_succeeded, run_job
from ui.widgets.ledger_tab import LedgerTab, TabSpec

JOBS, VOLUNTEERS, SAFETY, STATS = range(4)


class RepairsTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        self.jobs = JobsView(database)
        self.volunteers = VolunteersView(database)
        self.safety = SafetyView(database)
        self.stats = StatsView(database)
        self.views = QTabWidget()
        self.views.addTab(self.jobs, self.tr("Repair jobs"))
        self.views.addTab(self.volunteers, self.tr("Volunteers"))
        self.views.addTab(self.safety, self.tr("Home safety checks"))
        self.views.addTab(self.stats, self.tr("Statistics"))
        self.views.currentChanged.connect(lambda _i: self._activate_view())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.views)
        for view in (self.jobs, self.safety):
            view.navigate_requested.connect(self.navigate)
        for view in (self.jobs, self.volunteers, self.safety):
            view.changed.connect(self.counts_changed)
        self.volunteers.changed.connect(self.jobs.refresh_volunteers)
        self._make_actions()

    def _make_actions(self) -> None:
        self.export_jobs_action = QAction(self.tr("Export repair jobs to Excel…"), self)
        self.export_jobs_action.triggered.connect(self.export_jobs)
        self.export_volunteers_action = QAction(self.tr("Export volunteers with hours to Excel…"), self)
        self.export_volunteers_action.triggered.connect(self.export_volunteers)
        self.register_action = QAction(self.tr("Monthly repair register (PDF)…"), self)
        self.register_action.triggered.connect(self.print_register)
        self.import_action = QAction(self.tr("Import an old repair ledger from Excel…"), self)
        self.import_action.triggered.connect(self.import_ledger)

    # --- LedgerTab ---------------------------------------------------------------------------
    def activated(self) -> None:
        self._activate_view()

    def _activate_view(self) -> None:
        view = self.views.currentWidget()
        view.activate()

    def open_payload(self, payload) -> None:
        payload = dict(payload or {})
        if payload.get("from_request"):
            self.views.setCurrentIndex(JOBS)
            request_id = int(payload["from_request"])
            try:
                payload = {**payload, **{k: v for k, v in service.prefill_from_request(self.database, request_id).items()
                                         if v is not None and not payload.get(k)}}
            except UserError as error:
                QMessageBox.warning(self, self.tr("New repair job"), error.message)
                return
            self.jobs.new_job(payload)
        elif payload.get("open") == "repair" and payload.get("id"):
            self.views.setCurrentIndex(JOBS)
            self.jobs.show_job(int(payload["id"]))
        elif payload.get("open") == "safety_check" and payload.get("id"):
            self.views.setCurrentIndex(SAFETY)
            self.safety.show_check(int(payload["id"]))

    def export_actions(self) -> list:
        return [self.export_jobs_action, self.export_volunteers_action, self.register_action, self.import_action]

    # --- files -------------------------------------------------------------------------------
    def ask_save_path(self, title: str, name: str, pattern: str) -> Path | None:
        suffix = Path(name).suffix
        path, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        if not path:
            return None
        return Path(path if path.lower().endswith(suffix) else path + suffix)

    def ask_open_path(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import an old repair ledger"), str(Path.home()),
                                                    self.tr("Excel workbooks (*.xlsx *.xlsm *.xls *.ods)"))
        return Path(path) if path else None

    def ask_month(self) -> tuple[int, int] | None:
        months = stats.months_with_data(self.database) or [(date.today().year, date.today().month)]
        labels = [f"{y}-{m:02d}" for y, m in months]
        text, ok = QInputDialog.getItem(self, self.tr("Monthly repair register"), self.tr("Month"), labels, 0, False)
        return months[labels.index(text)] if ok and text in labels else None

    def _finish(self, result, title: str) -> bool:
        return job_succeeded(self, result, title, self.tr("Cancelled; nothing was changed."))

    def _written(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def export_jobs(self) -> None:
        title = self.tr("Export repair jobs")
        path = self.ask_save_path(title, self.tr("repairs-{day}.xlsx").format(day=f"{date.today():%Y%m%d}"),
                                  self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        query = JobQuery(**{**self.jobs.query().__dict__, "sort_key": "job_date", "descending": False})
        result = run_job(self, self.tr("Exporting repair jobs…"), lambda job: export_jobs(self.database, path, query, job=job))
        if self._finish(result, title):
            self._written(title, self.tr("{count} repair job(s) written to:\n{path}").format(count=result.value, path=path))

    def export_volunteers(self) -> None:
        title = self.tr("Export volunteers")
        path = self.ask_save_path(title, self.tr("volunteers-{day}.xlsx").format(day=f"{date.today():%Y%m%d}"),
                                  self.tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        start, end = self.volunteers.period()
        result = run_job(self, self.tr("Exporting volunteers…"),
                         lambda job: export_volunteers(self.database, path, start, end, job=job))
        if self._finish(result, title):
            self._written(title, self.tr("{count} volunteer(s) written to:\n{path}").format(count=result.value, path=path))

    def print_register(self) -> None:
        title = self.tr("Monthly repair register")
        month = self.ask_month()
        if month is None:
            return
        year, number = month
        path = self.ask_save_path(title, self.tr("repair-register-{year}-{month:02d}.pdf").format(year=year, month=number),
                                  self.tr("PDF (*.pdf)"))
        if path is None:
            return
        result = run_job(self, self.tr("Writing the repair register…"),
                         lambda job: write_register(self.database, path, year, number, job=job))
        if self._finish(result, title):
            self._written(title, self.tr("{count} job(s) written to:\n{path}").format(count=result.value, path=path))

    def import_ledger(self) -> None:
        title = self.tr("Import an old repair ledger")
        path = self.ask_open_path()
        if path is None:
            return
        result = run_job(self, self.tr("Importing repair jobs…"), lambda job: import_jobs(self.database, path, job=job))
        if not self._finish(result, title):
            return
        outcome = result.value
        report = path.with_name(self.tr("{stem} - import report.xlsx").format(stem=path.stem))
        try:
            write_report(outcome, report)
            where = self.tr("The report with every row is at:\n{path}").format(path=report)
        except UserError as error:
            where = error.message
        self._written(title, outcome.summary() + "\n\n" + where)
        self.jobs.reload()
        self.counts_changed.emit()


TAB = TabSpec(
    key="repairs",
    title=lambda: QCoreApplication.translate("Tabs", "Repair team"),
    create=RepairsTab,
    order=30,
)
