"""Opening a Wufu database: checks, migrations with a backup first, and units of work."""

from __future__ import annotations

import getpass
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import translate
from app.paths import backup_dir_for
from db import audit, migrate
from db.engine import BUSY_TIMEOUT_MS, make_engine, make_session_factory, preflight, use_wal
from db.errors import (
    CorruptDatabase,
    DatabaseOpenError,
    FileReadOnly,
    FolderMissing,
    FolderReadOnly,
    NewerDatabase,
    NotADatabase,
    NotWufuDatabase,
)
from db.models import Setting

audit.install()


def open_error_message(error: DatabaseOpenError) -> str:
    messages = {
        FolderMissing: translate("app", "The folder for the database does not exist: {folder}"),
        FolderReadOnly: translate("app", "The folder of the database cannot be written to: {folder}"),
        FileReadOnly: translate("app", "The database file is read-only: {path}"),
        NotADatabase: translate("app", "This file is not a Wufu database (it is not an SQLite file): {path}. It was left untouched."),
        CorruptDatabase: translate("app", "The database file is damaged: {path}. It was left untouched; restore it from a backup."),
        NewerDatabase: translate("app", "This database was made by a newer version of Wufu (schema {detail}). Install the newer version; this one will not change the file."),
        NotWufuDatabase: translate("app", "This SQLite file belongs to another program (tables: {detail}). It was left untouched."),
    }
    template = messages.get(type(error), translate("app", "The database cannot be opened: {path}"))
    path = Path(error.path)
    return template.format(path=path, folder=path.parent, detail=error.detail)


def _is_locked(error: BaseException) -> bool:
    text = str(getattr(error, "orig", None) or error).lower()
    return "database is locked" in text or "database is busy" in text


class _Locked(Exception):
    """Opening met another copy's lock (tried again until the busy timeout)."""

    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


def database_error_message(error: BaseException, path) -> str:
    """SQLite failed mid-way: another copy holding the lock too long, or a damaged file."""
    if _is_locked(error):
        return translate("app", "The database is busy: another copy of Wufu is writing to it. Try again in a moment; nothing was changed.")
    return open_error_message(CorruptDatabase(path, str(error)))


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down Windows accounts
        return "user"


class Database:
    """One open Wufu database file. Every service call opens its own short session."""

    def __init__(self, path: Path, actor: str | None = None):
        self.path = Path(path)
        self.actor = actor or default_actor()
        preflight(self.path)
        self.engine = make_engine(self.path)
        self._read_sessions = make_session_factory(self.engine)
        self._write_sessions = make_session_factory(self.engine, write=True)

    @classmethod
    def open(cls, path: Path, actor: str | None = None, upgrade: bool = True) -> "Database":
        """Open (creating if new) and bring the schema up to date, backing up first.

        With ``upgrade=False`` (the ``check`` command) nothing in the file is changed. A second copy
        starting at the same moment waits for the first one's upgrade: SQLite answers "locked"
        at once, without its busy timeout, to a few of the steps of opening (switching a new file
        to WAL while the other copy writes its schema), so those are tried again for as long as
        the busy timeout would have waited.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return cls._open_once(path, actor, upgrade)
            except _Locked as locked:
                if time.monotonic() >= deadline:
                    raise UserError(database_error_message(locked.error, path)) from locked.error
                time.sleep(0.1)

    @classmethod
    def _open_once(cls, path: Path, actor: str | None, upgrade: bool) -> "Database":
        try:
            database = cls(Path(path), actor)
        except DatabaseOpenError as error:
            raise UserError(open_error_message(error)) from error
        try:
            migrate.check_compatible(database.engine, database.path)
            if upgrade:
                # Only now, with the file known to be ours, may it be switched to WAL.
                use_wal(database.engine)
                database.upgrade()
        except DatabaseOpenError as error:
            database.close()
            raise UserError(open_error_message(error)) from error
        except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:
            database.close()
            if _is_locked(error):
                raise _Locked(error) from error
            raise UserError(database_error_message(error, path)) from error
        except BaseException:
            database.close()
            raise
        return database

    def upgrade(self) -> bool:
        return migrate.upgrade(self.engine, self.path, before_upgrade=self._backup_before_upgrade)

    def _backup_before_upgrade(self, current: set[str], wanted: set[str]) -> None:
        from app.maintenance import write_backup  # mkdir, disk full and other failures as UserError

        folder = backup_dir_for(self.path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        write_backup(self.path, folder / f"{self.path.stem}-{stamp}-before-upgrade.db")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session."""
        with self._read_sessions() as session:
            yield session

    @contextmanager
    def unit_of_work(self, actor: str | None = None) -> Iterator[Session]:
        """One user action = one transaction: commits at the end, rolls back whole on error."""
        with self._write_sessions() as session:
            session.info["actor"] = actor or self.actor
            with session.begin():
                yield session

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: str | None) -> None:
        with self.unit_of_work() as session:
            session.merge(Setting(key=key, value=value))
