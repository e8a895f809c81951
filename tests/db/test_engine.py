"""Every connection to a Wufu database is safe: foreign keys enforced, waits instead of failing when
another copy writes, WAL journal, and never synchronous=OFF. Paths that cannot hold a database are
refused before anything is created or changed."""

from __future__ import annotations

import os
import sqlite3
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from db import engine as db_engine
from db.engine import make_engine, make_session_factory, preflight
from db.errors import FileReadOnly, FolderMissing, FolderReadOnly, NotADatabase


def _pragmas(conn) -> dict:
    return {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("foreign_keys", "busy_timeout", "journal_mode", "synchronous")
    }


def _assert_safe(pragmas: dict) -> None:
    assert pragmas["foreign_keys"] == 1
    assert pragmas["busy_timeout"] > 0
    assert str(pragmas["journal_mode"]).lower() == "wal"
    assert pragmas["synchronous"] != 0  # 0 = OFF: a power cut could corrupt the file


def test_pragmas_on_every_pooled_connection(tmp_db):
    # Hold several connections at once so the pool has to open new ones, then reopen after dispose.
    with ExitStack() as stack:
        connections = [stack.enter_context(tmp_db.engine.connect()) for _ in range(4)]
        raw_ids = {id(c.connection.dbapi_connection) for c in connections}
        assert len(raw_ids) == 4, "expected four distinct SQLite connections"
        for conn in connections:
            _assert_safe(_pragmas(conn))
    tmp_db.engine.dispose()
    with tmp_db.engine.connect() as conn:
        _assert_safe(_pragmas(conn))


def test_pragmas_in_read_and_write_sessions(tmp_db):
    with tmp_db.reading() as session:
        _assert_safe(_pragmas(session.connection()))
    with tmp_db.unit_of_work() as session:
        _assert_safe(_pragmas(session.connection()))


def test_foreign_keys_are_enforced(tmp_db):
    with tmp_db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))")
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with tmp_db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO child (parent_id) VALUES (42)")


def test_a_new_file_is_wal_from_the_start(db_path):
    engine = make_engine(db_path)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
    finally:
        engine.dispose()
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent in the file
    finally:
        raw.close()


def test_connecting_does_not_rewrite_an_existing_file(db_path):
    """Opening someone else's (rollback-journal) SQLite file must not switch it to WAL by itself:
    the app refuses foreign files and promises to leave them byte-for-byte untouched."""
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    engine = make_engine(db_path)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT * FROM sqlite_master").fetchall()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert db_path.read_bytes() == before


def test_write_sessions_take_the_lock_at_begin(tmp_db):
    """A writer holds SQLite's write lock from its first statement (BEGIN IMMEDIATE), so a
    read-then-write action in one copy never dies with 'database is locked' because another copy
    started writing in between: the second writer waits at BEGIN instead."""
    with tmp_db.unit_of_work() as session:
        session.execute(text("SELECT 1"))  # only a read so far
        other = sqlite3.connect(tmp_db.path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    with tmp_db.reading() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(tmp_db.path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")  # a reader does not block writers
            other.execute("ROLLBACK")
        finally:
            other.close()


def test_read_sessions_are_plain(tmp_db):
    factory = make_session_factory(tmp_db.engine)
    with factory() as session:
        assert session.connection().get_execution_options().get("sqlite_immediate", False) is False


# --- preflight: refuse without touching ----------------------------------------------------------

def test_preflight_accepts_a_new_file_in_a_writable_folder(db_path):
    preflight(db_path)
    assert not db_path.exists(), "preflight must not create the file"


def test_preflight_refuses_a_missing_folder(tmp_path):
    target = tmp_path / "no-such-folder" / "wufu.db"
    with pytest.raises(FolderMissing):
        preflight(target)
    assert not target.parent.exists()


def test_preflight_refuses_junk(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is a shopping list, not a database\n" * 50)
    with pytest.raises(NotADatabase):
        preflight(junk)


def test_preflight_refuses_a_folder_given_as_the_file(tmp_path):
    with pytest.raises(NotADatabase):
        preflight(tmp_path)


def _deny_write(monkeypatch, denied: Path):
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == denied and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(db_engine.os, "access", access)


def test_preflight_refuses_a_read_only_folder_for_a_new_file(db_path, monkeypatch):
    # Simulated: the suite runs as root here, and chmod does not stop root.
    _deny_write(monkeypatch, db_path.parent)
    with pytest.raises(FolderReadOnly):
        preflight(db_path)


def test_preflight_refuses_a_read_only_folder_for_an_existing_file(tmp_db, monkeypatch):
    # WAL needs to create -wal and -shm beside the database.
    tmp_db.close()
    _deny_write(monkeypatch, tmp_db.path.parent)
    with pytest.raises(FolderReadOnly):
        preflight(tmp_db.path)


def test_preflight_refuses_a_read_only_file(tmp_db, monkeypatch):
    tmp_db.close()
    _deny_write(monkeypatch, tmp_db.path)
    with pytest.raises(FileReadOnly):
        preflight(tmp_db.path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores file permissions; covered by the simulated os.access tests above")
def test_preflight_refuses_a_really_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(FolderReadOnly):
            preflight(folder / "wufu.db")
    finally:
        folder.chmod(0o755)


STRANGE_FOLDER = "居委会#2 ?100% [备份]"  # characters that mean something in a URL; all legal in Linux names


def test_a_folder_name_with_url_characters_opens_that_very_file(tmp_path):
    folder = tmp_path / STRANGE_FOLDER
    folder.mkdir()
    target = folder / "wufu.db"
    engine = make_engine(target)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES ('福')")
    finally:
        engine.dispose()
    assert target.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [STRANGE_FOLDER], "no stray file created elsewhere"
    raw = sqlite3.connect(target)
    try:
        assert raw.execute("SELECT x FROM t").fetchall() == [("福",)]
    finally:
        raw.close()
