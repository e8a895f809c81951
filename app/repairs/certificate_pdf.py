"""志愿服务证明: a volunteer hours certificate for one volunteer and a period (A4 portrait).

Formal layout: title, the statement (name, volunteer number, period, total hours of actual service),
the issuer and date in the place for the seal, then the services listed (date, item or check,
hours) with a total as its annex. Only services with hours count; a volunteer with none in the period gets no
certificate (UserError), so a blank one is never printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.errors import UserError
from app.i18n import translate
from app.jobs import JobControl, ensure
from app.pdf import ReportDocument, body_style, data_table, para, paragraph_style, seal_block
from app.repairs.rules import community_name, format_hours
from app.repairs.volunteers import ServiceLine, services_in
from app.residents.dates import format_date_cn
from db.models import Volunteer


@dataclass(frozen=True)
class Certificate:
    name: str
    number: str
    start: date
    end: date
    issuer: str
    issued_on: date
    services: tuple[ServiceLine, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.services)


def gather(db, volunteer_id: int, start: date | None = None, end: date | None = None,
           issued_on: date | None = None) -> Certificate:
    """What the certificate says. Without ``start`` the period begins at the first service."""
    issued_on = issued_on or date.today()
    end = end or issued_on
    with db.reading() as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None or volunteer.removed_at is not None:
            raise UserError(translate("app", "This volunteer is no longer on the list; they may have been removed meanwhile."))
        services = [s for s in services_in(session, volunteer_id, start, end) if s.minutes > 0]
        issuer = community_name(session)
        name, number = volunteer.name, volunteer.number
    if start is not None and start > end:
        raise UserError(translate("app", "The period starts after it ends."))
    if not services:
        raise UserError(translate("app", "{name} has no recorded service hours in this period; there is nothing to certify.").format(name=name))
    return Certificate(name, number, start or services[0].day, end, issuer, issued_on, tuple(services))


def _statement(c: Certificate) -> str:
    return translate(
        "app", "This is to certify that {name} (volunteer number {number}) served with the volunteer repair team "
               "of {issuer} from {start} to {end}, giving {hours} hours of volunteer service in {count} services "
               "(actual service time, travel not included).").format(
        name=c.name, number=c.number, issuer=c.issuer, start=format_date_cn(c.start), end=format_date_cn(c.end),
        hours=format_hours(c.minutes), count=len(c.services))


def _table(c: Certificate) -> list:
    headers = [translate("app", "No."), translate("app", "Date"), translate("app", "Service"),
               translate("app", "Record number"), translate("app", "Service hours")]
    rows = [[str(i), s.day.isoformat(), s.what, s.number, format_hours(s.minutes)] for i, s in enumerate(c.services, 1)]
    rows.append(["", "", translate("app", "Total"), "", format_hours(c.minutes)])
    return data_table(headers, rows, (14, 26, None, 36, 28), align=("center", "center", "left", "center", "right"),
                      font_size=10.5, zebra=False)


def write_certificate(db, path, volunteer_id: int, start: date | None = None, end: date | None = None,
                      issued_on: date | None = None, job: JobControl | None = None) -> Certificate:
    """Write the certificate to ``path`` and return what it says."""
    c = gather(db, volunteer_id, start, end, issued_on)
    document = ReportDocument(translate("app", "Volunteer Service Certificate"), margins_mm=(28, 25, 22, 25),
                              title_size=26)
    story = [
        Spacer(1, 4 * mm),
        para(_statement(c), body_style(14)),
        para(translate("app", "Hereby certified."), body_style(14)),
        # Statement, issuer and seal stay together on the first page, as on a paper 证明; the
        # list of services follows as its annex, however long it is.
        Spacer(1, 14 * mm),
        *seal_block([c.issuer, translate("app", "(seal)"), format_date_cn(c.issued_on)], font_size=13, right_mm=5),
        Spacer(1, 10 * mm),
        para(translate("app", "Services"), paragraph_style(12, space_after=4)),
        *_table(c),
    ]
    document.build(Path(path), story, job=ensure(job))
    return c
