"""Progress and cancellation for long work (import, export, big PDFs, demo data).

app/ functions take an optional ``job: JobControl``; they call ``job.report(done, total)`` every
so often, which raises ``Cancelled`` once the user has pressed Cancel. ui/widgets/jobs.py runs such
a function on a worker thread behind a QProgressDialog.
"""

from __future__ import annotations

import threading
from typing import Callable, Optional

ProgressCallback = Callable[[int, Optional[int], str], None]


class Cancelled(Exception):
    """The user cancelled; whatever the job wrote is rolled back."""


class JobControl:
    def __init__(self, on_progress: ProgressCallback | None = None):
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        self.check()
        if self._on_progress is not None:
            self._on_progress(done, total, message)


def ensure(job: JobControl | None) -> JobControl:
    return job if job is not None else JobControl()
