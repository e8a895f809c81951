"""Roster export (Excel, PDF) and import from the tab, through app/residents and run_job."""

from __future__ import annotations

import subprocess

import openpyxl
import pytest

from app.residents import service
from app.residents.queries import ResidentQuery
from ui.residents.dialogs import Ask
from ui.residents.import_dialog import ImportDialog
from ui.residents.tab import ResidentsTab

ZHANG_ID = "11010519491231002X"


@pytest.fixture
def asked(monkeypatch, tmp_path):
    record = {"done": [], "inform": [], "full": True, "save": None, "open": None, "accept": True, "summaries": []}
    monkeypatch.setattr(Ask, "save_path", classmethod(lambda cls, parent, title, suggested, f: record["save"]))
    monkeypatch.setattr(Ask, "confirm_full_export", classmethod(lambda cls, parent, count: record["full"]))
    # the import's own questions (ImportDialog.run): file, preview accepted as found, summary
    monkeypatch.setattr(ImportDialog, "ask_file", classmethod(lambda cls, parent: record["open"]))
    monkeypatch.setattr(ImportDialog, "ask_choice", classmethod(lambda cls, dialog: record["accept"]))
    monkeypatch.setattr(ImportDialog, "show_summary", classmethod(lambda cls, parent, s: record["summaries"].append(s)))
    monkeypatch.setattr(ImportDialog, "inform", classmethod(lambda cls, parent, title, text: record["inform"].append(text)))
    monkeypatch.setattr(Ask, "done", classmethod(lambda cls, parent, title, text, path=None: record["done"].append((text, path))))
    monkeypatch.setattr(Ask, "inform", classmethod(lambda cls, parent, title, text: record["inform"].append(text)))
    return record


@pytest.fixture
def tab(qtbot, tmp_db, asked, show_active, dialogs):
    """``dialogs``: any message box not answered by ``asked`` is recorded instead of blocking."""
    service.create(tmp_db, {"name": "张秀兰", "id_number": ZHANG_ID, "phones": "13912341031", "address": "安居苑3-2-401"})
    service.create(tmp_db, {"name": "=SUM(A1)", "sex": "男", "address": "安居苑5-1-101"})
    service.create(tmp_db, {"name": "马小红", "sex": "女", "address": "银啤苑1-1-101"})
    widget = ResidentsTab(tmp_db)
    widget.resize(1200, 700)
    show_active(widget)
    widget.activated()
    yield widget
    assert not dialogs.calls, f"a dialog nobody expected: {dialogs.calls}"


def cells(path) -> list[list]:
    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_export_actions_are_offered(tab):
    texts = [a.text() for a in tab.export_actions() if not a.isSeparator()]
    assert len(texts) == 5 and all(texts)
    assert tab.transfer_button.menu().actions() == tab.export_actions()


def test_export_excel_writes_the_current_selection_masked(tab, asked, tmp_path):
    tab.filters.search.setText("安居苑")
    tab.filters.search.flush()
    asked["save"] = str(tmp_path / "花名册.xlsx")
    tab.transfers.export_excel_action.trigger()
    rows = cells(asked["save"])
    text = repr(rows)
    assert "张秀兰" in text and "马小红" not in text, "only what the search shows"
    assert "110105********002X" in text and ZHANG_ID not in text
    assert "139****1031" in text
    assert "=SUM(A1)" in text, "a name that looks like a formula stays text"
    assert asked["done"] and asked["done"][0][1] == asked["save"]


def test_full_export_needs_confirmation_and_is_audited(tab, asked, tmp_path, tmp_db):
    asked["save"] = str(tmp_path / "full.xlsx")
    asked["full"] = False
    tab.transfers.export_full_action.trigger()
    assert not (tmp_path / "full.xlsx").exists()
    asked["full"] = True
    tab.transfers.export_full_action.trigger()
    assert ZHANG_ID in repr(cells(asked["save"]))
    from sqlalchemy import text

    with tmp_db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM audit_log WHERE action = 'export'")).scalar() == 1


def test_export_pdf_holds_the_rows(tab, asked, tmp_path):
    asked["save"] = str(tmp_path / "花名册.pdf")
    tab.transfers.export_pdf_action.trigger()
    text = subprocess.run(["pdftotext", "-layout", asked["save"], "-"], capture_output=True, text=True, check=True).stdout
    assert "张秀兰" in text and "马小红" in text
    assert ZHANG_ID not in text


def test_cancelled_file_dialog_writes_nothing(tab, asked, tmp_path):
    asked["save"] = None
    tab.transfers.export_pdf_action.trigger()
    assert not asked["done"] and not list(tmp_path.glob("*.pdf"))


def write_roster(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["福通社区居民花名册"])
    sheet.append(["姓名", "身份证号", "住址", "电话"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_import_from_the_tab(tab, asked, tmp_path, tmp_db):
    source = tmp_path / "花名册.xlsx"
    write_roster(source, [["赵丽华", "640106195003051029", "阅海2-1-101", "13995001234"],
                          ["坏号码", "640106195003051024", "阅海2-1-102", ""],
                          ["张秀兰", ZHANG_ID, "安居苑3-2-401", ""]])
    asked["open"] = str(source)
    counted = []
    tab.counts_changed.connect(lambda: counted.append(1))
    tab.transfers.import_action.trigger()
    assert [r.name for r in service.load_rows(tmp_db, service.query_ids(tmp_db, ResidentQuery(text="赵丽华")))] == ["赵丽华"]
    assert tab.model.rowCount() == 4 and counted, "the table and the status bar follow the import"
    summary = asked["summaries"][0]
    assert (summary.imported, summary.rejected, summary.duplicates) == (1, 1, 1)
    assert "640106195003051024" in repr(cells(summary.report_path)), "the refused row is in the report"


def test_import_cancelled_in_the_preview_writes_nothing(tab, asked, tmp_path, tmp_db):
    source = tmp_path / "roster.xlsx"
    write_roster(source, [["赵丽华", "640106195003051029", "阅海2-1-101", ""]])
    asked["open"], asked["accept"] = str(source), False
    tab.transfers.import_action.trigger()
    assert len(service.query_ids(tmp_db, ResidentQuery())) == 3


def test_unreadable_file_is_said_plainly(tab, asked, tmp_path):
    bad = tmp_path / "not.xlsx"
    bad.write_text("hello", encoding="utf-8")
    asked["open"] = str(bad)
    tab.transfers.import_action.trigger()
    assert asked["inform"] and not asked["summaries"]
