"""A big .xlsx worksheet cut into parts, so that calamine parses it a part at a time.

python-calamine parses a whole sheet before it gives out a row (about 1.6 s and 200 MB for a
100,000-row roster of 24 columns). ``split_sheet`` streams the sheet's XML out of the zip and cuts
it at row boundaries into parts of about ``PART_BYTES``, written as the worksheets of one
temporary, uncompressed workbook that keeps the original's shared strings, styles and date system.
The reader then parses part k + 1 in a background thread (calamine lets go of the GIL) while the
rows of part k are checked and saved, and never holds more than two parts.

Rows keep their numbers (the ``r`` attribute of each row); a sheet whose rows do not all carry one,
or anything else unexpected, is not cut (``None``): the caller parses it whole, as before.
"""

from __future__ import annotations

import operator
import os
import queue
import re
import tempfile
import threading
import weakref
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

PARTS_FROM = 16 * 1024 * 1024  # bytes of sheet XML: smaller sheets are parsed whole
PART_BYTES = 3 * 1024 * 1024  # ~4,500 rows of a 24-column roster: two parsed parts stay small in the reading process
BLOCK = 1024 * 1024

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(/?)>")
_DECLARATION = re.compile(rb"<!")  # <!-- comment --> or <![CDATA[ … ]]>
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*/>")
_ROW_NUMBER = re.compile(rb"\sr=[\"']([0-9]+)[\"']")


def cut_in_parts(member: zipfile.ZipInfo) -> bool:
    """Whether ``split_sheet`` streams this member of an .xlsx/.xlsm (a worksheet big enough
    to cut) rather than leaving it to calamine whole."""
    return member.filename.startswith("xl/worksheets/") and member.file_size >= PARTS_FROM


class SheetParts:
    """The parts of one worksheet, as the sheets of a temporary workbook (removed by ``close``)."""

    def __init__(self, path: Path, names: list[str], first_rows: list[int]):
        self.path = path
        self.names = names
        self.first_rows = first_rows  # 0-based row of each part's first row
        self._workbook: CalamineWorkbook | None = CalamineWorkbook.from_path(str(path))
        self._lock = threading.Lock()  # one parse at a time, and never while closing
        self._finalizer = weakref.finalize(self, _remove, self._workbook, path, self._lock)

    def __len__(self) -> int:
        return len(self.names)

    def sheet(self, index: int):
        """Parse part ``index`` (callable from another thread: calamine releases the GIL)."""
        with self._lock:
            if self._workbook is None:
                raise ValueError("the sheet parts are closed")
            return self._workbook.get_sheet_by_name(self.names[index])

    def close(self) -> None:
        """Close and remove the temporary workbook, after a parse still running in another thread."""
        with self._lock:
            self._workbook = None
        self._finalizer()


def _remove(workbook: CalamineWorkbook, path: Path, lock: threading.Lock) -> None:
    with lock:
        try:
            workbook.close()
        except Exception:  # noqa: BLE001 - closing twice, or a workbook calamine already let go
            pass
        try:
            Path(path).unlink(missing_ok=True)
        except OSError:  # still open elsewhere (Windows): the system's temporary folder keeps it
            pass


def split_sheet(path: Path, sheet_name: str, part_bytes: int | None = None,
                parts_from: int | None = None) -> SheetParts | None:
    """The sheet ``sheet_name`` of the .xlsx/.xlsm at ``path`` in parts, or None when it is small
    or cannot be cut safely (then parse it whole)."""
    part_bytes = part_bytes or PART_BYTES
    parts_from = PARTS_FROM if parts_from is None else parts_from
    try:
        with zipfile.ZipFile(path) as source:
            located = _locate(source, sheet_name)
            if located is None:
                return None
            sheet_path, shared_strings, styles, date1904 = located
            if source.getinfo(sheet_path).file_size < parts_from:
                return None
            return _write_parts(source, sheet_path, shared_strings, styles, date1904, part_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ElementTree.ParseError, OSError, ValueError):
        return None  # damaged (the sheet's CRC or its deflate stream): parsed whole after the guard's full pass


