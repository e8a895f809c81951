"""Drawing one page of a GridTable: shading, rules, and every short cell in one text block."""

from __future__ import annotations

from itertools import accumulate
from typing import Any, NamedTuple

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from app.pdf.fonts import baseline_offset, font_runs, missing_pattern, text_width

HEADER_FILL = colors.HexColor("#D9D9D9")
ZEBRA_FILL = colors.HexColor("#F2F2F2")
RULE_COLOR = colors.black
RULE_WIDTH = 0.5


class _Line(NamedTuple):
    cells: list[Any]
    top: float
    height: float
    fill: Any
    continued: bool  # continues the row above: no rule between them
    header: bool
    text_top: float | None = None  # a piece of a cut row: its paragraphs hang from here


def draw_grid(canv, body, start: int, stop: int, top: float, show_header: bool) -> None:
    """Draw rows ``start``..``stop`` of a measured table body with its top edge at ``top``."""
    lines, y = [], top
    if show_header:
        lines.append(_Line(body.header, y, body.header_height, HEADER_FILL, False, True))
        y -= body.header_height
    for i in range(start, stop):
        fill = ZEBRA_FILL if body.shade[i] else None
        text_top = None
        if body.continued[i] or body.continues[i]:
            text_top = y - (0.0 if body.continued[i] else body.spec.pad_y)
        lines.append(_Line(body.rows[i], y, body.heights[i], fill, body.continued[i] and i > start,
                           False, text_top))
        y -= body.heights[i]
    if not lines:
        return
    canv.saveState()
    _fill(canv, lines, body.width)
    _shade_columns(canv, body, top - (body.header_height if show_header else 0.0), y)
    _rules(canv, lines, body.widths, top, y, body.spec.frame_width)
    _cells(canv, body, lines)
    canv.restoreState()


def _fill(canv, lines: list[_Line], width: float) -> None:
    for colour in (HEADER_FILL, ZEBRA_FILL):
        shaded = [line for line in lines if line.fill is colour]
        if shaded:
            canv.setFillColor(colour)
            for line in shaded:
                canv.rect(0, line.top - line.height, width, line.height, stroke=0, fill=1)


def _shade_columns(canv, body, top: float, bottom: float) -> None:
    if not body.spec.shade_columns or top <= bottom:
        return
    lefts = [0.0, *accumulate(body.widths)]
    canv.setFillColor(HEADER_FILL)
    for column in body.spec.shade_columns:
        canv.rect(lefts[column], bottom, body.widths[column], top - bottom, stroke=0, fill=1)


def _rules(canv, lines: list[_Line], widths: list[float], top: float, bottom: float,
           frame_width: float) -> None:
    right = sum(widths)
    segments = [(0, line.top, right, line.top) for line in lines[1:] if not line.continued]
    segments += [(x, top, x, bottom) for x in accumulate(widths[:-1])]
    canv.setStrokeColor(RULE_COLOR)
    canv.setLineWidth(RULE_WIDTH)
    if segments:
        canv.lines(segments)
    canv.setLineWidth(frame_width)
    canv.rect(0, bottom, right, top - bottom, stroke=1, fill=0)


def _cells(canv, body, lines: list[_Line]) -> None:
    spec = body.spec
    lefts = [0.0, *accumulate(body.widths)]
    drop = baseline_offset(spec.font_size)
    strings, paragraphs = [], []
    for line in lines:
        middle = line.top - line.height / 2
        for column, cell in enumerate(line.cells):
            if isinstance(cell, Paragraph):
                top = middle + cell.height / 2 if line.text_top is None else line.text_top
                paragraphs.append((cell, lefts[column] + spec.pad_x, top - cell.height))
            elif cell:
                align = "center" if line.header else body.align[column]
                x = _text_x(cell, align, lefts[column], body.widths[column], body)
                strings.append((x, middle - drop, cell))
    _write_strings(canv, body.font, spec.font_size, strings)
    for paragraph, x, y in paragraphs:
        paragraph.drawOn(canv, x, y)


def _text_x(text: str, align: str, left: float, width: float, body) -> float:
    if align == "left":
        return left + body.spec.pad_x
    measured = text_width(text, body.spec.font_size, body.font)
    if align == "right":
        return left + width - body.spec.pad_x - measured
    return left + (width - measured) / 2


def _write_strings(canv, font_name: str, size: float,
                   strings: list[tuple[float, float, str]]) -> None:
    """Write many one-line strings as one PDF text block.

    This is what canvas.drawString does per string (font subsets selected with Tf, bytes escaped
    with escapePDF), minus a text object and number formatting per string: 3x faster for a
    roster. Wrapped in q/Q so the font and colour set here do not leak into later drawing.
    """
    if not strings:
        return
    main = pdfmetrics.getFont(font_name)  # the font of font_runs' main runs
    doc = canv._doc
    rare = missing_pattern().search  # ~0.1 µs a string: the common path stays as it was
    ops, current = ["q 0 g BT"], None
    for x, y, text in strings:
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        if rare(text) and (runs := font_runs(text)) is not None:
            current = _write_runs(ops, runs, size, doc)
            continue
        for subset, chunk in main.splitString(text, doc):
            if subset != current:
                ops.append(f"{main.getSubsetInternalName(subset, doc)} {size:g} Tf")
                current = subset
            ops.append(f"({escapePDF(chunk)}) Tj")
    ops.append("ET Q")
    canv._code.append("\n".join(ops))


def _write_runs(ops: list[str], runs: list[tuple[str, str]], size: float, doc) -> tuple:
    """A line with rare characters (𠮷): each run in its own font, Tj advancing past the last.
    Returns a "current subset" that no plain subset number equals, so the next line sets Tf."""
    current = None
    for name, run in runs:
        font = pdfmetrics.getFont(name)
        for subset, chunk in font.splitString(run, doc):
            if (name, subset) != current:
                ops.append(f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf")
                current = (name, subset)
            ops.append(f"({escapePDF(chunk)}) Tj")
    return current
