"""Workbook writing with safe cells, for every ledger's export.

Streams rows through openpyxl's write-only mode. Text is always written as text: openpyxl would turn
a string starting with "=" into a formula (and "#N/A" into an error value), so such strings, and
any that need cleaning, become cells with the data type forced to string. Ordinary values stay plain
in the row list, which keeps the common path as fast as bare openpyxl.

The file appears only when complete: rows go to a temporary file beside the target, which then
replaces it, so a cancelled or failed export leaves the previous file (or nothing) behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.errors import UserError
from app.i18n import translate
from app.jobs import JobControl

KINDS = ("text", "int", "float", "date", "datetime")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_CELL_CHARS = 32767  # Excel's limit; longer text makes Excel "repair" the file
PROGRESS_EVERY = 1000
WIDTH_SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_PADDING = 3  # room for the auto-filter button
KIND_WIDTHS = {"date": 12, "datetime": 17}

# Strings that must not be left to openpyxl's type guessing (formula, error code, or leading
# characters spreadsheet programs treat as formula starts) or that hold characters XML cannot carry.
_RISKY_TEXT = re.compile(r"^[=+\-@#\t]|[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]")
_ILLEGAL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_INVALID_TITLE_CHARS = re.compile(r"[\[\]:*?/\\]")

_THIN = Side(style="thin", color="A6A6A6")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
TITLE_FONT = Font(bold=True, size=14)
TITLE_ALIGNMENT = Alignment(horizontal="center", vertical="center")
TITLE_ROW_HEIGHT = 26


@dataclass
class Column:
    header: str
    key: str | None = None  # used when the sheet's rows are mappings
    width: float | None = None
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: Iterable[Sequence[Any] | Mapping[str, Any]]
    title_line: str | None = None
    total: int | None = None  # row count for progress; taken from len(rows) when it has one


def write_workbook(
    path: str | os.PathLike, sheets: list[Sheet], job: JobControl | None = None
) -> None:
    """Write the sheets to an .xlsx file at path, atomically."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    target = Path(path)
    temp = _temp_file_beside(target)
    workbook = Workbook(write_only=True)
    try:
        _fill_workbook(workbook, sheets, job)
        _save(workbook, temp, target)
        _replace(temp, target)
    except BaseException:
        _discard_buffers(workbook)
        _remove_quietly(temp)
        raise


def _fill_workbook(workbook: Workbook, sheets: list[Sheet], job: JobControl | None) -> None:
    totals = [_sheet_total(sheet) for sheet in sheets]
    total = None if None in totals else sum(totals)
    titles: set[str] = set()
    done = 0
    for sheet in sheets:
        ws = workbook.create_sheet(_unique_title(sheet.title, titles))
        done = _write_sheet(ws, sheet, job, done, total)
    if job is not None:
        job.report(done, total)


def _sheet_total(sheet: Sheet) -> int | None:
    if sheet.total is not None:
        return sheet.total
    return len(sheet.rows) if isinstance(sheet.rows, Sized) else None


def _write_sheet(ws, sheet: Sheet, job: JobControl | None, done: int, total: int | None) -> int:
    columns = sheet.columns
    if not columns:
        raise ValueError(f"sheet {sheet.title!r} has no columns")
    rows = _row_values(sheet.rows, columns)
    sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
    _set_column_widths(ws, columns, sample)
    header_row = 2 if sheet.title_line else 1
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    if sheet.title_line:
        _write_title(ws, sheet.title_line, len(columns))
    ws.append([_header_cell(ws, column.header) for column in columns])
    converters = [_CONVERTERS[column.kind] for column in columns]
    last_row = header_row
    for last_row, values in enumerate(chain(sample, rows), header_row + 1):
        ws.append(_prepare_row(ws, values, converters))
        done += 1
        if job is not None and done % PROGRESS_EVERY == 0:
            job.report(done, total)
    last_column = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
    return done


def _row_values(rows: Iterable, columns: list[Column]) -> Iterator[list]:
    keys = [column.key for column in columns]
    width = len(columns)
    for row in rows:
        if isinstance(row, Mapping):
            yield [row.get(key) for key in keys]
            continue
        values = list(row)
        if len(values) > width:
            raise ValueError(f"row has {len(values)} values for {width} columns")
        yield values


def _write_title(ws, title: str, width: int) -> None:
    ws.row_dimensions[1].height = TITLE_ROW_HEIGHT
    cell = _forced_text_cell(ws, title)
    cell.font = TITLE_FONT
    cell.alignment = TITLE_ALIGNMENT
    ws.append([cell])
    if width > 1:
        ws.merged_cells.add(f"A1:{get_column_letter(width)}1")


def _header_cell(ws, header: str) -> WriteOnlyCell:
    cell = _forced_text_cell(ws, header)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.border = HEADER_BORDER
    cell.alignment = HEADER_ALIGNMENT
    return cell


# --- cell values -------------------------------------------------------------------------------


