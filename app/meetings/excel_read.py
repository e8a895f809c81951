"""Reading the meetings workbook into drafts: one draft per row of the 会议 sheet, its attendance,
agenda items, speeches, action items and amendments gathered from the other sheets by 会议编号.

Each problem is kept with the sheet and Excel row it came from, so the import report can say
"议题 第 7 行：…". Values are parsed here; the service's validation then checks the draft whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from app.errors import UserError
from app.excel import open_table
from app.i18n import translate
from app.jobs import JobControl
from app.meetings import excel_layout as layout
from app.meetings.kinds import ORIGIN_LABELS, ROLE_LABELS, STATUS_LABELS
from app.meetings.rows import ActionDraft, AgendaDraft, AmendmentRow, AttendeeDraft, MeetingDraft, SpeechDraft
from app.meetings.validation import clean
from app.residents.dates import DateFormatError, parse_date

Rows = list[tuple[int, dict]]


@dataclass
class ParsedMeeting:
    row: int
    draft: MeetingDraft
    statuses: list[tuple[int, int, ActionDraft]] = field(default_factory=list)  # (item, action) indexes
    problems: list[str] = field(default_factory=list)
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)  # validation key -> (sheet, row)


def _reverse(labels: dict[str, str]) -> dict[str, str]:
    result = {label: key for key, label in labels.items()}
    result.update({key: key for key in labels})
    return result


ROLES, ORIGINS, STATUSES = _reverse(ROLE_LABELS), _reverse(ORIGIN_LABELS), _reverse(STATUS_LABELS)


def where(sheet: str, row: int) -> str:
    return translate("app", "{sheet} row {row}").format(sheet=sheet, row=row)


def read_sheets(path: Path, sheet: str | None, job: JobControl | None) -> dict[str, Rows]:
    """Every sheet of the layout that the workbook has, as (Excel row, record) lists."""
    reader = open_table(path, layout.fields(layout.MEETINGS), sheet=sheet or None)
    if sheet is None and reader.sheet_name != layout.MEETINGS and layout.MEETINGS in reader.sheet_names:
        reader = open_table(path, layout.fields(layout.MEETINGS), sheet=layout.MEETINGS)
    missing = [f.label for f in reader.missing_required]
    if missing:
        raise UserError(translate("app", "The sheet \"{sheet}\" has no column {columns}; is this a meetings workbook?")
                        .format(sheet=reader.sheet_name, columns="、".join(missing)))
    result = {layout.MEETINGS: list(reader.rows(job))}
    for name in layout.LAYOUT:
        if name != layout.MEETINGS and name in reader.sheet_names:
            result[name] = list(open_table(path, layout.fields(name), sheet=name).rows())
    return result


def _text(record: dict, key: str) -> str:
    value = record.get(key)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(value)


def _date(record: dict, key: str, problems: list[str], here: str) -> date | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    try:
        return parse_date(value)
    except DateFormatError as error:
        problems.append(f"{here}：{error.message}")
        return None


def _datetime(record: dict, key: str, problems: list[str], here: str) -> datetime | None:
    value = record.get(key)
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, str):
        try:
            return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            pass
    day = _date(record, key, problems, here)
    return datetime.combine(day, time()) if day else None


def _time(record: dict, key: str, problems: list[str], here: str) -> time | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # an Excel time serial
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    text = clean(value).replace("：", ":")
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        problems.append(f"{here}：" + translate("app", "Time {value} is not in a form we can read; write it like 09:30").format(value=text))
        return None


def _int(record: dict, key: str, problems: list[str], here: str) -> int | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    try:
        number = float(value)
        if number.is_integer():
            return int(number)
    except (TypeError, ValueError):
        pass
    problems.append(f"{here}：" + translate("app", "{value} is not a whole number").format(value=value))
    return None


def _choice(record: dict, key: str, choices: dict[str, str], default: str, problems: list[str], here: str) -> str:
    text = _text(record, key)
    if not text:
        return default
    if text not in choices:
        problems.append(f"{here}：" + translate("app", "Unknown value: {value}").format(value=text))
        return default
    return choices[text]


def parse_meeting(row: int, record: dict) -> ParsedMeeting:
    problems: list[str] = []
    here = where(layout.MEETINGS, row)
    draft = MeetingDraft(
        number=_text(record, "number"), kind=_text(record, "kind"), title=_text(record, "title"),
        session_label=_text(record, "session_label"), held_on=_date(record, "held_on", problems, here),
        starts_at=_time(record, "starts_at", problems, here), ends_at=_time(record, "ends_at", problems, here),
        place=_text(record, "place"), chair=_text(record, "chair"), recorder=_text(record, "recorder"),
        notes=_text(record, "notes"), finalized_at=_datetime(record, "finalized_at", problems, here),
        finalized_by=_text(record, "finalized_by"))
    return ParsedMeeting(row, draft, problems=problems)


def _sorted(rows: Rows, *keys: str) -> Rows:
    return sorted(rows, key=lambda pair: tuple(_sort_number(pair[1].get(k)) for k in keys) + (pair[0],))


def _sort_number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("inf")


def add_attendance(parsed: ParsedMeeting, rows: Rows) -> None:
    for row, record in _sorted(rows, "position"):
        here = where(layout.ATTENDANCE, row)
        parsed.locations[f"attendees.{len(parsed.draft.attendees)}"] = (layout.ATTENDANCE, row)
        parsed.draft.attendees.append(AttendeeDraft(
            name=_text(record, "name"), role=_choice(record, "role", ROLES, "present", parsed.problems, here),
            reason=_text(record, "reason"), note=_text(record, "note")))


def add_agenda(parsed: ParsedMeeting, rows: Rows, speeches: Rows, actions: Rows) -> None:
    items: dict[int, int] = {}
    for row, record in _sorted(rows, "item"):
        here = where(layout.AGENDA, row)
        number = _int(record, "item", parsed.problems, here)
        if number in items:
            parsed.problems.append(f"{here}：" + translate("app", "Agenda item number {n} appears twice.").format(n=number))
            continue
        items[number] = len(parsed.draft.agenda)
        parsed.locations[f"agenda.{items[number]}"] = (layout.AGENDA, row)
        parsed.draft.agenda.append(AgendaDraft(
            title=_text(record, "title"),
            origin_kind=_choice(record, "origin_kind", ORIGINS, "", parsed.problems, here),
            origin_text=_text(record, "origin_text"), vote_method=_text(record, "vote_method"),
            votes_for=_int(record, "votes_for", parsed.problems, here),
            votes_against=_int(record, "votes_against", parsed.problems, here),
            votes_abstain=_int(record, "votes_abstain", parsed.problems, here),
            resolution=_text(record, "resolution"), responsible=_text(record, "responsible"),
            deadline=_date(record, "deadline", parsed.problems, here)))
    _add_speeches(parsed, items, speeches)
    _add_actions(parsed, items, actions)


def _item_of(parsed: ParsedMeeting, items: dict[int, int], record: dict, here: str) -> AgendaDraft | None:
    number = _int(record, "item", parsed.problems, here)
    if number not in items:
        parsed.problems.append(f"{here}：" + translate("app", "There is no agenda item {n} in this meeting.").format(n=number))
        return None
    return parsed.draft.agenda[items[number]]


def _add_speeches(parsed: ParsedMeeting, items: dict[int, int], rows: Rows) -> None:
    for row, record in _sorted(rows, "item", "position"):
        here = where(layout.SPEECHES, row)
        item = _item_of(parsed, items, record, here)
        if item is not None:
            index = parsed.draft.agenda.index(item)
            parsed.locations[f"agenda.{index}.speeches.{len(item.speeches)}"] = (layout.SPEECHES, row)
            item.speeches.append(SpeechDraft(_text(record, "speaker"), _text(record, "content")))


def _add_actions(parsed: ParsedMeeting, items: dict[int, int], rows: Rows) -> None:
    for row, record in _sorted(rows, "item", "position"):
        here = where(layout.ACTIONS, row)
        item = _item_of(parsed, items, record, here)
        if item is None:
            continue
        action = ActionDraft(_text(record, "description"), _text(record, "responsible"),
                             _date(record, "deadline", parsed.problems, here),
                             status=_choice(record, "status", STATUSES, "open", parsed.problems, here),
                             result=_text(record, "result"), closed_on=_date(record, "closed_on", parsed.problems, here))
        if action.status == "done" and (not action.result or action.closed_on is None):
            parsed.problems.append(f"{here}：" + translate("app", "A done action item needs its result and the date it was done."))
        index = parsed.draft.agenda.index(item)
        parsed.locations[f"agenda.{index}.actions.{len(item.actions)}"] = (layout.ACTIONS, row)
        parsed.statuses.append((index, len(item.actions), action))
        item.actions.append(action)


def add_amendments(parsed: ParsedMeeting, rows: Rows) -> None:
    for row, record in rows:
        here = where(layout.AMENDMENTS, row)
        made_on = _date(record, "made_on", parsed.problems, here)
        amendment = AmendmentRow(0, made_on, _text(record, "author"), _text(record, "text"), _text(record, "reason"))
        if made_on is None or not amendment.text or not amendment.reason:
            parsed.problems.append(f"{here}：" + translate("app", "An amendment needs its date, text and reason."))
        parsed.draft.amendments.append(amendment)
