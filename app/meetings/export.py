"""Exporting meetings to one workbook: meetings, attendance, agenda items, speeches, action items,
amendments and 四议两公开 matters, each on its own sheet (layout in excel_layout).

Narrative text is always written as text (app/excel forces it), so a speech that starts with "="
stays a speech. Import reads the same layout back.
"""

from __future__ import annotations

import os

from sqlalchemy import select

from app.excel import Sheet, write_workbook
from app.jobs import JobControl, ensure
from app.meetings import excel_layout as layout
from app.meetings.kinds import ORIGIN_LABELS, ROLE_LABELS, STAGES, STATUS_LABELS
from app.meetings.rows import MeetingDraft
from app.meetings.service import MeetingQuery, list_meetings, meeting_draft
from db import audit
from db.models import DecisionChain


def _clock(value) -> str:
    return value.strftime("%H:%M") if value else ""


def _meeting_row(d: MeetingDraft) -> dict:
    return {"number": d.number, "kind": d.kind, "title": d.title, "session_label": d.session_label,
            "held_on": d.held_on, "starts_at": _clock(d.starts_at), "ends_at": _clock(d.ends_at),
            "place": d.place, "chair": d.chair, "recorder": d.recorder, "due": d.due_count,
            "present": d.present_count, "notes": d.notes, "finalized_at": d.finalized_at,
            "finalized_by": d.finalized_by}


def _child_rows(d: MeetingDraft, sheets: dict[str, list]) -> None:
    for n, a in enumerate(d.attendees, start=1):
        sheets[layout.ATTENDANCE].append({"number": d.number, "position": n, "name": a.name,
                                          "role": ROLE_LABELS[a.role], "reason": a.reason, "note": a.note})
    for i, item in enumerate(d.agenda, start=1):
        sheets[layout.AGENDA].append({
            "number": d.number, "item": i, "title": item.title,
            "origin_kind": ORIGIN_LABELS.get(item.origin_kind, item.origin_kind), "origin_text": item.origin_text,
            "vote_method": item.vote_method, "votes_for": item.votes_for, "votes_against": item.votes_against,
            "votes_abstain": item.votes_abstain, "resolution": item.resolution, "responsible": item.responsible,
            "deadline": item.deadline})
        for n, s in enumerate(item.speeches, start=1):
            sheets[layout.SPEECHES].append({"number": d.number, "item": i, "position": n, "speaker": s.speaker,
                                            "content": s.content})
        for n, a in enumerate(item.actions, start=1):
            sheets[layout.ACTIONS].append({
                "number": d.number, "item": i, "position": n, "description": a.description,
                "responsible": a.responsible, "deadline": a.deadline, "status": STATUS_LABELS[a.status],
                "result": a.result, "closed_on": a.closed_on})
    for a in d.amendments:
        sheets[layout.AMENDMENTS].append({"number": d.number, "made_on": a.made_on, "author": a.author,
                                          "text": a.text, "reason": a.reason})


def _chain_rows(session, refs: dict[int, str]) -> list[dict]:
    rows = []
    chains = session.scalars(select(DecisionChain).where(DecisionChain.removed_at.is_(None))
                             .order_by(DecisionChain.id)).all()
    for chain in chains:
        ids = [getattr(chain, f"{stage}_item_id") for stage in STAGES]
        if any(i is not None and i not in refs for i in ids):
            continue  # a stage in a meeting left out of this export
        row = {stage: refs.get(i, "") for stage, i in zip(STAGES, ids)}
        row.update(title=chain.title, decision_notice_from=chain.decision_notice_from,
                   decision_notice_to=chain.decision_notice_to, result_notice_from=chain.result_notice_from,
                   result_notice_to=chain.result_notice_to, result_text=chain.result_text or "",
                   notes=chain.notes or "")
        rows.append(row)
    return rows


def collect(db, query: MeetingQuery = MeetingQuery(), job: JobControl | None = None) -> dict[str, list]:
    """The rows of every sheet, oldest meeting first."""
    job = ensure(job)
    ids = [row.id for row in reversed(list_meetings(db, query))]
    sheets: dict[str, list] = {name: [] for name in layout.LAYOUT}
    refs: dict[int, str] = {}
    with db.reading() as session:
        for done, meeting_id in enumerate(ids):
            job.report(done, len(ids))
            draft = meeting_draft(session, meeting_id)
            sheets[layout.MEETINGS].append(_meeting_row(draft))
            _child_rows(draft, sheets)
            refs.update({item.id: layout.stage_ref(draft.number, i) for i, item in enumerate(draft.agenda, start=1)})
        sheets[layout.CHAINS] = _chain_rows(session, refs)
    return sheets


def export_meetings(db, path: str | os.PathLike, query: MeetingQuery = MeetingQuery(),
                    job: JobControl | None = None) -> int:
    """Write the meetings matching ``query`` to ``path``; returns how many meetings."""
    sheets = collect(db, query, job)
    write_workbook(path, [Sheet(name, layout.columns(name), rows) for name, rows in sheets.items()], job=job)
    with db.unit_of_work() as session:
        audit.record(session, "export", "meetings", None, {"file": str(path), "meetings": len(sheets[layout.MEETINGS]),
                                                            "search": query.text})
    return len(sheets[layout.MEETINGS])
