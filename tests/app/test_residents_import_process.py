"""A big roster is read and checked in a process of its own (app.residents.importer_source):
the same residents, report lines and counts as when this process reads it, by fork (Linux) and by
spawn (Windows); refused files, Cancel and update mode through the child."""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

import openpyxl
import pytest

from app import i18n
from app.database import Database
from app.errors import UserError
from app.excel import parts as excel_parts
from app.jobs import Cancelled, JobControl
from app.residents import importer_source
from app.residents.importer import run_import
from tests.app.test_residents_import import (
    LI, SAMPLE, ZHANG, _roster, big_roster, db_dump, messy_roster, report_rows, workbook,
)


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


@pytest.fixture(params=["fork", "spawn"])
def in_a_child(request, monkeypatch):
    """Every file read by a child process started this way (fork only where there is one)."""
    if request.param not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {request.param} here")
    monkeypatch.setattr(importer_source, "PROCESS_FROM", 0)
    monkeypatch.setattr(importer_source, "_start_method", lambda: request.param)
    started = []
    real_start = importer_source.CheckedRows._start

    def start(self):
        real_start(self)
        started.append(self._child)

    monkeypatch.setattr(importer_source.CheckedRows, "_start", start)
    return started


def _import_both_ways(tmp_path: Path, monkeypatch, files: list[tuple[Path, str]], in_a_child: list):
    """Import ``files`` (path, on_duplicate) in order into two new databases, here and through a
    child: the summaries, reports and databases of the two."""
    results = {}
    for way in ("here", "child"):
        db_path = tmp_path / f"{way}.db"
        db = Database.open(db_path)
        summaries, reports = [], []
        try:
            for number, (path, on_duplicate) in enumerate(files):
                report = tmp_path / f"{way}-{number}.xlsx"
                with monkeypatch.context() as local:
                    if way == "here":
                        local.setattr(importer_source, "PROCESS_FROM", 10**12)
                    summary = run_import(db, path, on_duplicate=on_duplicate, report_path=report)
                summaries.append((summary.imported, summary.updated, summary.rejected, summary.duplicates,
                                  summary.data_rows, summary.warnings))
                reports.append(report_rows(report))
        finally:
            db.close()
        results[way] = (summaries, reports, _roster(db_path))
    assert len(in_a_child) == len(files)  # the child way did use children…
    assert all(child.exitcode == 0 for child in in_a_child)  # …and each ended by itself
    return results["here"], results["child"]


def test_a_child_reads_what_this_process_reads(tmp_path, monkeypatch, in_a_child):
    here, child = _import_both_ways(tmp_path, monkeypatch, [
        (messy_roster(tmp_path), "skip"), (SAMPLE, "skip"), (big_roster(tmp_path), "skip")], in_a_child)
    assert child == here
    summaries, reports, roster = child
    assert summaries[0][2] > 0 and summaries[0][3] > 0  # the messy roster has refused and duplicate rows
    assert any(line["Result"] == "Not imported" for line in reports[1].values())
    assert len(roster["residents"]) > 2500


def test_update_mode_through_a_child(tmp_path, monkeypatch, in_a_child):
    changed = workbook(tmp_path / "changed.xlsx", [
        ["姓名", "身份证号", "出生日期", "手机号码", "现住址", "备注"],
        ["张秀兰", ZHANG, "1950-03-05", "13800001111", "安居苑5号楼1单元101室", "搬家了"],
        ["李桂英", LI, None, None, None, "电话不变"],
    ])
    here, child = _import_both_ways(tmp_path, monkeypatch, [
        (messy_roster(tmp_path), "skip"), (changed, "update")], in_a_child)
    assert child == here
    summaries, _reports, roster = child
    assert summaries[1][:2] == (0, 2)  # nothing new, both updated
    notes = {row[1]: row for row in roster["residents"]}
    assert "搬家了" in notes["张秀兰"] and "电话不变" in notes["李桂英"]


def test_a_refused_file_is_refused_through_the_child(tmp_db, tmp_path, db_path, in_a_child):
    before = db_dump(db_path)
    text = tmp_path / "names.xlsx"
    text.write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    with pytest.raises(UserError) as error:
        run_import(tmp_db, text)
    assert "not an Excel workbook" in error.value.message
    no_name = openpyxl.Workbook()
    no_name.active.append(["身份证号", "住址"])
    no_name.active.append([ZHANG, "3-2-401"])
    no_name.save(tmp_path / "no-name.xlsx")
    with pytest.raises(UserError) as error:
        run_import(tmp_db, tmp_path / "no-name.xlsx")
    assert "no column for" in error.value.message
    assert db_dump(db_path) == before
    assert all(not child.is_alive() for child in in_a_child)


