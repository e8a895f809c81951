"""Opening a database: a clear (Chinese) message for every path that cannot be used, the file left
exactly as it was, and two copies of Wufu on one database working side by side."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import time
from pathlib import Path

import pytest

from app.database import Database
from app.errors import UserError
from app.paths import backup_dir_for, resolve_db_path
from db import engine as db_engine
from db import migrate
from db.errors import FolderMissing, FolderReadOnly, NotADatabase


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def test_open_creates_a_new_database_at_head(db_path):
    database = Database.open(db_path, actor="张三")
    try:
        assert db_path.is_file()
        assert database.actor == "张三"
        assert migrate.current_revisions(database.engine) == migrate.head_revisions()
        database.set_setting("office_name", "福通社区居委会")
        assert database.get_setting("office_name") == "福通社区居委会"
        assert database.get_setting("missing", "默认") == "默认"
    finally:
        database.close()
    reopened = Database.open(db_path)
    try:
        assert reopened.get_setting("office_name") == "福通社区居委会"
    finally:
        reopened.close()


def test_a_failed_unit_of_work_rolls_back_whole(tmp_db):
    with pytest.raises(ValueError):
        with tmp_db.unit_of_work() as session:
            from db.models import Setting

            session.add(Setting(key="a", value="1"))
            session.flush()
            raise ValueError("the second half failed")
    assert tmp_db.get_setting("a") is None


def test_default_path_comes_from_wufu_db_then_the_user_data_folder(tmp_path, monkeypatch):
    assert resolve_db_path(str(tmp_path / "x.db")) == (tmp_path / "x.db").resolve()
    monkeypatch.setenv("WUFU_DB", str(tmp_path / "from-env.db"))
    assert resolve_db_path() == (tmp_path / "from-env.db").resolve()
    monkeypatch.delenv("WUFU_DB")
    default = resolve_db_path()
    assert default.name == "wufu.db"
    assert str(default).startswith(str(tmp_path)), "tests must never reach the real user data folder"
    assert backup_dir_for(default) == default.parent / "wufu-backups"


# --- refusals: a message, and the file untouched -------------------------------------------------

def test_missing_folder(tmp_path, zh_cn):
    target = tmp_path / "不存在的文件夹" / "wufu.db"
    with pytest.raises(UserError) as caught:
        Database.open(target)
    assert isinstance(caught.value.__cause__, FolderMissing)
    assert "文件夹" in caught.value.message and "不存在的文件夹" in caught.value.message
    assert not target.parent.exists()


def test_read_only_folder_simulated(db_path, monkeypatch, zh_cn):
    # The suite runs as root, which chmod does not stop; simulate what a normal user would meet.
    real_access = os.access
    monkeypatch.setattr(db_engine.os, "access",
                        lambda p, mode, *a, **k: False if Path(p) == db_path.parent and mode & os.W_OK else real_access(p, mode, *a, **k))
    with pytest.raises(UserError) as caught:
        Database.open(db_path)
    assert isinstance(caught.value.__cause__, FolderReadOnly)
    assert str(db_path.parent) in caught.value.message
    assert "不可写" in caught.value.message
    assert not db_path.exists()


def test_junk_file(tmp_path, zh_cn):
    junk = tmp_path / "居民名单.db"
    junk.write_bytes(os.urandom(8192))
    before = _sha(junk)
    with pytest.raises(UserError) as caught:
        Database.open(junk)
    assert isinstance(caught.value.__cause__, NotADatabase)
    assert "SQLite" in caught.value.message and "未被改动" in caught.value.message
    assert _sha(junk) == before
    assert _siblings(junk) == []


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of a valid database with junk (keeping page 1 intact)."""
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages >= 8, "need a database with some pages to damage"
    for number in range(pages // 2 - 2, pages // 2 + 2):
        data[number * page:(number + 1) * page] = b"\xde\xad\xbe\xef" * (page // 4)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_db(db_path) -> Path:
    database = Database.open(db_path)
    try:
        with database.unit_of_work() as session:
            from db.models import Setting

            for number in range(3000):
                session.add(Setting(key=f"key-{number:05d}", value="值" * 40))
    finally:
        database.close()
    _damage(db_path)
    return db_path


def test_damaged_schema_page_is_refused_untouched(db_path, zh_cn):
    Database.open(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)  # page 1 holds the schema; keep only the 100-byte header
    db_path.write_bytes(bytes(data))
    before = _sha(db_path)
    for upgrade in (True, False):
        with pytest.raises(UserError) as caught:
            Database.open(db_path, upgrade=upgrade)
        assert "损坏" in caught.value.message and "备份" in caught.value.message
    assert _sha(db_path) == before
    assert _siblings(db_path) == []


def test_truncated_file_is_refused_untouched(db_path, zh_cn):
    database = Database.open(db_path)
    try:
        with database.unit_of_work() as session:
            from db.models import Setting

            for number in range(2000):
                session.add(Setting(key=f"key-{number:05d}", value="值" * 40))
    finally:
        database.close()
    db_path.write_bytes(db_path.read_bytes()[: db_path.stat().st_size // 3])
    before = _sha(db_path)
    with pytest.raises(UserError) as caught:
        Database.open(db_path, upgrade=False)
    assert "损坏" in caught.value.message
    assert _sha(db_path) == before


def test_busy_database_says_so_instead_of_damaged(db_path, monkeypatch, zh_cn):
    """Another copy holding the write lock longer than the busy timeout is not a damaged file."""
    Database.open(db_path).close()
    # an older file (DELETE journal) needs the lock to be switched to WAL; make the wait short
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.close()
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError) as caught:
            Database.open(db_path)
        assert "损坏" not in caught.value.message
        assert "另一" in caught.value.message or "正在" in caught.value.message, caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_failed_backup_before_upgrade_stops_the_upgrade(db_path, monkeypatch, zh_cn, beyond_first_revision):
    """No upgrade without its backup: a full disk is reported as such, and the file stays as it was."""
    import errno

    import app.maintenance

    engine = db_engine.make_engine(db_path)
    try:
        migrate.upgrade(engine, db_path, target="0001_foundation")
    finally:
        engine.dispose()
    before = _sha(db_path)

    def full_disk(source, target, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app.maintenance, "online_backup", full_disk)
    with pytest.raises(UserError) as caught:
        Database.open(db_path)
    assert "磁盘已满" in caught.value.message, caught.value.message
    assert _sha(db_path) == before
    engine = db_engine.make_engine(db_path)
    try:
        assert migrate.current_revisions(engine) == {"0001_foundation"}
    finally:
        engine.dispose()


# --- two copies of Wufu on one database -------------------------------------------------------------

def _writer(path: str, copy: int, count: int, start, errors) -> None:
    from app.database import Database
    from db import audit

    try:
        database = Database.open(Path(path), actor=f"copy-{copy}")
        start.wait(timeout=30)
        for number in range(count):
            database.set_setting(f"copy{copy}-{number:03d}", str(number))  # read (merge) then write
            with database.unit_of_work() as session:
                audit.record(session, "test", "concurrency", row_id=number)
        database.close()
    except BaseException as error:  # reported to the test, which fails with it
        errors.put(f"copy {copy}: {type(error).__name__}: {error}")


def _opener(path: str, copy: int, start, errors) -> None:
    from app.database import Database

    try:
        start.wait(timeout=30)
        Database.open(Path(path), actor=f"copy-{copy}").close()
    except BaseException as error:
        errors.put(f"copy {copy}: {type(error).__name__}: {error}")


def _run_copies(target, args_for) -> list[str]:
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    errors = context.Queue()
    processes = [context.Process(target=target, args=(*args_for(copy), start, errors)) for copy in (1, 2)]
    for process in processes:
        process.start()
    time.sleep(0.3)
    start.set()
    for process in processes:
        process.join(timeout=60)
    found = []
    while not errors.empty():
        found.append(errors.get())
    for process in processes:
        if process.is_alive():
            process.kill()
            found.append("a copy hung")
        elif process.exitcode != 0:
            found.append(f"a copy exited with {process.exitcode}")
    return found


def test_two_copies_writing_at_once_lose_nothing(tmp_db):
    """Two Wufu processes, 200 write actions each, at the same time: all 400 arrive, no
    'database is locked', and SQLite's integrity check is clean."""
    path = str(tmp_db.path)
    errors = _run_copies(_writer, lambda copy: (path, copy, 200))
    assert errors == []
    with tmp_db.engine.connect() as conn:
        settings = conn.exec_driver_sql("SELECT count(*) FROM settings WHERE key LIKE 'copy%'").scalar()
        audits = conn.exec_driver_sql("SELECT actor, count(*) FROM audit_log WHERE action='test' GROUP BY actor").fetchall()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert settings == 400
    assert sorted(audits) == [("copy-1", 200), ("copy-2", 200)]


def test_two_copies_creating_the_same_new_database(db_path):
    """Both copies start on a file that does not exist yet: both open it, the schema is built once."""
    errors = _run_copies(_opener, lambda copy: (str(db_path), copy))
    assert errors == []
    raw = sqlite3.connect(db_path)
    try:
        versions = sorted(v for (v,) in raw.execute("SELECT version_num FROM alembic_version"))
        assert versions == sorted(migrate.head_revisions())
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = [n for (n,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='settings'")]
        assert tables == ["settings"]
    finally:
        raw.close()
    assert not backup_dir_for(db_path).exists()


def test_a_lock_met_while_opening_is_waited_out(db_path, monkeypatch, zh_cn):
    """SQLite answers "locked" at once (no busy timeout) to some steps of opening while another
    copy writes its schema: the open is tried again until the busy timeout, then refused."""
    import app.database as database_module

    real, calls = migrate.check_compatible, []

    def locked_twice(*args, **kwargs):
        calls.append(1)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(migrate, "check_compatible", locked_twice)
    Database.open(db_path).close()
    assert len(calls) >= 3
    engine = db_engine.make_engine(db_path)
    try:
        assert migrate.current_revisions(engine) == migrate.head_revisions()
    finally:
        engine.dispose()

    def always_locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(migrate, "check_compatible", always_locked)
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 300)
    started = time.monotonic()
    with pytest.raises(UserError) as caught:
        Database.open(db_path)
    assert "数据库正忙" in caught.value.message and time.monotonic() - started < 5
