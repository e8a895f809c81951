"""Importing the meetings workbook (the layout export writes), all or nothing.

Every row of the 会议 sheet is one meeting and ends up imported, a duplicate (its 会议编号 is
already in the database or earlier in the file) or rejected with its reasons; imported + duplicates
+ rejected = the sheet's data rows. With on_duplicate="update" a draft (unfinalised) meeting is
replaced by the file's version. 四议两公开 rows are counted apart. The whole file is one transaction:
a cancelled or failed import leaves the database exactly as before.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.errors import UserError, ValidationError
from app.excel import Column, Sheet, write_workbook
from app.i18n import translate
from app.importing import DUPLICATE, REJECTED
from app.jobs import JobControl, ensure
from app.meetings import excel_layout as layout
from app.meetings.chains import write_chain
from app.meetings.excel_read import (
    ParsedMeeting,
    add_agenda,
    add_amendments,
    add_attendance,
    parse_meeting,
    read_sheets,
    where,
)
from app.meetings.kinds import STAGES
from app.meetings.rows import ChainDraft, MeetingDraft
from app.meetings.service import meeting_draft
from app.meetings.validation import normalize, validate
from app.meetings.writer import write_meeting
from app.residents.dates import DateFormatError, parse_date
from db import audit
from db.models import AgendaItem, DecisionChain, Meeting, MeetingAmendment


@dataclass
class ReportLine:
    sheet: str
    row: int
    key: str  # 会议编号 or the matter's name
    outcome: str  # rejected | duplicate
    reason: str


@dataclass
class ImportResult:
    total: int = 0
    imported: int = 0
    updated: int = 0  # of the imported, how many replaced an existing draft meeting
    duplicates: int = 0
    rejected: int = 0
    chains_total: int = 0
    chains_imported: int = 0
    chains_duplicates: int = 0
    chains_rejected: int = 0
    lines: list[ReportLine] = field(default_factory=list)


def _group(rows: list[tuple[int, dict]]) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for row, record in rows:
        groups[str(record.get("number") or "").strip()].append((row, record))
    return groups


def _parse_all(sheets: dict) -> list[ParsedMeeting]:
    children = {name: _group(sheets.get(name, [])) for name in layout.LAYOUT if name != layout.MEETINGS}
    parsed = []
    for row, record in sheets[layout.MEETINGS]:
        meeting = parse_meeting(row, record)
        number = meeting.draft.number
        add_attendance(meeting, children[layout.ATTENDANCE].get(number, []))
        add_agenda(meeting, children[layout.AGENDA].get(number, []), children[layout.SPEECHES].get(number, []),
                   children[layout.ACTIONS].get(number, []))
        add_amendments(meeting, children[layout.AMENDMENTS].get(number, []))
        parsed.append(meeting)
    return parsed


def _orphans(sheets: dict, numbers: set[str], result: ImportResult) -> None:
    for name in (layout.ATTENDANCE, layout.AGENDA, layout.SPEECHES, layout.ACTIONS, layout.AMENDMENTS):
        for row, record in sheets.get(name, []):
            number = str(record.get("number") or "").strip()
            if number not in numbers:
                reason = translate("app", "Meeting {number} is not on the sheet \"{sheet}\".").format(number=number, sheet=layout.MEETINGS)
                result.lines.append(ReportLine(name, row, number, REJECTED, reason))


def _validation_reasons(parsed: ParsedMeeting, errors: dict[str, str]) -> list[str]:
    reasons = []
    for key, message in errors.items():
        place = max((k for k in parsed.locations if key == k or key.startswith(k + ".")), key=len, default=None)
        sheet, row = parsed.locations[place] if place else (layout.MEETINGS, parsed.row)
        reasons.append(f"{where(sheet, row)}：{message}")
    return reasons


def _finish(session, meeting: Meeting, parsed: ParsedMeeting) -> None:
    """What the editor never sets: action items' results, the lock, the amendments."""
    for item_index, action_index, action in parsed.statuses:
        row = meeting.agenda_items[item_index].actions[action_index]
        row.status, row.result, row.closed_on = action.status, action.result or None, action.closed_on
    draft = parsed.draft
    meeting.finalized_at, meeting.finalized_by = draft.finalized_at, draft.finalized_by or None
    for amendment in draft.amendments:
        meeting.amendments.append(MeetingAmendment(made_on=amendment.made_on, author=amendment.author,
                                                   text=amendment.text, reason=amendment.reason))


def _adopt_ids(old: MeetingDraft, new: MeetingDraft) -> None:
    """Updating a meeting from the file keeps its rows by position (item 2 stays item 2), so links
    to them (四议两公开 stages, requests) survive."""
    new.id = old.id
    for rows_old, rows_new in ((old.attendees, new.attendees), (old.agenda, new.agenda)):
        for before, after in zip(rows_old, rows_new):
            after.id = before.id
    for item_old, item_new in zip(old.agenda, new.agenda):
        for before, after in [*zip(item_old.speeches, item_new.speeches), *zip(item_old.actions, item_new.actions)]:
            after.id = before.id


