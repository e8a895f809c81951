"""Reading ledgers from Excel for import: find the header row, map columns to fields, yield rows.

Real rosters have a merged title row, a 填报单位 line, headers on row 2-4 (sometimes two rows, a
group header above), synonyms for the same column, and blank spacer rows. ``open_table`` finds the
header by matching every row near the top against the fields' labels and synonyms; the caller (the
import dialog) shows the result and may pass a corrected ``header_row`` or ``mapping``.

The file is checked by ``guard.check_workbook`` first, then parsed with python-calamine (fast).
Values stay as calamine gives them (str, float, int, bool, date, datetime, time): strings are
stripped and empty cells become None; everything else is left to the ledger's validation.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, zip_longest
from operator import itemgetter
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from app.errors import UserError
from app.excel.guard import Limits, check_workbook, damaged, password_protected
from app.excel.parts import cut_in_parts
from app.excel.sheet_rows import EXTENSION_KINDS, HEADER_SCAN_ROWS, SPLIT_SUFFIXES, load_sheet
from app.i18n import translate
from app.jobs import JobControl

PROGRESS_EVERY = 1000

_REQUIRED_MARKERS = re.compile(
    r"[(\[【〔](?:必填项?|必须填写|选填|非必填|可选|required|optional)[)\]】〕]", re.IGNORECASE
)
_BRACKETED = re.compile(r"[(\[【〔<《][^)\]】〕>》]*[)\]】〕>》]")
_DROPPED_CHARS = str.maketrans("", "", "*★☆※\u200b\u200c\u200d\ufeff")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


def normalize_header(value: Any) -> str:
    """Header text as compared: no whitespace, half-width, no required-markers, lower case."""
    text = unicodedata.normalize("NFKC", _cell_text(value)).translate(_DROPPED_CHARS)
    text = "".join(text.split())
    text = _REQUIRED_MARKERS.sub("", text).rstrip(":")
    return text.lower()


def _loosen(normalized: str) -> str:
    """Second chance: without bracketed notes, so 出生日期(yyyy-mm-dd) matches 出生日期."""
    return _BRACKETED.sub("", normalized)


def _cell_text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


class _Matcher:
    def __init__(self, fields: Sequence[FieldSpec]):
        self.exact: dict[str, str] = {}
        self.loose: dict[str, str] = {}
        self.required = {f.key for f in fields if f.required}
        for field in fields:
            for name in (field.label, *field.synonyms):
                normalized = normalize_header(name)
                if normalized:
                    self.exact.setdefault(normalized, field.key)
                    self.loose.setdefault(_loosen(normalized), field.key)

    def match(self, texts: Sequence[str]) -> dict[str, int]:
        mapping: dict[str, int] = {}
        unmatched: list[tuple[int, str]] = []
        for column, text in enumerate(texts):
            normalized = normalize_header(text)
            key = self.exact.get(normalized)
            if key is not None and key not in mapping:
                mapping[key] = column
            elif normalized:
                unmatched.append((column, normalized))
        for column, normalized in unmatched:
            key = self.loose.get(_loosen(normalized))
            if key is not None and key not in mapping:
                mapping[key] = column
        return mapping

    def score(self, mapping: dict[str, int]) -> tuple[int, int]:
        return len(mapping), len(self.required.intersection(mapping))


@dataclass
class _Header:
    row: int  # 1-based Excel row of the (lower) header row; data starts below it
    texts: list[str]
    mapping: dict[str, int]


class TableReader:
    """One sheet of a workbook, its header found and its columns mapped to field keys."""

    def __init__(self, sheet_names: list[str], sheet_name: str, data: Sequence[list],
                 fields: Sequence[FieldSpec], header: _Header):
        self.sheet_names = sheet_names
        self.sheet_name = sheet_name
        self.fields = list(fields)
        self.header_row = header.row
        self.headers = header.texts
        self.mapping = dict(header.mapping)
        self.column_count = len(data[0]) if data else 0  # calamine's rows are all this wide
        self.total_rows = max(0, len(data) - header.row)  # rows below the header, blank or not
        self.data_row_count: int | None = None  # known after rows() has run
        self.skipped_blank_rows: int | None = None
        self._data = data

    def close(self) -> None:
        """Let go of the sheet (a big one's temporary parts are removed; also done when collected)."""
        close = getattr(self._data, "close", None)
        if close is not None:
            close()

    @property
    def unmapped_headers(self) -> list[str]:
        used = set(self.mapping.values())
        return [text for column, text in enumerate(self.headers) if text and column not in used]

    @property
    def missing_required(self) -> list[FieldSpec]:
        return [f for f in self.fields if f.required and f.key not in self.mapping]

    def rows(self, job: JobControl | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        """Yield (Excel row number, {field key: value}) for each row with a mapped value."""
        pairs = list(self.mapping.items())
        keys = [key for key, _ in pairs]
        width = max((column for _, column in pairs), default=-1) + 1
        pick = itemgetter(*(column for _, column in pairs)) if len(pairs) > 1 else None
        first = self.header_row  # 0-based index of the first data row
        yielded = skipped = 0
        try:
            for offset, row in enumerate(islice(self._data, first, None)):
                if job is not None and offset % PROGRESS_EVERY == 0:
                    job.report(offset, self.total_rows)
                # calamine's rows are all as wide as the sheet: nearly always every column is there
                record = _picked(keys, pick(row)) if pick is not None and len(row) >= width else _record(row, pairs)
                if record is None:
                    skipped += 1
                    continue
                yielded += 1
                yield first + offset + 1, record
        finally:
            self.data_row_count, self.skipped_blank_rows = yielded, skipped
        if job is not None:
            job.report(self.total_rows, self.total_rows)


    def column_chunks(self, size: int = 5000, job: JobControl | None = None) -> Iterator[ColumnChunk]:
        """The same rows as ``rows()``, ``size`` at a time and by column: no dict per row (an
        import of 100,000 rows checks each column's distinct values once)."""
        pairs = list(self.mapping.items())
        keys = [key for key, _ in pairs]
        width = max((column for _, column in pairs), default=-1) + 1
        if not pairs:
            return
        wanted = [column for _, column in pairs]
        pick = itemgetter(*wanted) if len(wanted) > 1 else (lambda row: (row[wanted[0]],))
        source = islice(self._data, self.header_row, None)
        next_row = self.header_row + 1  # Excel row number of the next row read
        yielded = skipped = 0
        try:
            while True:
                block = list(islice(source, size))
                if not block:
                    break
                if job is not None:
                    job.report(next_row - self.header_row - 1, self.total_rows)
                numbers = range(next_row, next_row + len(block))
                next_row += len(block)
                if any(len(row) < width for row in block):  # calamine's rows are full width; others may not be
                    block = [row if len(row) >= width else list(row) + [None] * (width - len(row)) for row in block]
                columns = [_stripped(column) for column in zip(*map(pick, block))]
                filled = _filled(columns)
                if filled is not None:
                    columns = [[column[index] for index in filled] for column in columns]
                    numbers = [numbers[index] for index in filled]
                skipped += len(block) - len(numbers)
                if numbers:
                    yielded += len(numbers)
                    yield ColumnChunk(list(numbers), dict(zip(keys, columns)))
        finally:
            self.data_row_count, self.skipped_blank_rows = yielded, skipped
        if job is not None:
            job.report(self.total_rows, self.total_rows)

    def records_at(self, numbers) -> dict[int, dict[str, Any]]:
        """{Excel row: its mapped cells as ``rows()`` gives them} for the given rows."""
        return dict(self.iter_records(numbers))

    def iter_records(self, numbers) -> Iterator[tuple[int, dict[str, Any]]]:
        """(Excel row, its mapped cells as ``rows()`` gives them) for the given rows, in row order,
        read again from the sheet one at a time: an import's report need not keep 100,000 rows of
        cells, neither until the end of the import nor while it is written."""
        wanted = set(numbers)
        if not wanted:
            return
        pairs = list(self.mapping.items())
        last = max(wanted)
        for number, row in enumerate(islice(self._data, self.header_row, last), self.header_row + 1):
            if number in wanted:
                yield number, _record(row, pairs) or {key: None for key, _ in pairs}


@dataclass
class ColumnChunk:
    """Rows of a sheet by column: ``columns[key][i]`` is the cell of Excel row ``rows[i]`` mapped
    to ``key`` (strings stripped, empty cells None), as ``TableReader.rows()`` gives it."""

    rows: list[int]
    columns: dict[str, list]

    def __len__(self) -> int:
        return len(self.rows)

    def record(self, index: int) -> dict[str, Any]:
        """One row as ``rows()`` yields it."""
        return {key: column[index] for key, column in self.columns.items()}


def _filled(columns: list[list]) -> list[int] | None:
    """The indexes of the rows with a value in some column, or None when every row has one. A
    row is blank only where the first column is: usually none (the name is there)."""
    blank = [index for index, value in enumerate(columns[0]) if value is None] if None in columns[0] else []
    for column in columns[1:]:
        if not blank:
            return None
        blank = [index for index in blank if column[index] is None]
    if not blank:
        return None
    blank_set = set(blank)
    return [index for index in range(len(columns[0])) if index not in blank_set]


def _stripped(cells: tuple) -> list:
    return [value.strip() or None if value.__class__ is str else value for value in cells]


def _picked(keys: list[str], values: tuple) -> dict[str, Any] | None:
    """_record for a row holding every mapped column: ``values`` are those columns' cells."""
    record = dict(zip(keys, values))
    filled = False
    for key, value in record.items():
        if value.__class__ is str:
            value = record[key] = value.strip() or None
        if value is not None:
            filled = True
    return record if filled else None


def _record(row: list, pairs: list[tuple[str, int]]) -> dict[str, Any] | None:
    """The mapped values of one row, or None when all of them are empty."""
    record: dict[str, Any] = {}
    filled = False
    width = len(row)
    for key, column in pairs:
        value = row[column] if column < width else None
        if value.__class__ is str:
            value = value.strip() or None
        if value is not None:
            filled = True
        record[key] = value
    return record if filled else None


def open_table(
    path: str | os.PathLike,
    fields: Sequence[FieldSpec],
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    *,
    limits: Limits = Limits(),
) -> TableReader:
    """Check and open a workbook, pick the sheet, find the header row and map the columns.

    sheet: a sheet name; by default the first visible sheet whose header matches the fields.
    header_row: a 1-based Excel row chosen by the user instead of the detected one.
    mapping: {field key: 0-based column index} chosen by the user instead of the detected one.
    """
    _check_fields(fields, mapping)
    path = Path(path)
    # A big .xlsx sheet is streamed through zipfile (size and CRC checked) to be cut into parts: it
    # need not be inflated by the guard as well; one that cannot be cut is checked before calamine
    # parses it (load_sheet's ``unchecked``).
    streamed = cut_in_parts if path.suffix.lower() in SPLIT_SUFFIXES else None
    kind = check_workbook(path, limits, streamed)
    workbook = _open_workbook(path, kind)
    names = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
    if not names:
        raise UserError(translate("app", "The workbook {name} has no worksheets.").format(name=path.name))
    matcher = _Matcher(fields)
    recheck = _once(lambda: check_workbook(path, limits)) if kind == "zip" and _any_streamed(path, streamed) else None
    sheet_name, data, header = _choose_sheet(path, workbook, names, sheet, header_row, matcher, recheck)
    if mapping is not None:
        header.mapping = dict(mapping)
    return TableReader(names, sheet_name, data, fields, header)


def _once(check):
    """``check``, run the first time only (several sheets may be parsed whole)."""
    done = []

    def run():
        if not done:
            check()
            done.append(True)
    return run


def _any_streamed(path: Path, streamed) -> bool:
    """Whether the guard left some member of this (checked) zip to be streamed."""
    if streamed is None:
        return False
    with zipfile.ZipFile(path) as archive:
        return any(map(streamed, archive.infolist()))


def _check_fields(fields: Sequence[FieldSpec], mapping: dict[str, int] | None) -> None:
    keys = [f.key for f in fields]
    if len(set(keys)) != len(keys):
        raise ValueError("field keys must be unique")
    for key, column in (mapping or {}).items():
        if key not in keys or column < 0:
            raise ValueError(f"bad mapping entry {key!r}: {column!r}")


def _open_workbook(path: Path, kind: str) -> CalamineWorkbook:
    try:
        if EXTENSION_KINDS.get(path.suffix.lower()) == kind:
            try:
                return CalamineWorkbook.from_path(str(path))
            except PasswordError:
                raise
            except CalamineError:
                pass  # e.g. an .ods saved as .xlsx: try again by content below
        with open(path, "rb") as f:  # calamine recognises the format by its content
            return CalamineWorkbook.from_filelike(f)
    except PasswordError:
        raise password_protected(path)
    except (CalamineError, ValueError, OSError):
        raise damaged(path)


def _choose_sheet(path, workbook, names, sheet, header_row, matcher, recheck=None) -> tuple[str, list, _Header]:
    if sheet is not None:
        if sheet not in names:
            raise UserError(
                translate("app", "The workbook has no sheet named \"{sheet}\".").format(sheet=sheet)
            )
        candidates = [sheet]
    else:
        visible = [m.name for m in workbook.sheets_metadata
                   if m.name in names and m.visible == SheetVisibleEnum.Visible]
        candidates = visible or names
        if header_row is not None:  # the user has already looked at a sheet: the first one
            candidates = candidates[:1]
    best = None
    for name in candidates:
        data = load_sheet(path, workbook, name, recheck)
        header = _find_header(data, matcher, header_row, name)
        if best is None or matcher.score(header.mapping) > matcher.score(best[2].mapping):
            best = (name, data, header)
        if _good_enough(header, matcher):
            break
    return best


def _good_enough(header: _Header, matcher: _Matcher) -> bool:
    return bool(header.mapping) and matcher.required.issubset(header.mapping)


def _find_header(data: list[list], matcher: _Matcher, header_row: int | None, sheet: str) -> _Header:
    if header_row is not None:
        if not 1 <= header_row <= len(data):
            raise UserError(
                translate("app", "Row {row} is outside the sheet \"{sheet}\", which has {rows} rows.")
                .format(row=header_row, sheet=sheet, rows=len(data))
            )
        rows = [header_row - 1]
    else:
        rows = range(min(len(data), HEADER_SCAN_ROWS))
    best: _Header | None = None
    for index in rows:
        for texts in _header_candidates(data, index):
            mapping = matcher.match(texts)
            if best is None or matcher.score(mapping) > matcher.score(best.mapping):
                best = _Header(index + 1, texts, mapping)
    if best is None:
        return _Header(1, [], {})
    if not best.mapping and header_row is None:
        return _Header(_first_filled_row(data), _texts(data, _first_filled_row(data) - 1), {})
    return best


def _header_candidates(data: list[list], index: int) -> Iterator[list[str]]:
    """The row itself, then the row merged with a group header above it.

    In a two-row header, columns without a sub-header are merged down from the group row, so
    their label sits in the row above; sub-headers win where there are both.
    """
    texts = _texts(data, index)
    yield texts
    if index > 0 and any(texts):
        above = _texts(data, index - 1)
        if any(above):
            yield [low or high for low, high in zip_longest(texts, above, fillvalue="")]


def _texts(data: list[list], index: int) -> list[str]:
    return [_cell_text(value) for value in data[index]] if index < len(data) else []


def _first_filled_row(data: list[list]) -> int:
    for index, row in enumerate(islice(data, HEADER_SCAN_ROWS)):
        if any(_cell_text(value) for value in row):
            return index + 1
    return 1
