"""Schema upgrades keep the office's data, back the file up first, happen all-or-nothing, and a
file this version must not touch (made by a newer Wufu, or by another program) is refused and left
byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.database import Database
from app.errors import UserError
from app.paths import backup_dir_for
from db import migrate
from db.engine import make_engine
from db.errors import NewerDatabase, NotWufuDatabase

FIRST = "0001_foundation"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path, sql: str) -> list[tuple]:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def _make_at_first_revision(path: Path) -> None:
    """A database as the first release of Wufu left it, with some of the office's data in it."""
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, path, target=FIRST)
        assert migrate.current_revisions(engine) == {FIRST}
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('office_name', '福通社区居委会')")
            conn.exec_driver_sql(
                "INSERT INTO audit_log (actor, action, table_name, row_id, changes) "
                "VALUES ('张三', 'update', 'settings', NULL, '{\"office_name\": [null, \"福通社区居委会\"]}')")
    finally:
        engine.dispose()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


# --- upgrades --------------------------------------------------------------------------------------

def test_a_new_database_is_created_at_head_without_a_backup(db_path):
    database = Database.open(db_path)
    try:
        assert migrate.current_revisions(database.engine) == migrate.head_revisions()
        tables = set(inspect(database.engine).get_table_names())
        assert {"audit_log", "settings", "alembic_version"} <= tables
    finally:
        database.close()
    assert not backup_dir_for(db_path).exists(), "nothing to back up in a brand-new file"


def test_data_from_the_first_revision_survives_the_upgrade(db_path, beyond_first_revision):
    _make_at_first_revision(db_path)
    database = Database.open(db_path)
    try:
        assert migrate.current_revisions(database.engine) == migrate.head_revisions()
        assert database.get_setting("office_name") == "福通社区居委会"
    finally:
        database.close()
    assert _rows(db_path, "SELECT actor, action, table_name FROM audit_log") == [("张三", "update", "settings")]


def test_an_online_backup_of_the_old_file_is_taken_before_upgrading(db_path, beyond_first_revision):
    _make_at_first_revision(db_path)
    Database.open(db_path).close()
    backups = sorted(backup_dir_for(db_path).glob("*.db"))
    assert backup_dir_for(db_path) == db_path.parent / "wufu-backups"
    assert len(backups) == 1, backups
    backup = backups[0]
    assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]
    # the backup is the database as it was before the upgrade: old schema, same data
    assert _rows(backup, "SELECT version_num FROM alembic_version") == [(FIRST,)]
    assert _rows(backup, "SELECT value FROM settings WHERE key='office_name'") == [("福通社区居委会",)]
    assert _rows(backup, "SELECT actor FROM audit_log") == [("张三",)]
    assert not list(backup_dir_for(db_path).glob("*.part")), "no half-written backup left behind"
    # opening again (nothing to upgrade) takes no further backup
    Database.open(db_path).close()
    assert len(list(backup_dir_for(db_path).glob("*.db"))) == 1


# --- synthetic revisions on top of the real ones ---------------------------------------------------

def test_a_failed_upgrade_leaves_the_database_as_it_was(db_path, extra_revisions):
    """All revisions run in one transaction: if the last one fails, none of them is kept."""
    with closing(Database.open(db_path)) as database:  # at today's head, with data
        database.set_setting("office_name", "福通社区居委会")
    before_tables = set(_table_names(db_path))
    before_revisions = _rows(db_path, "SELECT version_num FROM alembic_version")

    extra_revisions("0901_first_part", 'op.create_table("first_part", sa.Column("id", sa.Integer, primary_key=True))')
    extra_revisions("0902_second_part", '''\
        op.create_table("second_part", sa.Column("id", sa.Integer, primary_key=True))
        raise RuntimeError("the migration's author made a mistake")''')

    with pytest.raises(RuntimeError, match="mistake"):
        Database.open(db_path)

    assert set(_table_names(db_path)) == before_tables, "a half-applied upgrade was committed"
    assert _rows(db_path, "SELECT version_num FROM alembic_version") == before_revisions
    assert _rows(db_path, "SELECT value FROM settings WHERE key='office_name'") == [("福通社区居委会",)]
    # and the backup taken before the attempt is there for the administrator
    assert len(list(backup_dir_for(db_path).glob("*.db"))) == 1


