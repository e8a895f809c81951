"""Blocks of a signed paper form: a ruled header block, signature lines, a place for the seal.

Labels come from the caller, already translated; values are printed literally (escaped).
"""

from __future__ import annotations

from itertools import groupby
from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.pdf.draw import RULE_WIDTH
from app.pdf.fonts import baseline_offset, draw_text, font_runs, register_fonts, text_width
from app.pdf.grid import GridSpec, GridTable, GridBody
from app.pdf.text import para, paragraph_style, plain_text

Pair = tuple[str, Any]


def key_value_table(
    rows: Sequence[Pair | Sequence[Pair]],
    *,
    label_width_mm: float = 25.0,
    font_size: float = 12.0,
    space_after_mm: float = 5.0,
) -> list[Flowable]:
    """A ruled block of shaded labels and their values, as at the top of meeting minutes.

    Each row is one ``(label, value)`` pair or a list of pairs side by side; the values of a row
    share the width left by its labels. A value taller than a page continues on the next one.
    """
    lines = [[row] if isinstance(row[0], str) else list(row) for row in rows]
    flowables: list[Flowable] = []
    for pairs, run in groupby(lines, key=len):  # one grid per run of rows with as many pairs
        spec = GridSpec(
            col_widths_mm=(label_width_mm, None) * pairs, align=("center", "left") * pairs,
            font_size=font_size, zebra=False, repeat_header=False, pad_x=5.0,
            pad_y=font_size * 0.4, shade_columns=tuple(range(0, 2 * pairs, 2)),
            frame_width=RULE_WIDTH,
        )
        cells = [[item for pair in line for item in pair] for line in run]
        flowables.append(GridTable(GridBody([""] * 2 * pairs, cells, spec), show_header=False))
    if flowables:
        flowables[-1].spaceAfter = space_after_mm * mm
    return flowables


def signature_block(
    labels: Sequence[str] = ("主持人", "记录人"),
    *,
    date_label: str = "日期",
    date_blank: str = "　　　　年　　月　　日",
    font_size: float = 12.0,
    space_before_mm: float = 12.0,
) -> list[Flowable]:
    """One line per signer: "label：________  日期：    年  月  日", kept on one page."""
    font = register_fonts()
    data = [[f"{plain_text(label)}：", "", f"{plain_text(date_label)}：", plain_text(date_blank)]
            for label in labels]
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), font, font_size),
        ("LINEBELOW", (1, 0), (1, -1), RULE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("LEFTPADDING", (2, 0), (2, -1), font_size),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])

    def width(column: int) -> float:
        return max(text_width(row[column], font_size) for row in data) + font_size + 6

    widths = [width(0), 60 * mm, width(2), width(3)]
    # A Table draws plain strings in one font: a label with a rare character becomes a Paragraph.
    cells = [[_cell(text, font_size, "left" if column in (1, 3) else "right")
              for column, text in enumerate(row)] for row in data]
    table = Table(cells, colWidths=widths, rowHeights=font_size * 3, style=style, hAlign="RIGHT")
    return [Spacer(1, space_before_mm * mm), KeepTogether([table])]


def _cell(text: str, size: float, align: str) -> Any:
    if font_runs(text) is None:
        return text
    style = paragraph_style(size, align=align, leading=size * 1.2)
    return para(text, style)


class SealBlock(Flowable):
    """Lines of text (issuer, date) centred in a round space for the seal, near the right edge.

    Official seals are 42 mm across and stamped over the issuer's name and the date.
    ``outline`` draws a faint dashed circle where the seal goes (for drafts and test prints).
    """

    def __init__(self, lines: Sequence[str], *, diameter_mm: float = 42.0, font_size: float = 12.0,
                 outline: bool = False, right_mm: float = 10.0):
        super().__init__()
        self._lines = [plain_text(line) for line in lines]
        self._diameter = diameter_mm * mm
        self._size = font_size
        self._outline = outline
        self._right = right_mm * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self._diameter + 4 * mm
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        centre_x = self.width - self._right - self._diameter / 2
        centre_y = self.height / 2
        if self._outline:
            canv.saveState()
            canv.setStrokeColor(colors.HexColor("#BBBBBB"))
            canv.setDash(3, 3)
            canv.circle(centre_x, centre_y, self._diameter / 2, stroke=1, fill=0)
            canv.restoreState()
        leading = self._size * 1.8
        first = centre_y + (len(self._lines) - 1) * leading / 2
        for index, line in enumerate(self._lines):
            y = first - index * leading - baseline_offset(self._size)
            draw_text(canv, centre_x, y, line, self._size, "center")


def seal_block(lines: Sequence[str], **options: Any) -> list[Flowable]:
    """A place for the seal with ``lines`` (e.g. issuer and date) in it; see SealBlock."""
    return [Spacer(1, 6 * mm), SealBlock(lines, **options)]
