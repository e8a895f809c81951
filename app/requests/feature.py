"""Registration of the request ledger: record count, demo data, checks, command line, link labels."""

from __future__ import annotations

from sqlalchemy import and_, exists, func, select

from app.features import Feature
from app.i18n import translate
from app.requests import workflow
from app.requests.rows import link_labels
from app.requests.service import count_active
from db.models import Link, Request, RequestEvent


def checks(session) -> list[str]:
    """Rows whose status and dates disagree, requests without their 受理 event, links to nothing."""
    problems: list[str] = []
    unfinished = select(Request.number).where(Request.status.in_(workflow.DONE_STATUSES), Request.finished_at.is_(None))
    for number in session.scalars(unfinished):
        problems.append(translate("app", "Request {number} is marked finished but has no finishing time.").format(number=number))
    open_finished = select(Request.number).where(Request.status.in_(workflow.OPEN_STATUSES), Request.finished_at.is_not(None))
    for number in session.scalars(open_finished):
        problems.append(translate("app", "Request {number} is still open but has a finishing time.").format(number=number))
    unknown = select(Request.number, Request.status).where(Request.status.not_in(workflow.STATUSES))
    for number, status in session.execute(unknown):
        problems.append(translate("app", "Request {number} has an unknown status \"{status}\".").format(number=number, status=status))
    has_event = exists().where(RequestEvent.request_id == Request.id, RequestEvent.step == workflow.REGISTER)
    for number in session.scalars(select(Request.number).where(~has_event)):
        problems.append(translate("app", "Request {number} has no registration event.").format(number=number))
    dangling = select(func.count(Link.id)).where(
        (and_(Link.from_kind == "request", Link.from_id.not_in(select(Request.id))))
        | (and_(Link.to_kind == "request", Link.to_id.not_in(select(Request.id)))))
    count = session.scalar(dangling) or 0
    if count:
        problems.append(translate("app", "{count} link(s) point to requests that do not exist.").format(count=count))
    return problems


def demo(session, rng, options, job) -> None:
    from app.requests.demo import fill_demo

    fill_demo(session, rng, options, job)


def attention(database) -> list:
    from app.requests.service import count_overdue

    return [(translate("app", "Overdue requests"), count_overdue(database), {"overdue": True})]


def register_cli(commands) -> None:
    from app.requests.cli import register

    register(commands)


FEATURE = Feature(
    key="requests",
    label=lambda: translate("app", "Walk-in requests"),
    count=count_active,
    demo=demo,
    checks=checks,
    register_cli=register_cli,
    attention=attention,
    order=20,
    extra={"link_labels": {"request": link_labels}},
)
