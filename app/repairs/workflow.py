"""The life of a repair job: which step may follow which, and what each step changes.

    登记 → 派单 → 上门 ─┬→ 完成 (修好 / 无法修复) ─┐
    登记 ─────→ 到店 ─┤→ 再约 (需再约) → 上门 / 到店 / 派单 again
                      └→ 转介 (from any open status) ┴→ 回访 (satisfaction)

``status`` is the name of the step that set it. Every step writes one RepairEvent with its time
and actor. Gas (燃气) is referral only: 完成 and 再约 are refused for it. ``settle`` is the form's
path: choosing an outcome takes the steps still missing (派单, 上门/到店) at the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.repairs.rules import AGAIN, BEYOND, FINISHED_OUTCOMES, FIXED, GAS, REFERRED, SATISFACTION, gas_message
from db.models import RepairEvent, RepairJob, RepairVolunteer

REGISTERED, DISPATCHED, VISIT, SHOP = "登记", "派单", "上门", "到店"
DONE, REBOOK, REFER, FOLLOWED_UP = "完成", "再约", "转介", "回访"
STATUSES = (REGISTERED, DISPATCHED, VISIT, SHOP, DONE, REBOOK, REFER, FOLLOWED_UP)
OPEN_STATUSES = (REGISTERED, DISPATCHED, VISIT, SHOP, REBOOK)
CLOSED_STATUSES = (DONE, REFER, FOLLOWED_UP)
NOTE_MAX = 2000
FUTURE_SLACK = timedelta(days=1)
OUTCOME_STEP = {FIXED: DONE, BEYOND: DONE, AGAIN: REBOOK, REFERRED: REFER}


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    needs_volunteers: bool = False
    needs_outcome: bool = False  # 完成: 修好 or 无法修复
    needs_note: bool = False  # 转介: to whom
    needs_satisfaction: bool = False
    refused_for_gas: bool = False


STEPS: dict[str, Step] = {s.name: s for s in (
    Step(DISPATCHED, (REGISTERED, REBOOK), needs_volunteers=True),
    Step(VISIT, (DISPATCHED, REBOOK)),
    Step(SHOP, (REGISTERED, DISPATCHED, REBOOK)),
    Step(DONE, (VISIT, SHOP), needs_volunteers=True, needs_outcome=True, refused_for_gas=True),
    Step(REBOOK, (VISIT, SHOP), refused_for_gas=True),
    Step(REFER, OPEN_STATUSES, needs_note=True),
    Step(FOLLOWED_UP, (DONE, REFER), needs_satisfaction=True),
)}
STEP_ORDER = (DISPATCHED, VISIT, SHOP, DONE, REBOOK, REFER, FOLLOWED_UP)


def allowed_steps(status: str, category: str | None = None) -> tuple[str, ...]:
    """The steps a job in ``status`` may take next, in the order they are offered."""
    return tuple(name for name in STEP_ORDER if status in STEPS[name].sources
                 and not (category == GAS and STEPS[name].refused_for_gas))


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def illegal_step_message(status: str, step: str) -> str:
    return translate("app", "The repair job is at \"{status}\"; \"{step}\" is not possible now.").format(status=status, step=step)


def _volunteer_count(session, job: RepairJob) -> int:
    return session.scalar(select(func.count(RepairVolunteer.id)).where(
        RepairVolunteer.job_id == job.id, RepairVolunteer.removed_at.is_(None))) or 0


def _check(session, job: RepairJob, step: Step, at: datetime, note, outcome, satisfaction) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.needs_volunteers and _volunteer_count(session, job) == 0:
        errors["volunteers"] = translate("app", "Add at least one volunteer to the job first.")
    if step.needs_outcome and outcome not in FINISHED_OUTCOMES:
        errors["outcome"] = translate("app", "Choose the outcome: fixed or beyond repair.")
    if step.needs_note and not note:
        errors["note"] = translate("app", "Say to whom the job is referred (e.g. the gas company).")
    if step.needs_satisfaction and satisfaction not in SATISFACTION:
        errors["satisfaction"] = translate("app", "Choose the resident's satisfaction: satisfied, mostly satisfied or not satisfied.")
    if note and len(note) > NOTE_MAX:
        errors["note"] = translate("app", "The note is longer than {n} characters.").format(n=NOTE_MAX)
    if at.date() < job.job_date:
        errors["at"] = translate("app", "A step cannot be dated before the job was registered ({day}).").format(day=job.job_date.isoformat())
    if at > datetime.now() + FUTURE_SLACK:
        errors["at"] = translate("app", "The time {at} is in the future.").format(at=at.strftime("%Y-%m-%d %H:%M"))
    return errors


def _effects(job: RepairJob, step: Step, at: datetime, note, outcome, satisfaction, appointment) -> None:
    if step.name in (VISIT, SHOP):
        job.service_mode = step.name
    elif step.name == DONE:
        job.outcome, job.finished_at = outcome, at
    elif step.name == REBOOK:
        job.outcome, job.finished_at = AGAIN, None
    elif step.name == REFER:
        job.outcome, job.finished_at = REFERRED, at
        job.result_note = job.result_note or note
    elif step.name == FOLLOWED_UP:
        job.satisfaction, job.followed_up_at = satisfaction, at
    if step.name in (DISPATCHED, REBOOK) and appointment is not None:
        job.appointment = appointment
    job.status = step.name


def _text(value) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def apply_step(session, job: RepairJob, step_name: str, actor: str, at: datetime | None = None,
               note: str | None = None, outcome: str | None = None, satisfaction: str | None = None,
               appointment: datetime | None = None) -> RepairEvent:
    """Take one step on ``job`` (in the caller's transaction) and write its event."""
    step = STEPS.get(step_name)
    if step is None:
        raise UserError(translate("app", "Unknown step \"{step}\".").format(step=step_name))
    if job.category == GAS and step.refused_for_gas:
        raise ValidationError({"outcome": gas_message()})
    if step_name not in allowed_steps(job.status, job.category):
        raise UserError(illegal_step_message(job.status, step_name))
    at = (at or datetime.now()).replace(microsecond=0)
    note = _text(note)
    errors = _check(session, job, step, at, note, outcome, satisfaction)
    if errors:
        raise ValidationError(errors)
    before = job.status
    _effects(job, step, at, note, outcome, satisfaction, appointment)
    event = RepairEvent(job_id=job.id, step=step_name, at=at, actor=actor, note=note, from_status=before,
                        to_status=job.status)
    session.add(event)
    session.flush()
    return event


def register_event(job: RepairJob, actor: str, at: datetime, note: str | None = None) -> RepairEvent:
    return RepairEvent(job_id=job.id, step=REGISTERED, at=at, actor=actor, note=note, from_status=None,
                       to_status=REGISTERED)


def _path_to(status: str, target: str, mode: str | None) -> list[str]:
    """The steps from ``status`` to the step ``target`` (完成, 再约 or 转介)."""
    if target in allowed_steps(status):
        return [target]
    if target in (DONE, REBOOK) and status in (REGISTERED, DISPATCHED, REBOOK):
        visit = mode or (VISIT if status == DISPATCHED else SHOP)
        before = [DISPATCHED] if visit == VISIT and status == REGISTERED else []
        return [*before, visit, target]
    return []


def settle(session, job: RepairJob, outcome: str, actor: str, mode: str | None = None, at: datetime | None = None,
           note: str | None = None, appointment: datetime | None = None) -> list[RepairEvent]:
    """Bring the job to ``outcome`` from the form: the missing steps are taken now, each with its
    event. Correcting 修好 ↔ 无法修复 on a finished job only changes the outcome (audited)."""
    if outcome == job.outcome:
        return []
    if job.category == GAS and outcome != REFERRED:
        raise ValidationError({"outcome": gas_message()})
    if job.status == DONE and job.outcome in FINISHED_OUTCOMES and outcome in FINISHED_OUTCOMES:
        job.outcome = outcome
        return []
    target = OUTCOME_STEP[outcome]
    steps = _path_to(job.status, target, mode)
    if not steps:
        raise ValidationError({"outcome": illegal_step_message(job.status, target)})
    events = []
    for step in steps:
        events.append(apply_step(session, job, step, actor, at=at, note=note if step == target else None,
                                 outcome=outcome, appointment=appointment if step == target else None))
    return events

