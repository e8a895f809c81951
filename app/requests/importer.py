"""Importing requests from Excel: 12345 hotline work-order lists and Wufu's own export layout.

Headers are matched by synonym (工单编号 / 12345工单号, 来电人 / 诉求人, 来电号码 / 联系电话, 诉求内容 /
反映内容 / 内容, 来电时间 / 受理时间 / 登记时间 …), wherever the header row sits. Every data row ends as
exactly one of imported, updated (``on_duplicate="update"``), rejected (with the reason) or duplicate
(its 编号 or 12345 工单号 is already in the database or earlier in the file). All of it is one
transaction: a cancelled or failed import leaves the database as it was. Text stays text: a work
order number Excel stored as a number keeps every digit.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app import importing
from app.errors import UserError, ValidationError
from app.excel import FieldSpec
from app.i18n import translate
from app.importing import (
    DUPLICATE, IMPORTED, REJECTED, UPDATED, ImportResult, RowOutcome, import_rows, open_ledger_table, problem_text,
    shown_values)
from app.jobs import JobControl, ensure
from app.requests import workflow
from app.requests.parsing import RowProblem, parse_datetime_cell, parse_deadline, pick_category, pick_channel, pick_follow_up, pick_status
from app.requests.rules import ANONYMOUS, categories_in
from app.requests.search import refresh_search_columns
from app.requests.service import NumberAllocator, add_request
from app.requests.validation import EDITABLE_BY_IMPORT, clean, field_label, text_value
from db import audit
from db.models import Request, RequestEvent, Resident

FIELDS = (
    FieldSpec("number", "编号", ("登记编号", "诉求编号", "台账编号")),
    FieldSpec("external_number", "12345工单号", ("工单编号", "工单号", "12345工单编号", "热线工单号", "工单号码", "12345编号")),
    FieldSpec("registered_at", "登记时间", ("来电时间", "受理时间", "来访时间", "登记日期", "诉求时间", "反映时间", "转办时间")),
    FieldSpec("channel", "渠道", ("来源", "诉求来源", "来源渠道", "受理渠道", "诉求渠道")),
    FieldSpec("name", "诉求人", ("来电人", "来访人", "反映人", "姓名", "来电人姓名", "诉求人姓名", "联系人")),
    FieldSpec("phone", "联系电话", ("来电号码", "电话", "手机号", "手机号码", "联系方式", "电话号码", "诉求人电话")),
    FieldSpec("address", "地址", ("诉求地址", "住址", "事发地址", "事发地点", "联系地址", "问题地址", "详细地址")),
    FieldSpec("category", "类别", ("诉求类别", "问题类别", "诉求类型", "问题分类", "类型", "工单类别", "诉求分类")),
    FieldSpec("content", "内容", ("诉求内容", "反映内容", "问题描述", "来电内容", "诉求描述", "工单内容", "主要内容", "反映问题"), required=True),
    FieldSpec("receiver", "受理人", ("登记人", "接待人", "接听人", "受理人员")),
    FieldSpec("assignee", "交办单位/责任人", ("交办单位", "责任人", "承办单位", "办理单位", "责任单位", "承办人", "交办对象")),
    FieldSpec("deadline", "时限", ("办理时限", "截止时间", "办结时限", "截止日期", "要求办结时间", "办理期限")),
    FieldSpec("status", "状态", ("办理状态", "工单状态", "处理状态")),
    FieldSpec("handling", "办理情况", ("办理结果", "处理情况", "答复内容", "处理结果", "回复内容", "办理意见")),
    FieldSpec("finished_at", "办结时间", ("完成时间", "办结日期", "结案时间")),
    FieldSpec("follow_up", "回访", ("回访结果", "满意度", "回访情况", "回访评价", "评价")),
)
class _Rows:
    """The state of one import: what the database and the earlier rows already hold."""

    def __init__(self, session, actor: str, file_name: str, on_duplicate: str):
        self.session, self.actor, self.file_name, self.on_duplicate = session, actor, file_name, on_duplicate
        self.numbers = {n: i for n, i in session.execute(select(Request.number, Request.id))}
        self.externals = {e: i for e, i in session.execute(
            select(Request.external_number, Request.id).where(Request.external_number.is_not(None)))}
        self.table = categories_in(session)
        self.seen_numbers: set[str] = set()
        self.seen_externals: set[str] = set()
        self.allocator = NumberAllocator(session)

    def duplicate_of(self, number: str | None, external: str | None) -> tuple[int | None, str | None]:
        """(existing id or None, reason) when the row repeats a request."""
        if number and number in self.seen_numbers:
            return None, translate("app", "The number {number} appears earlier in this file.").format(number=number)
        if external and external in self.seen_externals:
            return None, translate("app", "The 12345 work order {number} appears earlier in this file.").format(number=external)
        if number and number in self.numbers:
            return self.numbers[number], translate("app", "The number {number} is already in the ledger.").format(number=number)
        if external and external in self.externals:
            return self.externals[external], translate("app", "The 12345 work order {number} is already in the ledger.").format(number=external)
        return None, None


def _resident_for(session, name: str | None, phone: str | None) -> int | None:
    """The roster resident with this name and phone, when exactly one matches."""
    if not name or not phone:
        return None
    digits = "".join(c for c in phone if c.isdigit())
    statement = select(Resident.id).where(Resident.name == name, Resident.removed_at.is_(None),
                                          Resident.phone_digits.like(f"%{digits}%")).limit(2)
    found = list(session.scalars(statement))
    return found[0] if len(found) == 1 else None


def _prepare(state: _Rows, record: dict, warnings: list[str]) -> dict:
    """The row as form data, or RowProblem with the reason."""
    data = {key: text_value(record.get(key)) for key in ("number", "external_number", "name", "phone", "address",
                                                          "content", "receiver", "assignee", "handling")}
    if data["name"] in (ANONYMOUS, "无", "-", "—", "/"):
        data["name"] = None
    if data["phone"] and "*" in data["phone"]:
        warnings.append(translate("app", "The phone number {value} is masked and was left out.").format(value=data["phone"]))
        data["phone"] = None
    data["registered_at"] = parse_datetime_cell(record.get("registered_at"), "registered_at", required=True)
    data["channel"] = pick_channel(record.get("channel"), data["external_number"])
    data["category"] = pick_category(record.get("category"), state.table, warnings)
    data["deadline"] = parse_deadline(record.get("deadline"), warnings)
    data["finished_at"] = parse_datetime_cell(record.get("finished_at"), "finished_at")
    data["follow_up"] = pick_follow_up(record.get("follow_up"), warnings)
    data["status"] = pick_status(record.get("status"), data)
    return data


def _checked_phone(data: dict, warnings: list[str]) -> None:
    """A phone that is not a phone loses the phone, not the whole request."""
    try:
        clean({"content": "-", "phone": data["phone"]})
    except ValidationError as error:
        if "phone" in error.errors:
            warnings.append(error.errors["phone"])
            data["phone"] = None


def _history(session, request: Request, data: dict, actor: str) -> None:
    """Events for what the file says already happened (after 受理), marked as imported."""
    note = translate("app", "(imported)")
    steps = []
    status = data["status"]
    if status in (workflow.ASSIGNED, workflow.IN_PROGRESS) or (status in workflow.DONE_STATUSES and request.assignee):
        steps.append((workflow.ASSIGN, request.registered_at, workflow.ASSIGNED))
    if status == workflow.IN_PROGRESS:
        steps.append((workflow.HANDLE, request.registered_at, workflow.IN_PROGRESS))
    if status in workflow.DONE_STATUSES:
        step = workflow.FINISH if request.assignee else workflow.SOLVE_ON_SPOT
        steps.append((step, request.finished_at, workflow.FINISHED))
    if status in (workflow.FOLLOWED_UP, workflow.ARCHIVED):
        steps.append((workflow.FOLLOW_UP, request.finished_at, workflow.FOLLOWED_UP))
    if status == workflow.ARCHIVED:
        steps.append((workflow.ARCHIVE, request.finished_at, workflow.ARCHIVED))
    before = workflow.REGISTERED
    for step, at, after in steps:
        session.add(RequestEvent(request_id=request.id, step=step, at=at, actor=actor, note=note, from_status=before,
                                 to_status=after, assignee=request.assignee if step == workflow.ASSIGN else None,
                                 result=request.follow_up if step == workflow.FOLLOW_UP else None))
        before = after


def _insert(state: _Rows, data: dict, row: int) -> Request:
    note = translate("app", "Imported from {file}, row {row}").format(file=state.file_name, row=row)
    if data["number"]:
        state.allocator.reserve(data["number"])
    form = {key: data[key] for key in ("number", "external_number", "name", "phone", "address", "content", "receiver",
                                       "registered_at", "channel", "category", "deadline")}
    form["resident_id"] = _resident_for(state.session, data["name"], data["phone"])
    request = add_request(state.session, form, state.actor, event_note=note, numbers=state.allocator)
    request.status = data["status"]
    request.assignee = data["assignee"]
    request.handling = data["handling"]
    request.finished_at = data["finished_at"]
    request.follow_up = data["follow_up"]
    request.followed_up_at = data["finished_at"] if data["follow_up"] else None
    request.archived_at = data["finished_at"] if data["status"] == workflow.ARCHIVED else None
    refresh_search_columns(request)
    state.session.flush()
    _history(state.session, request, data, state.actor)
    return request


def _update(state: _Rows, request_id: int, data: dict) -> None:
    request = state.session.get(Request, request_id)
    for key in EDITABLE_BY_IMPORT:
        if data.get(key) is not None:
            setattr(request, key, data[key])
    refresh_search_columns(request)
    state.session.flush()


def _import_row(state: _Rows, row: int, record: dict) -> RowOutcome:
    warnings: list[str] = []
    shown = shown_values(record)
    try:
        data = _prepare(state, record, warnings)
        _checked_phone(data, warnings)
        existing, reason = state.duplicate_of(data["number"], data["external_number"])
        if reason is not None:
            if existing is not None and state.on_duplicate == "update":
                _update(state, existing, data)
                return RowOutcome(row, UPDATED, "；".join([reason, *warnings]), shown, data["number"] or "")
            return RowOutcome(row, DUPLICATE, reason, shown, data["number"] or "")
        with state.session.begin_nested():
            request = _insert(state, data, row)
    except (RowProblem, UserError) as error:
        return RowOutcome(row, REJECTED, problem_text(error, field_label), shown, text_value(record.get("number")) or "")
    state.seen_numbers.add(request.number)
    if data["external_number"]:
        state.seen_externals.add(data["external_number"])
    return RowOutcome(row, IMPORTED, "；".join(warnings), shown, request.number)


def import_requests(db, path, sheet: str | None = None, on_duplicate: str = "skip",
                    job: JobControl | None = None) -> ImportResult:
    """Import one workbook in one transaction. Cancelling (job) leaves the database unchanged."""
    job = ensure(job)
    path = Path(path)
    table = open_ledger_table(path, FIELDS, sheet, translate(
        "app", "No column for {fields} was found in {name}; the header should name it (e.g. 诉求内容)."))
    result = ImportResult(path.name, table.sheet_name, table.header_row, unmapped_headers=table.unmapped_headers)
    with db.unit_of_work() as session:
        state = _Rows(session, session.info["actor"], path.name, on_duplicate)
        rows = list(table.rows())
        state.allocator.reserve_all(text_value(record.get("number")) for _row, record in rows)
        import_rows(result, rows, lambda row, record: _import_row(state, row, record), job)
        audit.record(session, "import", "requests", None, {"file": path.name, "sheet": table.sheet_name, **result.counts()})
    return result


def write_report(result: ImportResult, path, job: JobControl | None = None) -> None:
    """Every data row with its Excel row number, what became of it and why."""
    importing.write_report(result, path, FIELDS, ("number", "external_number", "registered_at", "name", "content"),
                           widths={"content": 40}, job=job)
