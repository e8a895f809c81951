"""``python -m app``: what an administrator types. Each command does its job and says so; bad input
gets one clear line and a non-zero exit, and the file given is left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.database import Database
from db import engine as db_engine
from db import migrate


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """The CLI in-process (fast): exit code, stdout, stderr."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:  # argparse: --help, or a usage error
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def run_process(tmp_path, project_root, make_child_env):
    """The CLI exactly as an administrator starts it."""
    def run_(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", *argv], cwd=project_root, env=make_child_env(tmp_path),
                              capture_output=True, text=True, encoding="utf-8", timeout=60)

    return run_


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def _fill(path: Path, rows: int = 3000) -> None:
    database = Database.open(path)
    try:
        with database.unit_of_work() as session:
            from db.models import Setting

            for number in range(rows):
                session.add(Setting(key=f"key-{number:05d}", value="值" * 40))
    finally:
        database.close()


def _damage_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2
    data[(middle - 2) * 4096:(middle + 2) * 4096] = b"\xde\xad\xbe\xef" * 4096
    path.write_bytes(bytes(data))


# --- commands ----------------------------------------------------------------------------------------

def test_help_lists_the_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("init", "check", "backup", "demo", "--db", "--user", "--lang"):
        assert command in out
    # ledgers add their own commands; whatever the parser knows is listed too
    parser, _commands = cli.build_parser()
    names = next(a for a in parser._actions if a.dest == "command").choices
    assert {"init", "check", "backup", "demo"} <= set(names)
    for name in names:
        assert name in out


def test_help_in_chinese(capsys):
    code, out, _ = run(capsys, "--lang", "zh_CN", "--help")
    assert code == 0
    assert re.search(r"[\u4e00-\u9fff]", out), "help text should be translated"


def test_a_command_is_required(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path))
    assert code == 2 and "COMMAND" in err
    assert not db_path.exists()


def test_init_creates_the_database(capsys, db_path):
    code, out, err = run(capsys, "--db", str(db_path), "init")
    assert (code, err) == (0, "")
    assert str(db_path) in out
    raw = sqlite3.connect(db_path)
    try:
        versions = {v for (v,) in raw.execute("SELECT version_num FROM alembic_version")}
    finally:
        raw.close()
    assert versions == migrate.head_revisions()
    # running it again is harmless
    assert run(capsys, "--db", str(db_path), "init")[0] == 0


def test_wufu_db_is_the_default(capsys, tmp_path, monkeypatch):
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("WUFU_DB", str(target))
    assert run(capsys, "init")[0] == 0
    assert target.is_file()


def test_check_passes_on_a_good_database(capsys, tmp_db):
    tmp_db.close()
    code, out, err = run(capsys, "--db", str(tmp_db.path), "--lang", "zh_CN", "check")
    assert (code, err) == (0, "")
    assert str(tmp_db.path) in out and "未发现问题" in out


def test_backup_keep_two(capsys, tmp_db, tmp_path):
    tmp_db.set_setting("office_name", "福通社区居委会")
    tmp_db.close()
    folder = tmp_path / "backups"
    written = []
    for _ in range(3):
        code, out, err = run(capsys, "--db", str(tmp_db.path), "backup", "--to", str(folder), "--keep", "2")
        assert (code, err) == (0, "")
        written.append(Path(re.search(re.escape(str(folder)) + r"\S+", out).group(0)))
    remaining = sorted(folder.iterdir())
    assert remaining == sorted(written[1:]), "the two newest backups are kept"
    for path in remaining:
        assert re.fullmatch(r"wufu-\d{8}-\d{6}(-\d+)?\.db", path.name)
        raw = sqlite3.connect(path)
        try:
            assert raw.execute("SELECT value FROM settings WHERE key='office_name'").fetchone() == ("福通社区居委会",)
        finally:
            raw.close()


def test_backup_defaults_to_the_folder_beside_the_database(capsys, tmp_db):
    tmp_db.close()
    assert run(capsys, "--db", str(tmp_db.path), "backup")[0] == 0
    assert len(list((tmp_db.path.parent / "wufu-backups").glob("wufu-*.db"))) == 1


def test_demo_fills_an_empty_database_once(capsys, db_path):
    code, _out, err = run(capsys, "--db", str(db_path), "demo", "--residents", "20")
    assert (code, err) == (0, "")
    code, _out, err = run(capsys, "--db", str(db_path), "--lang", "zh_CN", "demo", "--residents", "20")
    assert code != 0
    assert "演示数据" in err, err


def test_user_is_recorded_as_the_actor(capsys, db_path):
    assert run(capsys, "--db", str(db_path), "--user", "王主任", "init")[0] == 0
    database = Database.open(db_path)
    try:
        assert database.actor != "王主任"  # only for that run
    finally:
        database.close()


