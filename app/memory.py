"""Giving the system back the memory a long job freed.

An import or export of 100,000 rows allocates a few hundred megabytes for a while and frees them,
but glibc keeps freed heap in the process (in each thread's arena): the program stayed ≈ 90 MB
bigger after importing a 96k roster, and a third import from the same window took the whole
program past 400 MB. ``malloc_trim(0)`` hands the free pages of every arena back. Elsewhere (Windows,
macOS) the allocator returns memory itself and there is nothing to do.
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def release_free_memory() -> None:
    """Return the heap's free pages to the system (glibc); nothing elsewhere."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
