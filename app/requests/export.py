"""Exporting requests to Excel in the layout the importer reads back unchanged.

Headers are the importer's labels (编号, 12345工单号, 登记时间 …) and 编号 is kept, so an exported file
imported into another Wufu database gives the same requests. Phones are masked unless ``reveal``
(then the export is audited as a full export). Every text cell is text, even one starting with =.
The 超期 column is information only; the importer ignores it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import select

from app.excel import Column, Sheet, write_workbook
from app.i18n import translate
from app.jobs import JobControl
from app.requests.rules import ANONYMOUS
from app.requests.search import RequestQuery, days_overdue, ids_statement
from app.residents.masking import mask_phone
from db import audit
from db.models import Request

BATCH = 500
OVERDUE_HEADER = "超期"


def columns() -> list[Column]:
    return [
        Column("编号", "number"),
        Column("12345工单号", "external_number"),
        Column("登记时间", "registered_at", kind="datetime"),
        Column("渠道", "channel"),
        Column("诉求人", "name"),
        Column("联系电话", "phone"),
        Column("地址", "address"),
        Column("类别", "category"),
        Column("内容", "content", width=40),
        Column("受理人", "receiver"),
        Column("交办单位/责任人", "assignee"),
        Column("时限", "deadline", kind="date"),
        Column("状态", "status"),
        Column("办理情况", "handling", width=30),
        Column("办结时间", "finished_at", kind="datetime"),
        Column("回访", "follow_up"),
        Column(OVERDUE_HEADER, "overdue"),
    ]


def _values(r: Request, reveal: bool, today: date) -> dict:
    late = days_overdue(r.status, r.deadline, today)
    return {
        "number": r.number, "external_number": r.external_number, "registered_at": r.registered_at,
        "channel": r.channel, "name": r.name or ANONYMOUS, "phone": (r.phone if reveal else mask_phone(r.phone)) if r.phone else None,
        "address": r.address, "category": r.category, "content": r.content, "receiver": r.receiver,
        "assignee": r.assignee, "deadline": r.deadline, "status": r.status, "handling": r.handling,
        "finished_at": r.finished_at, "follow_up": r.follow_up,
        "overdue": translate("app", "{days} day(s) overdue").format(days=late) if late else None,
    }


def _rows(db, ids: list[int], reveal: bool, today: date) -> Iterator[dict]:
    with db.reading() as session:
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            found = {r.id: r for r in session.scalars(select(Request).where(Request.id.in_(batch)))}
            for request_id in batch:
                if request_id in found:
                    yield _values(found[request_id], reveal, today)


def export_requests(db, path, query: RequestQuery = RequestQuery(sort_key="registered_at", descending=False),
                    reveal: bool = False, job: JobControl | None = None, today: date | None = None) -> int:
    """Write the requests ``query`` shows to ``path``; returns how many rows were written."""
    today = today or date.today()
    with db.reading() as session:
        ids = list(session.scalars(ids_statement(query, today)))
    title = translate("app", "Walk-in requests (exported {at})").format(at=datetime.now().strftime("%Y-%m-%d %H:%M"))
    sheet = Sheet(translate("app", "Requests"), columns(), _rows(db, ids, reveal, today), title_line=title, total=len(ids))
    write_workbook(Path(path), [sheet], job)
    with db.unit_of_work() as session:
        audit.record(session, "export", "requests", None, {"file": Path(path).name, "rows": len(ids), "reveal": reveal,
                                                            "search": query.text or None})
    return len(ids)