def test_cancel_ends_the_child_and_leaves_nothing(tmp_db, tmp_path, db_path, monkeypatch, in_a_child):
    monkeypatch.setattr(excel_parts, "PARTS_FROM", 0)  # a sheet in parts: a temporary workbook to remove
    monkeypatch.setattr(excel_parts, "PART_BYTES", 8000)
    run_import(tmp_db, messy_roster(tmp_path))
    before = db_dump(db_path)
    temp = Path(tempfile.gettempdir())
    parts_before = set(temp.glob("wufu-sheet-*"))

    def progress(done, total, message):
        if "Saving" in message and done:
            job.cancel()

    job = JobControl(progress)
    with pytest.raises(Cancelled):
        run_import(tmp_db, big_roster(tmp_path, 6000), report_path=tmp_path / "r.xlsx", job=job)
    assert db_dump(db_path) == before and not (tmp_path / "r.xlsx").exists()
    child = in_a_child[-1]
    assert not child.is_alive() and child.exitcode == 0  # it ended by itself, not killed
    assert set(temp.glob("wufu-sheet-*")) == parts_before


def test_cancel_is_heard_while_the_child_is_still_opening_the_file(tmp_db, tmp_path, db_path, monkeypatch):
    """A huge file takes the child a while to open: Cancel must not wait for it."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the slow open is patched into a forked child")
    import threading
    import time

    monkeypatch.setattr(importer_source, "PROCESS_FROM", 0)
    monkeypatch.setattr(importer_source, "_start_method", lambda: "fork")
    real_open = importer_source.open_roster

    def slow_open(*args):
        time.sleep(30)
        return real_open(*args)

    monkeypatch.setattr(importer_source, "open_roster", slow_open)
    monkeypatch.setattr(importer_source, "CLOSE_WAIT", 1.0)  # then the sleeping child is killed
    before = db_dump(db_path)
    job = JobControl()
    threading.Timer(0.3, job.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_import(tmp_db, big_roster(tmp_path), job=job)
    assert time.monotonic() - started < 10  # not the child's 30 s
    assert db_dump(db_path) == before


def test_a_checked_batch_arrives_through_the_pipe_as_it_was_sent():
    """Columns go through the pipe packed (text joined, places as text): every kind of column
    comes back equal, and a cell that could confuse the packing goes as it is."""
    import pickle

    count = 80
    values = {
        "name": [f"居民{n}" for n in range(count)],  # mostly different: joined
        "former_name": [None if n % 3 else f"曾用名{n}" for n in range(count)],  # with blanks
        "notes": [None] * (count - 2) + ["", "空白"],  # "" and None both: as it is
        "employer": [f"单位{n}" for n in range(count - 1)] + ["一\x00二"],  # a NUL inside: as it is
        "sex": ["男", "女"] * (count // 2),  # few values: as it is
        "address": [None if n % 4 == 0 else (str(n), "2", "401", "安居苑") for n in range(count)],
        "other_place": [(str(n), "2", "40\x011", "") for n in range(count)],  # \x01 inside: as it is
        "tags": [{1: None} if n % 2 else None for n in range(count)],
        "birth_date": [f"19{n % 100:02d}-01-02" for n in range(count)],
    }
    search = [[f"k{n}" for n in range(count)], [""] * count]
    batch = importer_source.CheckedBatch(list(range(3, 3 + count)), values, search, [], count, count)
    packed = batch.__getstate__()
    assert isinstance(packed["values"]["name"], importer_source._Packed)
    assert isinstance(packed["values"]["address"], importer_source._Packed)
    assert packed["values"]["sex"] is values["sex"] and packed["values"]["notes"] is values["notes"]
    arrived = pickle.loads(pickle.dumps(batch))
    assert arrived.values == values and arrived.search == search and arrived.rows == batch.rows
    assert arrived.row_values(1)["address"] == ("1", "2", "401", "安居苑")
    assert arrived.values["sex"][0] is arrived.values["sex"][2]  # equal cells one object again