def _prepare_row(ws, values: list, converters: list[Callable]) -> list:
    """Make a row safe in place. Plain strings and numbers pass untouched (the fast path)."""
    for i, value in enumerate(values):
        if value.__class__ is str:
            if _RISKY_TEXT.search(value) or len(value) > MAX_CELL_CHARS:
                values[i] = _safe_text(ws, value)
        elif value is not None:
            values[i] = converters[i](ws, value)
    return values


def _safe_text(ws, text: str) -> WriteOnlyCell | None:
    cell = _forced_text_cell(ws, text)
    return cell if cell.value else None


def _forced_text_cell(ws, text: str) -> WriteOnlyCell:
    text = _ILLEGAL_CHARS.sub("", text)
    if "\r" in text:  # XML readers turn a bare CR into LF anyway; Excel breaks lines on LF
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cell = WriteOnlyCell(ws, text[:MAX_CELL_CHARS])
    cell.data_type = "s"  # never a formula or error value, whatever the text starts with
    return cell


def _text_value(ws, value: Any) -> Any:
    """Anything in a text column is written as text, so an ID or phone typed as a number keeps
    every digit and its leading zeros."""
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    if _RISKY_TEXT.search(text) or len(text) > MAX_CELL_CHARS:
        return _safe_text(ws, text)
    return text


def _number_value(ws, value: Any) -> Any:
    if isinstance(value, (int, float)):
        return value
    return _text_value(ws, value)


def _date_value(ws, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return _naive(value).date()
    if isinstance(value, dt.date):
        return value
    return _number_value(ws, value)


def _datetime_value(ws, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(ws, _naive(value))
        cell.number_format = DATETIME_FORMAT
        return cell
    return _date_value(ws, value)


def _naive(value: dt.datetime) -> dt.datetime:
    """Excel has no time zones: show an aware time as local wall-clock time."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


_CONVERTERS: dict[str, Callable[[Any, Any], Any]] = {
    "text": _text_value,
    "int": _number_value,
    "float": _number_value,
    "date": _date_value,
    "datetime": _datetime_value,
}


# --- layout ------------------------------------------------------------------------------------


def _set_column_widths(ws, columns: list[Column], sample: list[list]) -> None:
    for i, column in enumerate(columns):
        width = column.width or _estimate_width(column, [row[i] for row in sample if i < len(row)])
        ws.column_dimensions[get_column_letter(i + 1)].width = width


def _estimate_width(column: Column, values: list) -> float:
    widest = display_width(column.header)
    if column.kind in KIND_WIDTHS:
        widest = max(widest, KIND_WIDTHS[column.kind])
    else:
        for value in values:
            if value is not None:
                widest = max(widest, display_width(str(value)))
    return min(MAX_WIDTH, max(MIN_WIDTH, widest + WIDTH_PADDING))


def display_width(text: str) -> int:
    """Columns a text needs: Chinese (wide and full-width) characters count double."""
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
               for line in text.split("\n"))


def _unique_title(title: str, used: set[str]) -> str:
    """Excel refuses []:*?/\\ in sheet names, more than 31 characters, and duplicates."""
    base = _INVALID_TITLE_CHARS.sub("_", title).strip("'").strip() or "Sheet"
    candidate, n = base[:31], 1
    while candidate.lower() in used:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.lower())
    return candidate


# --- files -------------------------------------------------------------------------------------


def _temp_file_beside(target: Path) -> Path:
    folder = target.parent
    if target.is_dir():
        raise UserError(translate("app", "{path} is a folder, not a file.").format(path=target))
    if not folder.is_dir():
        raise UserError(translate("app", "The folder {folder} does not exist.").format(folder=folder))
    try:
        fd, name = tempfile.mkstemp(prefix=".~" + target.stem[:40] + "-", suffix=".tmp", dir=folder)
    except OSError:
        raise UserError(
            translate(
                "app", "Cannot save in the folder {folder}; check that you are allowed to write there."
            ).format(folder=folder)
        )
    os.close(fd)
    return Path(name)


def _save(workbook: Workbook, temp: Path, target: Path) -> None:
    try:
        workbook.save(temp)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
    except OSError as error:  # disk full, folder removed meanwhile
        raise _save_failed(target, error)


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except PermissionError:
        raise UserError(
            translate(
                "app",
                "Cannot replace {name}: it is open in Excel or another program, or it is "
                "read-only. Close it and try again.",
            ).format(name=target.name)
        )
    except OSError as error:
        raise _save_failed(target, error)


def _save_failed(target: Path, error: OSError) -> UserError:
    return UserError(
        translate("app", "Could not save {name}: {reason}").format(
            name=target.name, reason=error.strerror or error
        )
    )


def _discard_buffers(workbook: Workbook) -> None:
    """openpyxl buffers each write-only sheet in a temporary file that it only deletes at exit."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if getattr(ws, "_rows", None) is not None:
                ws._rows.close()
            writer.close()
            writer.cleanup()
        except (OSError, ValueError, RuntimeError):
            pass


def _remove_quietly(path: Path) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
