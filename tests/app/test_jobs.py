"""Long work (import, export, big PDF, demo data) reports progress and stops when the user cancels;
the Qt-free half of that contract."""

from __future__ import annotations

import threading

import pytest

from app.jobs import Cancelled, JobControl, ensure


def test_report_passes_progress_on():
    seen = []
    job = JobControl(on_progress=lambda done, total, message: seen.append((done, total, message)))
    job.report(1, 10, "第 1 行")
    job.report(2)
    assert seen == [(1, 10, "第 1 行"), (2, None, "")]
    assert not job.cancelled


def test_report_after_cancel_raises_cancelled_and_reports_nothing():
    seen = []
    job = JobControl(on_progress=lambda *a: seen.append(a))
    job.cancel()
    assert job.cancelled
    with pytest.raises(Cancelled):
        job.report(5, 10)
    with pytest.raises(Cancelled):
        job.check()
    assert seen == []


def test_cancel_from_another_thread_stops_the_work():
    job = JobControl()
    started = threading.Event()
    outcome = {}

    def work():
        started.set()
        try:
            for number in range(10_000_000):
                job.report(number)
            outcome["finished"] = True
        except Cancelled:
            outcome["cancelled_at"] = number

    worker = threading.Thread(target=work)
    worker.start()
    started.wait(5)
    job.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert "cancelled_at" in outcome and "finished" not in outcome


def test_ensure_gives_a_job_that_never_cancels():
    job = ensure(None)
    assert isinstance(job, JobControl)
    job.report(1, 1)  # no callback, no error
    mine = JobControl()
    assert ensure(mine) is mine


def test_cancelled_work_in_a_unit_of_work_leaves_nothing(tmp_db):
    """The promise behind Cancel: whatever the job wrote is rolled back."""
    from db.models import Setting

    job = JobControl()
    with pytest.raises(Cancelled):
        with tmp_db.unit_of_work() as session:
            for number in range(100):
                session.add(Setting(key=f"row-{number}", value="x"))
                if number == 50:
                    job.cancel()
                job.report(number, 100)
    with tmp_db.reading() as session:
        assert session.query(Setting).filter(Setting.key.like("row-%")).count() == 0
