"""Where an import's rows come from: one sheet of a workbook, parsed by python-calamine.

``load_sheet`` gives the rows of a sheet as a read-only sequence of lists, exactly as
``CalamineSheet.to_python(skip_empty_area=False)`` would (A1 is [0][0]), without holding them all as
Python lists: ``SheetRows`` hands out calamine's parsed rows one at a time; ``PartedRows`` does the
same for a big .xlsx sheet cut into parts (app.excel.parts), parsing the next part in a background
thread while the rows of the current one are used. Both keep the first rows, where the header is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from app.errors import UserError
from app.excel.guard import damaged, password_protected
from app.excel.parts import SheetParts, split_sheet

HEADER_SCAN_ROWS = 30
EXTENSION_KINDS = {".xlsx": "zip", ".xlsm": "zip", ".xlsb": "zip", ".ods": "zip", ".xls": "ole"}
SPLIT_SUFFIXES = (".xlsx", ".xlsm")  # sheets that app.excel.parts can cut


class _Rows(Sequence):
    """The rows of a sheet: ``_length`` of them, the first ones kept in ``_head``."""

    _length: int
    _head: list[list]

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        if index < len(self._head):
            return self._head[index]
        return self._row(index)

    def _row(self, index: int) -> list:
        raise NotImplementedError


class SheetRows(_Rows):
    """A sheet's rows exactly as ``to_python(skip_empty_area=False)`` gives them (A1 is [0][0]),
    without holding them all as Python lists: the first rows are kept for finding the header, the
    rest are made one at a time by calamine's row iterator (a 100,000-row roster as lists of
    Python values is about 240 MB)."""

    def __init__(self, sheet):
        self._sheet = sheet
        start, end = sheet.start, sheet.end
        # iter_rows() starts at row 0 but at the first used column: pad to keep columns absolute.
        self._pad = [""] * start[1] if start else []
        self._length = end[0] + 1 if start and end else 0
        self._head = list(islice(self, HEADER_SCAN_ROWS + 1))

    def _row(self, index: int) -> list:
        return next(islice(iter(self), index, None))

    def __iter__(self) -> Iterator[list]:
        if not self._length:
            return iter(())
        rows = self._sheet.iter_rows()
        pad = self._pad
        return (pad + row for row in rows) if pad else iter(rows)


class PartedRows(_Rows):
    """``SheetRows`` for a big sheet cut into parts (app.excel.parts): while the rows of one part
    are used, the next is parsed in a background thread; at most two parts are held at a time."""

    def __init__(self, parts: SheetParts, source: Path):
        self._parts = parts
        self._source = source
        self._length = 0
        self._parsed: dict[int, object] = {}  # the first and last parts, parsed once for the header and length
        for index in reversed(range(len(parts))):  # the last part with data gives the length
            self._parsed[index] = parts.sheet(index)
            end = self._parsed[index].end
            if end is not None:
                self._length = end[0] + 1
                break
        # The whole sheet's rows are all as wide as its widest: so are the header rows here (the
        # import dialog offers every column), as far as the first and last parts tell (<dimension>
        # would count formatted empty columns, which calamine leaves out).
        width = self._width = max([0] + [s.end[1] + 1 for s in self._parsed.values() if s.end is not None])
        self._head = [row + [""] * (width - len(row)) for row in islice(self._rows(prefetch=False), HEADER_SCAN_ROWS + 1)]

    def _row(self, index: int) -> list:
        row = next(islice(self._rows(first=index), 0, None))
        return row + [""] * (self._width - len(row))

    def __iter__(self) -> Iterator[list]:
        return self._rows()

    def close(self) -> None:
        self._parsed.clear()
        self._parts.close()

    def _sheet(self, index: int):
        parsed = self._parsed.get(index)
        if parsed is None:
            try:
                parsed = self._parts.sheet(index)
            except (CalamineError, ValueError):
                raise damaged(self._source)  # as the whole sheet's parse would have said
            if index == 0:
                self._parsed[0] = parsed
        return parsed

    def _rows(self, prefetch: bool = True, first: int = 0) -> Iterator[list]:
        """The rows from row ``first`` on (0-based), as SheetRows gives them; rows that are in no
        part (blank ones between parts) come as empty lists."""
        parts, count = self._parts, len(self._parts)
        begin = max((i for i, row in enumerate(parts.first_rows) if row <= first), default=0)
        executor = ThreadPoolExecutor(1, thread_name_prefix="sheet-part") if prefetch and count > begin + 1 else None
        pending = None
        row = first
        try:
            for index in range(begin, count):
                sheet = pending.result() if pending is not None else self._sheet(index)
                pending = executor.submit(self._sheet, index + 1) if executor and index + 1 < count else None
                if sheet.start is None:
                    continue
                (top, left), pad = sheet.start, [""] * sheet.start[1]
                while row < top:
                    yield []
                    row += 1
                for cells in islice(sheet.to_python(skip_empty_area=True), row - top, None):
                    yield pad + cells if left else cells
                    row += 1
                del sheet
        finally:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def load_sheet(path: Path, workbook: CalamineWorkbook, name: str,
               unchecked: Callable[[], object] | None = None) -> Sequence[list]:
    """The rows of sheet ``name``: cut into parts when it is a big .xlsx sheet, else parsed whole.
    ``unchecked``: the check to run before calamine parses the sheet whole (the guard left big
    sheets to the cutting, which reads them through zipfile's checks)."""
    if path.suffix.lower() in SPLIT_SUFFIXES:
        parts = split_sheet(path, name)
        if parts is not None:
            try:
                return PartedRows(parts, path)
            except (CalamineError, ValueError, UserError):
                parts.close()  # not what calamine expected after all: parse it whole
        if unchecked is not None:
            unchecked()
    try:
        return SheetRows(workbook.get_sheet_by_name(name))
    except PasswordError:
        raise password_protected(path)
    except (CalamineError, ValueError):
        raise damaged(path)
