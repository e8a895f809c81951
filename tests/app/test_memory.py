"""app.memory: the heap a long job freed goes back to the system."""

from __future__ import annotations

import sys
import threading

import pytest

from app.memory import release_free_memory


def test_release_free_memory_gives_back_a_freed_heap():
    """On glibc a heap that a few surviving blocks pin (it cannot shrink from its top) stays
    resident after the rest is freed, until release_free_memory hands the free pages back."""
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only; other allocators return memory themselves")

    def resident_mb() -> float:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    kept = []

    def churn():  # in a thread of its own: its own malloc arena, as a worker thread's
        blocks = [bytearray(4000) for _ in range(40_000)]  # ≈ 160 MB
        kept.extend(blocks[::16])  # a few survive, as a job's result does
        blocks.clear()

    thread = threading.Thread(target=churn)
    thread.start()
    thread.join()
    before = resident_mb()
    release_free_memory()
    assert resident_mb() < before - 80
    assert len(kept) == 2500
