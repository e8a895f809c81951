"""The one font Wufu prints with: WenQuanYi Micro Hei, which has Chinese and Latin glyphs.

reportlab cannot use CFF/OTF CJK fonts, and Droid Sans Fallback lacks Latin digits, so every PDF
uses this TrueType collection (subfont 0, the proportional face). Bold maps to the same face: a
``<b>`` in a Paragraph prints in the regular weight instead of failing.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import font_path

FONT_NAME = "WufuSans"

_lock = threading.Lock()


def register_fonts() -> str:
    """Register the font family with reportlab once per process and return its name."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            # One face for every style: parsing the 5 MB collection twice costs 0.1 s for nothing.
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
    return FONT_NAME


def baseline_offset(size: float) -> float:
    """Distance from the vertical middle of a line of text down to its baseline, in points."""
    face = pdfmetrics.getFont(register_fonts()).face
    return (face.ascent + face.descent) / 2000.0 * size
