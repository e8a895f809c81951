"""A ruled table that splits page by page and draws its rows straight onto the canvas.

reportlab's Table spends most of its time laying out and drawing each cell through a text object
(one big Table of 10,000 roster rows took 4.5 s, 80-row Table chunks 2.4 s, and chunks print the
header again in the middle of a page). GridTable measures every row once, splits exactly where a
page ends (header repeated at the top of each piece), and writes all short cells of a page in one
text block. Cells too wide for their column become wrapped Paragraphs; a cell taller than
``max_row_height`` is cut into continuation rows so no row can be taller than a page.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from app.pdf.draw import draw_grid
from app.pdf.fonts import register_fonts, text_width
from app.pdf.text import escape, paragraph_style, plain_text

Cell = Any  # str (one line that fits) or a wrapped Paragraph


@dataclass(frozen=True)
class GridSpec:
    """How a grid looks; shared by all pieces of one table."""

    col_widths_mm: Sequence[float | None] | None
    align: Sequence[str] | None = None
    font_size: float = 9.0
    zebra: bool = True
    repeat_header: bool = True
    pad_x: float = 3.0
    pad_y: float = 2.0
    max_row_height: float = 120.0  # taller cells are cut into pieces that flow across pages
    shade_columns: tuple[int, ...] = ()  # e.g. the label columns of a header block
    frame_width: float = 0.9


@lru_cache(maxsize=None)
def _widest_glyph_em() -> float:
    face = pdfmetrics.getFont(register_fonts()).face
    return max(max(face.charWidths.values()), face.defaultWidth) / 1000.0


class GridBody:
    """The rows of one table, measured once for the width they are printed at (package-internal:
    build tables with data_table, grouped_table or key_value_table)."""

    def __init__(self, headers: Sequence[Any], rows: Sequence[Sequence[Any]], spec: GridSpec):
        self.spec = spec
        self._headers = [plain_text(h) for h in headers]
        self._raw_rows = rows
        self.available_width: float | None = None

    def prepare(self, available_width: float) -> None:
        if self.available_width == available_width:
            return
        self.available_width = available_width
        spec, ncols = self.spec, len(self._headers)
        self.widths = _column_widths(spec.col_widths_mm, ncols, available_width)
        self.width = sum(self.widths)
        self.align = list(spec.align or ["left"] * ncols)
        self.font = register_fonts()
        self.line_height = spec.font_size * 1.25
        self.base_height = self.line_height + 2 * spec.pad_y
        self.header = [self._cell(h, c, "center") for c, h in enumerate(self._headers)]
        self.header_height = self._row_height(self.header)
        self._measure_rows()

    def _measure_rows(self) -> None:
        """Rows, their heights and shading; a cut row's pieces also say what they continue."""
        self.rows, self.heights, self.shade, self.continued, self.continues = [], [], [], [], []
        pad = self.spec.pad_y
        for index, raw in enumerate(self._raw_rows):
            cells = [self._cell(raw[c] if c < len(raw) else "", c) for c in range(len(self.widths))]
            pieces = self._split_tall(cells)
            for part, piece in enumerate(pieces):
                first, last = part == 0, part == len(pieces) - 1
                self.rows.append(piece)
                top_pad, bottom_pad = (pad if first else 0.0), (pad if last else 0.0)
                self.heights.append(self._row_height(piece, top_pad, bottom_pad))
                self.shade.append(self.spec.zebra and index % 2 == 1)
                self.continued.append(not first)
                self.continues.append(not last)
        self.tops = [0.0, *accumulate(self.heights)]

    def _cell(self, value: Any, column: int, align: str | None = None) -> Cell:
        text = plain_text(value)
        inner = self.widths[column] - 2 * self.spec.pad_x
        size = self.spec.font_size
        if "\n" not in text and (
            len(text) * size * _widest_glyph_em() <= inner
            or text_width(text, size, self.font) <= inner
        ):
            return text
        style = paragraph_style(size, align=align or self.align[column], leading=self.line_height)
        paragraph = Paragraph(escape(text), style)
        paragraph.wrap(inner, 1e9)
        return paragraph

    def _row_height(self, cells: list[Cell], top_pad: float | None = None,
                    bottom_pad: float | None = None) -> float:
        pads = (self.spec.pad_y if top_pad is None else top_pad) + (
            self.spec.pad_y if bottom_pad is None else bottom_pad)
        height = self.base_height
        for cell in cells:
            if isinstance(cell, Paragraph):
                height = max(height, cell.height + pads)
        return height

    def _split_tall(self, cells: list[Cell]) -> list[list[Cell]]:
        limit = self.spec.max_row_height - 2 * self.spec.pad_y
        if self._row_height(cells) <= self.spec.max_row_height:
            return [cells]
        columns = [_split_paragraph(cell, self.widths[c] - 2 * self.spec.pad_x, limit)
                   for c, cell in enumerate(cells)]
        count = max(len(parts) for parts in columns)
        return [[parts[k] if k < len(parts) else "" for parts in columns] for k in range(count)]


