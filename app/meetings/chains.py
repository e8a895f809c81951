"""四议两公开: one major matter through four meetings, then two public notices of at least 7 days.

党组织提议 (党委会) → 两委会商议 → 党员大会审议 (at least 2/3 of the members due present, more than
half of those due agreeing) → 居民(代表)会议决议, then 决议公开 and later 结果公开.

Malformed input (an agenda item of the wrong kind of meeting, stages out of order, a notice shorter
than 7 days or ending before it starts) is refused on save. Whether each meeting met its threshold is
a fact of the meetings themselves: it comes back as ``ChainRow.problems`` and from ``chain_problems``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, or_, select

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.meetings.kinds import NOTICE_LABELS, NOTICE_MIN_DAYS, STAGE_KINDS, STAGE_LABELS, STAGES
from app.meetings.rows import ChainDraft, ChainRow, StageRow
from app.meetings.validation import clean
from app.meetings.votes import check_vote
from db.models import AgendaItem, DecisionChain, Meeting, MeetingAttendee
from db.models.meetings import ROLE_ABSENT, ROLE_PRESENT

FIELDS = ("title", "propose_item_id", "consult_item_id", "review_item_id", "resolve_item_id",
          "decision_notice_from", "decision_notice_to", "result_notice_from", "result_notice_to",
          "result_text", "notes")


def _attendance(session, meeting_id: int) -> tuple[int, int]:
    counts = dict(session.execute(select(MeetingAttendee.role, func.count())
                                  .where(MeetingAttendee.meeting_id == meeting_id).group_by(MeetingAttendee.role)).all())
    present = counts.get(ROLE_PRESENT, 0)
    return present + counts.get(ROLE_ABSENT, 0), present


def _stage(session, stage: str, item_id: int | None) -> StageRow:
    item = session.get(AgendaItem, item_id) if item_id else None
    if item is None:
        return StageRow(stage, None, None, "", "", "", None, "", 0, 0, None, None, None)
    meeting = session.get(Meeting, item.meeting_id)
    due, present = _attendance(session, meeting.id)
    return StageRow(stage, item.id, meeting.id, meeting.number, meeting.kind, meeting.title, meeting.held_on,
                    item.title, due, present, item.votes_for, item.votes_against, item.votes_abstain)


def _notice_errors(kind: str, start: date | None, end: date | None) -> dict[str, str]:
    label = NOTICE_LABELS[kind]
    if end is not None and start is None:
        return {f"{kind}_notice_from": translate("app", "Enter when the {notice} was posted.").format(notice=label)}
    if start is None or end is None:
        return {}
    days = (end - start).days + 1
    if days < 1:
        return {f"{kind}_notice_to": translate("app", "The {notice} cannot end before it starts.").format(notice=label)}
    if days < NOTICE_MIN_DAYS:
        return {f"{kind}_notice_to": translate("app", "The {notice} lasted {days} days; it must be posted for at least {minimum} days.")
                .format(notice=label, days=days, minimum=NOTICE_MIN_DAYS)}
    return {}


def _stage_errors(stages: list[StageRow], draft: ChainDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    last: date | None = None
    for row in stages:
        key = f"{row.stage}_item_id"
        if getattr(draft, key) and row.agenda_item_id is None:
            errors[key] = translate("app", "This agenda item does not exist.")
        elif row.agenda_item_id and row.meeting_kind not in STAGE_KINDS[row.stage]:
            errors[key] = translate("app", "{stage} is held at a {kinds}, not at a {kind}.").format(
                stage=STAGE_LABELS[row.stage], kinds=" / ".join(STAGE_KINDS[row.stage]), kind=row.meeting_kind)
        elif row.held_on is not None:
            if last is not None and row.held_on < last:
                errors[key] = translate("app", "{stage} cannot come before the stage above it.").format(stage=STAGE_LABELS[row.stage])
            last = row.held_on
    resolved_on = stages[-1].held_on
    if resolved_on and draft.decision_notice_from and draft.decision_notice_from < resolved_on:
        errors["decision_notice_from"] = translate("app", "The decision can only be posted after the meeting that made it.")
    if draft.decision_notice_from and draft.result_notice_from and draft.result_notice_from < draft.decision_notice_from:
        errors["result_notice_from"] = translate("app", "The result is posted after the decision.")
    return errors


def chain_errors(session, draft: ChainDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.title:
        errors["title"] = translate("app", "Name the matter.")
    stages = [_stage(session, stage, getattr(draft, f"{stage}_item_id")) for stage in STAGES]
    errors.update(_stage_errors(stages, draft))
    errors.update(_notice_errors("decision", draft.decision_notice_from, draft.decision_notice_to))
    errors.update(_notice_errors("result", draft.result_notice_from, draft.result_notice_to))
    return errors


def _threshold_problem(row: StageRow) -> str | None:
    outcome = check_vote(row.meeting_kind, row.due, row.present, "举手" if row.votes_for is not None else "",
                         row.votes_for, row.votes_against, row.votes_abstain)
    label = STAGE_LABELS[row.stage]
    if row.votes_for is None:
        return translate("app", "{stage}: no vote is recorded.").format(stage=label) if row.stage in ("review", "resolve") else None
    if not outcome.quorum_met:
        return translate("app", "{stage}: {present} of {due} present, at least {needed} needed.").format(
            stage=label, present=row.present, due=row.due, needed=outcome.quorum_needed)
    if not outcome.passed:
        return translate("app", "{stage}: {votes} in favour, at least {needed} needed.").format(
            stage=label, votes=row.votes_for, needed=outcome.votes_needed)
    return None


def chain_problems(stages: tuple[StageRow, ...], chain: DecisionChain | ChainDraft, today: date | None = None) -> list[str]:
    """Where the matter falls short of 四议两公开 (empty when it is in order so far)."""
    today = today or date.today()
    problems = []
    for row in stages:
        if row.agenda_item_id is None:
            problems.append(translate("app", "{stage} is not recorded yet.").format(stage=STAGE_LABELS[row.stage]))
            continue
        problem = _threshold_problem(row)
        if problem:
            problems.append(problem)
    if stages[-1].agenda_item_id and chain.decision_notice_from is None:
        problems.append(translate("app", "The decision has not been posted publicly yet (决议公开)."))
    if chain.result_text and chain.result_notice_from is None:
        problems.append(translate("app", "The result has not been posted publicly yet (结果公开)."))
    return problems


def _chain_row(session, chain: DecisionChain) -> ChainRow:
    stages = tuple(_stage(session, stage, getattr(chain, f"{stage}_item_id")) for stage in STAGES)
    return ChainRow(chain.id, chain.title, stages, chain.decision_notice_from, chain.decision_notice_to,
                    chain.result_notice_from, chain.result_notice_to, chain.result_text or "", chain.notes or "",
                    tuple(chain_problems(stages, chain)))


def list_chains(db) -> list[ChainRow]:
    with db.reading() as session:
        chains = session.scalars(select(DecisionChain).where(DecisionChain.removed_at.is_(None))
                                 .order_by(DecisionChain.id.desc())).all()
        return [_chain_row(session, chain) for chain in chains]


def chain_row(db, chain_id: int) -> ChainRow:
    with db.reading() as session:
        return _chain_row(session, _get(session, chain_id))


def load_chain_draft_in(chain: DecisionChain) -> ChainDraft:
    values = {key: getattr(chain, key) for key in FIELDS}
    values.update(result_text=chain.result_text or "", notes=chain.notes or "")
    return ChainDraft(id=chain.id, is_demo=bool(chain.is_demo), **values)


def load_chain(db, chain_id: int) -> ChainDraft:
    with db.reading() as session:
        return load_chain_draft_in(_get(session, chain_id))


def _get(session, chain_id: int) -> DecisionChain:
    chain = session.get(DecisionChain, chain_id)
    if chain is None or chain.removed_at is not None:
        raise UserError(translate("app", "This major matter no longer exists."))
    return chain


def write_chain(session, draft: ChainDraft) -> DecisionChain:
    draft.title, draft.result_text, draft.notes = clean(draft.title), clean(draft.result_text), clean(draft.notes)
    errors = chain_errors(session, draft)
    if errors:
        raise ValidationError(errors)
    chain = DecisionChain(is_demo=draft.is_demo) if draft.id is None else _get(session, draft.id)
    for key in FIELDS:
        value = getattr(draft, key)
        value = (value or None) if isinstance(value, str) and key != "title" else value
        if getattr(chain, key) != value:
            setattr(chain, key, value)
    session.add(chain)
    session.flush()
    draft.id = chain.id
    return chain


def save_chain(db, draft: ChainDraft) -> ChainRow:
    with db.unit_of_work() as session:
        return _chain_row(session, write_chain(session, draft))


def remove_chain(db, chain_id: int) -> None:
    with db.unit_of_work() as session:
        chain = _get(session, chain_id)
        chain.removed_at = datetime.now().replace(microsecond=0)
        chain.removed_by = session.info.get("actor")


def chains_of_meeting(session, meeting_id: int) -> list[ChainRow]:
    """The major matters one of whose stages was taken at this meeting (printed with the minutes)."""
    items = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
    columns = [getattr(DecisionChain, f"{stage}_item_id") for stage in STAGES]
    chains = session.scalars(select(DecisionChain).where(
        DecisionChain.removed_at.is_(None), or_(*[column.in_(items) for column in columns]))).all()
    return [_chain_row(session, chain) for chain in chains]
