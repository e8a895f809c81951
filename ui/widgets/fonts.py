"""The bundled fonts, registered with Qt once per process (shared by the main window and printing)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from app.resources import font_path, rare_font_path


@lru_cache(maxsize=1)
def application_font_families() -> tuple[str, ...]:
    """(Micro Hei's family or "", then the rare-character font's family if it loaded)."""
    families = []
    for path in (font_path(), rare_font_path()):
        font_id = QFontDatabase.addApplicationFont(str(path))
        found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        families.append(found[0] if found else "")
    return (families[0], *filter(None, families[1:]))


def bundled_font(size: int, fallback_family: str = "") -> QFont:
    """WenQuanYi Micro Hei at ``size`` points, with the rare-character font (CJK Extensions B–F)
    for what it lacks: 𠮷田 shows as a name, not a box. ``fallback_family`` when Micro Hei did not load."""
    main, *rare = application_font_families()
    family = main or fallback_family or QFont().family()
    font = QFont(family, size)
    font.setFamilies([family, *rare])
    return font
