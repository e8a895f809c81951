"""ImportDialog.run: file → header and columns (correctable) → import behind run_job → summary with
the report one click away. Every question is a replaced classmethod: nothing modal ever blocks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app import i18n
from app.jobs import JobControl
from app.residents import importer, service
from app.residents.idcard import id_check_char
from app.residents.queries import ResidentQuery
from ui.residents.import_dialog import ImportDialog, ImportSummaryDialog


def make_id(region: str, birth: str, sequence: str) -> str:
    body = region + birth + sequence
    return body + id_check_char(body)


ZHANG = make_id("640106", "19500305", "123")
LI = make_id("640106", "19620411", "224")


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def roster(path: Path, header=("姓名", "身份证号码", "住址", "序号"), rows=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["福通社区居民花名册"])
    ws.append(list(header))
    for row in rows or [["张秀兰", ZHANG, "3-2-401", 1], ["李桂英", LI, "3-2-402", 2],
                        ["坏号码", ZHANG[:17] + ("0" if ZHANG[17] != "0" else "1"), "3-2-403", 3],
                        ["张秀兰", ZHANG, "3-2-401", 4]]:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def asked(monkeypatch):
    """Answers to every question the import asks, and what it showed."""
    record = {"file": None, "choose": lambda dialog: True, "summaries": [], "informed": [], "opened": [], "dialogs": []}

    def ask_choice(cls, dialog):
        record["dialogs"].append(dialog)
        return record["choose"](dialog)

    monkeypatch.setattr(ImportDialog, "ask_file", classmethod(lambda cls, parent: record["file"]))
    monkeypatch.setattr(ImportDialog, "ask_choice", classmethod(ask_choice))
    monkeypatch.setattr(ImportDialog, "show_summary", classmethod(lambda cls, parent, s: record["summaries"].append(s)))
    monkeypatch.setattr(ImportDialog, "inform", classmethod(lambda cls, parent, title, text: record["informed"].append(text)))
    monkeypatch.setattr(ImportDialog, "open_file", staticmethod(lambda path: record["opened"].append(Path(path))))
    return record


def names(db) -> list[str]:
    return sorted(r.name for r in service.load_rows(db, service.query_ids(db, ResidentQuery())))


def test_run_imports_and_shows_the_summary(qtbot, tmp_db, tmp_path, asked):
    asked["file"] = str(roster(tmp_path / "roster.xlsx"))
    summary = ImportDialog.run(None, tmp_db)
    assert (summary.imported, summary.rejected, summary.duplicates, summary.data_rows) == (2, 1, 1, 4)
    assert asked["summaries"] == [summary] and not asked["informed"]
    assert summary.report_path.exists() and summary.report_path.parent == tmp_path
    assert names(tmp_db) == ["张秀兰", "李桂英"]
    dialog = asked["dialogs"][0]
    qtbot.addWidget(dialog)
    assert dialog.header_row.value() == 2 and dialog.sheet.currentText() == "Sheet"
    assert "Columns not imported: 序号." in dialog.summary.text()


def test_summary_dialog_counts_and_opens_the_report(qtbot, tmp_path, asked):
    report = tmp_path / "report.xlsx"
    summary = importer.ImportSummary(imported=2, updated=1, rejected=1, duplicates=3, data_rows=6,
                                     report_path=report, warnings=1)
    dialog = ImportSummaryDialog(summary)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "Imported 2, not imported 1, duplicates 3." in text and "6 rows in the file." in text
    assert "1 residents already on the roster were updated." in text and str(report) in text
    dialog.open_report.click()
    assert asked["opened"] == [report]
    quiet = ImportSummaryDialog(importer.ImportSummary(1, 0, 0, 0, 1, None))
    qtbot.addWidget(quiet)
    assert not quiet.open_report.isEnabled()


def test_the_user_corrects_the_mapping_and_chooses_update(qtbot, tmp_db, tmp_path, asked):
    service.create(tmp_db, {"name": "张秀兰", "id_number": ZHANG})
    asked["file"] = str(roster(tmp_path / "odd.xlsx", header=("姓名", "号码", "住址", "序号")))

    def choose(dialog):
        qtbot.addWidget(dialog)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled() and "Choose a column for: 公民身份号码" in dialog.summary.text()
        id_row = [spec.key for spec in dialog.preview.fields].index("id_number")
        combo = dialog.table.cellWidget(id_row, 1)
        combo.setCurrentIndex(combo.findData(1))  # column B: 号码
        assert ok.isEnabled()
        dialog.update_existing.setChecked(True)
        return True

    asked["choose"] = choose
    summary = ImportDialog.run(None, tmp_db)
    assert (summary.imported, summary.duplicates, summary.updated, summary.rejected) == (1, 2, 1, 1)
    assert names(tmp_db) == ["张秀兰", "李桂英"]


def test_header_row_can_be_chosen_again(qtbot, tmp_db, tmp_path, asked):
    asked["file"] = str(roster(tmp_path / "roster.xlsx"))

    def choose(dialog):
        qtbot.addWidget(dialog)
        dialog.header_row.setValue(1)
        dialog.header_row.editingFinished.emit()
        assert dialog.preview.header_row == 1 and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.header_row.setValue(2)
        dialog.header_row.editingFinished.emit()
        return dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    asked["choose"] = choose
    assert ImportDialog.run(None, tmp_db).imported == 2


def test_nothing_happens_when_the_user_backs_out(qtbot, tmp_db, tmp_path, asked):
    assert ImportDialog.run(None, tmp_db) is None  # no file chosen
    asked["file"] = str(roster(tmp_path / "roster.xlsx"))
    asked["choose"] = lambda dialog: qtbot.addWidget(dialog) or False
    assert ImportDialog.run(None, tmp_db) is None
    assert names(tmp_db) == [] and not asked["summaries"] and not list(tmp_path.glob("*report*"))


def test_refused_file_is_said_plainly(qtbot, tmp_db, tmp_path, asked):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    asked["file"] = str(bad)
    assert ImportDialog.run(None, tmp_db) is None
    assert asked["informed"] == ["bad.xlsx is not an Excel workbook."] and not asked["dialogs"]


def test_cancel_during_the_import_leaves_the_roster_as_it_was(qtbot, tmp_db, tmp_path, asked, monkeypatch):
    service.create(tmp_db, {"name": "王五", "id_number": make_id("640106", "19700101", "011")})
    asked["file"] = str(roster(tmp_path / "roster.xlsx"))
    real = importer.run_import

    def cancelled_while_saving(*args, job, **kwargs):
        inner = JobControl(lambda done, total, message: inner.cancel() if "Saving" in message else None)
        real(*args, job=inner, **kwargs)

    monkeypatch.setattr(importer, "run_import", cancelled_while_saving)
    assert ImportDialog.run(None, tmp_db) is None
    assert asked["informed"] == ["Cancelled; nothing was imported."]
    assert names(tmp_db) == ["王五"] and not list(tmp_path.glob("*report*"))