def test_a_second_upgrade_attempt_after_a_fix_succeeds(db_path, extra_revisions):
    Database.open(db_path).close()
    extra_revisions("0901_first_part", 'op.create_table("first_part", sa.Column("id", sa.Integer, primary_key=True))')
    database = Database.open(db_path)
    try:
        assert migrate.current_revisions(database.engine) == {"0901_first_part"}
        assert "first_part" in inspect(database.engine).get_table_names()
    finally:
        database.close()


def test_rebuilding_a_referenced_table_keeps_the_rows_that_point_at_it(db_path, extra_revisions):
    """SQLite cannot ALTER most things, so Alembic's batch mode copies a table and drops the old
    one. With foreign keys on, that DROP would delete (ON DELETE CASCADE) or refuse the rows in other
    tables that point at it. The upgrade must run with foreign keys off, check them, then turn them on."""
    Database.open(db_path).close()
    extra_revisions("0901_parents", '''\
        op.create_table("parents", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(20)))
        op.create_table("children", sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("parent_id", sa.Integer, sa.ForeignKey("parents.id", ondelete="CASCADE"), nullable=False))''')
    engine = make_engine(db_path)
    try:
        migrate.upgrade(engine, db_path, target="0901_parents")
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO parents (id, name) VALUES (1, '王秀兰'), (2, '李建国')")
            conn.exec_driver_sql("INSERT INTO children (parent_id) VALUES (1), (1), (2)")
    finally:
        engine.dispose()

    extra_revisions("0902_rebuild_parents", '''\
        with op.batch_alter_table("parents", recreate="always") as batch:
            batch.add_column(sa.Column("phone", sa.String(20)))''')
    database = Database.open(db_path)
    try:
        assert migrate.current_revisions(database.engine) == {"0902_rebuild_parents"}
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM children").scalar() == 3
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1, "foreign keys back on afterwards"
        database.engine.dispose()  # fresh connections too
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.close()


# --- files this version must not touch -------------------------------------------------------------

def _make_newer(db_path: Path, journal_mode: str) -> None:
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("DELETE FROM alembic_version")  # one row per ledger branch
    raw.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_future')")
    raw.commit()
    raw.execute(f"PRAGMA journal_mode={journal_mode}")
    raw.close()


@pytest.mark.parametrize("journal_mode", ["WAL", "DELETE"])
@pytest.mark.parametrize("upgrade", [True, False], ids=["open", "check"])
def test_a_database_from_a_newer_version_is_refused_untouched(db_path, zh_cn, journal_mode, upgrade):
    _make_newer(db_path, journal_mode)
    before = _sha(db_path)
    siblings = _siblings(db_path)
    with pytest.raises(UserError) as caught:
        Database.open(db_path, upgrade=upgrade)
    assert isinstance(caught.value.__cause__, NewerDatabase)
    assert "更新版本" in caught.value.message and "9999_future" in caught.value.message
    assert _sha(db_path) == before
    assert _siblings(db_path) == siblings
    assert not backup_dir_for(db_path).exists(), "a refused file is not even backed up"


@pytest.mark.parametrize("journal_mode", ["WAL", "DELETE"])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, zh_cn, journal_mode):
    path = tmp_path / "accounts.sqlite"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA journal_mode={journal_mode}")
    raw.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO customers (name) VALUES ('某公司')")
    raw.commit()
    raw.close()
    before = _sha(path)
    with pytest.raises(UserError) as caught:
        Database.open(path)
    assert isinstance(caught.value.__cause__, NotWufuDatabase)
    assert "其他程序" in caught.value.message and "customers" in caught.value.message
    assert _sha(path) == before
    assert _siblings(path) == []


def test_check_compatible_on_its_own(db_path):
    engine = make_engine(db_path)
    try:
        assert migrate.check_compatible(engine, db_path) == set()  # brand new: fine
    finally:
        engine.dispose()
    _make_newer(db_path, "WAL")
    engine = make_engine(db_path)
    try:
        with pytest.raises(NewerDatabase):
            migrate.check_compatible(engine, db_path)
    finally:
        engine.dispose()


def test_an_upgraded_wufu_file_in_rollback_journal_mode_is_switched_to_wal(db_path):
    """A backup copied back into place is in DELETE mode; once known to be ours, it becomes WAL."""
    Database.open(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.close()
    Database.open(db_path).close()
    assert _rows(db_path, "PRAGMA journal_mode") == [("wal",)]


def _table_names(path: Path) -> list[str]:
    return [name for (name,) in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")]
