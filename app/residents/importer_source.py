"""The rows of an import, read and checked: for a big file in a process of its own, beside the
process that saves them.

Reading a sheet and checking its rows is Python work (about 2 s for 96,000 rows here), saving
them is SQLite's (about 1.5 s, then the indexes). A thread cannot run the two at once: sqlite3
takes the GIL back for every row it inserts (tried: slower than one thread). So a file of
``PROCESS_FROM`` bytes or more is opened, read and checked in a child process, which sends each
checked chunk through a pipe while this process inserts the one before; the search keys of each
row are computed there too. The pipe holds about one chunk: the child is never far ahead, and
memory stays that of two chunks.

Both ways give the same ``CheckedBatch``es from the same code (``_Checking``); tests run the
same files through both. The child ends when its rows are sent, when this side closes the pipe
(Cancel, an error), or when this process dies (the pipe breaks); it removes its own temporary
files (a big sheet's parts) on the way out.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.errors import UserError
from app.excel import FieldSpec, open_table
from app.i18n import language, set_language, translate
from app.jobs import JobControl
from app.residents.bulk import search_columns_of
from app.residents.address import RoomAddress
from app.residents.importer_columns import CheckedChunk, ColumnChecker
from app.residents.importer_report import DUPLICATE, REJECTED, WARNED, ReportLine
from app.residents.importer_rows import RowChecker
from app.residents.roster_columns import FIELDS

READ_CHUNK = 2_000  # rows read, checked and inserted at a time (by column: small chunks stay in the CPU cache)
PROCESS_FROM = 1_000_000  # bytes of workbook: smaller files are read here (a child costs a few ms, ~0.5 s where spawned)
CLOSE_WAIT = 10.0  # seconds a child is given to finish after the pipe is closed, before it is killed
WAIT_STEP = 0.1  # seconds between looks at Cancel while waiting for the child


@dataclass
class OpenedTable:
    """What the importer needs of the sheet before its rows: where the data is and what maps where."""

    sheet_name: str
    header_row: int
    headers: list[str]
    mapping: dict[str, int]
    missing_required: list[FieldSpec]
    total_rows: int


@dataclass
class CheckedBatch:
    """One chunk of rows, checked: the rows still to import (new to this file), by column, with
    their search keys; and the report lines of the others (refused, in-file duplicates) and of
    imported rows with a warning."""

    rows: list[int]  # Excel rows of the rows to import
    # Their checked values, one list per key, with birth dates as ISO text and places as plain
    # (building, unit, room, compound) tuples: half the pickling of dates and NamedTuples.
    # ``row_values`` gives one row as RowChecker.check's values.
    values: dict[str, list]
    search: list[list]  # their search columns (bulk.search_columns_of)
    lines: list[ReportLine] = field(default_factory=list)
    data_rows: int = 0  # non-blank rows in the chunk
    read: int = 0  # rows below the header read so far (progress)

    # Through the pipe, a column of mostly different text goes as one string (pickling 2,000
    # strings one by one, and the pickler's memo of them, cost the reading process a third of a
    # second per file and this one a quarter).
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["values"] = {key: _packed(column) for key, column in self.values.items()}
        state["search"] = [_packed(column) for column in self.search]
        return state

    def __setstate__(self, state: dict) -> None:
        state["values"] = {key: _unpacked(column) for key, column in state["values"].items()}
        state["search"] = [_unpacked(column) for column in state["search"]]
        self.__dict__.update(state)

    def row_values(self, index: int) -> dict:
        values = CheckedChunk(self.values, []).row_values(index)
        if "birth_date" in values:
            values["birth_date"] = date.fromisoformat(values["birth_date"])
        if "address" in values:
            values["address"] = RoomAddress(*values["address"])
        return values


_NUL, _PART = "\x00", "\x01"  # rare in a cell (calamine reads _x0000_ as NUL); a column that has one goes as it is


class _Packed:
    """A column of text cells (and None) as one string, NUL between cells, None as an empty
    cell when ``blanks`` (there is no "" to confuse it with); a column of places as text of
    their parts, \\x01 between them, when ``places``."""

    __slots__ = ("text", "blanks", "places")

    def __init__(self, text: str, blanks: bool, places: bool):
        self.text, self.blanks, self.places = text, blanks, places

    def __getstate__(self):
        return self.text, self.blanks, self.places

    def __setstate__(self, state) -> None:
        self.text, self.blanks, self.places = state


def _packed(column: list):
    """``column`` as a _Packed when it holds only text (and None), mostly different cells, or only
    places (plain (building, unit, room, compound) tuples), else as it is: a column of few values
    (性别, 民族 …) pickles quickly as it is (each value once, then references to it), and its
    equal cells arrive as one object."""
    kinds = set(map(type, column))
    blanks = type(None) in kinds
    kinds.discard(type(None))
    places = kinds == {tuple}
    if not places and (kinds != {str} or (blanks and "" in column)):
        return column
    if len(set(column[:_SAMPLE])) * 4 <= min(len(column), _SAMPLE):
        return column
    cells = [place and _PART.join(place) for place in column] if places else column
    text = _NUL.join([cell or "" for cell in cells] if blanks else cells)
    if text.count(_NUL) != len(cells) - 1 or (places and text.count(_PART) != 3 * (len(cells) - cells.count(None))):
        return column  # a cell holds NUL or \x01 after all
    return _Packed(text, blanks, places)


_SAMPLE = 64  # cells looked at to tell a column of few values


def _unpacked(column):
    if column.__class__ is not _Packed:
        return column
    cells = column.text.split(_NUL)
    if column.blanks:
        cells = [cell or None for cell in cells]
    if column.places:
        cells = [cell and tuple(cell.split(_PART)) for cell in cells]
    return cells


def open_roster(path, sheet, mapping, header_row):
    return open_table(path, FIELDS, sheet=sheet, header_row=header_row, mapping=mapping)


def _opened(table) -> OpenedTable:
    return OpenedTable(table.sheet_name, table.header_row, list(table.headers), dict(table.mapping),
                       list(table.missing_required), table.total_rows)


class _Checking:
    """Checks chunks in file order: RowChecker's verdicts (by ColumnChecker where rows are plain)
    and in-file duplicates (the first row with an ID number is the one imported)."""

    def __init__(self, tag_ids: dict[str, int], keys: list[str]):
        self.rows = RowChecker(tag_ids, keys=keys)
        self.columns = ColumnChecker(self.rows, keys)
        self.first_row: dict[str, int] = {}

    def batch(self, chunk, read: int) -> CheckedBatch:
        checked = self.columns.check(chunk)
        values, numbers = checked.values, checked.values["id_number"]
        lines: dict[int, ReportLine] = {}
        refused = set()
        for index in checked.unusual:
            verdict, row = self.rows.check(chunk.record(index)), chunk.rows[index]
            if verdict.values is None:
                lines[row] = ReportLine(row, REJECTED, verdict.errors + verdict.warnings)
                refused.add(index)
                continue
            for key, column in values.items():
                column[index] = verdict.values.get(key)
            if verdict.warnings:
                lines[row] = ReportLine(row, WARNED, verdict.warnings)
        keep, first_row = [], self.first_row
        for index, (row, id_number) in enumerate(zip(chunk.rows, numbers)):
            if index in refused:
                continue
            first = first_row.setdefault(id_number, row)
            if first != row:
                reason = translate("app", "Same ID number as row {row} of this file").format(row=first)
                warned = lines.get(row)
                warnings = warned.reasons if warned is not None else []
                lines[row] = ReportLine(row, DUPLICATE, [reason] + warnings, name=values["name"][index],
                                        id_number=id_number, to_check=bool(warnings))
                continue
            keep.append(index)
        if len(keep) != len(chunk):
            values = {key: [column[index] for index in keep] for key, column in values.items()}
        rows = [chunk.rows[index] for index in keep]
        search = search_columns_of(values, len(rows))
        values["birth_date"] = [birth and birth.isoformat() for birth in values["birth_date"]]
        values["address"] = [place and tuple(place) for place in values["address"]]
        return CheckedBatch(rows, values, search, list(lines.values()), len(chunk), read)


def _batches(table, tag_ids: dict[str, int], job: JobControl | None = None) -> Iterator[CheckedBatch]:
    checking = _Checking(tag_ids, list(table.mapping))
    read = 0
    for chunk in table.column_chunks(READ_CHUNK, job):
        read = chunk.rows[-1] - table.header_row
        yield checking.batch(chunk, read)


class CheckedRows:
    """``with CheckedRows(path, …) as source:`` then ``source.opened`` and ``source.batches(job)``.

    Raises UserError (from ``opened``) for a file that cannot be read, as open_table would."""

    def __init__(self, path: Path, sheet: str | None, mapping: dict[str, int] | None, header_row: int | None,
                 tag_ids: dict[str, int], in_process: bool | None = None, job: JobControl | None = None):
        self._request = (str(path), sheet, mapping, header_row, tag_ids, language())
        self._job = job
        if in_process is None:
            in_process = _size(path) < PROCESS_FROM
        self._table = self._child = self._pipe = None
        self._opened: OpenedTable | None = None
        if in_process:
            self._table = open_roster(path, sheet, mapping, header_row)
            self._opened = _opened(self._table)
        else:
            self._start()

    # --- the child's side is _serve below --------------------------------------------------

    def _start(self) -> None:
        context = multiprocessing.get_context(_start_method())
        here, there = context.Pipe(duplex=False)
        self._child = context.Process(target=_serve, args=(there, here, self._request), name="wufu-import-reader",
                                      daemon=True)
        self._child.start()
        there.close()
        self._pipe = here

    def _receive(self):
        """The child's next message; Cancel is heard while waiting for it (a big file takes the
        child a while to open)."""
        while self._job is not None and not self._pipe.poll(WAIT_STEP):
            self._job.check()
        try:
            kind, payload = self._pipe.recv()
        except EOFError:
            raise RuntimeError("the import's reading process ended without a word")
        if kind == "error":
            raise payload
        return kind, payload

    @property
    def opened(self) -> OpenedTable:
        if self._opened is None:
            kind, payload = self._receive()
            assert kind == "opened", kind
            self._opened = payload
        return self._opened

    def batches(self, job: JobControl | None = None) -> Iterator[CheckedBatch]:
        total = self.opened.total_rows
        if self._table is not None:
            for batch in _batches(self._table, self._request[4]):
                if job is not None:
                    job.report(batch.read, total)
                yield batch
        else:
            while True:
                kind, payload = self._receive()
                if kind == "done":
                    break
                if job is not None:
                    job.report(payload.read, total)
                yield payload
        if job is not None:
            job.report(total, total)

    def records(self, numbers) -> Iterator[tuple[int, dict]]:
        """TableReader.iter_records of the rows read (for the report): from the table still open
        here, or from the file opened again when a child read it."""
        if self._table is not None:
            yield from self._table.iter_records(numbers)
            return
        opened = self.opened
        table = open_roster(self._request[0], opened.sheet_name, opened.mapping, opened.header_row)
        try:
            yield from table.iter_records(numbers)
        finally:
            table.close()

    def close(self) -> None:
        if self._table is not None:
            self._table.close()
            self._table = None
        if self._pipe is not None:
            self._pipe.close()  # the child's next send fails: it cleans up and ends
            self._pipe = None
        if self._child is not None:
            self._child.join(CLOSE_WAIT)
            if self._child.is_alive():
                self._child.kill()
                self._child.join()
            self._child = None

    def __enter__(self) -> CheckedRows:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # open_table says what is wrong with it


def _start_method() -> str:
    """fork where there is one (Linux: the child starts in milliseconds with everything imported;
    it runs no Qt and no SQLite), else spawn (Windows)."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _serve(pipe, other_end, request) -> None:
    """The child: open the table, send what it is, then each checked chunk; any error is sent
    as the exception the importer raises (UserError keeps its Chinese message). ``other_end``,
    the importer's end of the pipe, is closed here at once: a forked child holding it would keep
    the pipe open and never learn that the importer stopped listening."""
    other_end.close()
    path, sheet, mapping, header_row, tag_ids, lang = request
    set_language(lang)
    table = None
    try:
        table = open_roster(path, sheet, mapping, header_row)
        pipe.send(("opened", _opened(table)))
        if not table.missing_required:
            for batch in _batches(table, tag_ids):
                pipe.send(("batch", batch))
        pipe.send(("done", None))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importer stopped listening: cancelled, failed or gone
    except BaseException as error:  # noqa: BLE001 — the importer raises it
        _send_error(pipe, error)
    finally:
        if table is not None:
            table.close()
        try:
            pipe.close()
        except OSError:
            pass


def _send_error(pipe, error: BaseException) -> None:
    if not isinstance(error, UserError):
        detail = "".join(traceback.format_exception(error)).strip()
        error = RuntimeError(f"reading the import failed in its own process:\n{detail}")
    try:
        pipe.send(("error", error))
    except (BrokenPipeError, ConnectionResetError, OSError):
        pass