def _locate(source: zipfile.ZipFile, sheet_name: str) -> tuple[str, str | None, str | None, bool] | None:
    """(sheet XML, shared strings, styles, 1904 dates) of the workbook, by its relationships."""
    root_rels = ElementTree.fromstring(source.read("_rels/.rels"))
    workbook_path = next((r.get("Target", "").lstrip("/") for r in root_rels.iter(f"{{{RELS}}}Relationship")
                          if r.get("Type", "").endswith("/officeDocument")), None)
    if not workbook_path:
        return None
    folder = PurePosixPath(workbook_path).parent
    rels_path = str(folder / "_rels" / (PurePosixPath(workbook_path).name + ".rels"))
    targets = {}
    kinds = {}
    for relation in ElementTree.fromstring(source.read(rels_path)).iter(f"{{{RELS}}}Relationship"):
        target = relation.get("Target", "")
        if relation.get("TargetMode") == "External":
            continue
        resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        targets[relation.get("Id")] = resolved
        kinds.setdefault(relation.get("Type", "").rsplit("/", 1)[-1], resolved)
    workbook = ElementTree.fromstring(source.read(workbook_path))
    sheet_path = None
    for sheet in workbook.iter(f"{{{MAIN}}}sheet"):
        if sheet.get("name") == sheet_name:
            sheet_path = targets.get(sheet.get(f"{{{DOC_RELS}}}id"))
    properties = workbook.find(f"{{{MAIN}}}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
    if sheet_path is None or sheet_path not in source.namelist():
        return None
    shared = kinds.get("sharedStrings")
    styles = kinds.get("styles")
    present = set(source.namelist())
    return sheet_path, shared if shared in present else None, styles if styles in present else None, date1904


def _join(folder: PurePosixPath, target: str) -> str:
    parts: list[str] = []
    for piece in (*folder.parts, *PurePosixPath(target).parts):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _write_parts(source: zipfile.ZipFile, sheet_path: str, shared_strings: str | None, styles: str | None,
                 date1904: bool, part_bytes: int) -> SheetParts | None:
    handle, name = tempfile.mkstemp(prefix="wufu-sheet-", suffix=".xlsx")
    os.close(handle)
    target = Path(name)
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
            names, first_rows = _copy_rows(source, sheet_path, out, part_bytes)
            if not names:
                raise ValueError("the sheet cannot be cut")
            for path in (shared_strings, styles):
                if path:
                    out.writestr(_stored(path), source.read(path))
            _write_package(out, names, shared_strings, styles, date1904)
        return SheetParts(target, names, first_rows)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _stored(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    return info


def _copy_rows(source: zipfile.ZipFile, sheet_path: str, out: zipfile.ZipFile,
               part_bytes: int) -> tuple[list[str], list[int]]:
    """Cut the sheet's rows into parts written to ``out``: (part names, their first rows); none
    when it cannot be cut."""
    names: list[str] = []
    first_rows: list[int] = []
    with source.open(sheet_path) as member, _Inflated(member) as stream:
        buffer = bytearray()
        match = None
        while match is None:
            block = stream.read(BLOCK)
            if not block:
                return [], []
            buffer += block
            match = _SHEET_DATA.search(buffer)
            if match is not None and match.end() == len(buffer):
                match = None  # the tag may go on in the next block
        if match.group(2):  # <sheetData/>: no rows
            return [], []
        prefix = match.group(1) or b""
        head = _DIMENSION.sub(b"", bytes(buffer[:match.end()]))  # each part's own extent is calamine's to find
        tail = b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"
        end_tag = b"</" + prefix + b"sheetData>"
        row_start = re.compile(b"<" + re.escape(prefix) + rb"row[\s>/]")
        row_numbers = re.compile(b"<" + re.escape(prefix) + rb"row\s[^>]*?(?<=\s)r=[\"']([0-9]+)[\"']")
        del buffer[:match.end()]
        last_row = [-1]  # 0-based number of the last row written

        def emit(rows: memoryview) -> bool:
            """Write one part; False when the sheet cannot be cut safely after all."""
            if _DECLARATION.search(rows) is not None:
                return False  # a comment or CDATA section could hold "<row" that is not a row
            first = _first_row(rows, row_start)
            if first is None:
                return not bytes(rows).strip()  # only a row without its number is a problem
            # calamine places rows by number: parts must follow each other, rows in ascending order
            numbers = [int(number) - 1 for number in row_numbers.findall(rows)]
            if numbers[0] != first or numbers[0] <= last_row[0] or any(map(operator.ge, numbers, numbers[1:])):
                return False
            last_row[0] = numbers[-1]
            name = f"part{len(names) + 1}"
            with out.open(_stored(f"xl/worksheets/{name}.xml"), "w") as part:
                part.write(head)
                part.write(rows)
                part.write(tail)
            names.append(name)
            first_rows.append(first)
            return True

        while True:
            block = stream.read(BLOCK)
            buffer += block
            while len(buffer) > part_bytes:
                cut = row_start.search(buffer, part_bytes)
                if cut is None:
                    break  # the next row starts in a block not read yet
                with memoryview(buffer) as view:
                    if not emit(view[:cut.start()]):
                        return [], []
                del buffer[:cut.start()]
            if not block:
                close = buffer.rfind(end_tag)
                with memoryview(buffer) as view:
                    if close < 0 or not emit(view[:close]):
                        return [], []
                break
    return names, first_rows


class _Inflated:
    """A zip member's blocks read (inflated, CRC checked) by a thread of its own while the caller
    cuts the ones before: zlib lets go of the GIL, so the two overlap (≈ 0.2 s of 0.5 s for a
    100 MB sheet). ``read`` gives the next block, b"" at the end, or raises what reading raised."""

    DEPTH = 4  # blocks read ahead

    def __init__(self, stream):
        self._blocks: queue.Queue = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._ended = False
        self._thread = threading.Thread(target=self._run, args=(stream,), name="sheet-inflate", daemon=True)
        self._thread.start()

    def _run(self, stream) -> None:
        try:
            while not self._stop.is_set():
                block = stream.read(BLOCK)
                self._put(block)
                if not block:
                    return
        except BaseException as error:  # noqa: BLE001 — raised again by read()
            self._put(error)

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._blocks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read(self, _size: int = BLOCK) -> bytes:
        if self._ended:
            return b""
        item = self._blocks.get()
        if isinstance(item, BaseException):
            self._ended = True
            raise item
        self._ended = not item
        return item

    def __enter__(self) -> _Inflated:
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()  # a thread waiting to put a block gives up; then the member can be closed
        self._thread.join()


def _first_row(rows: memoryview, row_start: re.Pattern) -> int | None:
    """The 0-based number of the first row in ``rows``, None when there is no row or it has no r."""
    start = row_start.search(rows)
    if start is None:
        return None
    head = bytes(rows[start.end() - 1:start.end() + 512])
    tag = head[:head.find(b">")]
    match = _ROW_NUMBER.search(tag)
    return int(match.group(1)) - 1 if match is not None else None


def _write_package(out: zipfile.ZipFile, names: list[str], shared_strings: str | None, styles: str | None,
                   date1904: bool) -> None:
    sheets = "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, 1))
    properties = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    out.writestr(_stored("xl/workbook.xml"),
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
                 f'xmlns:r="{DOC_RELS}">{properties}<sheets>{sheets}</sheets></workbook>')
    relations = [f'<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/{name}.xml"/>'
                 for i, name in enumerate(names, 1)]
    overrides = [f'<Override PartName="/xl/worksheets/{name}.xml" ContentType="application/'
                 f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for name in names]
    for kind, path, content in (("sharedStrings", shared_strings, "sharedStrings"), ("styles", styles, "styles")):
        if path:
            relations.append(f'<Relationship Id="rIdW{kind}" Type="{DOC_RELS}/{kind}" Target="/{path}"/>')
            overrides.append(f'<Override PartName="/{path}" ContentType="application/'
                             f'vnd.openxmlformats-officedocument.spreadsheetml.{content}+xml"/>')
    out.writestr(_stored("xl/_rels/workbook.xml.rels"),
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{RELS}">'
                 + "".join(relations) + "</Relationships>")
    out.writestr(_stored("_rels/.rels"),
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{RELS}">'
                 f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    out.writestr(_stored("[Content_Types].xml"),
                 '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
                 'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                 'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + "".join(overrides) + "</Types>")
