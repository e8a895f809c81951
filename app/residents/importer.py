"""Importing a roster workbook (居民花名册) into the database.

    preview = plan_import(db, path)           # header row, mapping, what is missing: for the dialog
    summary = run_import(db, path, mapping=preview.mapping, header_row=preview.header_row,
                         report_path=..., job=job)

Rows are read by app.excel (guarded, header found by synonyms), checked by importer_rows, and
the valid ones written with the service's ``BulkWriter`` chunk by chunk as they are checked, in
ONE transaction together with any updates and the report: cancel, an error or a crash leaves the
database exactly as it was.

Every data row ends up counted once: imported + rejected + duplicates == data_rows (updated rows
are duplicates whose existing resident was updated). A duplicate is an ID number already seen
higher up in the file, or one belonging to an active resident in the database.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select

from app.errors import UserError
from app.excel import FieldSpec
from app.i18n import translate
from app.jobs import JobControl, ensure
from app.residents import service
from app.residents.importer_report import DUPLICATE, REJECTED, UPDATED, WARNED, ReportLine, write_report
from app.residents.importer_report import default_report_path  # noqa: F401  (public API)
from app.residents.importer_rows import given_keys, parse_place
from app.residents.importer_source import CheckedBatch, CheckedRows, open_roster
from app.residents.importer_update import Candidate, apply_updates
from app.residents.queries import clear_place_keys
from app.residents.roster_columns import FIELDS  # noqa: F401  (public API)
from db import audit
from db.models import Resident, Tag
from db.models.residents import STATUS_ACTIVE

ID_CHUNK = 900
DEFER_INDEXES_FROM = 20_000  # rows in the file


@dataclass(frozen=True)
class ImportPreview:
    """What the import dialog shows before anything is written."""

    path: Path
    sheet_names: list[str]
    sheet_name: str
    header_row: int  # 1-based Excel row
    headers: list[str]  # the header row's texts, one per column
    mapping: dict[str, int]  # field key -> 0-based column
    unmapped_headers: list[str]
    missing_required: list[FieldSpec]
    total_rows: int  # rows below the header, blank ones included
    fields: tuple[FieldSpec, ...] = FIELDS

    @property
    def ready(self) -> bool:
        return not self.missing_required


@dataclass(frozen=True)
class ImportSummary:
    imported: int
    updated: int
    rejected: int
    duplicates: int  # includes the updated ones
    data_rows: int  # non-blank rows below the header
    report_path: Path | None
    warnings: int = 0  # imported rows with something to check (birth date differs from the ID …)

    def counts_text(self) -> str:
        text = translate("app", "imported {imported}, not imported {rejected}, duplicates {duplicates}").format(
            imported=self.imported, rejected=self.rejected, duplicates=self.duplicates)
        if self.updated:
            text += translate("app", " ({updated} existing residents updated)").format(updated=self.updated)
        return text


@dataclass
class _Sorted:
    """What happens to the rows of a file: every row that is not simply imported gets a report
    line (its cells are read again from the sheet when the report is written, not kept)."""

    lines: dict[int, ReportLine] = field(default_factory=dict)  # row -> its report line
    data_rows: int = 0
    # One string for each text that many duplicate lines repeat (已登记 messages, names): a file
    # imported again keeps 100,000 lines until its report is written.
    texts: dict[str, str] = field(default_factory=dict)

    def shared(self, text: str | None) -> str | None:
        return text if text is None else self.texts.setdefault(text, text)


class _Phase:
    """One part of a job as seen by the functions doing it: their progress becomes a stretch of
    the whole bar (0–1000), and Cancel still raises from ``report``."""

    def __init__(self, job: JobControl, start: int, end: int, message: str):
        self._job, self._start, self._end, self._message = job, start, end, message

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        share = min(done, total) / total if total else 0.0
        self._job.report(self._start + round((self._end - self._start) * share), 1000, message or self._message)

    def check(self) -> None:
        self._job.check()

    @property
    def cancelled(self) -> bool:
        return self._job.cancelled


@contextmanager
def _no_gc():
    """The cyclic garbage collector off while 100,000 rows of dicts are built: they hold no cycles,
    and its repeated passes over them cost more than the checks themselves (14 µs a row instead of 23)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan_import(db, path: str | os.PathLike, sheet: str | None = None, mapping: dict[str, int] | None = None,
                header_row: int | None = None) -> ImportPreview:
    """Open the workbook and find its header and columns; raises UserError for a refused file."""
    table = open_roster(path, sheet, mapping, header_row)
    table.close()
    return ImportPreview(Path(path), table.sheet_names, table.sheet_name, table.header_row, list(table.headers),
                         dict(table.mapping), table.unmapped_headers, table.missing_required, table.total_rows)