# --- bad input -------------------------------------------------------------------------------------

def test_missing_folder(capsys, tmp_path):
    target = tmp_path / "nowhere" / "wufu.db"
    code, out, err = run(capsys, "--db", str(target), "--lang", "zh_CN", "init")
    assert code == 2 and out == ""
    assert "不存在" in err and str(target.parent) in err
    assert not target.parent.exists()


def test_read_only_folder_simulated(capsys, db_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(db_engine.os, "access",
                        lambda p, mode, *a, **k: False if Path(p) == db_path.parent and mode & os.W_OK else real_access(p, mode, *a, **k))
    code, _, err = run(capsys, "--db", str(db_path), "--lang", "zh_CN", "init")
    assert code == 2
    assert "不可写" in err and str(db_path.parent) in err
    assert not db_path.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can write into a read-only folder; covered by test_read_only_folder_simulated")
def test_read_only_folder_real(tmp_path, run_process):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_process("--db", str(folder / "wufu.db"), "init")
        assert result.returncode != 0 and result.stderr.strip()
        assert not (folder / "wufu.db").exists()
    finally:
        folder.chmod(0o755)


def test_junk_file_is_refused_untouched(tmp_path, run_process):
    junk = tmp_path / "名单.db"
    junk.write_bytes(os.urandom(20000))
    before = _sha(junk)
    result = run_process("--db", str(junk), "--lang", "zh_CN", "check")
    assert result.returncode != 0
    assert "SQLite" in result.stderr and "Traceback" not in result.stderr
    assert _sha(junk) == before
    assert _siblings(junk) == [], "no -wal / -shm / -journal created beside it"


def test_damaged_database_fails_the_check_untouched(tmp_path, run_process):
    target = tmp_path / "wufu.db"
    _fill(target)
    _damage_middle(target)
    before = _sha(target)
    result = run_process("--db", str(target), "--lang", "zh_CN", "check")
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr
    message = result.stdout + result.stderr
    assert "完整性" in message or "损坏" in message, message
    assert _sha(target) == before
    assert _siblings(target) == []


def test_damaged_database_in_process(capsys, db_path):
    _fill(db_path)
    _damage_middle(db_path)
    before = _sha(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "--lang", "zh_CN", "check")
    assert code == 1
    assert "1 个问题" in out or "问题" in out, out
    assert _sha(db_path) == before


def test_newer_database_is_refused_untouched(capsys, tmp_db):
    tmp_db.close()
    raw = sqlite3.connect(tmp_db.path)
    raw.execute("DELETE FROM alembic_version")  # one row per ledger branch
    raw.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_future')")
    raw.commit()
    raw.close()
    before = _sha(tmp_db.path)
    for command in ("init", "check", "backup"):
        code, _, err = run(capsys, "--db", str(tmp_db.path), "--lang", "zh_CN", command)
        assert code == 2
        assert "更新版本" in err and "9999_future" in err
    assert _sha(tmp_db.path) == before
    assert not (tmp_db.path.parent / "wufu-backups").exists()


def test_full_disk_during_backup_command(capsys, tmp_db, tmp_path, monkeypatch):
    import errno

    import db.backup

    tmp_db.close()

    class FullDisk:
        Error = sqlite3.Error

        @staticmethod
        def connect(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db.backup, "sqlite3", FullDisk)
    folder = tmp_path / "b"
    code, out, err = run(capsys, "--db", str(tmp_db.path), "--lang", "zh_CN", "backup", "--to", str(folder))
    assert code == 2 and out == ""
    assert "磁盘已满" in err
    assert list(folder.iterdir()) == []


def test_init_in_english(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "--lang", "en", "init")
    assert code == 0 and out.startswith("Database ready")


def test_another_copy_holding_the_lock_too_long(capsys, db_path, monkeypatch):
    """SQLite gave up waiting (busy timeout): say so, instead of a traceback or "damaged"."""
    import app.demo

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(app.demo, "load_demo", locked)
    code, _, err = run(capsys, "--db", str(db_path), "--lang", "zh_CN", "demo")
    assert code == 2
    assert "正忙" in err and "损坏" not in err


@pytest.mark.parametrize("command", ["check", "backup"])
def test_a_mistyped_path_is_not_created_by_check_or_backup(capsys, tmp_path, command):
    typo = tmp_path / "wufuu.db"
    code, out, err = run(capsys, "--db", str(typo), "--lang", "zh_CN", command)
    assert code == 2 and out == ""
    assert str(typo) in err
    assert list(tmp_path.iterdir()) == [], "nothing created: no file, no backup folder"
