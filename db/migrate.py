"""Schema upgrades through Alembic, run at start-up and by ``python -m app init``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from db.errors import NewerDatabase, NotWufuDatabase


def _migrations_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "db" / "migrations"
    return Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_migrations_dir()))
    return config


def head_revisions() -> set[str]:
    """Each ledger's migrations form their own branch off the ones they need, so there may be
    several heads; "up to date" means at all of them."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_compatible(engine: Engine, path) -> set[str]:
    """Return the current revisions, refusing a database this version must not touch."""
    current = current_revisions(engine)
    if not current:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise NotWufuDatabase(path, ", ".join(sorted(tables)[:5]))
        return current
    unknown = current - _known_revisions()
    if unknown:
        raise NewerDatabase(path, ", ".join(sorted(unknown)))
    return current


def upgrade(engine: Engine, path, before_upgrade: Callable[[set[str], set[str]], None] | None = None,
            target: str = "heads") -> bool:
    """Bring the schema to ``target`` (all heads by default). Returns True when anything was applied.

    ``before_upgrade(current, wanted)`` runs first when an existing database is about to change:
    the app takes its online backup there.
    """
    current = check_compatible(engine, path)
    wanted = head_revisions() if target == "heads" else {target}
    if current == wanted:
        return False
    if current and before_upgrade is not None:
        before_upgrade(current, wanted)
    config = alembic_config()
    with engine.execution_options(sqlite_immediate=True).connect() as conn:
        raw = conn.connection.dbapi_connection
        # Batch mode rebuilds a table by copy, drop and rename; with foreign keys on, that DROP
        # would cascade-delete (or refuse) the rows of other tables pointing at it. The pragma only
        # takes effect outside a transaction, so it is set before BEGIN and checked before COMMIT.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            # One transaction for all revisions, holding SQLite's write lock (BEGIN IMMEDIATE) from
            # the start: a failure leaves the file as it was, and a second copy of Wufu starting at
            # the same moment waits, then finds the schema already current. (Alembic sees the
            # transaction as external and does not commit revision by revision.)
            with conn.begin():
                already = set(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                broken = [row for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() if row not in already]
                if broken:
                    raise RuntimeError(f"the upgrade to {target} left rows pointing at missing rows: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    return True
