"""A month's repair register (便民维修登记簿) as a printable A4 landscape table.

One row per job of the month (by job date, oldest first): 单号, 日期, 居民, 地址, 物品, 类别, 故障,
志愿者 (with hours), 工时, 材料, 结果, 满意度; the header repeats on every page, the footer says
第 x 页 共 y 页, and a summary line and signature lines close it. Phones are not printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.i18n import translate
from app.jobs import JobControl, ensure
from app.pdf import ReportDocument, data_table, para, paragraph_style, signature_block
from app.repairs.rows import JobRow, rows_in
from app.repairs.rules import OUTCOMES, community_name, format_hours
from app.repairs.search import JobQuery, job_ids_statement
from app.repairs.stats import month_range

WIDTHS = (29, 13, 15, 36, 17, 10, None, 30, 10, 32, 16, 14)
ALIGN = ("left", "center", "left", "left", "left", "center", "left", "left", "right", "left", "center", "center")


def headers() -> list[str]:
    return [
        translate("app", "Job number"),
        translate("app", "Date"),
        translate("app", "Resident"),
        translate("app", "Address"),
        translate("app", "Item"),
        translate("app", "Category"),
        translate("app", "Fault"),
        translate("app", "Volunteers"),
        translate("app", "Hours"),
        translate("app", "Materials"),
        translate("app", "Outcome"),
        translate("app", "Satisfaction"),
    ]


def _cells(row: JobRow) -> list[str]:
    materials = row.material_text
    if materials and row.paid_text:
        materials = f"{materials}（{row.paid_text}）"
    outcome = row.outcome or row.status
    return [row.number, f"{row.job_date:%m-%d}", row.name, row.address, row.item, row.category, row.fault,
            row.volunteer_text, format_hours(row.minutes) if row.minutes else "", materials, outcome, row.satisfaction]


def _summary(rows: list[JobRow]) -> str:
    counts = {o: sum(r.outcome == o for r in rows) for o in OUTCOMES}
    open_jobs = sum(not r.outcome for r in rows)
    parts = "，".join(f"{o} {n}" for o, n in counts.items())
    return translate("app", "{count} jobs registered: {parts}, still open {open}; {hours} hours of volunteer service.").format(
        count=len(rows), parts=parts, open=open_jobs, hours=format_hours(sum(r.minutes for r in rows)))


def write_register(db, path, year: int, month: int, job: JobControl | None = None, printed_on: date | None = None) -> int:
    """Write the register of one month to ``path``. Returns the number of jobs in it."""
    job = ensure(job)
    start, end = month_range(year, month)
    with db.reading() as session:
        query = JobQuery(date_from=start, date_to=end, sort_key="number", descending=False)
        ids = list(session.scalars(job_ids_statement(query)))
        rows = rows_in(session, ids)
        issuer = community_name(session)
    rows.sort(key=lambda r: (r.job_date, r.number))
    title = translate("app", "Repair register")
    subtitle = translate("app", "{issuer}　{year}年{month}月　{count} jobs").format(
        issuer=issuer, year=year, month=month, count=len(rows))
    footer = translate("app", "Wufu community workstation, printed {day}").format(day=(printed_on or date.today()).isoformat())
    document = ReportDocument(title, subtitle=subtitle, landscape=True, margins_mm=(15, 12, 15, 12), footer_text=footer)
    story = [*data_table(headers(), [_cells(r) for r in rows], WIDTHS, align=ALIGN, font_size=8.5)]
    if not rows:
        story.append(para(translate("app", "No repair jobs were registered this month."), paragraph_style(11)))
    story += [Spacer(1, 4 * mm), para(_summary(rows), paragraph_style(10.5))]
    story += signature_block((translate("app", "Registered by"), translate("app", "Checked by")), space_before_mm=8)
    document.build(Path(path), story, job=job)
    return len(rows)
