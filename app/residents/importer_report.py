"""The import report: every row that was not imported as it stood, with its Excel row number,
what happened and why.

The first sheet holds the rows that need the user: refused ones, imported ones to check and
duplicates with a warning or an error, with the row's original cells under the file's own
headers. Because those keep their headers, the report itself imports back: correct the rows in it
and import the report (the 行号 / 结果 / 原因 columns are not roster columns and are ignored). A second sheet lists the other duplicates (skipped,
or updating a resident already on the roster) by name and ID number only: importing the same roster
of 100,000 again lists 100,000 duplicates, and their cells are already on the roster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.excel import Column, Sheet, write_workbook
from app.i18n import translate
from app.residents.roster_columns import FIELD_BY_KEY

REJECTED, DUPLICATE, UPDATED, WARNED = "rejected", "duplicate", "updated", "warned"
REASON_SEPARATOR = "；"


@dataclass(slots=True)  # an import of 100,000 duplicates keeps 100,000 of them
class ReportLine:
    row: int  # 1-based Excel row of the data
    verdict: str  # REJECTED | DUPLICATE | UPDATED | WARNED
    reasons: list[str]  # its cells are read again from the sheet when the report is written
    name: str | None = None  # a duplicate's name and ID number, as checked (its sheet lists them)
    id_number: str | None = None
    to_check: bool = False  # a duplicate with a warning or an error: listed with its cells instead

    @property
    def attention(self) -> bool:
        """On the first sheet, with its cells: refused, imported with a warning, or a duplicate
        with something to check or correct (an update refused, a warning)."""
        return self.verdict in (REJECTED, WARNED) or self.to_check


def verdict_label(verdict: str) -> str:
    labels = {
        REJECTED: translate("app", "Not imported"),
        DUPLICATE: translate("app", "Duplicate, not imported"),
        UPDATED: translate("app", "Duplicate, existing resident updated"),
        WARNED: translate("app", "Imported, please check"),
    }
    return labels[verdict]


def report_columns(headers: list[str], mapping: dict[str, int]) -> list[Column]:
    """行号, 结果, 原因, then the mapped columns in the file's order under the file's headers."""
    columns = [
        Column(translate("app", "Row"), "_row", width=8, kind="int"),
        Column(translate("app", "Result"), "_verdict", width=22),
        Column(translate("app", "Reason"), "_reasons", width=60),
    ]
    for key, index in sorted(mapping.items(), key=lambda item: item[1]):
        columns.append(Column(_header(headers, key, index), key))
    return columns


def _header(headers: list[str], key: str, index: int | None) -> str:
    """The file's own header of a mapped column, else the field's label."""
    return headers[index] if index is not None and index < len(headers) and headers[index] else FIELD_BY_KEY[key].label


def _as_excel_shows(value):
    """A long number (an ID Excel stored as a number) as Excel displays it: 15 significant digits,
    640121198110216000, not the float's binary tail 640121198110215936."""
    if isinstance(value, float) and abs(value) >= 1e15:
        return format(Decimal(f"{value:.15g}"), "f")
    return value


def _rows(lines: list[ReportLine], cells: Callable[[list[int]], Iterator[tuple[int, dict]]] | None):
    """The report's rows in order, their cells from ``cells`` as they are written."""
    found = iter(cells([line.row for line in lines])) if cells is not None and lines else iter(())
    pending = next(found, None)
    for line in lines:
        while pending is not None and pending[0] < line.row:
            pending = next(found, None)
        record = pending[1] if pending is not None and pending[0] == line.row else {}
        record = {key: _as_excel_shows(value) for key, value in record.items()}
        yield {**record, "_row": line.row, "_verdict": verdict_label(line.verdict),
               "_reasons": REASON_SEPARATOR.join(line.reasons)}


def duplicate_columns(headers: list[str], mapping: dict[str, int]) -> list[Column]:
    """行号, 结果, 原因, 姓名 and the ID number (under the file's headers when it has them)."""
    return report_columns(headers, {}) + [Column(_header(headers, key, mapping.get(key)), key) for key in ("name", "id_number")]


def _duplicate_rows(lines: list[ReportLine]) -> Iterator[dict]:
    for line in lines:
        yield {"_row": line.row, "_verdict": verdict_label(line.verdict), "_reasons": REASON_SEPARATOR.join(line.reasons),
               "name": line.name, "id_number": line.id_number}


def write_report(path: str | os.PathLike, source: Path, headers: list[str], mapping: dict[str, int],
                 lines: list[ReportLine], counts: str, job=None,
                 cells: Callable[[list[int]], Iterator[tuple[int, dict]]] | None = None) -> Path:
    """Write the report workbook (atomically) and return its path. ``cells(rows)`` gives the
    cells of the first sheet's lines: (row, {field key: cell}) in row order."""
    lines = sorted(lines, key=lambda line: line.row)
    attention = [line for line in lines if line.attention]
    duplicates = [line for line in lines if not line.attention]
    title = translate("app", "Import report for {name}: {counts}").format(name=source.name, counts=counts)
    sheets = [Sheet(translate("app", "Import report"), report_columns(headers, mapping), _rows(attention, cells),
                    title_line=title, total=len(attention))]
    if duplicates:
        sheets.append(Sheet(translate("app", "Duplicate rows"), duplicate_columns(headers, mapping),
                            _duplicate_rows(duplicates), title_line=title, total=len(duplicates)))
    write_workbook(path, sheets, job=job)
    return Path(path)


def default_report_path(source: str | os.PathLike, fallback_folder: str | os.PathLike) -> Path:
    """<file>-导入报告-<time>.xlsx beside the imported file, or in ``fallback_folder`` when that
    folder cannot be written (a read-only USB stick, a mail attachment folder)."""
    source = Path(source)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{source.stem}-{translate('app', 'import report')}-{stamp}.xlsx"
    folder = source.parent if os.access(source.parent, os.W_OK) else Path(fallback_folder)
    return folder / name
