"""The life of a request: which step may follow which, and what each step changes.

    受理 → 即办即结 (solved on the spot) ─────────────┐
    受理 → 交办 → 办理 → 办结 → 回访 → 归档  ←───────┘ (即办即结 lands on 办结)
    side paths: 退回改派 (reassign), 延期 (new deadline), 催办 (chase), 不满意重办 (reopen to 办理)

``status`` is the name of the step that set it. Steps with no target (延期, 催办) only add to the
timeline and change a field. Every step writes one RequestEvent with its time, actor and note.
An illegal step raises UserError with a Chinese message; a missing input raises ValidationError
naming the field (assignee, deadline, result, note) so the step dialog can show it there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.requests.rules import FOLLOW_UP_RESULTS
from app.requests.search import refresh_search_columns
from db.models import Request, RequestEvent

# statuses
REGISTERED, ASSIGNED, IN_PROGRESS, FINISHED, FOLLOWED_UP, ARCHIVED = "受理", "交办", "办理", "办结", "回访", "归档"
STATUSES = (REGISTERED, ASSIGNED, IN_PROGRESS, FINISHED, FOLLOWED_UP, ARCHIVED)
OPEN_STATUSES = (REGISTERED, ASSIGNED, IN_PROGRESS)
DONE_STATUSES = (FINISHED, FOLLOWED_UP, ARCHIVED)

# steps
REGISTER = "受理"
SOLVE_ON_SPOT = "即办即结"
ASSIGN = "交办"
REASSIGN = "退回改派"
EXTEND = "延期"
CHASE = "催办"
HANDLE = "办理"
FINISH = "办结"
FOLLOW_UP = "回访"
REOPEN = "不满意重办"
ARCHIVE = "归档"
UNSATISFIED = "不满意"
NOTE_MAX = 2000


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]  # statuses it may start from; () = only when the request is created
    target: str | None  # new status; None = unchanged
    needs_assignee: bool = False
    needs_deadline: bool = False
    needs_result: bool = False
    needs_note: bool = False
    takes_deadline: bool = False  # may set a new deadline (交办)


STEPS: dict[str, Step] = {s.name: s for s in (
    Step(REGISTER, (), REGISTERED),
    Step(SOLVE_ON_SPOT, (REGISTERED,), FINISHED),
    Step(ASSIGN, (REGISTERED,), ASSIGNED, needs_assignee=True, takes_deadline=True),
    Step(REASSIGN, (ASSIGNED, IN_PROGRESS), ASSIGNED, needs_assignee=True, needs_note=True, takes_deadline=True),
    Step(EXTEND, (REGISTERED, ASSIGNED, IN_PROGRESS), None, needs_deadline=True, needs_note=True),
    Step(CHASE, (ASSIGNED, IN_PROGRESS), None),
    Step(HANDLE, (ASSIGNED, IN_PROGRESS), IN_PROGRESS, needs_note=True),
    Step(FINISH, (ASSIGNED, IN_PROGRESS), FINISHED, needs_note=True),
    Step(FOLLOW_UP, (FINISHED,), FOLLOWED_UP, needs_result=True),
    Step(REOPEN, (FOLLOWED_UP,), IN_PROGRESS),
    Step(ARCHIVE, (FOLLOWED_UP,), ARCHIVED),
)}
# The order buttons are offered in: the main path first, side paths after.
STEP_ORDER = (SOLVE_ON_SPOT, ASSIGN, HANDLE, FINISH, FOLLOW_UP, ARCHIVE, CHASE, EXTEND, REASSIGN, REOPEN)


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def allowed_steps(status: str, follow_up: str | None = None, archived: bool = False) -> tuple[str, ...]:
    """The steps a request in ``status`` may take next, in the order they are offered."""
    if archived:
        return ()
    result = []
    for name in STEP_ORDER:
        step = STEPS[name]
        if status not in step.sources:
            continue
        if name == REOPEN and follow_up != UNSATISFIED:
            continue
        result.append(name)
    return tuple(result)


def _text(value) -> str | None:
    text = (value or "").strip() if isinstance(value, str) else (str(value).strip() if value is not None else "")
    return text or None


def _check_inputs(request: Request, step: Step, at: datetime, note, assignee, deadline, result) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.needs_assignee and not assignee:
        errors["assignee"] = translate("app", "Say which unit or person the request goes to.")
    if step.needs_deadline and deadline is None:
        errors["deadline"] = translate("app", "Give the new deadline.")
    if deadline is not None and deadline < request.registered_at.date():
        errors["deadline"] = translate("app", "The deadline cannot be before the day the request was registered.")
    elif step.needs_deadline and deadline is not None and request.deadline is not None and deadline <= request.deadline:
        errors["deadline"] = translate("app", "An extension needs a deadline after the current one ({deadline}).").format(
            deadline=request.deadline.isoformat())
    if step.needs_result and result not in FOLLOW_UP_RESULTS:
        errors["result"] = translate("app", "Choose the follow-up result: satisfied, mostly satisfied or not satisfied.")
    if step.needs_note and not note:
        errors["note"] = translate("app", "Write a note for this step.")
    if note and len(note) > NOTE_MAX:
        errors["note"] = translate("app", "The note is longer than {n} characters.").format(n=NOTE_MAX)
    if at < request.registered_at:
        errors["at"] = translate("app", "A step cannot be dated before the request was registered ({at}).").format(
            at=request.registered_at.strftime("%Y-%m-%d %H:%M"))
    return errors


def illegal_step_message(status: str, step: str) -> str:
    return translate("app", "The request is at \"{status}\"; \"{step}\" is not possible now.").format(status=status, step=step)


def apply_step(session, request: Request, step_name: str, actor: str, at: datetime | None = None,
               note: str | None = None, assignee: str | None = None, deadline: date | None = None,
               result: str | None = None) -> RequestEvent:
    """Take one step on ``request`` (in the caller's transaction) and write its event."""
    step = STEPS.get(step_name)
    if step is None:
        raise UserError(translate("app", "Unknown step \"{step}\".").format(step=step_name))
    archived = request.archived_at is not None
    if step_name not in allowed_steps(request.status, request.follow_up, archived):
        raise UserError(illegal_step_message(request.status, step_name))
    at = (at or datetime.now()).replace(microsecond=0)
    note, assignee = _text(note), _text(assignee)
    errors = _check_inputs(request, step, at, note, assignee, deadline, result)
    if errors:
        raise ValidationError(errors)
    before = request.status
    _apply_effects(request, step, at, note, assignee, deadline, result)
    event = RequestEvent(request_id=request.id, step=step_name, at=at, actor=actor, note=note,
                         assignee=assignee if step.needs_assignee else None,
                         deadline=deadline if (step.needs_deadline or step.takes_deadline) else None,
                         result=result if step.needs_result else None, from_status=before, to_status=request.status)
    session.add(event)
    refresh_search_columns(request)
    session.flush()
    return event


def _apply_effects(request: Request, step: Step, at: datetime, note, assignee, deadline, result) -> None:
    if step.target is not None:
        request.status = step.target
    if step.needs_assignee:
        request.assignee = assignee
    if deadline is not None and (step.needs_deadline or step.takes_deadline):
        request.deadline = deadline
    name = step.name
    if name in (SOLVE_ON_SPOT, FINISH):
        request.finished_at = at
        request.handling = note or request.handling
    elif name == HANDLE:
        request.handling = note
    elif name == FOLLOW_UP:
        request.follow_up = result
        request.followed_up_at = at
    elif name == REOPEN:
        request.finished_at = None  # finished again later; the unhappy 回访 stays on the row until the next one
    elif name == ARCHIVE:
        request.archived_at = at


def register_event(request: Request, actor: str, note: str | None = None) -> RequestEvent:
    """The first event of every request: 受理 at the time of registration."""
    return RequestEvent(request_id=request.id, step=REGISTER, at=request.registered_at, actor=actor,
                        note=_text(note), deadline=request.deadline, from_status=None, to_status=REGISTERED)


def status_for_import(finished: bool, followed_up: bool, assigned: bool) -> str:
    """Where an imported row stands when its status column is empty or unknown."""
    if followed_up:
        return FOLLOWED_UP
    if finished:
        return FINISHED
    return ASSIGNED if assigned else REGISTERED
