"""Administrator tasks without Qt: dated online backups that restore, rotation that keeps the newest,
a full disk reported in plain words with nothing half-written left, and a check that finds damage."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

import db.backup
from app.database import Database
from app.errors import UserError
from app.maintenance import backup_database, check_database, prune_backups


def _rows(path: Path, sql: str) -> list[tuple]:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


# --- backups ---------------------------------------------------------------------------------------

def test_backup_is_a_dated_consistent_copy_that_opens(tmp_db, tmp_path):
    tmp_db.set_setting("office_name", "福通社区居委会")
    folder = tmp_path / "备份"
    target = backup_database(tmp_db.path, folder, now=datetime(2026, 11, 27, 9, 30, 5))
    assert target == folder / "wufu-20261127-093005.db"
    assert _rows(target, "PRAGMA integrity_check") == [("ok",)]
    # written by the backup API while the database was open (WAL), and self-contained (no -wal needed)
    assert _rows(target, "PRAGMA journal_mode") == [("delete",)]
    assert sorted(p.name for p in folder.iterdir()) == ["wufu-20261127-093005.db"]
    restored = Database.open(target, upgrade=False)
    try:
        assert restored.get_setting("office_name") == "福通社区居委会"
    finally:
        restored.close()


def test_backup_includes_changes_not_yet_checkpointed(tmp_db, tmp_path):
    # With WAL, recent commits live in the -wal file; a plain file copy would miss them.
    with tmp_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    tmp_db.set_setting("latest", "刚刚保存")
    target = backup_database(tmp_db.path, tmp_path / "b")
    assert _rows(target, "SELECT value FROM settings WHERE key='latest'") == [("刚刚保存",)]


def test_backup_from_a_folder_with_url_characters_in_its_name(tmp_path):
    """A folder called 居委会#2 must not produce an empty "backup" of some other file."""
    folder = tmp_path / "居委会#2 ?100%"
    folder.mkdir()
    database = Database.open(folder / "wufu.db")
    try:
        database.set_setting("office_name", "福通社区居委会")
        target = backup_database(database.path, folder / "备份#1")
    finally:
        database.close()
    assert _rows(target, "SELECT value FROM settings WHERE key='office_name'") == [("福通社区居委会",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["居委会#2 ?100%"]


def test_keep_leaves_the_newest_backups(tmp_db, tmp_path):
    folder = tmp_path / "b"
    made = [backup_database(tmp_db.path, folder, keep=2, now=datetime(2026, 11, day, 8, 0, 0)) for day in (25, 26, 27)]
    assert sorted(folder.iterdir()) == sorted(made[1:])


def test_keep_within_one_second_never_deletes_the_backup_just_written(tmp_db, tmp_path):
    folder = tmp_path / "b"
    same_second = datetime(2026, 11, 27, 8, 0, 0)
    made = [backup_database(tmp_db.path, folder, keep=1, now=same_second) for _ in range(3)]
    assert [p.name for p in folder.iterdir()] == [made[-1].name] == ["wufu-20261127-080000-3.db"]


def test_counters_are_compared_as_numbers(tmp_path):
    names = ["wufu-20261127-080000.db"] + [f"wufu-20261127-080000-{n}.db" for n in range(2, 12)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    prune_backups(tmp_path, "wufu", 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wufu-20261127-080000-10.db", "wufu-20261127-080000-11.db"]


def test_pruning_touches_only_our_own_backups(tmp_path):
    mine = ["wufu-20261125-080000.db", "wufu-20261126-080000.db"]
    others = ["wufu-20261124-080000-before-upgrade.db", "wufu-notes.db", "other-20261101-080000.db", "wufu-20261101-080000.txt"]
    for name in mine + others:
        (tmp_path / name).write_bytes(b"")
    removed = prune_backups(tmp_path, "wufu", 1)
    assert [p.name for p in removed] == ["wufu-20261125-080000.db"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["wufu-20261126-080000.db", *others])


def test_backup_of_a_missing_database(tmp_path, zh_cn):
    with pytest.raises(UserError) as caught:
        backup_database(tmp_path / "nothing.db", tmp_path / "b")
    assert "nothing.db" in caught.value.message


class _Connection:
    """A real sqlite3 connection whose backup() fails part-way, as on a full disk."""

    def __init__(self, real, failure):
        self.real, self.failure = real, failure

    def backup(self, target, **kwargs):
        self.real.backup(target.real, pages=1, progress=lambda *a: None)  # part of the file is on disk …
        raise self.failure  # … then the disk is full

    def execute(self, *args):
        return self.real.execute(*args)

    def close(self):
        self.real.close()


class _Sqlite3:
    def __init__(self, failure):
        self.failure = failure

    def connect(self, *args, **kwargs):
        return _Connection(sqlite3.connect(*args, **kwargs), self.failure)


@pytest.mark.parametrize("failure", [
    OSError(errno.ENOSPC, "No space left on device"),
    sqlite3.OperationalError("database or disk is full"),
], ids=["ENOSPC", "SQLITE_FULL"])
def test_full_disk_during_backup(tmp_db, tmp_path, monkeypatch, zh_cn, failure):
    tmp_db.set_setting("office_name", "福通社区居委会")
    monkeypatch.setattr(db.backup, "sqlite3", _Sqlite3(failure))
    folder = tmp_path / "b"
    with pytest.raises(UserError) as caught:
        backup_database(tmp_db.path, folder, keep=1)
    assert "磁盘已满" in caught.value.message, caught.value.message
    assert str(folder) in caught.value.message
    assert list(folder.iterdir()) == [], "no partial backup may be left behind"
    assert tmp_db.get_setting("office_name") == "福通社区居委会"


def test_full_disk_really_from_sqlite(tmp_db, tmp_path, monkeypatch, zh_cn):
    """Not a simulated exception: the target really cannot grow (max_page_count)."""
    for number in range(200):
        tmp_db.set_setting(f"key-{number}", "值" * 200)
    real_connect = sqlite3.connect

    class Tiny:
        Error = sqlite3.Error

        @staticmethod
        def connect(target, *args, **kwargs):
            connection = real_connect(target, *args, **kwargs)
            if str(target).endswith(".part"):
                connection.execute("PRAGMA max_page_count=2")
            return connection

    monkeypatch.setattr(db.backup, "sqlite3", Tiny)
    folder = tmp_path / "b"
    with pytest.raises(UserError) as caught:
        backup_database(tmp_db.path, folder)
    assert "磁盘已满" in caught.value.message
    assert list(folder.iterdir()) == []


def test_other_write_failures_are_explained(tmp_db, tmp_path, monkeypatch, zh_cn):
    monkeypatch.setattr(db.backup, "sqlite3", _Sqlite3(PermissionError(errno.EACCES, "Permission denied")))
    with pytest.raises(UserError) as caught:
        backup_database(tmp_db.path, tmp_path / "b")
    assert "Permission denied" in caught.value.message and str(tmp_path / "b") in caught.value.message


def test_backup_folder_that_cannot_be_created(tmp_db, tmp_path, zh_cn):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError) as caught:
        backup_database(tmp_db.path, blocker / "backups")
    assert "备份文件夹" in caught.value.message or str(blocker) in caught.value.message


# --- check -----------------------------------------------------------------------------------------

def test_check_finds_no_problem_in_a_good_database(tmp_db):
    assert check_database(tmp_db) == []


def test_check_reports_a_row_pointing_at_nothing(tmp_db, zh_cn):
    with tmp_db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE test_parent (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE test_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES test_parent(id))")
    raw = sqlite3.connect(tmp_db.path)  # foreign keys off: how a damaged import could leave it
    raw.execute("INSERT INTO test_child (parent_id) VALUES (7)")
    raw.commit()
    raw.close()
    problems = check_database(tmp_db)
    assert len(problems) == 1 and "test_child" in problems[0] and "test_parent" in problems[0]


def test_check_reports_an_old_schema(db_path, zh_cn, beyond_first_revision):
    from db import migrate
    from db.engine import make_engine

    engine = make_engine(db_path)
    migrate.upgrade(engine, db_path, target="0001_foundation")
    engine.dispose()
    database = Database.open(db_path, upgrade=False)
    try:
        problems = check_database(database)
    finally:
        database.close()
    assert any("0001_foundation" in p and "init" in p for p in problems), problems


def test_check_reports_damage_instead_of_crashing(db_path, zh_cn):
    database = Database.open(db_path)
    try:
        with database.unit_of_work() as session:
            from db.models import Setting

            for number in range(3000):
                session.add(Setting(key=f"key-{number:05d}", value="值" * 40))
    finally:
        database.close()
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 4096 // 2
    data[(middle - 2) * 4096:(middle + 2) * 4096] = b"\xde\xad\xbe\xef" * 4096
    db_path.write_bytes(bytes(data))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    database = Database.open(db_path, upgrade=False)
    try:
        problems = check_database(database)
    finally:
        database.close()
    assert problems, "a damaged file must not pass the check"
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
