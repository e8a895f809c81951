"""Registration of the repair team: record count, demo data, checks, command line, link labels."""

from __future__ import annotations

from sqlalchemy import and_, exists, func, select

from app.features import Feature
from app.i18n import translate
from app.repairs import workflow
from app.repairs.rules import GAS, MAX_MINUTES, OUTCOMES, REFERRED
from db.models import Link, RepairEvent, RepairJob, RepairVolunteer, SafetyCheck, SafetyCheckVolunteer


def count(session) -> int:
    from app.repairs.service import count_jobs

    return count_jobs(session)


def _job_problems(session) -> list[str]:
    problems: list[str] = []
    gas = select(RepairJob.number, RepairJob.outcome).where(
        RepairJob.category == GAS, RepairJob.outcome.is_not(None), RepairJob.outcome != REFERRED)
    for number, outcome in session.execute(gas):
        problems.append(translate("app", "Repair job {number} is a gas job with the outcome \"{outcome}\"; gas is referral only.").format(
            number=number, outcome=outcome))
    unknown = select(RepairJob.number, RepairJob.status).where(RepairJob.status.not_in(workflow.STATUSES))
    for number, status in session.execute(unknown):
        problems.append(translate("app", "Repair job {number} has an unknown status \"{status}\".").format(number=number, status=status))
    bad_outcome = select(RepairJob.number, RepairJob.outcome).where(RepairJob.outcome.not_in(OUTCOMES))
    for number, outcome in session.execute(bad_outcome):
        problems.append(translate("app", "Repair job {number} has an unknown outcome \"{outcome}\".").format(number=number, outcome=outcome))
    closed = select(RepairJob.number).where(RepairJob.status.in_(workflow.CLOSED_STATUSES), RepairJob.outcome.is_(None))
    for number in session.scalars(closed):
        problems.append(translate("app", "Repair job {number} is closed but has no outcome.").format(number=number))
    registered = exists().where(RepairEvent.job_id == RepairJob.id, RepairEvent.step == workflow.REGISTERED)
    for number in session.scalars(select(RepairJob.number).where(~registered)):
        problems.append(translate("app", "Repair job {number} has no registration event.").format(number=number))
    return problems


def _hours_problems(session) -> list[str]:
    too_long = (select(func.count(RepairVolunteer.id)).where(RepairVolunteer.minutes > MAX_MINUTES)).scalar_subquery()
    too_long_checks = (select(func.count(SafetyCheckVolunteer.id)).where(SafetyCheckVolunteer.minutes > MAX_MINUTES)).scalar_subquery()
    total = session.scalar(select(too_long + too_long_checks)) or 0
    if total:
        return [translate("app", "{count} volunteer hour entries are longer than a day.").format(count=total)]
    return []


def _link_problems(session) -> list[str]:
    dangling = select(func.count(Link.id)).where(
        and_(Link.from_kind == "repair", Link.from_id.not_in(select(RepairJob.id)))
        | and_(Link.to_kind == "repair", Link.to_id.not_in(select(RepairJob.id)))
        | and_(Link.from_kind == "safety_check", Link.from_id.not_in(select(SafetyCheck.id)))
        | and_(Link.to_kind == "safety_check", Link.to_id.not_in(select(SafetyCheck.id))))
    total = session.scalar(dangling) or 0
    if total:
        return [translate("app", "{count} link(s) point to repair jobs or safety checks that do not exist.").format(count=total)]
    return []


def checks(session) -> list[str]:
    """Gas jobs with another outcome than referral, impossible statuses, missing events, links to nothing."""
    return [*_job_problems(session), *_hours_problems(session), *_link_problems(session)]


def demo(session, rng, options, job) -> None:
    from app.repairs.demo import fill_demo

    fill_demo(session, rng, options, job)


def register_cli(commands) -> None:
    from app.repairs.cli import register

    register(commands)


def _job_labels(session, ids):
    from app.repairs.rows import job_labels

    return job_labels(session, ids)


def _check_labels(session, ids):
    from app.repairs.safety import check_labels

    return check_labels(session, ids)


def attention(database) -> list:
    from app.repairs.service import count_open

    return [(translate("app", "Repair jobs not finished"), count_open(database), None)]


FEATURE = Feature(
    key="repairs",
    label=lambda: translate("app", "Volunteer repair service"),
    count=count,
    demo=demo,
    checks=checks,
    register_cli=register_cli,
    attention=attention,
    order=30,
    extra={"link_labels": {"repair": _job_labels, "safety_check": _check_labels}},
)
