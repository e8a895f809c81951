"""Importing old repair ledgers (维修登记台账) from Excel.

Headers are matched by synonym wherever the header row sits. Every data row ends as exactly one of
imported, updated (``on_duplicate="update"``), rejected (with the reason) or duplicate (its 单号, or
its date + name + item, is already in the database or earlier in the file), so imported + updated +
rejected + duplicates = data rows. Volunteers are found by number or name; unknown ones reject the
row unless ``create_volunteers``. All of it is one transaction: a cancelled or failed import leaves
the database as it was. Text stays text (a phone Excel stored as a number keeps every digit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select

from app import importing
from app.errors import UserError, ValidationError
from app.excel import FieldSpec
from app.i18n import translate
from app.importing import (
    DUPLICATE, IMPORTED, REJECTED, UPDATED, RowOutcome, import_rows, open_ledger_table, problem_text,
    shown_values, text_value)
from app.jobs import JobControl, ensure
from app.repairs import workflow
from app.repairs.import_parsing import (
    RowProblem, datetime_cell, parse_materials, pick_category, pick_outcome, pick_paid_by, pick_satisfaction,
    split_volunteers)
from app.repairs.rules import AGAIN, FINISHED_OUTCOMES, GAS, REFERRED, gas_message, parse_hours
from app.repairs.search import refresh_job_search
from app.repairs.service import add_job
from app.repairs.validation import field_label
from app.repairs.volunteers import add_volunteer, find_volunteer
from app.residents.dates import DateFormatError, parse_date
from db import audit
from db.models import RepairEvent, RepairJob

# Synonyms include the English headers of Wufu's own export, so an export in either language reads back.
FIELDS = (
    FieldSpec("number", "单号", ("Job number", "维修单号", "编号", "工单号", "登记编号", "序号单号")),
    FieldSpec("job_date", "日期", ("Date", "登记日期", "维修日期", "报修日期", "报修时间", "登记时间", "服务日期"), required=True),
    FieldSpec("name", "居民", ("Resident", "姓名", "报修人", "居民姓名", "户主", "联系人", "服务对象", "报修居民")),
    FieldSpec("phone", "电话", ("Phone", "联系电话", "手机", "手机号", "联系方式", "电话号码")),
    FieldSpec("address", "地址", ("Address", "住址", "家庭住址", "门牌号", "楼栋门牌", "详细地址", "居住地址")),
    FieldSpec("item", "物品", ("Item", "维修物品", "报修物品", "维修项目", "物品名称", "报修内容", "维修内容"), required=True),
    FieldSpec("category", "类别", ("Category", "维修类别", "类型", "分类", "维修类型")),
    FieldSpec("fault", "故障", ("Fault", "故障描述", "故障情况", "问题描述", "故障现象", "报修问题")),
    FieldSpec("volunteers", "志愿者", ("Volunteers", "维修人", "维修人员", "志愿者姓名", "服务人员", "维修志愿者", "维修师傅")),
    FieldSpec("hours", "工时", ("Hours", "服务时长", "时长", "小时数", "服务时长(小时)", "志愿服务时长", "工时(小时)")),
    FieldSpec("materials", "材料", ("Materials", "更换材料", "使用材料", "配件", "材料名称")),
    FieldSpec("paid_by", "付费", ("Paid by", "材料费", "费用", "是否收费", "付费方式", "收费情况")),
    FieldSpec("outcome", "结果", ("Outcome", "维修结果", "处理结果", "维修情况", "是否修好", "完成情况")),
    FieldSpec("result_note", "处理情况", ("What was done", "维修说明", "处理说明", "维修记录")),
    FieldSpec("finished_at", "完成时间", ("Completed at", "完成日期", "修好时间", "办结时间")),
    FieldSpec("satisfaction", "满意度", ("Satisfaction", "回访", "回访结果", "居民评价", "评价", "回访情况")),
    FieldSpec("notes", "备注", ("Notes", "说明", "其他")),
)
UPDATABLE = ("name", "phone", "address", "fault", "result_note", "notes")


@dataclass
class ImportResult(importing.ImportResult):
    created_volunteers: list[str] = field(default_factory=list)


class _State:
    def __init__(self, session, actor: str, file_name: str, on_duplicate: str, create_volunteers: bool):
        self.session, self.actor, self.file_name = session, actor, file_name
        self.on_duplicate, self.create_volunteers = on_duplicate, create_volunteers
        self.numbers = dict(session.execute(select(RepairJob.number, RepairJob.id)).all())
        self.keys = {(d, n or "", i): j for j, d, n, i in session.execute(
            select(RepairJob.id, RepairJob.job_date, RepairJob.name, RepairJob.item).where(RepairJob.removed_at.is_(None)))}
        self.seen: dict[tuple, int] = {}  # number or (date, name, item) -> the row that had it
        self.created: list[str] = []

    def duplicate_of(self, data: dict) -> tuple[int | None, str | None]:
        number, key = data["number"], (data["job_date"], data["name"] or "", data["item"])
        earlier = (self.seen.get(("n", number)) if number else None) or self.seen.get(("k", key))
        if earlier is not None:
            return None, translate("app", "This job already appears in row {row} of this file.").format(row=earlier)
        if number and number in self.numbers:
            return self.numbers[number], translate("app", "The number {number} is already in the ledger.").format(number=number)
        if key in self.keys:
            return self.keys[key], translate("app", "A job for {item} of {name} on {day} is already in the ledger.").format(
                item=data["item"], name=data["name"] or "—", day=data["job_date"].isoformat())
        return None, None

    def remember(self, data: dict, number: str, row: int) -> None:
        self.seen[("n", number)] = row
        self.seen[("k", (data["job_date"], data["name"] or "", data["item"]))] = row

    def volunteer_id(self, name: str) -> int:
        found = find_volunteer(self.session, name)
        if found is not None:
            return found.id
        if not self.create_volunteers:
            raise RowProblem(translate("app", "The volunteer {name} is not on the team list (add them first, or import with --create-volunteers).").format(name=name))
        self.created.append(name)
        return add_volunteer(self.session, {"name": name}).id


def _volunteers(state: _State, raw, hours_raw) -> list[tuple[int, str]]:
    people = split_volunteers(raw)
    try:
        total = parse_hours(hours_raw)
        own = [parse_hours(h) if h is not None else None for _n, h in people]
    except UserError as problem:
        raise RowProblem(problem.message)
    missing = [i for i, m in enumerate(own) if m is None]
    rest = max(total - sum(m for m in own if m is not None), 0)
    if missing and rest:  # what the hours column leaves, split evenly; odd minutes to the first
        share, extra = divmod(rest, len(missing))
        for n, i in enumerate(missing):
            own[i] = share + (extra if n == 0 else 0)
    result: list[tuple[int, str]] = []
    for (name, _h), minutes in zip(people, own):
        volunteer_id = state.volunteer_id(name)
        if volunteer_id not in [v for v, _m in result]:
            result.append((volunteer_id, f"{minutes or 0}分钟"))  # exact: parse_hours reads minutes too
    return result


def _day(raw) -> date:
    try:
        return parse_date(raw)
    except DateFormatError as problem:
        raise RowProblem(problem.message)


def _prepare(state: _State, record: dict, warnings: list[str]) -> dict:
    data = {key: text_value(record.get(key)) for key in ("number", "name", "phone", "address", "item", "fault", "result_note", "notes")}
    if not data["item"]:
        raise RowProblem(translate("app", "Say what is to be repaired (e.g. 电风扇)."))
    if data["phone"] and "*" in data["phone"]:
        warnings.append(translate("app", "The phone number {value} is masked and was left out.").format(value=data["phone"]))
        data["phone"] = None
    data["job_date"] = _day(record.get("job_date"))
    data["category"] = pick_category(record.get("category"), data["item"], warnings)
    data["outcome"] = pick_outcome(record.get("outcome"))
    if data["category"] == GAS and data["outcome"] not in (None, REFERRED):
        raise RowProblem(gas_message())
    data["finished_at"] = datetime_cell(record.get("finished_at"))
    data["satisfaction"] = pick_satisfaction(record.get("satisfaction"), warnings)
    data["materials"] = parse_materials(record.get("materials"), pick_paid_by(record.get("paid_by")))
    return data


def _status(outcome: str | None, satisfaction: str | None) -> str:
    if outcome is None:
        return workflow.REGISTERED
    status = {AGAIN: workflow.REBOOK, REFERRED: workflow.REFER}.get(outcome, workflow.DONE)
    return workflow.FOLLOWED_UP if satisfaction and status != workflow.REBOOK else status


def _insert(state: _State, data: dict, row: int, warnings: list[str]) -> RepairJob:
    note = translate("app", "Imported from {file}, row {row}").format(file=state.file_name, row=row)
    form = {key: data[key] for key in ("number", "job_date", "name", "phone", "address", "item", "category", "fault",
                                       "result_note", "notes", "volunteers", "materials")}
    try:
        job = add_job(state.session, form, state.actor, event_note=note)
    except ValidationError as error:
        if set(error.errors) != {"phone"}:
            raise
        warnings.append(error.errors["phone"])
        job = add_job(state.session, {**form, "phone": None}, state.actor, event_note=note)
    status = _status(data["outcome"], data["satisfaction"])
    if status != workflow.REGISTERED:
        at = data["finished_at"] or datetime.combine(job.job_date, time(12))
        job.outcome, job.status = data["outcome"], status
        job.finished_at = at if data["outcome"] in (*FINISHED_OUTCOMES, REFERRED) else None
        job.satisfaction = data["satisfaction"] if status == workflow.FOLLOWED_UP else None
        state.session.add(RepairEvent(job_id=job.id, step=status, at=at, actor=state.actor, note=translate("app", "(imported)"),
                                      from_status=workflow.REGISTERED, to_status=status))
    refresh_job_search(job)
    state.session.flush()
    return job


def _update(state: _State, job_id: int, data: dict) -> None:
    job = state.session.get(RepairJob, job_id)
    for key in UPDATABLE:
        if data.get(key) is not None and getattr(job, key) != data[key]:
            setattr(job, key, data[key])
    if data["satisfaction"] and job.status in (workflow.DONE, workflow.REFER, workflow.FOLLOWED_UP):
        job.satisfaction, job.status = data["satisfaction"], workflow.FOLLOWED_UP
    refresh_job_search(job)
    state.session.flush()


def _import_row(state: _State, row: int, record: dict) -> RowOutcome:
    warnings: list[str] = []
    shown = shown_values(record)
    try:
        with state.session.begin_nested():  # a rejected row leaves nothing behind (volunteers it created too)
            data = _prepare(state, record, warnings)
            existing, reason = state.duplicate_of(data)
            if reason is not None:
                if existing is not None and state.on_duplicate == "update":
                    _update(state, existing, data)
                    return RowOutcome(row, UPDATED, "；".join([reason, *warnings]), shown, data["number"] or "")
                return RowOutcome(row, DUPLICATE, reason, shown, data["number"] or "")
            data["volunteers"] = _volunteers(state, record.get("volunteers"), record.get("hours"))
            job = _insert(state, data, row, warnings)
    except (RowProblem, UserError) as error:
        return RowOutcome(row, REJECTED, problem_text(error, field_label), shown, text_value(record.get("number")) or "")
    state.remember(data, job.number, row)
    return RowOutcome(row, IMPORTED, "；".join(warnings), shown, job.number)


def import_jobs(db, path, sheet: str | None = None, on_duplicate: str = "skip", create_volunteers: bool = False,
                job: JobControl | None = None) -> ImportResult:
    """Import one workbook in one transaction. Cancelling (job) leaves the database unchanged."""
    job = ensure(job)
    path = Path(path)
    table = open_ledger_table(path, FIELDS, sheet, translate(
        "app", "No column for {fields} was found in {name}; the header should name it (e.g. 物品, 日期)."))
    result = ImportResult(path.name, table.sheet_name, table.header_row, unmapped_headers=table.unmapped_headers)
    with db.unit_of_work() as session:
        state = _State(session, session.info["actor"], path.name, on_duplicate, create_volunteers)
        rows = list(table.rows())
        import_rows(result, rows, lambda row, record: _import_row(state, row, record), job)
        result.created_volunteers = state.created
        audit.record(session, "import", "repair_jobs", None, {
            "file": path.name, "sheet": table.sheet_name, **result.counts(), "created_volunteers": state.created})
    return result


def write_report(result: ImportResult, path, job: JobControl | None = None) -> None:
    """Every data row with its Excel row number, what became of it and why."""
    importing.write_report(result, path, FIELDS, ("number", "job_date", "name", "address", "item", "volunteers", "outcome"),
                           job=job)
