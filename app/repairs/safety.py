"""Home safety-hazard checks (安全隐患排查): who went where, for how long, and what they found.

    create_check(db, {"resident_id": 7, "check_date": …, "volunteers": [(3, 1)],
                      "findings": [{"category": "燃气", "severity": "重大", "description": "胶管老化开裂"}]})
    escalate_finding(db, finding_id) -> request id   # a serious finding becomes a request, linked both ways

Findings keep their ids through edits (the form sends them back); one left out is soft-removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.i18n import translate
from app.links import LinkRow, link, linked
from app.repairs.rules import CHECK_PREFIX, SERIOUS, next_number
from app.repairs.search import refresh_check_search, text_condition
from app.repairs.service import set_volunteers
from app.repairs.validation import clean_check
from app.requests.rules import categories_in
from app.requests.service import add_request, resident_snapshot
from db.models import Request, SafetyCheck, SafetyCheckVolunteer, SafetyFinding, Volunteer

REQUEST_CHANNEL = "网格上报"
REQUEST_CATEGORIES = ("安全隐患", "物业", "其他")  # the first one the office's table has


@dataclass(frozen=True)
class FindingRow:
    id: int
    category: str
    severity: str
    description: str
    rectified: bool
    rectified_on: date | None
    follow_up: str
    request_id: int | None
    request_number: str

    @property
    def can_escalate(self) -> bool:
        return self.severity in SERIOUS and self.request_id is None


@dataclass(frozen=True)
class CheckRow:
    id: int
    number: str
    check_date: date
    resident_id: int | None
    name: str
    address: str
    notes: str
    volunteers: tuple[tuple[int, str, int], ...]  # (volunteer id, name, minutes)
    findings: tuple[FindingRow, ...]
    is_demo: bool
    removed: bool

    @property
    def worst(self) -> str:
        severities = [f.severity for f in self.findings]
        return next((s for s in ("重大", "较大", "一般") if s in severities), "")

    @property
    def open_findings(self) -> int:
        return sum(not f.rectified for f in self.findings)


def _gone() -> UserError:
    return UserError(translate("app", "This safety check no longer exists; it may have been removed meanwhile."))


def _get(session: Session, check_id: int, allow_removed: bool = False) -> SafetyCheck:
    check = session.get(SafetyCheck, check_id)
    if check is None or (check.removed_at is not None and not allow_removed):
        raise _gone()
    return check


def _set_findings(session: Session, check: SafetyCheck, wanted: list[dict]) -> None:
    current = {f.id: f for f in session.scalars(select(SafetyFinding).where(
        SafetyFinding.check_id == check.id, SafetyFinding.removed_at.is_(None)))}
    kept = {int(item["id"]) for item in wanted if item.get("id")}
    now = datetime.now().replace(microsecond=0)
    for finding_id, finding in current.items():
        if finding_id not in kept:
            finding.removed_at, finding.removed_by = now, session.info.get("actor")
    for item in wanted:
        values = {k: v for k, v in item.items() if k != "id"}
        finding = current.get(int(item["id"])) if item.get("id") else None
        if finding is None:
            session.add(SafetyFinding(check_id=check.id, **values))
            continue
        for key, value in values.items():
            if getattr(finding, key) != value:
                setattr(finding, key, value)


def _apply(session: Session, check: SafetyCheck, values: dict) -> None:
    if values["resident_id"] is not None and values["resident_id"] != check.resident_id:
        name, _phone, address = resident_snapshot(session, values["resident_id"])
        values["name"] = values["name"] or name
        values["address"] = values["address"] or address
    values["address"] = values["address"] or ""
    for key in ("check_date", "resident_id", "name", "address", "notes"):
        if getattr(check, key) != values[key]:
            setattr(check, key, values[key])
    refresh_check_search(check)


def add_check(session: Session, data: dict, today: date | None = None) -> SafetyCheck:
    values = clean_check(data, today)
    number = values["number"] or next_number(session, SafetyCheck.number, CHECK_PREFIX, values["check_date"])
    check = SafetyCheck(number=number, is_demo=bool(data.get("is_demo")))
    _apply(session, check, values)
    session.add(check)
    session.flush()
    set_volunteers(session, SafetyCheckVolunteer, "check_id", check.id, values["volunteers"])
    _set_findings(session, check, values["findings"])
    session.flush()
    return check


def create_check(db, data: dict, today: date | None = None) -> int:
    with db.unit_of_work() as session:
        return add_check(session, data, today).id


def update_check(db, check_id: int, data: dict, today: date | None = None) -> None:
    with db.unit_of_work() as session:
        check = _get(session, check_id)
        values = clean_check(data, today)
        _apply(session, check, values)
        set_volunteers(session, SafetyCheckVolunteer, "check_id", check.id, values["volunteers"])
        _set_findings(session, check, values["findings"])


def remove_check(db, check_id: int) -> None:
    with db.unit_of_work() as session:
        check = _get(session, check_id)
        check.removed_at, check.removed_by = datetime.now().replace(microsecond=0), session.info["actor"]


def restore_check(db, check_id: int) -> None:
    with db.unit_of_work() as session:
        check = _get(session, check_id, allow_removed=True)
        check.removed_at = check.removed_by = None


# --- escalation -------------------------------------------------------------------------------


def _request_category(session: Session) -> str:
    names = {c.name for c in categories_in(session)}
    return next((name for name in REQUEST_CATEGORIES if name in names), "其他")


def request_content(check: SafetyCheck, finding: SafetyFinding) -> str:
    return translate("app", "Home safety check {number} ({day}, {address}) found a {severity} hazard ({category}): {description}").format(
        number=check.number, day=check.check_date.isoformat(), address=check.address, severity=finding.severity,
        category=finding.category, description=finding.description)


def escalate_in(session: Session, finding_id: int, actor: str, now: datetime | None = None) -> Request:
    """Turn a serious finding into a request (in the caller's transaction) and link both ways."""
    finding = session.get(SafetyFinding, finding_id)
    if finding is None or finding.removed_at is not None:
        raise UserError(translate("app", "This finding no longer exists."))
    if finding.request_id is not None:
        raise UserError(translate("app", "This finding has already been turned into a request."))
    if finding.severity not in SERIOUS:
        raise UserError(translate("app", "Only serious findings (较大, 重大) are turned into requests."))
    check = _get(session, finding.check_id)
    data = {"resident_id": check.resident_id, "name": check.name, "address": check.address, "channel": REQUEST_CHANNEL,
            "category": _request_category(session), "content": request_content(check, finding),
            "registered_at": now or datetime.now(), "is_demo": check.is_demo}
    note = translate("app", "From home safety check {number}").format(number=check.number)
    request = add_request(session, data, actor, now, event_note=note)
    finding.request_id = request.id
    link(session, "safety_check", check.id, "request", request.id,
         translate("app", "Hazard: {description}").format(description=finding.description[:60]))
    session.flush()
    return request


def escalate_finding(db, finding_id: int) -> int:
    """One action: the request is created through the requests service and linked both ways."""
    with db.unit_of_work() as session:
        return escalate_in(session, finding_id, session.info["actor"]).id


# --- reading ----------------------------------------------------------------------------------


def _findings_by_check(session: Session, ids: list[int]) -> dict[int, list[FindingRow]]:
    statement = (select(SafetyFinding, Request.number).outerjoin(Request, Request.id == SafetyFinding.request_id)
                 .where(SafetyFinding.check_id.in_(ids), SafetyFinding.removed_at.is_(None))
                 .order_by(SafetyFinding.position, SafetyFinding.id))
    result: dict[int, list[FindingRow]] = {}
    for f, request_number in session.execute(statement):
        result.setdefault(f.check_id, []).append(FindingRow(
            f.id, f.category, f.severity, f.description, bool(f.rectified), f.rectified_on, f.follow_up or "",
            f.request_id, request_number or ""))
    return result


def _volunteers_by_check(session: Session, ids: list[int]) -> dict[int, list[tuple[int, str, int]]]:
    statement = (select(SafetyCheckVolunteer.check_id, Volunteer.id, Volunteer.name, SafetyCheckVolunteer.minutes)
                 .join(Volunteer, Volunteer.id == SafetyCheckVolunteer.volunteer_id)
                 .where(SafetyCheckVolunteer.check_id.in_(ids), SafetyCheckVolunteer.removed_at.is_(None))
                 .order_by(SafetyCheckVolunteer.id))
    result: dict[int, list[tuple[int, str, int]]] = {}
    for check_id, volunteer_id, name, minutes in session.execute(statement):
        result.setdefault(check_id, []).append((volunteer_id, name, minutes or 0))
    return result


def check_rows_in(session: Session, text: str = "", date_from: date | None = None, date_to: date | None = None,
                  open_only: bool = False, include_removed: bool = False) -> list[CheckRow]:
    conditions = [] if include_removed else [SafetyCheck.removed_at.is_(None)]
    if text.strip():
        conditions.append(text_condition(text, SafetyCheck.search_text))
    if date_from is not None:
        conditions.append(SafetyCheck.check_date >= date_from)
    if date_to is not None:
        conditions.append(SafetyCheck.check_date <= date_to)
    checks = list(session.scalars(select(SafetyCheck).where(*conditions)
                                  .order_by(SafetyCheck.check_date.desc(), SafetyCheck.number.desc())))
    rows = _rows_for(session, checks)
    return [r for r in rows if r.open_findings] if open_only else rows


def _rows_for(session: Session, checks: list[SafetyCheck]) -> list[CheckRow]:
    ids = [c.id for c in checks]
    findings, volunteers = {}, {}
    for start in range(0, len(ids), 500):
        findings.update(_findings_by_check(session, ids[start:start + 500]))
        volunteers.update(_volunteers_by_check(session, ids[start:start + 500]))
    return [CheckRow(c.id, c.number, c.check_date, c.resident_id, c.name or "", c.address, c.notes or "",
                     tuple(volunteers.get(c.id, [])), tuple(findings.get(c.id, [])), bool(c.is_demo),
                     c.removed_at is not None) for c in checks]


def list_checks(db, text: str = "", date_from: date | None = None, date_to: date | None = None,
                open_only: bool = False) -> list[CheckRow]:
    """Checks newest first (a few hundred a year: loaded whole)."""
    with db.reading() as session:
        return check_rows_in(session, text, date_from, date_to, open_only)


def get_check(db, check_id: int) -> tuple[CheckRow, list[LinkRow]]:
    with db.reading() as session:
        check = _get(session, check_id, allow_removed=True)
        return _rows_for(session, [check])[0], linked(session, "safety_check", check.id)


def count_checks(session: Session) -> int:
    return session.scalar(select(func.count(SafetyCheck.id)).where(SafetyCheck.removed_at.is_(None))) or 0


def check_labels(session: Session, ids: list[int]) -> dict[int, str]:
    statement = select(SafetyCheck.id, SafetyCheck.number, SafetyCheck.address).where(SafetyCheck.id.in_(ids))
    label = translate("app", "Safety check {number} {address}")
    return {i: label.format(number=n, address=a) for i, n, a in session.execute(statement)}
