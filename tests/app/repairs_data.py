"""Shared set-up for the repair-team tests: a small team, a resident, jobs on fixed dates, PDF text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from app.repairs import service, volunteers
from app.residents import service as residents

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

# October 2026: in the past on any machine running these tests, so no date is "in the future".
OCT = date(2026, 10, 1)


def at(day: int, hour: int = 9, minute: int = 0, month: int = 10) -> datetime:
    return datetime(2026, month, day, hour, minute)


def team(db) -> dict[str, int]:
    """Three volunteers: 王建国 (plumber), 马永福 (electrician, appliances), 杨德明 (carpenter)."""
    return {
        "wang": volunteers.create_volunteer(db, {"name": "王建国", "skills": "水暖", "phone": "13995011201"}),
        "ma": volunteers.create_volunteer(db, {"name": "马永福", "skills": ["电工", "家电"], "phone": "13895022302"}),
        "yang": volunteers.create_volunteer(db, {"name": "杨德明", "skills": "木工、油漆"}),
    }


def resident(db) -> int:
    return residents.create(db, {"name": "张秀兰", "phones": "13912341031", "address": "安居苑3-2-401"})


def job(db, when: datetime, **values) -> int:
    data = {"name": "刘先生", "address": "贸易巷12号", "item": "电风扇", "category": "家电", "fault": "通电不转"}
    data.update(values)
    data.setdefault("job_date", when.date())
    return service.create_job(db, data, now=when)


def pdf_text(path: Path) -> str:
    """The text of a PDF, spaces dropped (pdftotext spaces out Chinese text in tables)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return out


def squeezed(text: str) -> str:
    return "".join(text.split())