def _missing_columns(missing: list[FieldSpec], headers: list[str]) -> UserError:
    message = translate("app", "The workbook has no column for {fields}. Its columns are: {headers}")
    found = "、".join(h for h in headers if h) or "—"
    return UserError(message.format(fields="、".join(f.label for f in missing), headers=found))


def _tag_ids(db) -> dict[str, int]:
    with db.reading() as session:
        return dict(session.execute(select(Tag.name, Tag.id)).all())


def _active_ids(session, id_numbers: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(id_numbers), ID_CHUNK):
        batch = id_numbers[start:start + ID_CHUNK]
        statement = select(Resident.id_number, Resident.id, Resident.name).where(
            Resident.id_number.in_(batch), Resident.status == STATUS_ACTIVE, Resident.removed_at.is_(None))
        for id_number, resident_id, name in session.execute(statement):
            found[id_number] = (resident_id, name)
    return found


def _any_active(session) -> bool:
    """Whether the roster holds any active resident with an ID number (an empty one needs no look-ups)."""
    statement = select(Resident.id).where(Resident.id_number.is_not(None), Resident.status == STATUS_ACTIVE,
                                          Resident.removed_at.is_(None)).limit(1)
    return session.scalar(statement) is not None


def _split(session, rows: _Sorted, batch: CheckedBatch, on_duplicate: str,
           look_up: bool = True) -> tuple[list[int], list[Candidate]]:
    """The rows of new residents (indexes into the batch), and rows of residents already on the
    roster to update (on "update"; on "skip" they get their duplicate line here). Earlier batches,
    already inserted, hold none of these ID numbers: they were in-file duplicates. ``look_up``
    False: the roster had no active resident before this import, so none of them is known."""
    everyone = list(range(len(batch.rows)))
    if not look_up:
        return everyone, []
    numbers = batch.values["id_number"]
    known = _active_ids(session, numbers)
    if not known:
        return everyone, []
    new, existing = [], []
    for index in everyone:
        match = known.get(numbers[index])
        if match is None:
            new.append(index)
            continue
        row = batch.rows[index]
        prior = rows.lines.pop(row, None)
        warnings = prior.reasons if prior is not None else []
        if on_duplicate == "update":
            values = batch.row_values(index)
            existing.append(Candidate(row, values, given_keys(values), match[0], match[1], warnings))
        else:
            message = rows.shared(service.duplicate_message(match[1], ""))
            rows.lines[row] = ReportLine(row, DUPLICATE, [message] + warnings, name=rows.shared(batch.values["name"][index]),
                                         id_number=numbers[index], to_check=bool(warnings))
    return new, existing


def _selected(batch: CheckedBatch, indexes: list[int]) -> tuple[dict[str, list], list[list]]:
    """The values and search columns of the batch's rows at ``indexes``."""
    if len(indexes) == len(batch.rows):
        return batch.values, batch.search
    values = {key: [column[index] for index in indexes] for key, column in batch.values.items()}
    return values, [[column[index] for index in indexes] for column in batch.search]


def _counts(rows: _Sorted, imported: int) -> tuple[int, int, int]:
    verdicts = [line.verdict for line in rows.lines.values()]
    rejected = verdicts.count(REJECTED)
    duplicates = verdicts.count(DUPLICATE) + verdicts.count(UPDATED)
    if imported + rejected + duplicates != rows.data_rows:
        raise AssertionError(f"import counts do not add up: {imported} + {rejected} + {duplicates} != {rows.data_rows}")
    return rejected, duplicates, verdicts.count(UPDATED)


