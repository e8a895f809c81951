"""Registration of the meetings ledger: record count, demo data, checks, command line, link labels."""

from __future__ import annotations

from sqlalchemy import select

from app.features import Feature
from app.i18n import translate
from app.meetings.writer import count_meetings
from db.models import ActionItem, AgendaItem, Meeting
from db.models.meetings import ACTION_DONE


def _vote_problems(session) -> list[str]:
    from app.meetings.service import meeting_draft
    from app.meetings.validation import validate

    problems = []
    for meeting_id, number in session.execute(select(Meeting.id, Meeting.number).where(Meeting.removed_at.is_(None))):
        errors, _ = validate(meeting_draft(session, meeting_id))
        for message in errors.values():
            problems.append(translate("app", "Meeting {number}: {problem}").format(number=number, problem=message))
    return problems


def checks(session) -> list[str]:
    """Votes that do not add up, finalised minutes nobody can sign, action items closed without result,
    四议两公开 matters whose notices or stages are malformed."""
    from app.meetings.chains import chain_errors, load_chain_draft_in
    from db.models import DecisionChain

    problems = _vote_problems(session)
    unsigned = select(Meeting.number).where(Meeting.finalized_at.is_not(None), Meeting.removed_at.is_(None),
                                            (Meeting.chair.is_(None)) | (Meeting.recorder.is_(None)))
    for number in session.scalars(unsigned):
        problems.append(translate("app", "Meeting {number} is finalised without a chair or recorder.").format(number=number))
    no_result = select(ActionItem.id).where(ActionItem.status == ACTION_DONE,
                                            (ActionItem.result.is_(None)) | (ActionItem.closed_on.is_(None)))
    for action_id in session.scalars(no_result):
        problems.append(translate("app", "Action item {id} is closed without a result or date.").format(id=action_id))
    for chain in session.scalars(select(DecisionChain).where(DecisionChain.removed_at.is_(None))):
        for message in chain_errors(session, load_chain_draft_in(chain)).values():
            problems.append(translate("app", "Major matter \"{title}\": {problem}").format(title=chain.title, problem=message))
    return problems


def link_labels(session, ids: list[int]) -> dict[int, str]:
    """How an agenda item is named in a request's list of links."""
    statement = (select(AgendaItem.id, AgendaItem.title, Meeting.held_on, Meeting.kind)
                 .join(Meeting, Meeting.id == AgendaItem.meeting_id).where(AgendaItem.id.in_(ids)))
    return {i: f"{held_on.isoformat()} {kind}：{title}" for i, title, held_on, kind in session.execute(statement)}


def demo(session, rng, options, job) -> None:
    from app.meetings.demo import fill_demo

    fill_demo(session, rng, options, job)


def register_cli(commands) -> None:
    from app.meetings.cli import register

    register(commands)


def attention(database) -> list:
    from app.meetings.actions import open_action_items

    items = open_action_items(database)
    return [(translate("app", "Open action items"), len(items), None),
            (translate("app", "Action items past their deadline"), sum(1 for item in items if item.overdue), None)]


FEATURE = Feature(
    key="meetings",
    label=lambda: translate("app", "Meetings"),
    count=count_meetings,
    demo=demo,
    checks=checks,
    register_cli=register_cli,
    attention=attention,
    order=40,
    extra={"link_labels": {"agenda_item": link_labels}},
)