def _import_one(session, parsed: ParsedMeeting, on_duplicate: str, seen: set[str], result: ImportResult) -> None:
    draft, number = parsed.draft, parsed.draft.number
    existing = session.scalar(select(Meeting).where(Meeting.number == number)) if number else None
    if number in seen or (existing is not None and on_duplicate != "update"):
        result.duplicates += 1
        reason = (translate("app", "Meeting {number} appears earlier in this file.") if number in seen
                  else translate("app", "Meeting {number} is already in the database.")).format(number=number)
        result.lines.append(ReportLine(layout.MEETINGS, parsed.row, number, DUPLICATE, reason))
        return
    normalize(draft)
    errors, _warnings = validate(draft)
    if not number:
        errors["number"] = translate("app", "The meeting number (会议编号) is empty.")
    reasons = parsed.problems + _validation_reasons(parsed, errors)
    if draft.amendments and draft.finalized_at is None:
        reasons.append(translate("app", "Meeting {number} has amendments but is not finalised.").format(number=number))
    if existing is not None and existing.finalized_at is not None:
        reasons.append(translate("app", "Meeting {number} is finalised in the database; it is not overwritten.").format(number=number))
    if not reasons:
        try:
            with session.begin_nested():
                if existing is not None:
                    _adopt_ids(meeting_draft(session, existing.id), draft)
                _finish(session, write_meeting(session, draft), parsed)
        except UserError as error:
            reasons.append(error.message)
    if reasons:
        result.rejected += 1
        result.lines.append(ReportLine(layout.MEETINGS, parsed.row, number, REJECTED, "；".join(reasons)))
        return
    seen.add(number)
    result.imported += 1
    result.updated += existing is not None


def _stage_id(session, ref: str) -> int | None:
    number, _, item = ref.rpartition(layout.STAGE_SEPARATOR)
    if not number or not item.strip().isdigit():
        raise UserError(translate("app", "A stage is written as meeting number/agenda item number, e.g. HY-20250305-01/2: {ref}").format(ref=ref))
    item_id = session.scalar(select(AgendaItem.id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
                             .where(Meeting.number == number.strip(), AgendaItem.position == int(item) - 1))
    if item_id is None:
        raise UserError(translate("app", "There is no agenda item {ref}.").format(ref=ref))
    return item_id


def _chain_draft(session, record: dict) -> ChainDraft:
    draft = ChainDraft(title=str(record.get("title") or "").strip(), result_text=str(record.get("result_text") or ""),
                       notes=str(record.get("notes") or ""))
    for stage in STAGES:
        ref = str(record.get(stage) or "").strip()
        setattr(draft, f"{stage}_item_id", _stage_id(session, ref) if ref else None)
    for key in ("decision_notice_from", "decision_notice_to", "result_notice_from", "result_notice_to"):
        value = record.get(key)
        try:
            setattr(draft, key, parse_date(value) if value not in (None, "") else None)
        except DateFormatError as error:
            raise ValidationError({key: error.message})
    return draft


def _import_chains(session, rows: list, result: ImportResult) -> None:
    titles = set(session.scalars(select(DecisionChain.title).where(DecisionChain.removed_at.is_(None))))
    for row, record in rows:
        result.chains_total += 1
        title = str(record.get("title") or "").strip()
        if title in titles:
            result.chains_duplicates += 1
            reason = translate("app", "The major matter \"{title}\" is already in the database.").format(title=title)
            result.lines.append(ReportLine(layout.CHAINS, row, title, DUPLICATE, reason))
            continue
        try:
            with session.begin_nested():
                write_chain(session, _chain_draft(session, record))
        except UserError as error:
            result.chains_rejected += 1
            reasons = error.errors.values() if isinstance(error, ValidationError) else [error.message]
            result.lines.append(ReportLine(layout.CHAINS, row, title, REJECTED, "；".join(reasons)))
            continue
        titles.add(title)
        result.chains_imported += 1


def import_meetings(db, path: str | os.PathLike, report: str | os.PathLike | None = None,
                    on_duplicate: str = "skip", sheet: str | None = None, job: JobControl | None = None) -> ImportResult:
    job = ensure(job)
    sheets = read_sheets(Path(path), sheet, job)
    parsed = _parse_all(sheets)
    result = ImportResult(total=len(parsed))
    _orphans(sheets, {p.draft.number for p in parsed}, result)
    with db.unit_of_work() as session:
        seen: set[str] = set()
        for done, meeting in enumerate(parsed):
            job.report(done, len(parsed), translate("app", "Importing meetings…"))
            _import_one(session, meeting, on_duplicate, seen, result)
        _import_chains(session, sheets.get(layout.CHAINS, []), result)
        audit.record(session, "import", "meetings", None, {"file": str(path), "imported": result.imported,
                                                            "duplicates": result.duplicates, "rejected": result.rejected})
    if report is not None:
        write_report(report, result)
    return result


def write_report(path: str | os.PathLike, result: ImportResult) -> None:
    outcome = {REJECTED: translate("app", "rejected"), DUPLICATE: translate("app", "duplicate")}
    columns = [Column(translate("app", "Sheet"), width=12), Column(translate("app", "Row"), kind="int", width=7),
               Column(translate("app", "Meeting / matter"), width=20), Column(translate("app", "Outcome"), width=10),
               Column(translate("app", "Reason"), width=80)]
    rows = [[line.sheet, line.row, line.key, outcome[line.outcome], line.reason] for line in result.lines]
    write_workbook(path, [Sheet(translate("app", "Import report"), columns, rows)])
