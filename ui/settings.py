"""The program's own settings store (window geometry, language, operator, last folders)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Wufu"
APPLICATION = "Wufu"


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
