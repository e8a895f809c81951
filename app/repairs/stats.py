"""A month's figures for the team: repairs by category and outcome, fix rate, hours, safety checks.

Jobs count in the month of their date (登记日期), checks in the month of theirs. "Finished" means
the job went through 完成 (outcome 修好 or 无法修复): fix rate = 修好 ÷ finished. Referrals (燃气
above all) and jobs waiting for another visit are shown beside it, not in it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.repairs.rules import CATEGORIES, FINISHED_OUTCOMES, FIXED, OUTCOMES, SATISFACTION, SEVERITIES
from app.repairs.volunteers import hours_by_volunteer
from db.models import RepairJob, SafetyCheck, SafetyFinding, Volunteer

NO_OUTCOME = ""  # still open: no outcome yet


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: int
    number: str
    name: str
    minutes: int
    jobs: int
    checks: int


@dataclass
class MonthStats:
    year: int
    month: int
    jobs: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)  # NO_OUTCOME for open jobs
    table: dict[tuple[str, str], int] = field(default_factory=dict)  # (category, outcome) -> jobs
    satisfaction: dict[str, int] = field(default_factory=dict)
    checks: int = 0
    findings: int = 0
    findings_by_severity: dict[str, int] = field(default_factory=dict)
    findings_open: int = 0
    escalated: int = 0
    volunteers: list[VolunteerHours] = field(default_factory=list)

    @property
    def fixed(self) -> int:
        return self.by_outcome.get(FIXED, 0)

    @property
    def finished(self) -> int:
        return sum(self.by_outcome.get(o, 0) for o in FINISHED_OUTCOMES)

    @property
    def fix_rate(self) -> float | None:
        """修好 ÷ finished, or None when nothing was finished."""
        return self.fixed / self.finished if self.finished else None

    @property
    def minutes(self) -> int:
        return sum(v.minutes for v in self.volunteers)

    @property
    def categories(self) -> list[str]:
        """The fixed categories, then any others found in old imported data."""
        return [*CATEGORIES, *sorted(c for c in self.by_category if c not in CATEGORIES)]

    @property
    def outcomes(self) -> list[str]:
        return [*OUTCOMES, NO_OUTCOME]


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _jobs(session: Session, stats: MonthStats, start: date, end: date) -> None:
    where = (RepairJob.removed_at.is_(None), RepairJob.job_date >= start, RepairJob.job_date <= end)
    statement = (select(RepairJob.category, RepairJob.outcome, func.count(RepairJob.id))
                 .where(*where).group_by(RepairJob.category, RepairJob.outcome))
    for category, outcome, count in session.execute(statement):
        outcome = outcome or NO_OUTCOME
        stats.jobs += count
        stats.by_category[category] = stats.by_category.get(category, 0) + count
        stats.by_outcome[outcome] = stats.by_outcome.get(outcome, 0) + count
        stats.table[(category, outcome)] = stats.table.get((category, outcome), 0) + count
    satisfaction = (select(RepairJob.satisfaction, func.count(RepairJob.id))
                    .where(*where, RepairJob.satisfaction.in_(SATISFACTION)).group_by(RepairJob.satisfaction))
    stats.satisfaction = {s: n for s, n in session.execute(satisfaction)}


def _checks(session: Session, stats: MonthStats, start: date, end: date) -> None:
    where = (SafetyCheck.removed_at.is_(None), SafetyCheck.check_date >= start, SafetyCheck.check_date <= end)
    stats.checks = session.scalar(select(func.count(SafetyCheck.id)).where(*where)) or 0
    statement = (select(SafetyFinding.severity, SafetyFinding.rectified, SafetyFinding.request_id.is_not(None),
                        func.count(SafetyFinding.id))
                 .join(SafetyCheck, SafetyCheck.id == SafetyFinding.check_id)
                 .where(*where, SafetyFinding.removed_at.is_(None))
                 .group_by(SafetyFinding.severity, SafetyFinding.rectified, SafetyFinding.request_id.is_not(None)))
    for severity, rectified, escalated, count in session.execute(statement):
        stats.findings += count
        stats.findings_by_severity[severity] = stats.findings_by_severity.get(severity, 0) + count
        stats.findings_open += 0 if rectified else count
        stats.escalated += count if escalated else 0
    for severity in SEVERITIES:
        stats.findings_by_severity.setdefault(severity, 0)


def _volunteers(session: Session, stats: MonthStats, start: date, end: date) -> None:
    hours = hours_by_volunteer(session, start, end)
    if not hours:
        return
    people = {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(list(hours))))}
    stats.volunteers = sorted(
        (VolunteerHours(i, people[i].number, people[i].name, m, j, c) for i, (m, j, c) in hours.items() if m > 0),
        key=lambda v: (-v.minutes, v.number))


def stats_in(session: Session, year: int, month: int) -> MonthStats:
    start, end = month_range(year, month)
    stats = MonthStats(year, month)
    _jobs(session, stats, start, end)
    _checks(session, stats, start, end)
    _volunteers(session, stats, start, end)
    return stats


def month_stats(db, year: int, month: int) -> MonthStats:
    with db.reading() as session:
        return stats_in(session, year, month)


def months_with_data(db) -> list[tuple[int, int]]:
    """(year, month) that have jobs or checks, newest first (for the month picker)."""
    with db.reading() as session:
        jobs = session.scalars(select(func.distinct(func.strftime("%Y-%m", RepairJob.job_date)))
                               .where(RepairJob.removed_at.is_(None)))
        checks = session.scalars(select(func.distinct(func.strftime("%Y-%m", SafetyCheck.check_date)))
                                 .where(SafetyCheck.removed_at.is_(None)))
        keys = {k for k in [*jobs, *checks] if k}
    return sorted(((int(k[:4]), int(k[5:7])) for k in keys), reverse=True)
