"""The command line: ``python -m app import residents`` and ``export residents`` (exit codes,
printed counts), once through a real subprocess and otherwise in-process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import i18n
from tests.app.test_residents_import import messy_roster
from tests.conftest import child_env


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def test_cli_import_in_process(tmp_path, capsys, db_path):
    from app.cli import main

    path = messy_roster(tmp_path)
    assert main(["--db", str(db_path), "--lang", "en", "import", "residents", str(path), "--report",
                 str(tmp_path / "r.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Imported: 7" in out and "Not imported: 4" in out and "Duplicates: 1" in out and "r.xlsx" in out
    assert main(["--db", str(db_path), "--lang", "en", "import", "residents", str(path), "--on-duplicate", "update"]) == 0
    assert "Duplicates: 8" in capsys.readouterr().out
    bad = tmp_path / "bad.xlsx"
    bad.write_text("no", encoding="utf-8")
    assert main(["--db", str(db_path), "--lang", "en", "import", "residents", str(bad)]) == 2
    assert "not an Excel workbook" in capsys.readouterr().err


def test_cli_import_subprocess(tmp_path):
    path = messy_roster(tmp_path)
    command = [sys.executable, "-m", "app", "--db", str(tmp_path / "cli.db"), "--lang", "en", "import", "residents"]
    done = subprocess.run(command + [str(path)], env=child_env(tmp_path), capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Imported: 7" in done.stdout and "Not imported: 4" in done.stdout and "Duplicates: 1" in done.stdout
    missing = subprocess.run(command + [str(tmp_path / "gone.xlsx")], env=child_env(tmp_path), capture_output=True,
                             text=True, encoding="utf-8", timeout=120)
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_cli_export_by_extension(tmp_path, capsys, db_path):
    from app.cli import main

    assert main(["--db", str(db_path), "--lang", "en", "import", "residents", str(messy_roster(tmp_path))]) == 0
    capsys.readouterr()
    base = ["--db", str(db_path), "--lang", "en", "export", "residents"]
    assert main(base + [str(tmp_path / "all.xlsx")]) == 0
    assert "Exported 7 residents" in capsys.readouterr().out
    assert main(base + [str(tmp_path / "zhang.xlsx"), "--search", "张秀兰", "--reveal"]) == 0
    assert "Exported 1 residents" in capsys.readouterr().out
    assert main(base + [str(tmp_path / "roster.pdf"), "--by-building"]) == 0 and (tmp_path / "roster.pdf").exists()
    assert main(base + [str(tmp_path / "roster.csv")]) == 2
    assert "not roster.csv" in capsys.readouterr().err
    assert main(base + [str(tmp_path / "full.pdf"), "--reveal"]) == 2
