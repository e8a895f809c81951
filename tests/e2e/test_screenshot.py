"""The program as a user starts it: ``python main.py --db X --screenshot out.png`` opens (creating)
the database, builds the real main window and saves a picture of it. Bad arguments end with a
message and a non-zero exit, never a window waiting for a click."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def start(make_child_env):
    """``start(folder, *argv)``: run main.py as a user would, confined to ``folder``."""
    def start_(folder: Path, *argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], cwd=folder, env=make_child_env(folder),
                              capture_output=True, text=True, encoding="utf-8", timeout=90)

    return start_


def _distinct_colours(image: QImage, step: int = 16) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory, start):
    folder = tmp_path_factory.mktemp("e2e")
    db, out = folder / "wufu.db", folder / "out.png"
    result = start(folder, "--db", str(db), "--screenshot", str(out))
    return folder, db, out, result


def test_screenshot_of_the_main_window(screenshot):
    folder, db, out, result = screenshot
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert not image.isNull(), "not a readable PNG"
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.width() >= 800 and image.height() >= 600
    assert _distinct_colours(image) > 3, "the picture is blank"


def test_start_up_created_the_database_and_kept_out_of_the_user_folders(screenshot):
    folder, db, _out, _result = screenshot
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("SELECT count(*) FROM alembic_version").fetchone()[0] >= 1
    finally:
        raw.close()
    assert any((folder / "xdg-data").rglob("wufu.log")), "the log goes to the (test's) user data folder"


def test_screenshot_of_a_named_tab_in_english(tmp_path, start):
    out = tmp_path / "home-en.png"
    result = start(tmp_path, "--db", str(tmp_path / "wufu.db"), "--lang", "en", "--tab", "home", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() >= 800


def test_unknown_tab_is_refused(tmp_path, start):
    out = tmp_path / "out.png"
    result = start(tmp_path, "--db", str(tmp_path / "wufu.db"), "--tab", "nosuch", "--screenshot", str(out))
    assert result.returncode != 0
    assert "nosuch" in result.stderr and "home" in result.stderr  # says which tabs exist
    assert not out.exists()


def test_unusable_database_ends_with_a_message_not_a_dialog(tmp_path, start):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    before = junk.read_bytes()
    result = start(tmp_path, "--db", str(junk), "--lang", "zh_CN", "--screenshot", str(tmp_path / "out.png"))
    assert result.returncode != 0
    assert "SQLite" in result.stderr and "Traceback" not in result.stderr
    assert junk.read_bytes() == before
    assert not (tmp_path / "out.png").exists()
