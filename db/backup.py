"""Online copies of a live database through SQLite's backup API (never a plain file copy)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def online_backup(source: Path, target: Path, pages_per_step: int = 1024, progress=None) -> None:
    """Copy ``source`` into a new file ``target`` consistently, even while others write to it.

    Written to a temporary name first, so a failure (full disk) never leaves a half file that
    looks like a backup.
    """
    temp = target.with_name(target.name + ".part")
    # as_uri() percent-encodes the path: a raw "#" or "?" (a folder named 居委会#2) would end the
    # path early, and SQLite would silently open, create and back up some other, empty file.
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst, pages=pages_per_step, progress=progress)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
