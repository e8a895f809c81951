"""Excel exports: the repair ledger (维修登记台账) and the volunteers with their hours.

Phones are masked unless ``reveal`` is asked for on purpose; every export is audited, with the
reveal flag, the row count and the file name. Text cells stay text (app.excel writes them so).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.excel import Column, Sheet, write_workbook
from app.i18n import translate
from app.jobs import JobControl, ensure
from app.repairs.rows import rows_in
from app.repairs.rules import format_hours, hours_value
from app.repairs.search import JobQuery, job_ids_statement
from app.repairs.volunteers import rows_in as volunteer_rows_in
from db import audit
from db.models import RepairJob, Volunteer


def _period_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return translate("app", "all dates")
    return f"{start.isoformat() if start else '…'} — {end.isoformat() if end else '…'}"


def job_columns() -> list[Column]:
    return [
        Column(translate("app", "Job number"), "number", 17),
        Column(translate("app", "Date"), "job_date", kind="date"),
        Column(translate("app", "Resident"), "name"),
        Column(translate("app", "Phone"), "phone", 15),
        Column(translate("app", "Address"), "address", 28),
        Column(translate("app", "Item"), "item"),
        Column(translate("app", "Category"), "category", 8),
        Column(translate("app", "Fault"), "fault", 30),
        Column(translate("app", "Appointment"), "appointment", kind="datetime"),
        Column(translate("app", "Service mode"), "service_mode", 10),
        Column(translate("app", "Volunteers"), "volunteers", 24),
        Column(translate("app", "Hours"), "hours", 8, kind="float"),
        Column(translate("app", "Materials"), "materials", 22),
        Column(translate("app", "Paid by"), "paid_by", 10),
        Column(translate("app", "Status"), "status", 8),
        Column(translate("app", "Outcome"), "outcome", 9),
        Column(translate("app", "What was done"), "result_note", 24),
        Column(translate("app", "Completed at"), "finished_at", kind="datetime"),
        Column(translate("app", "Satisfaction"), "satisfaction", 10),
    ]


def _job_records(session, ids: list[int], reveal: bool, job: JobControl):
    for start in range(0, len(ids), 500):
        job.report(start, len(ids))
        batch = ids[start:start + 500]
        phones = dict(session.execute(select(RepairJob.id, RepairJob.phone).where(RepairJob.id.in_(batch))).all()) if reveal else {}
        for row in rows_in(session, batch):
            yield {
                "number": row.number, "job_date": row.job_date, "name": row.name,
                "phone": (phones.get(row.id) or "") if reveal else row.phone_masked, "address": row.address,
                "item": row.item, "category": row.category, "fault": row.fault, "appointment": row.appointment,
                "service_mode": row.service_mode, "volunteers": row.volunteer_text, "hours": hours_value(row.minutes),
                "materials": row.material_text, "paid_by": row.paid_text, "status": row.status, "outcome": row.outcome,
                "result_note": row.result_note, "finished_at": row.finished_at, "satisfaction": row.satisfaction,
            }


def export_jobs(db, path, query: JobQuery | None = None, reveal: bool = False, job: JobControl | None = None) -> int:
    """Write the jobs matching ``query`` (all, oldest first, by default). Returns the row count."""
    job = ensure(job)
    query = query or JobQuery(sort_key="job_date", descending=False)
    path = Path(path)
    with db.reading() as session:  # not a write transaction: writing the file may take a while
        ids = list(session.scalars(job_ids_statement(query)))
        title = translate("app", "Repair ledger ({period}), {count} jobs").format(
            period=_period_text(query.date_from, query.date_to), count=len(ids))
        sheet = Sheet(translate("app", "Repair jobs"), job_columns(), _job_records(session, ids, reveal, job),
                      title_line=title, total=len(ids))
        write_workbook(path, [sheet], job)
    _record(db, "repair_jobs", {"file": path.name, "rows": len(ids), "reveal": reveal})
    return len(ids)


def _record(db, table: str, details: dict) -> None:
    with db.unit_of_work() as session:
        audit.record(session, "export", table, None, details)


def volunteer_columns() -> list[Column]:
    return [
        Column(translate("app", "Volunteer number"), "number", 12),
        Column(translate("app", "Name"), "name", 10),
        Column(translate("app", "Skills"), "skills", 20),
        Column(translate("app", "Phone"), "phone", 15),
        Column(translate("app", "Active"), "active", 8),
        Column(translate("app", "Repairs"), "jobs", 10, kind="int"),
        Column(translate("app", "Checks"), "checks", 10, kind="int"),
        Column(translate("app", "Service hours"), "hours", 10, kind="float"),
        Column(translate("app", "Notes"), "notes", 24),
    ]


def export_volunteers(db, path, start: date | None = None, end: date | None = None, reveal: bool = False,
                      text: str = "", job: JobControl | None = None) -> int:
    """Every volunteer with their hours of actual service in the period. Returns the row count."""
    job = ensure(job)
    path = Path(path)
    yes, no = translate("app", "Yes"), translate("app", "No")
    with db.reading() as session:
        rows = volunteer_rows_in(session, start, end, text)
        phones = dict(session.execute(select(Volunteer.id, Volunteer.phone)).all()) if reveal else {}
        records = [{
            "number": r.number, "name": r.name, "skills": "、".join(r.skills),
            "phone": (phones.get(r.id) or "") if reveal else r.phone_masked, "active": yes if r.active else no,
            "jobs": r.jobs, "checks": r.checks, "hours": hours_value(r.minutes), "notes": r.notes,
        } for r in rows]
        total = sum(r.minutes for r in rows)
        title = translate("app", "Volunteer hours ({period}): {hours} hours in all").format(
            period=_period_text(start, end), hours=format_hours(total))
    write_workbook(path, [Sheet(translate("app", "Volunteers"), volunteer_columns(), records, title_line=title)], job)
    _record(db, "volunteers", {"file": path.name, "rows": len(rows), "reveal": reveal, "from": start, "to": end})
    return len(rows)
