"""Run long app/ work off the GUI thread behind a progress dialog that can be cancelled.

The worker thread never touches a widget and emits no signal from Python: it only stores its
latest progress (under a lock), and a timer on the GUI thread shows it a few times a second.
That keeps the dialog on the GUI thread, does not flood the event queue when an import reports
every row, and avoids Python-side ``emit()`` (which leaks a reference to True in PySide6 6.12.0).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import UserError
from app.jobs import Cancelled, JobControl
from app.memory import release_free_memory

REFRESH_MS = 50


@dataclass
class JobResult:
    value: Any = None
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


class _WorkerThread(QThread):
    def __init__(self, work: Callable[[JobControl], Any]):
        super().__init__()
        self.work = work
        self.result = JobResult()
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] | None = None
        self.job = JobControl(on_progress=self._store_progress)

    def _store_progress(self, done: int, total: int | None, message: str) -> None:  # worker thread
        with self._lock:
            self._latest = (done, total or 0, message)

    def take_progress(self) -> tuple[int, int, str] | None:  # GUI thread
        with self._lock:
            latest, self._latest = self._latest, None
        return latest

    def run(self) -> None:  # worker thread; QThread emits finished (from C++) when this returns
        try:
            self.result.value = self.work(self.job)
        except Cancelled:
            self.result.cancelled = True
        except BaseException as error:  # handed to the GUI thread, which shows it
            self.result.error = error
        release_free_memory()  # what the job freed goes back to the system, not kept for the next


def _show_progress(dialog: QProgressDialog, progress: tuple[int, int, str] | None) -> None:
    if progress is None:
        return
    done, total, message = progress
    if total:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
    if message:
        dialog.setLabelText(message)


def run_job(parent: QWidget | None, label: str, work: Callable[[JobControl], Any]) -> JobResult:
    """Run ``work(job)`` on a worker thread; block (with a live event loop) until it ends."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Jobs", "Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker = _WorkerThread(work)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(REFRESH_MS)
    timer.timeout.connect(lambda: _show_progress(dialog, worker.take_progress()))
    dialog.canceled.connect(worker.job.cancel)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    timer.start()
    worker.start()
    loop.exec()
    worker.wait()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    return worker.result


def job_succeeded(parent: QWidget | None, result: JobResult, title: str, cancelled_text: str | None = None) -> bool:
    """True when the job ended with a value. Otherwise says why and returns False: cancelled_text (if
    given) when the user cancelled, a UserError's message as a warning; any other error is raised."""
    if result.cancelled:
        if cancelled_text:
            QMessageBox.information(parent, title, cancelled_text)
        return False
    if isinstance(result.error, UserError):
        QMessageBox.warning(parent, title, result.error.message)
        return False
    if result.error is not None:
        raise result.error
    return True
