"""Engine and sessions for one SQLite file, with the pragmas set on every connection."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker

from db.errors import FileReadOnly, FolderMissing, FolderReadOnly, NotADatabase

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if journal_mode.lower() != "wal" and cursor.execute("PRAGMA page_count").fetchone()[0] == 0:
        # A brand-new file is WAL from its first page. An existing file in another mode is left
        # as it is here: it may be another program's, or a newer Wufu's, and refusing it must leave
        # it byte-for-byte untouched. use_wal() switches it once it is known to be ours.
        cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode; never OFF.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def use_wal(engine: Engine) -> str:
    """Switch a database known to be Wufu's to WAL (a setting stored in the file). Returns the mode."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection  # outside any transaction: journal_mode needs that
        mode = raw.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            mode = raw.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    return mode


def _begin(conn) -> None:
    # pysqlite's own transaction handling is switched off (isolation_level None) and we emit
    # BEGIN ourselves, as SQLAlchemy documents for SQLite. Writers take the write lock at once
    # (BEGIN IMMEDIATE): a deferred read-then-write transaction in a second copy of the program
    # would otherwise fail with "database is locked" instead of waiting its turn.
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def preflight(path: Path) -> None:
    """Refuse, without touching it, a path that cannot hold a Wufu database."""
    folder = path.parent
    if not folder.is_dir():
        raise FolderMissing(path)
    if path.exists():
        if not path.is_file():
            raise NotADatabase(path, "not a regular file")
        size = path.stat().st_size
        if size:
            with open(path, "rb") as handle:
                if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    raise NotADatabase(path)
        if not os.access(path, os.W_OK):
            raise FileReadOnly(path)
        if not os.access(folder, os.W_OK):
            # WAL needs to create -wal and -shm files beside the database.
            raise FolderReadOnly(path)
    elif not os.access(folder, os.W_OK):
        raise FolderReadOnly(path)


def make_engine(path: Path | str) -> Engine:
    path = Path(path)
    # URL.create, not f"sqlite:///{path}": a "?" or "#" in a folder name would be parsed as URL
    # syntax and SQLite would open (and create) a different file from the one checked.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    event.listen(engine, "connect", _set_pragmas)

    @event.listens_for(engine, "connect")
    def _no_pysqlite_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    event.listen(engine, "begin", _begin)
    return engine


def make_session_factory(engine: Engine, write: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(sqlite_immediate=True) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False, future=True)
