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


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_compatible(engine: Engine, path) -> str | None:
    """Return the current revision, refusing a database this version must not touch."""
    current = current_revision(engine)
    if current is None:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise NotWufuDatabase(path, ", ".join(sorted(tables)[:5]))
        return None
    if current not in _known_revisions():
        raise NewerDatabase(path, current)
    return current


def upgrade(engine: Engine, path, before_upgrade: Callable[[str | None, str], None] | None = None,
            target: str = "head") -> bool:
    """Bring the schema to ``target``. Returns True when anything was applied.

    ``before_upgrade(current, head)`` runs first when an existing database is about to change:
    the app takes its online backup there.
    """
    current = check_compatible(engine, path)
    head = head_revision() if target == "head" else target
    if current == head:
        return False
    if current is not None and before_upgrade is not None:
        before_upgrade(current, head)
    config = alembic_config()
    # The whole upgrade holds SQLite's write lock (BEGIN IMMEDIATE): a second copy of Wufu
    # starting at the same moment waits, then finds the schema already current.
    with engine.execution_options(sqlite_immediate=True).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
        conn.commit()
    return True
