"""Where bundled resources live, in a source checkout and inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    """The TrueType CJK font with Latin glyphs that ships with Wufu (WenQuanYi Micro Hei)."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def rare_font_path() -> Path:
    """The fallback for the characters Micro Hei lacks (CJK Extensions B–F, as in 𠮷田): a subset of
    Hanazono Mincho B, see resources/fonts/README."""
    return resources_dir() / "fonts" / "wufu-rare-han.ttf"


def translation_source(language: str) -> Path:
    return resources_dir() / "i18n" / f"wufu_{language}.ts"
