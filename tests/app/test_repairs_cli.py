"""The repair team from the command line (one subprocess run), the demo data, and the migration."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.database import Database
from app.demo import DemoOptions, load_demo
from app.repairs.feature import FEATURE, checks
from db.models import Base, Link, RepairJob, SafetyCheck, SafetyFinding, Volunteer
from tests.app.repairs_data import at, job, needs_poppler, pdf_text, squeezed, team
from tests.conftest import ROOT, child_env

TABLES = {"volunteers", "repair_jobs", "repair_events", "repair_volunteers", "repair_materials", "safety_checks",
          "safety_check_volunteers", "safety_findings"}


def _run(tmp_path, db_path, *args):
    return subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), "--lang", "zh_CN", *args], cwd=ROOT,
                          env=child_env(tmp_path), capture_output=True, text=True, timeout=120)


@needs_poppler
def test_certificate_and_exports_from_the_command_line(tmp_db, tmp_path):
    people = team(tmp_db)
    job(tmp_db, at(5), item="热水壶", outcome="修好", volunteers=[(people["ma"], 1.5)], phone="13912341031")
    job(tmp_db, at(9), item="台灯", outcome="修好", volunteers=[(people["ma"], 1)])
    tmp_db.close()
    pdf, xlsx, people_xlsx = tmp_path / "证明.pdf", tmp_path / "维修.xlsx", tmp_path / "志愿者.xlsx"
    done = _run(tmp_path, tmp_db.path, "certificate", "ZY-0002", str(pdf), "--from", "2026-10-01", "--to", "2026.10.31",
                "--date", "2026-11-27")
    assert done.returncode == 0, done.stderr
    assert "马永福" in done.stdout and "2.5" in done.stdout
    text = squeezed(pdf_text(pdf))
    assert "马永福" in text and "ZY-0002" in text and "2.5" in text and "2026年11月27日" in text
    done = _run(tmp_path, tmp_db.path, "export", "repairs", str(xlsx), "--from", "2026-10-06")
    assert done.returncode == 0, done.stderr
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[2:]] == ["WX-20261009-01"]
    done = _run(tmp_path, tmp_db.path, "export", "volunteers", str(people_xlsx), "--reveal")
    assert done.returncode == 0, done.stderr
    values = [v for r in load_workbook(people_xlsx).active.iter_rows(values_only=True) for v in r]
    assert "13895022302" in values and 2.5 in values
    missing = _run(tmp_path, tmp_db.path, "certificate", "ZY-0099", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "ZY-0099" in missing.stderr


def test_the_demo_team_jobs_and_checks(db_path):
    database = Database.open(db_path, actor="演示")
    try:
        load_demo(database, DemoOptions(residents=80, seed=7))
        with database.reading() as session:
            assert FEATURE.count(session) == 120
            assert session.scalar(select(func.count(Volunteer.id))) == 12
            assert session.scalar(select(func.count(SafetyCheck.id))) == 30
            items = set(session.scalars(select(RepairJob.item).where(RepairJob.outcome == "修好")))
            assert {"电风扇", "电饭锅", "台灯", "热水壶"} <= items
            assert session.scalar(select(func.count(RepairJob.id)).where(RepairJob.category == "燃气",
                                                                         RepairJob.outcome != "转介")) == 0
            assert session.scalar(select(func.count(RepairJob.id)).where(RepairJob.outcome == "需再约")) > 0
            assert session.scalar(select(func.count(SafetyFinding.id)).where(SafetyFinding.request_id.is_not(None))) == 1
            assert session.scalar(select(func.count(Link.id)).where(Link.from_kind == "safety_check")) == 1
            assert session.scalar(select(func.count(Link.id)).where(Link.to_kind == "repair")) > 0
            assert session.scalar(select(func.count(RepairJob.id)).where(RepairJob.is_demo.is_(False))) == 0
            assert checks(session) == []
    finally:
        database.close()


def test_the_migration_builds_the_tables_the_models_describe(tmp_db):
    with tmp_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, Base.metadata) if any(t in str(d) for t in TABLES)]
    assert differences == []
