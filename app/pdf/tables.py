"""Ruled data tables for ledgers: split across pages with the header repeated, fast at 10,000 rows.

Callers pass column headers and group headings already translated; cell values are printed
literally (escaped) and wrap inside their column when they do not fit on one line.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from reportlab.platypus import Flowable

from app.i18n import translate
from app.pdf.grid import GridSpec, GridTable, GridBody
from app.pdf.text import para, paragraph_style

Row = Sequence[Any]


def data_table(
    headers: Sequence[str],
    rows: Iterable[Row],
    col_widths: Sequence[float | None] | None = None,
    *,
    align: Sequence[str] | None = None,
    repeat_header: bool = True,
    zebra: bool = True,
    font_size: float = 9.0,
) -> list[Flowable]:
    """A table that flows over as many pages as it needs.

    ``col_widths`` are millimetres; a None column shares what the others leave of the page
    width (no ``col_widths``: equal columns). A total wider than the page shrinks to fit.
    ``align`` gives "left", "center" or "right" per column. Values may be anything; None prints
    empty. A value too wide for its column wraps onto more lines.
    """
    spec = _spec(col_widths, align, repeat_header, zebra, font_size, len(headers))
    return [GridTable(GridBody(headers, _rows(rows), spec))]


def grouped_table(
    groups: Iterable[tuple[str, Iterable[Row]]],
    headers: Sequence[str],
    col_widths: Sequence[float | None] | None = None,
    *,
    align: Sequence[str] | None = None,
    repeat_header: bool = True,
    zebra: bool = True,
    font_size: float = 9.0,
    heading_size: float = 11.0,
) -> list[Flowable]:
    """One table per group (e.g. a roster by building), each under its heading.

    A heading never ends a page alone (at least one row follows it), and a group that runs onto
    another page repeats its heading there as "heading (continued)".
    """
    spec = _spec(col_widths, align, repeat_header, zebra, font_size, len(headers))
    style = paragraph_style(heading_size, leading=heading_size * 1.3)
    flowables: list[Flowable] = []
    for heading, rows in groups:
        continued = translate("app", "{heading} (continued)").format(heading=heading)
        table = GridTable(GridBody(headers, _rows(rows), spec), heading=para(heading, style),
                          continued_heading=para(continued, style))
        if flowables:
            table.spaceBefore = heading_size
        flowables.append(table)
    return flowables


def _spec(col_widths, align, repeat_header, zebra, font_size, ncols) -> GridSpec:
    if align is not None and len(align) != ncols:
        raise ValueError(f"{len(align)} alignments for {ncols} columns")
    if align is not None and not set(align) <= {"left", "center", "right"}:
        raise ValueError(f"alignments are left, center or right, not {align}")
    if col_widths and len(col_widths) != ncols:
        raise ValueError(f"{len(col_widths)} column widths for {ncols} columns")
    return GridSpec(
        col_widths_mm=tuple(col_widths) if col_widths else None,
        align=tuple(align) if align else None,
        font_size=font_size,
        zebra=zebra,
        repeat_header=repeat_header,
    )


def _rows(rows: Iterable[Row]) -> list[Row]:
    return rows if isinstance(rows, list) else list(rows)
