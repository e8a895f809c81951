"""run_job: long work runs off the GUI thread behind a progress dialog; the window stays alive,
progress shows, Cancel stops the work, and a failure comes back to the caller instead of vanishing."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.jobs import Cancelled
from ui.widgets.jobs import JobResult, run_job


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _progress_dialog(parent) -> QProgressDialog | None:
    found = parent.findChildren(QProgressDialog)
    return found[-1] if found else None


def _poll(condition, finished: threading.Event, every_ms: int = 10) -> None:
    """Call ``condition()`` on the GUI thread until it returns True or the job has finished."""
    def tick():
        if finished.is_set() or condition():
            return
        QTimer.singleShot(every_ms, tick)

    QTimer.singleShot(0, tick)


def test_work_runs_on_another_thread_and_returns_its_value(parent):
    seen = {}

    def work(job):
        seen["thread"] = threading.current_thread()
        return 42

    result = run_job(parent, "正在导入…", work)
    assert isinstance(result, JobResult)
    assert result.ok and result.value == 42
    assert (result.error, result.cancelled) == (None, False)
    assert seen["thread"] is not threading.current_thread()
    assert seen["thread"] is not threading.main_thread()


def test_the_gui_keeps_running_while_the_work_runs(parent):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    try:
        result = run_job(parent, "正在导出…", lambda job: time.sleep(0.3) or "done")
    finally:
        timer.stop()
    assert result.value == "done"
    assert len(ticks) >= 5, "the event loop must keep turning (window repaints, Cancel clicks)"


class _WatchedDialog(QProgressDialog):
    """Records which thread touches the dialog: widgets may only be used from the GUI thread."""

    touched_from: list[str] = []

    def setLabelText(self, text):
        self.touched_from.append(threading.current_thread().name)
        super().setLabelText(text)

    def setValue(self, value):
        self.touched_from.append(threading.current_thread().name)
        super().setValue(value)

    def setMaximum(self, value):
        self.touched_from.append(threading.current_thread().name)
        super().setMaximum(value)


def test_progress_reaches_the_dialog(parent, monkeypatch):
    from ui.widgets import jobs as ui_jobs

    monkeypatch.setattr(ui_jobs, "QProgressDialog", _WatchedDialog)
    _WatchedDialog.touched_from = []
    shown, finished = threading.Event(), threading.Event()
    observed = {}

    def look() -> bool:
        dialog = _progress_dialog(parent)
        if dialog is not None and dialog.labelText() == "第 3 行，共 10 行":
            observed.update(value=dialog.value(), maximum=dialog.maximum())
            shown.set()
            return True
        return False

    def work(job):
        job.report(3, 10, "第 3 行，共 10 行")
        assert shown.wait(5), "the dialog never showed the progress"
        return "ok"

    _poll(look, finished)
    try:
        result = run_job(parent, "正在导入…", work)
    finally:
        finished.set()
    assert result.ok, result.error
    assert observed["value"] == 3 and observed["maximum"] == 10
    assert _WatchedDialog.touched_from and set(_WatchedDialog.touched_from) == {threading.main_thread().name}


def _slow_work(reports):
    def work(job):
        for number in range(10_000):
            job.report(number, 10_000)
            reports.append(number)
            time.sleep(0.005)
        return "finished"

    return work


@pytest.mark.parametrize("how", ["button", "close"])
def test_cancel_stops_the_work(parent, how):
    reports = []
    finished = threading.Event()

    def press_cancel() -> bool:
        dialog = _progress_dialog(parent)
        if dialog is None or not reports:
            return False
        if how == "button":
            dialog.findChild(QPushButton).click()  # what the user clicks (取消)
        else:
            dialog.close()  # the window's close box, or Esc
        return True

    _poll(press_cancel, finished)
    started = time.monotonic()
    try:
        result = run_job(parent, "正在导入…", _slow_work(reports))
    finally:
        finished.set()
    assert result.cancelled is True
    assert result.value is None and result.error is None and not result.ok
    assert 0 < len(reports) < 10_000
    assert time.monotonic() - started < 5


def test_job_cancel_from_a_timer(parent):
    reports = []
    finished = threading.Event()
    jobs = []

    def work(job):
        jobs.append(job)
        return _slow_work(reports)(job)

    _poll(lambda: bool(jobs) and (jobs[0].cancel() or True), finished)
    try:
        result = run_job(parent, "…", work)
    finally:
        finished.set()
    assert result.cancelled


def test_an_import_reporting_every_row_does_not_flood_the_gui(parent):
    """100,000 rows, one report each: the dialog samples progress; the queue is not flooded."""
    started = time.monotonic()
    result = run_job(parent, "正在导入…", lambda job: [job.report(n, 100_000, f"第 {n} 行") for n in range(100_000)][-1])
    assert result.ok
    assert time.monotonic() - started < 10


def test_cancelled_raised_by_the_work_itself_counts_as_cancelled(parent):
    def work(job):
        job.cancel()
        job.check()

    result = run_job(parent, "…", work)
    assert result.cancelled and result.error is None


def test_an_exception_comes_back_in_the_result(parent):
    def work(job):
        raise ValueError("第 7 行：身份证号码有误")

    result = run_job(parent, "正在导入…", work)
    assert isinstance(result.error, ValueError)
    assert "第 7 行" in str(result.error)
    assert not result.cancelled and not result.ok


def test_the_dialog_is_gone_afterwards(parent, qtbot):
    run_job(parent, "…", lambda job: time.sleep(0.5))  # long enough for the dialog to appear
    qtbot.wait(10)
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_runs_without_a_parent_window(qtbot):
    result = run_job(None, "…", lambda job: "ok")
    assert result.value == "ok"


def test_cancelled_type_is_the_app_one():
    # app/ raises app.jobs.Cancelled; the ui side must recognise exactly that class
    from ui.widgets import jobs as ui_jobs

    assert ui_jobs.Cancelled is Cancelled


@pytest.mark.parametrize("outcome", ["value", "cancelled", "error"])
def test_the_memory_a_job_freed_is_given_back_when_it_ends(parent, monkeypatch, outcome):
    """After any job (an import of 100,000 rows frees hundreds of MB), free heap goes back to the
    system, on the worker thread, however the job ended."""
    from ui.widgets import jobs

    released = []
    monkeypatch.setattr(jobs, "release_free_memory", lambda: released.append(threading.current_thread()))

    def work(job):
        if outcome == "cancelled":
            raise Cancelled()
        if outcome == "error":
            raise RuntimeError("broken")
        return 42

    result = run_job(parent, "…", work)
    assert (result.value, result.cancelled, type(result.error)) == {
        "value": (42, False, type(None)), "cancelled": (None, True, type(None)), "error": (None, False, RuntimeError)}[outcome]
    assert len(released) == 1 and released[0] is not threading.main_thread()

