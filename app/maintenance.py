"""Administrator tasks: dated backups with rotation, and the database check."""

from __future__ import annotations

import errno
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.features import features
from app.i18n import translate
from db import migrate
from db.backup import online_backup

BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$")


def _dated_backup_path(folder: Path, stem: str, now: datetime) -> Path:
    base = f"{stem}-{now:%Y%m%d-%H%M%S}"
    candidate = folder / f"{base}.db"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{base}-{counter}.db"
        counter += 1
    return candidate


def backup_database(db_path: Path, folder: Path, keep: int | None = None, now: datetime | None = None) -> Path:
    """Online backup of ``db_path`` into ``folder`` as <stem>-YYYYmmdd-HHMMSS.db; keep the newest ``keep``."""
    if not db_path.is_file():
        raise UserError(translate("app", "There is no database at {path}.").format(path=db_path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(translate("app", "Cannot create the backup folder {folder}: {reason}").format(
            folder=folder, reason=error.strerror or error)) from error
    target = _dated_backup_path(folder, db_path.stem, now or datetime.now())
    try:
        online_backup(db_path, target)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise UserError(translate("app", "The disk is full: the backup was not written and nothing was changed. Free some space in {folder} and try again.").format(folder=folder)) from error
        raise UserError(translate("app", "The backup could not be written to {folder}: {reason}").format(
            folder=folder, reason=error.strerror or error)) from error
    except sqlite3.Error as error:
        message = str(error)
        if "full" in message.lower():
            raise UserError(translate("app", "The disk is full: the backup was not written and nothing was changed. Free some space in {folder} and try again.").format(folder=folder)) from error
        raise UserError(translate("app", "The backup failed: {reason}").format(reason=message)) from error
    if keep is not None:
        prune_backups(folder, db_path.stem, keep)
    return target


def prune_backups(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` dated backups of ``stem`` (only files we named)."""
    ours = sorted(
        (p for p in folder.glob(f"{stem}-*.db") if (m := BACKUP_NAME.match(p.name)) and m["stem"] == stem),
        key=lambda p: p.name,
        reverse=True,
    )
    removed = ours[max(keep, 1):]
    for path in removed:
        path.unlink()
    return removed


def check_database(database) -> list[str]:
    """SQLite's integrity and foreign-key checks plus each ledger's own consistency checks."""
    problems: list[str] = []
    with database.engine.connect() as conn:
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if line != "ok":
                problems.append(translate("app", "Integrity: {detail}").format(detail=line))
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
            problems.append(translate("app", "Table {table} row {rowid} points to a missing row in {parent}").format(
                table=table, rowid=rowid, parent=parent))
    current, heads = migrate.current_revisions(database.engine), migrate.head_revisions()
    if current != heads:
        problems.append(translate("app", "The schema is at {current}, this version expects {head}: run init to upgrade.").format(
            current=", ".join(sorted(current)) or "-", head=", ".join(sorted(heads))))
        return problems
    with database.reading() as session:
        for feature in features():
            if feature.checks is not None:
                problems.extend(feature.checks(session))
    return problems
