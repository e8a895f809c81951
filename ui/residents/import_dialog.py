"""Before an import: which sheet, which header row, which column is which field, and duplicates.

The importer (app/residents/importer.py) finds all of this itself; the dialog shows what it found
and lets the user correct it before anything is written.

``ImportDialog.run(parent, database)`` is the whole import: pick the file, check the header and
the columns here, import behind a progress dialog that can be cancelled (run_job), then a summary
(导入 N 条、未导入 N 条、重复 N 条) with a button that opens the report workbook. Every question it
asks goes through a classmethod (``ask_file``, ``ask_choice``, ``show_summary``, ``inform``,
``open_file``) that tests replace, so no modal dialog ever blocks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.residents import importer
from ui.widgets.errors import show_unexpected_error
from ui.widgets.jobs import run_job

translate = QCoreApplication.translate
NOT_IMPORTED = -1


@dataclass(frozen=True)
class ImportChoice:
    sheet: str
    header_row: int
    mapping: dict[str, int]
    on_duplicate: str  # "skip" | "update"


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class ImportDialog(QDialog):
    """``replan(sheet, header_row)`` reads the file again when the user picks another sheet or row."""

    def __init__(self, preview, replan: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.replan = replan
        self.setWindowTitle(translate("ImportDialog", "Import residents from {name}").format(name=preview.path.name))
        self.sheet = QComboBox()
        self.sheet.addItems(preview.sheet_names)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1000)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([translate("ImportDialog", "Field"), translate("ImportDialog", "Column in the workbook")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.skip = QRadioButton(translate("ImportDialog", "Skip people already on the roster (same ID number)"))
        self.update_existing = QRadioButton(translate("ImportDialog", "Update people already on the roster with the filled cells"))
        self.skip.setChecked(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ImportDialog", "Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._fill(preview)
        self.sheet.activated.connect(lambda _index: self._replan(header_row=None))
        self.header_row.editingFinished.connect(lambda: self._replan(header_row=self.header_row.value()))
        self.resize(620, 640)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("ImportDialog", "Sheet"), self.sheet)
        form.addRow(translate("ImportDialog", "Header row"), self.header_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("ImportDialog", "Fields marked * are required. Check that each field found the right column.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def _fill(self, preview) -> None:
        self.preview = preview
        self.sheet.setCurrentText(preview.sheet_name)
        self.header_row.setValue(preview.header_row)
        self.table.setRowCount(len(preview.fields))
        choices = [(translate("ImportDialog", "(not imported)"), NOT_IMPORTED)] + [
            (f"{column_letters(i)}：{header or '—'}", i) for i, header in enumerate(preview.headers)]
        for row, spec in enumerate(preview.fields):
            self.table.setItem(row, 0, QTableWidgetItem(spec.label + (" *" if spec.required else "")))
            combo = QComboBox()
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(spec.key, NOT_IMPORTED)), 0))
            combo.currentIndexChanged.connect(lambda _index: self._update_summary())
            self.table.setCellWidget(row, 1, combo)
        self._update_summary()

    def _replan(self, header_row: int | None) -> None:
        try:
            preview = self.replan(self.sheet.currentText(), header_row)
        except UserError as error:
            self.summary.setText(error.message)
            return
        self._fill(preview)

    def mapping(self) -> dict[str, int]:
        result = {}
        for row, spec in enumerate(self.preview.fields):
            value = self.table.cellWidget(row, 1).currentData()
            if value != NOT_IMPORTED:
                result[spec.key] = value
        return result

    def _update_summary(self) -> None:
        mapping = self.mapping()
        missing = [spec.label for spec in self.preview.fields if spec.required and spec.key not in mapping]
        text = translate("ImportDialog", "{rows} rows below the header row.").format(rows=self.preview.total_rows)
        used = set(mapping.values())
        unused = [h for i, h in enumerate(self.preview.headers) if h and i not in used]
        if unused:
            text += " " + translate("ImportDialog", "Columns not imported: {headers}.").format(headers="、".join(unused))
        if missing:
            text += " " + translate("ImportDialog", "Choose a column for: {fields}").format(fields="、".join(missing))
        self.summary.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def choice(self) -> ImportChoice:
        return ImportChoice(self.sheet.currentText(), self.header_row.value(), self.mapping(),
                            "update" if self.update_existing.isChecked() else "skip")

    # --- the whole import ----------------------------------------------------------------------

    @classmethod
    def run(cls, parent: QWidget | None, database) -> "importer.ImportSummary | None":
        """Pick a workbook, check its columns, import it; the summary, or None when cancelled or refused."""
        path = cls.ask_file(parent)
        if not path:
            return None
        title = translate("ImportDialog", "Import residents")
        name = Path(path).name
        planned = cls._job(parent, title, translate("ImportDialog", "Reading {name}…").format(name=name),
                           lambda job: importer.plan_import(database, path))
        if planned is None:
            return None

        def replan(sheet: str, header_row: int | None):
            """Another sheet or header row: read again off the GUI thread (a big file takes seconds)."""
            result = run_job(dialog, translate("ImportDialog", "Reading {name}…").format(name=name),
                             lambda job: importer.plan_import(database, path, sheet=sheet, header_row=header_row))
            if result.error is not None:
                raise result.error  # a UserError is shown in the dialog
            if result.cancelled:
                raise UserError(translate("ImportDialog", "Cancelled; nothing was imported."))
            return result.value

        dialog = cls(planned, replan, parent)
        accepted = cls.ask_choice(dialog)
        choice = dialog.choice()
        dialog.setParent(None)  # not kept as a hidden child of the window: freed with the last reference
        if not accepted:
            return None
        report = importer.default_report_path(path, Path(database.path).parent)
        summary = cls._job(parent, title, translate("ImportDialog", "Importing {name}…").format(name=name),
                           lambda job: importer.run_import(
                               database, path, on_duplicate=choice.on_duplicate, sheet=choice.sheet,
                               mapping=choice.mapping, header_row=choice.header_row, report_path=report, job=job))
        if summary is not None:
            cls.show_summary(parent, summary)
        return summary

    @classmethod
    def _job(cls, parent, title: str, label: str, work):
        result = run_job(parent, label, work)
        if result.cancelled:
            cls.inform(parent, title, translate("ImportDialog", "Cancelled; nothing was imported."))
            return None
        if isinstance(result.error, UserError):
            cls.inform(parent, title, result.error.message)
            return None
        if result.error is not None:  # unexpected: the one error dialog, details in the log file
            show_unexpected_error(result.error, parent)
            return None
        return result.value

    @classmethod
    def ask_file(cls, parent: QWidget | None) -> str | None:
        path, _chosen = QFileDialog.getOpenFileName(
            parent, translate("ImportDialog", "Import residents from Excel"), "",
            translate("ImportDialog", "Excel workbooks (*.xlsx *.xlsm *.xls *.ods)"))
        return path or None

    @classmethod
    def ask_choice(cls, dialog: "ImportDialog") -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_summary(cls, parent: QWidget | None, summary) -> None:
        ImportSummaryDialog(summary, parent).exec()

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def open_file(path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ImportSummaryDialog(QDialog):
    """导入 N 条、未导入 N 条、重复 N 条, and the report workbook one click away."""

    def __init__(self, summary, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(translate("ImportDialog", "Import finished"))
        counts = translate("ImportDialog", "Imported {imported}, not imported {rejected}, duplicates {duplicates}.").format(
            imported=summary.imported, rejected=summary.rejected, duplicates=summary.duplicates)
        lines = [translate("ImportDialog", "{rows} rows in the file.").format(rows=summary.data_rows), counts]
        if summary.updated:
            lines.append(translate("ImportDialog", "{count} residents already on the roster were updated.").format(count=summary.updated))
        if summary.warnings:
            lines.append(translate("ImportDialog", "{count} imported rows have something to check.").format(count=summary.warnings))
        if summary.report_path is not None:
            lines.append(translate("ImportDialog", "Every row not imported as it stood is listed with the reason in the report (rows to check or correct first, duplicates on a sheet of their own):\n{path}").format(path=summary.report_path))
        self.text = QLabel("\n".join(lines))
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_report = QPushButton(translate("ImportDialog", "Open the report"))
        self.open_report.setEnabled(summary.report_path is not None)
        self.open_report.clicked.connect(lambda: ImportDialog.open_file(summary.report_path))
        buttons.addButton(self.open_report, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
