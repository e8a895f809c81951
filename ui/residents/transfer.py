"""导出 Excel / 导出 PDF / 导入 Excel for the roster, through app/residents/export.py and importer.py.

Exports take what the table shows (search, filters, sort) and run in run_job (progress, Cancel);
ID and phone numbers are masked unless the user asks for full numbers, which the exporter records
in the audit log. Importing is ImportDialog.run (import_dialog.py): preview, run_job, summary.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QAction

from app.errors import UserError
from app.residents import export
from ui.settings import settings
from ui.widgets.errors import show_unexpected_error
from ui.residents.dialogs import Ask
from ui.residents.import_dialog import ImportDialog
from ui.widgets.jobs import run_job

translate = QCoreApplication.translate
FOLDER_KEY = "residents/transfer_folder"


def last_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(settings().value(FOLDER_KEY, documents or str(Path.home())))


def remember_folder(path: str) -> None:
    settings().setValue(FOLDER_KEY, str(Path(path).parent))


class Transfers:
    def __init__(self, tab):
        self.tab = tab
        self.database = tab.database
        self.export_excel_action = self._action(translate("ResidentsTransfer", "Export Excel…"), lambda: self.export_excel(False))
        self.export_full_action = self._action(translate("ResidentsTransfer", "Export Excel with full ID and phone numbers…"),
                                               lambda: self.export_excel(True))
        self.export_pdf_action = self._action(translate("ResidentsTransfer", "Export PDF…"), lambda: self.export_pdf(False))
        self.export_pdf_grouped_action = self._action(translate("ResidentsTransfer", "Export PDF by building…"),
                                                      lambda: self.export_pdf(True))
        self.import_action = self._action(translate("ResidentsTransfer", "Import Excel…"), self.import_excel)
        self.separator = QAction(tab)
        self.separator.setSeparator(True)

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self.tab)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [self.export_excel_action, self.export_full_action, self.export_pdf_action,
                self.export_pdf_grouped_action, self.separator, self.import_action]

    # --- running -----------------------------------------------------------------------------
    def _run(self, label: str, work):
        """Run ``work(job)`` behind a progress dialog; None when it failed or was cancelled (said so)."""
        result = run_job(self.tab, label, work)
        if result.cancelled:
            Ask.inform(self.tab, translate("ResidentsTransfer", "Cancelled"),
                       translate("ResidentsTransfer", "Cancelled; nothing was written."))
            return None
        if isinstance(result.error, UserError):
            Ask.inform(self.tab, translate("ResidentsTransfer", "Not done"), result.error.message)
            return None
        if result.error is not None:
            show_unexpected_error(result.error, self.tab)
            return None
        return result

    def _suggested(self, suffix: str) -> str:
        name = translate("ResidentsTransfer", "resident roster {date}").format(date=date.today().strftime("%Y%m%d"))
        return str(Path(last_folder()) / f"{name}{suffix}")

    # --- export ------------------------------------------------------------------------------
    def export_excel(self, reveal: bool) -> None:
        query = self.tab.model.current_query()
        count = self.tab.model.rowCount()
        if reveal and not Ask.confirm_full_export(self.tab, count):
            return
        path = Ask.save_path(self.tab, translate("ResidentsTransfer", "Export residents to Excel"),
                             self._suggested(".xlsx"), translate("ResidentsTransfer", "Excel workbook (*.xlsx)"))
        if not path:
            return
        remember_folder(path)
        label = translate("ResidentsTransfer", "Exporting {count} residents…").format(count=count)
        result = self._run(label, lambda job: export.export_excel(self.database, query, path, reveal=reveal, job=job))
        if result is not None:
            self._exported(result.value, path)

    def export_pdf(self, by_building: bool) -> None:
        query = self.tab.model.current_query()
        path = Ask.save_path(self.tab, translate("ResidentsTransfer", "Export residents to PDF"),
                             self._suggested(".pdf"), translate("ResidentsTransfer", "PDF document (*.pdf)"))
        if not path:
            return
        remember_folder(path)
        label = translate("ResidentsTransfer", "Exporting {count} residents…").format(count=self.tab.model.rowCount())
        result = self._run(label, lambda job: export.export_pdf(self.database, query, path,
                                                                group_by_building=by_building, job=job))
        if result is not None:
            self._exported(result.value, path)

    def _exported(self, count: int, path: str) -> None:
        text = translate("ResidentsTransfer", "Exported {count} residents to:\n{path}").format(count=count, path=path)
        Ask.done(self.tab, translate("ResidentsTransfer", "Export written"), text, path)

    # --- import ------------------------------------------------------------------------------
    def import_excel(self) -> None:
        """The whole import (file, columns, progress, summary) is ImportDialog.run's."""
        summary = ImportDialog.run(self.tab, self.database)
        if summary is not None:
            self.tab.after_import()
