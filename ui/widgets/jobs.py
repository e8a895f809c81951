"""Run long app/ work off the GUI thread behind a progress dialog that can be cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.jobs import Cancelled, JobControl


@dataclass
class JobResult:
    value: Any = None
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


class _Worker(QObject):
    progressed = Signal(int, int, str)
    done = Signal()

    def __init__(self, work: Callable[[JobControl], Any]):
        super().__init__()
        self.work = work
        self.job = JobControl(on_progress=lambda d, t, m: self.progressed.emit(d, t or 0, m))
        self.result = JobResult()

    def run(self) -> None:
        try:
            self.result.value = self.work(self.job)
        except Cancelled:
            self.result.cancelled = True
        except BaseException as error:  # handed to the GUI thread, which shows it
            self.result.error = error
        self.done.emit()


def run_job(parent: QWidget | None, label: str, work: Callable[[JobControl], Any]) -> JobResult:
    """Run ``work(job)`` on a worker thread; block (with a live event loop) until it ends."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Jobs", "Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    def on_progress(done: int, total: int, message: str) -> None:
        if total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if message:
            dialog.setLabelText(message)

    worker.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.job.cancel)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return worker.result