def _big(session, total_rows: int) -> bool:
    """A file big enough, into a table small enough, that rebuilding the indexes once is cheaper
    than filling them row by row (about 1.7 s of 9 at 96,000 rows into an empty table)."""
    if total_rows < DEFER_INDEXES_FROM:
        return False
    return session.scalar(select(func.count()).select_from(Resident)) < total_rows


def _write(session, source: CheckedRows, on_duplicate: str, path: Path,
           job: JobControl) -> tuple[ImportSummary, _Sorted]:
    """Insert each checked batch as it comes (never all rows in memory at once), then the updates."""
    rows = _Sorted()
    writer, imported, existing = None, 0, []
    progress = _Phase(job, 0, 850, translate("app", "Saving residents…"))
    look_up = _any_active(session)
    big = _big(session, source.opened.total_rows)
    with service.bulk_cache(session), service.deferred_indexes(session, big, unique_too=not look_up):
        for batch in source.batches(progress):
            rows.data_rows += batch.data_rows
            rows.lines.update((line.row, line) for line in batch.lines)
            new, updates = _split(session, rows, batch, on_duplicate, look_up)
            existing.extend(updates)
            if new:
                writer = writer or service.BulkWriter(session)
                values, search = _selected(batch, new)
                writer.add_columns(values, len(new), search)
                imported += len(new)
                progress.check()
    if writer is not None:
        writer.finish()
    apply_updates(session, existing, rows.lines)
    rejected, duplicates, updated = _counts(rows, imported)
    if imported or updated:
        audit.record(session, "import", "residents", None, {
            "file": path.name, "rows": rows.data_rows, "imported": imported, "updated": updated,
            "rejected": rejected, "duplicates": duplicates})
    warned = sum(1 for line in rows.lines.values() if line.verdict == WARNED)
    return ImportSummary(imported, updated, rejected, duplicates, rows.data_rows, None, warned), rows


def run_import(db, path: str | os.PathLike, on_duplicate: str = "skip", sheet: str | None = None,
               mapping: dict[str, int] | None = None, header_row: int | None = None,
               report_path: str | os.PathLike | None = None, job: JobControl | None = None) -> ImportSummary:
    """Import the roster at ``path``; see the module docstring. Raises UserError for a refused
    or unreadable file (nothing written) and Cancelled when the job is cancelled (nothing written)."""
    if on_duplicate not in ("skip", "update"):
        raise ValueError(f"on_duplicate is skip or update, not {on_duplicate!r}")
    job, path = ensure(job), Path(path)
    try:
        with _no_gc(), CheckedRows(path, sheet, mapping, header_row, _tag_ids(db), job=job) as source:
            opened = source.opened
            if opened.missing_required:
                raise _missing_columns(opened.missing_required, opened.headers)
            return _commit(db, source, on_duplicate, path, report_path, job)
    finally:
        parse_place.cache_clear()  # the file's addresses are not needed by the next import
        clear_place_keys()


def _commit(db, source: CheckedRows, on_duplicate: str, path: Path, report_path, job: JobControl) -> ImportSummary:
    """One transaction: inserts, updates, the audit entry and the report, or nothing at all."""
    written: Path | None = None
    opened = source.opened
    try:
        with db.unit_of_work() as session:
            summary, rows = _write(session, source, on_duplicate, path, job)
            if report_path is not None:
                phase = _Phase(job, 850, 1000, translate("app", "Writing the report…"))
                written = write_report(report_path, path, opened.headers, opened.mapping, list(rows.lines.values()),
                                       summary.counts_text(), job=phase, cells=source.records)
    except BaseException:
        if written is not None:  # the commit failed: a report of what did not happen would mislead
            written.unlink(missing_ok=True)
        raise
    return replace(summary, report_path=written)