def _split_paragraph(cell: Cell, width: float, limit: float) -> list[Cell]:
    if not isinstance(cell, Paragraph) or cell.height <= limit:
        return [cell]
    parts, rest = [], cell
    while True:
        pieces = rest.split(width, limit)
        if len(pieces) < 2:
            parts.append(rest)
            break
        head, rest = pieces[0], pieces[1]
        head.wrap(width, 1e9)
        parts.append(head)
        rest.wrap(width, 1e9)
    return parts


def _column_widths(widths_mm: Sequence[float | None] | None, ncols: int,
                   available: float) -> list[float]:
    """Column widths in points: given in mm, or None for a share of what the others leave."""
    widths_mm = widths_mm or [None] * ncols
    if len(widths_mm) != ncols:
        raise ValueError(f"{len(widths_mm)} column widths for {ncols} columns")
    fixed = sum(w * mm for w in widths_mm if w is not None)
    flexible = sum(1 for w in widths_mm if w is None)
    share = max(available - fixed, 0.0) / flexible if flexible else 0.0
    if flexible and share < 10 * mm:  # no room left for the flexible columns
        share = 10 * mm
    widths = [share if w is None else w * mm for w in widths_mm]
    total = sum(widths)
    if total > available:  # too wide for the page: shrink every column alike
        widths = [w * available / total for w in widths]
    return widths


class GridTable(Flowable):
    """Rows ``start`` to ``end`` (exclusive) of a table body, optionally under a group heading.

    Splitting at a page end gives the rows that fit plus the rest, which starts with the header
    again (``repeat_header``) and the ``continued_heading``.
    """

    def __init__(self, body: GridBody, start: int = 0, end: int | None = None,
                 heading: Paragraph | None = None, continued_heading: Paragraph | None = None,
                 show_header: bool = True):
        super().__init__()
        self._body = body
        self._start = start
        self._end = end  # None: to the last row, however many continuation rows there are
        self._heading = heading
        self._continued_heading = continued_heading
        self._show_header = show_header
        self._prepared = False

    @property
    def progress_units(self) -> int:
        """How many table rows this piece prints (for the build's progress report)."""
        if not self._prepared:
            return max(len(self._body._raw_rows), 1)
        return max(self._stop - self._start, 1)

    @property
    def _stop(self) -> int:
        return len(self._body.rows) if self._end is None else self._end

    def _prepare(self, available_width: float) -> None:
        body = self._body
        body.prepare(available_width)
        self._prepared = True
        self._heading_height = 0.0
        if self._heading is not None:
            self._heading_height = self._heading.wrap(body.width, 1e9)[1] + 3

    def _top_height(self) -> float:
        header = self._body.header_height if self._show_header else 0.0
        return self._heading_height + header

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._prepare(available_width)
        body = self._body
        self.width = body.width
        self.height = self._top_height() + body.tops[self._stop] - body.tops[self._start]
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._prepare(available_width)
        body = self._body
        room = available_height - self._top_height()
        last = bisect_right(body.tops, body.tops[self._start] + room + 1e-6) - 1
        fit = min(last, self._stop) - self._start
        if fit < 1:
            return []  # not even one row here: start on the next page
        if fit >= self._stop - self._start:
            return [self]
        repeat = body.spec.repeat_header
        first = GridTable(body, self._start, self._start + fit, self._heading,
                          show_header=self._show_header)
        rest_heading = self._continued_heading
        rest = GridTable(body, self._start + fit, self._end, rest_heading, rest_heading,
                         show_header=repeat)
        return [first, rest]

    def draw(self) -> None:
        top = self.height
        if self._heading is not None:
            self._heading.drawOn(self.canv, 0, top - self._heading_height + 3)
            top -= self._heading_height
        draw_grid(self.canv, self._body, self._start, self._stop, top, self._show_header)
