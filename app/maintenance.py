"""Administrator tasks: dated backups with rotation, and the database check."""

from __future__ import annotations

import errno
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import exc as sa_exc

from app.errors import UserError
from app.features import features
from app.i18n import translate
from db import migrate
from db.backup import online_backup

BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<counter>\d+))?\.db$")


def _dated_backup_path(folder: Path, stem: str, now: datetime) -> Path:
    base = f"{stem}-{now:%Y%m%d-%H%M%S}"
    candidate = folder / f"{base}.db"
    # Past the highest number already used this second, not into a gap that pruning left: the
    # newest backup must always sort newest, or "keep" would delete the one just written.
    used = [_backup_age(m)[1] for p in folder.glob(f"{base}*.db")
            if (m := BACKUP_NAME.match(p.name)) and m["stem"] == stem and m["stamp"] == f"{now:%Y%m%d-%H%M%S}"]
    counter = max(used, default=1) + 1
    if used:
        candidate = folder / f"{base}-{counter}.db"
    while candidate.exists():
        candidate = folder / f"{base}-{counter}.db"
        counter += 1
    return candidate


def write_backup(db_path: Path, target: Path) -> Path:
    """Online backup of ``db_path`` into the new file ``target``; problems come back as UserError.

    Nothing half-written is left behind: db.backup writes to a temporary name first.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(translate("app", "Cannot create the backup folder {folder}: {reason}").format(
            folder=folder, reason=error.strerror or error)) from error
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
    return target


def backup_database(db_path: Path, folder: Path, keep: int | None = None, now: datetime | None = None) -> Path:
    """Online backup of ``db_path`` into ``folder`` as <stem>-YYYYmmdd-HHMMSS.db; keep the newest ``keep``."""
    if not db_path.is_file():
        raise UserError(translate("app", "There is no database at {path}.").format(path=db_path))
    target = write_backup(db_path, _dated_backup_path(folder, db_path.stem, now or datetime.now()))
    if keep is not None:
        prune_backups(folder, db_path.stem, keep)
    return target


def _backup_age(match: re.Match) -> tuple[str, int]:
    # Within one second: name.db, then name-2.db … name-10.db; compared as numbers, not as text.
    return match["stamp"], int(match["counter"] or 1)


def prune_backups(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` dated backups of ``stem`` (only files we named)."""
    ours = sorted(
        ((p, m) for p in folder.glob(f"{stem}-*.db") if (m := BACKUP_NAME.match(p.name)) and m["stem"] == stem),
        key=lambda pm: _backup_age(pm[1]),
        reverse=True,
    )
    removed = [p for p, _m in ours[max(keep, 1):]]
    for path in removed:
        path.unlink()
    return removed


def check_database(database) -> list[str]:
    """SQLite's integrity and foreign-key checks plus each ledger's own consistency checks."""
    problems: list[str] = []
    try:
        with database.engine.connect() as conn:
            for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").fetchall():
                if line != "ok":
                    problems.append(translate("app", "Integrity: {detail}").format(detail=line))
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                problems.append(translate("app", "Table {table} row {rowid} points to a missing row in {parent}").format(
                    table=table, rowid=rowid, parent=parent))
    except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:
        # Damaged so badly that SQLite stops reading ("database disk image is malformed"): that is the finding.
        problems.append(translate("app", "Integrity: {detail}").format(detail=getattr(error, "orig", None) or error))
        return problems
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
