"""The fonts Wufu prints with: WenQuanYi Micro Hei, plus a fallback for rare characters.

reportlab cannot use CFF/OTF CJK fonts, and Droid Sans Fallback lacks Latin digits, so every PDF
uses this TrueType collection (subfont 0, the proportional face). Bold maps to the same face: a
``<b>`` in a Paragraph prints in the regular weight instead of failing.

Micro Hei has no glyphs outside the Basic Multilingual Plane, so a name like 𠮷田 would print
blank. Runs of characters it lacks are printed in "Wufu Rare Han" (a subset of Hanazono Mincho B,
see resources/fonts/README) instead: ``font_runs`` splits text, ``text_width`` and ``draw_text``
measure and draw it. The fallback is loaded only when such a character first appears.
"""

from __future__ import annotations

import re
import threading

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import font_path, rare_font_path

FONT_NAME = "WufuSans"
FALLBACK_FONT_NAME = "WufuRareHan"

_lock = threading.Lock()
_missing: re.Pattern | None = None  # matches any character the main font has no glyph for
_main_chars: dict[int, int] = {}
_fallback_chars: dict[int, int] | None = None


def register_fonts() -> str:
    """Register the font family with reportlab once per process and return its name."""
    global _missing, _main_chars
    if _missing is not None:
        return FONT_NAME
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
            # One face for every style: parsing the 5 MB collection twice costs 0.1 s for nothing.
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
        if _missing is None:
            _main_chars = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
            _missing = _missing_pattern(_main_chars)
    return FONT_NAME


def _missing_pattern(chars: dict[int, int]) -> re.Pattern:
    """``[^…]`` of the main font's BMP characters: a BMP-only class compiles to a bitmap, so
    the common "nothing missing" check costs ~0.1 µs. Every astral character matches."""
    codes = sorted(code for code in chars if 32 <= code < 0x10000 and not 0xD800 <= code < 0xE000)
    ranges, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [-1]):
        if code != previous + 1:
            ranges.append(re.escape(chr(start)) + ("" if start == previous
                                                   else "-" + re.escape(chr(previous))))
            start = code
    return re.compile("[^" + "".join(ranges) + "]")


_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    # reportlab writes each code point as <%04X>, but ToUnicode wants UTF-16BE: above U+FFFF that
    # is a surrogate pair, else pdftotext and copy-paste turn 𠮷 (U+20BB7) into ₻ (U+20BB) + "7".
    return _reportlab_to_unicode(fontname, [_utf16(code) for code in subset])


def _utf16(code: int) -> int:
    if code < 0x10000:
        return code
    code -= 0x10000
    return ((0xD800 + (code >> 10)) << 16) | (0xDC00 + (code & 0x3FF))


class _AstralTTFont(TTFont):
    """A TTFont whose ToUnicode map is right for characters outside the BMP."""

    _cmap_lock = threading.Lock()

    def addObjects(self, doc) -> None:
        with self._cmap_lock:  # addObjects calls the module function: swap it for this font only
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            try:
                super().addObjects(doc)
            finally:
                ttfonts.makeToUnicodeCMap = _reportlab_to_unicode


def _fallback() -> dict[int, int]:
    """The fallback font's characters, registering it (0.05 s) the first time it is needed."""
    global _fallback_chars
    if _fallback_chars is None:
        with _lock:
            if FALLBACK_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
                font = _AstralTTFont(FALLBACK_FONT_NAME, str(rare_font_path()))
                pdfmetrics.registerFont(font)
                name = FALLBACK_FONT_NAME  # <b> around a rare character must not fail either
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                              boldItalic=name)
            _fallback_chars = pdfmetrics.getFont(FALLBACK_FONT_NAME).face.charToGlyph
    return _fallback_chars


def missing_pattern() -> re.Pattern:
    """Matches a character the main font lacks: a quick check before ``font_runs`` in hot loops."""
    register_fonts()
    return _missing


def font_runs(text: str) -> list[tuple[str, str]] | None:
    """``text`` split into (font name, run) pairs, or None when the main font has every character.

    A character neither font has stays in the main font (it prints blank, as before).
    """
    if _missing is None:
        register_fonts()
    if _missing.search(text) is None:
        return None
    fallback, runs = _fallback(), []
    for char in text:
        code = ord(char)
        font = FALLBACK_FONT_NAME if code not in _main_chars and code in fallback else FONT_NAME
        if runs and runs[-1][0] == font:
            runs[-1][1].append(char)
        else:
            runs.append((font, [char]))
    if len(runs) == 1 and runs[0][0] == FONT_NAME:
        return None
    return [(font, "".join(chars)) for font, chars in runs]


def text_width(text: str, size: float, font_name: str = FONT_NAME) -> float:
    """Width of one line of ``text`` in points, rare characters measured in the fallback font."""
    runs = font_runs(text) if font_name == FONT_NAME else None
    if runs is None:
        return pdfmetrics.stringWidth(text, font_name, size)
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs)


def draw_text(canv, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """canvas.drawString/drawCentredString/drawRightString in the main font, with fallback runs.

    Sets the canvas font to the main font at ``size`` (as canv.setFont would).
    """
    runs = font_runs(text)
    canv.setFont(FONT_NAME, size)
    if runs is None:
        {"left": canv.drawString, "center": canv.drawCentredString,
         "right": canv.drawRightString}[align](x, y, text)
        return
    width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs)
    x -= {"left": 0.0, "center": width / 2, "right": width}[align]
    for font, run in runs:
        canv.setFont(font, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
    canv.setFont(FONT_NAME, size)


def baseline_offset(size: float) -> float:
    """Distance from the vertical middle of a line of text down to its baseline, in points."""
    face = pdfmetrics.getFont(register_fonts()).face
    return (face.ascent + face.descent) / 2000.0 * size
