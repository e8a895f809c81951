"""``python -m app minutes``, ``export meetings`` and ``import meetings``, in-process."""

from __future__ import annotations

from datetime import date

from app import cli
from app.database import Database
from app.meetings import lock, service
from tests.app.meetings_data import canteen_meeting, meeting, needs_poppler, pdf_text, squeeze, zh_footer


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def _two_meetings(db_path) -> tuple[int, int]:
    database = Database.open(db_path)
    try:
        first = service.save_meeting(database, canteen_meeting(date(2026, 3, 5))).id
        second = service.save_meeting(database, meeting("板凳会", "贸易巷商户板凳会", date(2026, 4, 8))).id
        lock.finalise(database, first)
        return first, second
    finally:
        database.close()


def test_minutes_lists_one_meeting_per_line_starting_with_the_id(capsys, db_path):
    first, second = _two_meetings(db_path)
    code, out, _err = run(capsys, "--db", str(db_path), "--lang", "en", "minutes")
    assert code == 0
    lines = out.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        [str(second), "2026-04-08", "板凳会", "贸易巷商户板凳会"],
        [str(first), "2026-03-05", "罐罐茶议事", "罐罐茶议事：社区食堂怎么办"]]
    assert lines[1].endswith("finalised") and lines[0].endswith("draft")


@needs_poppler
def test_minutes_id_out_writes_the_pdf(capsys, db_path, tmp_path, monkeypatch):
    zh_footer(monkeypatch)
    first, _second = _two_meetings(db_path)
    out_pdf = tmp_path / "minutes.pdf"
    code, out, _err = run(capsys, "--db", str(db_path), "minutes", str(first), str(out_pdf), "--sign-in-sheet")
    assert code == 0 and str(out_pdf) in out
    text = squeeze(pdf_text(out_pdf, raw=True))
    assert "罐罐茶议事：社区食堂怎么办记录" in text and "签到表" in text and "第1页共" in text


def test_minutes_errors_are_one_line(capsys, db_path):
    _two_meetings(db_path)
    code, _out, err = run(capsys, "--db", str(db_path), "--lang", "en", "minutes", "999", "x.pdf")
    assert code == 2 and err.strip() == "Meeting 999 does not exist."
    code, _out, err = run(capsys, "--db", str(db_path), "--lang", "en", "minutes", "1")
    assert code == 2 and "OUT.pdf" in err


def test_export_and_import_meetings(capsys, db_path, tmp_path):
    _two_meetings(db_path)
    book = tmp_path / "meetings.xlsx"
    code, out, _err = run(capsys, "--db", str(db_path), "--lang", "en", "export", "meetings", str(book))
    assert code == 0 and out.startswith("2 meeting(s) written")
    other = tmp_path / "other.db"
    report = tmp_path / "report.xlsx"
    code, out, _err = run(capsys, "--db", str(other), "--lang", "en", "import", "meetings", str(book), "--report", str(report))
    assert code == 0 and "2 imported, 0 duplicate(s), 0 rejected, of 2 row(s)" in out and report.exists()
    code, out, _err = run(capsys, "--db", str(other), "--lang", "en", "import", "meetings", str(book))
    assert "0 imported, 2 duplicate(s), 0 rejected, of 2 row(s)" in out and "会议 row 2" in out
