"""Safe text for reportlab: escaping user values and paragraph styles that wrap Chinese.

A reportlab Paragraph reads its text as markup, so a resident named ``O<Brien`` or a note with
``&`` would break or vanish unless escaped. Build paragraphs with ``para(value)`` (always escapes)
or ``para_markup(template, **values)`` (trusted markup, escaped values), never ``Paragraph(value)``.
Both put characters the main font lacks (𠮷) in ``<font>`` tags of the fallback font.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.pdf.fonts import FALLBACK_FONT_NAME, font_runs, register_fonts

_ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

# C0 control characters other than tab and newline have no glyph and upset the markup parser.
_CONTROLS = {code: None for code in range(32) if code not in (9, 10)}
_CONTROLS.update({9: " ", 127: None})
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def plain_text(value: Any) -> str:
    """A value as printable text: None is empty, line breaks are ``\\n``, control characters go."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():
        return text
    return text.translate(_CONTROLS)


def escape(value: Any) -> str:
    """A value as Paragraph markup that prints literally: & < > and quotes escaped, \\n → <br/>,
    rare characters in the fallback font."""
    return with_fallback(plain_text(value).translate(_MARKUP).replace("\n", "<br/>"))


def with_fallback(markup: str) -> str:
    """Markup with each run of characters the main font lacks wrapped in the fallback font.

    Rare characters only ever occur in text, never in tag names, so splitting markup is safe.
    """
    runs = font_runs(markup)
    if runs is None:
        return markup
    return "".join(run if font != FALLBACK_FONT_NAME else f'<font name="{font}">{run}</font>'
                   for font, run in runs)


@lru_cache(maxsize=None)
def paragraph_style(
    size: float = 12.0,
    *,
    align: str = "left",
    leading: float | None = None,
    indent_chars: float = 0.0,
    space_before: float = 0.0,
    space_after: float = 0.0,
    keep_with_next: bool = False,
) -> ParagraphStyle:
    """A style in the Wufu font that wraps Chinese anywhere (wordWrap="CJK").

    ``indent_chars`` indents the first line by that many characters (正文首行缩进两字 is 2).
    Styles are cached: equal arguments give the same object.
    """
    font = register_fonts()
    return ParagraphStyle(
        name=f"wufu-{size}-{align}-{leading}-{indent_chars}-{space_before}-{space_after}",
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.5, 2),
        alignment=_ALIGNMENTS[align],
        firstLineIndent=indent_chars * size,
        spaceBefore=space_before,
        spaceAfter=space_after,
        keepWithNext=int(keep_with_next),
        wordWrap="CJK",
        allowWidows=1,
        allowOrphans=0,
    )


def title_style(size: float = 22.0) -> ParagraphStyle:
    """Centred document title; 22 pt is 二号, the size of an official document's title."""
    return paragraph_style(size, align="center", leading=size * 1.4, space_after=size * 0.3)


def body_style(size: float = 12.0) -> ParagraphStyle:
    """Running text with the first line indented two characters; 16 pt is 三号."""
    return paragraph_style(size, indent_chars=2, leading=size * 1.6, space_after=size * 0.25)


def para(value: Any, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph that prints ``value`` literally (escaped), wrapping long Chinese runs."""
    return Paragraph(escape(value), style or paragraph_style())


def para_markup(template: str, style: ParagraphStyle | None = None, **values: Any) -> Paragraph:
    """A Paragraph from trusted markup and escaped values: ``para_markup("<b>{k}</b>", k=x)``."""
    safe = {key: escape(value) for key, value in values.items()}
    return Paragraph(with_fallback(template).format(**safe), style or paragraph_style())
