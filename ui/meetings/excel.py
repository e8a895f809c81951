"""文件 → 导出 for the meetings tab: the meetings workbook out and back in, as long jobs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.errors import UserError
from app.meetings.cli import chain_summary, summary
from app.meetings.export import export_meetings
from app.meetings.importer import import_meetings
from ui.widgets.jobs import run_job


class MeetingsExcel(QObject):
    def __init__(self, database, tab):
        super().__init__(tab)
        self.database = database
        self.tab = tab
        self.export_action = QAction(self.tr("Export meetings to Excel…"), tab)
        self.export_action.triggered.connect(self.export_excel)
        self.import_action = QAction(self.tr("Import meetings from Excel…"), tab)
        self.import_action.triggered.connect(self.import_excel)

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action]

    def ask_save_path(self) -> Path | None:
        default = str(Path.home() / self.tr("meetings-{day}.xlsx").format(day=date.today().strftime("%Y%m%d")))
        path, _f = QFileDialog.getSaveFileName(self.tab, self.tr("Export meetings"), default, self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def ask_open_path(self) -> Path | None:
        path, _f = QFileDialog.getOpenFileName(self.tab, self.tr("Import meetings"), str(Path.home()),
                                               self.tr("Excel workbooks (*.xlsx *.xlsm *.xls *.ods)"))
        return Path(path) if path else None

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.tab, title, text)

    def _finished(self, result, title: str) -> bool:
        if result.cancelled:
            self.inform(title, self.tr("Cancelled; nothing was changed."))
            return False
        if isinstance(result.error, UserError):
            self.inform(title, result.error.message)
            return False
        if result.error is not None:
            raise result.error
        return True

    def export_excel(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        query = self.tab.query()
        result = run_job(self.tab, self.tr("Exporting meetings…"), lambda job: export_meetings(self.database, path, query, job=job))
        if self._finished(result, self.tr("Export meetings")):
            self.inform(self.tr("Export meetings"), self.tr("{count} meeting(s) written to:\n{path}").format(count=result.value, path=path))

    def import_excel(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        title = self.tr("Import meetings")
        report = path.with_name(self.tr("{stem} - import report.xlsx").format(stem=path.stem))
        result = run_job(self.tab, self.tr("Importing meetings…"),
                         lambda job: import_meetings(self.database, path, report=report, job=job))
        if not self._finished(result, title):
            return
        outcome = result.value
        lines = [summary(outcome)] + ([chain_summary(outcome)] if outcome.chains_total else [])
        lines.append(self.tr("The report with every rejected or duplicate row is at:\n{path}").format(path=report))
        self.inform(title, "\n\n".join(lines))
        self.tab.reload()
        self.tab.counts_changed.emit()
