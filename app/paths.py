"""Where Wufu keeps its data unless told otherwise (--db or WUFU_DB)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Wufu"
ENV_DB = "WUFU_DB"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(cli_value: str | None = None) -> Path:
    """--db beats WUFU_DB beats the embedded default in the user's data folder."""
    chosen = cli_value or os.environ.get(ENV_DB)
    if chosen:
        return Path(chosen).expanduser().resolve()
    folder = default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "wufu.db"


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database, in <name>-backups/."""
    return db_path.with_name(f"{db_path.stem}-backups")
