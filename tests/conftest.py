"""Shared test set-up: no real user folders, no real settings, no window on screen, no blocking dialog.

Environment first, before anything imports Qt or platformdirs:
- QT_QPA_PLATFORM=offscreen, so tests/ui and tests/e2e run without a display;
- XDG_DATA_HOME / XDG_CONFIG_HOME / XDG_CACHE_HOME / WUFU_DB point into a throw-away folder, so
  neither this process nor a subprocess it starts (``python -m app``, ``python main.py``) can
  touch the user's real data folder, log file or QSettings.
Per test, the same variables (and QSettings' search path) move into the test's own tmp_path.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
import tempfile
from pathlib import Path

import pytest

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="wufu-tests-"))
# Offscreen, with one 1920x1080 screen like an office PC's (the plugin's default is 800x600, smaller
# than the main window, and Qt squeezes restored geometry onto the screen).
(_SESSION_HOME / "offscreen.json").write_text(json.dumps({"screens": [
    {"name": "office", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SESSION_HOME / 'offscreen.json'}"
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_SESSION_HOME / _name.lower())
os.environ["WUFU_DB"] = str(_SESSION_HOME / "never-used.db")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """Environment for a subprocess (``python -m app`` / ``python main.py``) confined to tmp_path."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        WUFU_DB=str(tmp_path / "env-default.db"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def make_child_env():
    """``make_child_env(folder)``: environment for a subprocess confined to ``folder``."""
    return child_env


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """Each test gets its own data/config folders and default database path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("WUFU_DB", str(tmp_path / "env-default.db"))
    yield


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path):
    """QSettings written by a test land in tmp_path, never in ~/.config/Wufu."""
    from PySide6.QtCore import QSettings  # pytest-qt has loaded Qt already; the app layer never does

    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder + "-system")
    yield


@pytest.fixture(autouse=True)
def _restore_language():
    """Tests may switch the app layer's language (CLI --lang, create_application); put it back."""
    from app import i18n

    before = i18n.language()
    yield
    i18n.set_language(before)


@pytest.fixture
def zh_cn():
    """Messages in Chinese, as the office sees them."""
    from app import i18n

    i18n.set_language("zh_CN")
    return i18n


@pytest.fixture
def db_path(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "wufu.db"


@pytest.fixture
def tmp_db(db_path):
    """A Wufu database opened (created and migrated to head) on a temporary file."""
    from app.database import Database

    database = Database.open(db_path, actor="测试员")
    yield database
    database.close()


@pytest.fixture
def extra_revisions(tmp_path, monkeypatch):
    """Copy the real migrations and let a test append revisions after all current heads:
    ``extra_revisions("0901_name", "python body of upgrade()")``."""
    from db import migrate

    folder = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "_migrations_dir", lambda: folder)
    down = tuple(sorted(migrate.head_revisions()))

    def add(revision: str, body: str) -> str:
        nonlocal down
        source = textwrap.dedent(f'''\
            import sqlalchemy as sa
            from alembic import op

            revision = {revision!r}
            down_revision = {down if len(down) > 1 else down[0]!r}
            branch_labels = None
            depends_on = None


            def upgrade():
            ''') + textwrap.indent(textwrap.dedent(body), "    ") + "\n"
        (folder / "versions" / f"{revision}.py").write_text(source, encoding="utf-8")
        down = (revision,)
        return revision

    return add


@pytest.fixture
def beyond_first_revision(extra_revisions):
    """Make sure head is past 0001_foundation (adds a small revision only if the real chain ends there)."""
    from db import migrate

    if migrate.head_revisions() == {"0001_foundation"}:
        extra_revisions("0900_test_only", 'op.create_table("test_only", sa.Column("id", sa.Integer, primary_key=True))')
    return migrate.head_revisions()


class DialogRecorder:
    """Stands in for every modal dialog: records what would have been shown, answers at once."""

    def __init__(self):
        self.calls: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answer = None  # for question(): QMessageBox.StandardButton; default No
        self.folder = ""  # for QFileDialog.getExistingDirectory
        self.file = ""  # for QFileDialog.getOpenFileName / getSaveFileName

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.calls if kind is None or k == kind]


@pytest.fixture
def dialogs(monkeypatch):
    """No modal dialog can block a test: QMessageBox / QFileDialog statics and exec() are replaced."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    recorder = DialogRecorder()

    def static(kind):
        def show(parent, title, text="", *args, **kwargs):
            recorder.calls.append((kind, title, text))
            if kind == "question":
                return recorder.answer or QMessageBox.StandardButton.No
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def box_exec(self):
        recorder.calls.append(("box", self.windowTitle(), self.text()))
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)

    def choose_folder(*args, **kwargs):
        recorder.calls.append(("folder", args[1] if len(args) > 1 else "", ""))
        return recorder.folder

    def choose_file(*args, **kwargs):
        recorder.calls.append(("file", args[1] if len(args) > 1 else "", ""))
        return recorder.file, ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose_file))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose_file))
    return recorder
