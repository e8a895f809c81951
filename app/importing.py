"""What the ledger importers (requests, repairs) share: the table, the outcome of each row, the counts and the report.

Every data row ends as exactly one RowOutcome (imported, updated, rejected or duplicate), so the
counts of an ImportResult always add up to its data rows. The row logic itself (what a row means,
when it is a duplicate) stays with each ledger. Qt-free; app.excel is imported only when used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

from app.errors import UserError, ValidationError
from app.i18n import translate
from app.jobs import JobControl

IMPORTED, UPDATED, REJECTED, DUPLICATE = "imported", "updated", "rejected", "duplicate"


def text_value(value) -> str | None:
    """Text as text: a number read from Excel keeps its digits (13912341031, not 1.3912341031e10)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def shown_values(record: dict) -> dict:
    """A row as the report shows it: dates as dates, everything else as text."""
    return {key: value if isinstance(value, (date, datetime)) else text_value(value) for key, value in record.items()}


def problem_text(error: Exception, field_label: Callable[[str], str]) -> str:
    """Why a row was rejected, in one line."""
    if isinstance(error, ValidationError):
        return "；".join(f"{field_label(k)}：{v}" for k, v in error.errors.items())
    return getattr(error, "message", str(error))


@dataclass
class RowOutcome:
    row: int  # Excel row number
    outcome: str  # imported | updated | rejected | duplicate
    reason: str
    values: dict
    number: str = ""  # the number given or assigned


@dataclass
class ImportResult:
    file: str
    sheet: str
    header_row: int
    data_rows: int = 0
    outcomes: list[RowOutcome] = field(default_factory=list)
    unmapped_headers: list[str] = field(default_factory=list)

    def _count(self, kind: str) -> int:
        return sum(o.outcome == kind for o in self.outcomes)

    @property
    def imported(self) -> int:
        return self._count(IMPORTED)

    @property
    def updated(self) -> int:
        return self._count(UPDATED)

    @property
    def rejected(self) -> int:
        return self._count(REJECTED)

    @property
    def duplicates(self) -> int:
        return self._count(DUPLICATE)

    def counts(self) -> dict[str, int]:
        """For the audit log."""
        return {"imported": self.imported, "updated": self.updated, "rejected": self.rejected, "duplicates": self.duplicates}

    def summary(self) -> str:
        return translate("app", "{rows} data rows: {imported} imported, {updated} updated, {rejected} rejected, {duplicates} duplicates.").format(
            rows=self.data_rows, imported=self.imported, updated=self.updated, rejected=self.rejected, duplicates=self.duplicates)


def outcome_label(kind: str) -> str:
    return {IMPORTED: translate("app", "Imported"), UPDATED: translate("app", "Updated"),
            REJECTED: translate("app", "Rejected"), DUPLICATE: translate("app", "Duplicate")}[kind]


def open_ledger_table(path: Path, fields, sheet: str | None, missing_message: str):
    """The table of the workbook, or UserError when a required column is missing.

    missing_message is the ledger's translated message with {fields} and {name} (the file) in it.
    """
    from app.excel import open_table

    table = open_table(path, fields, sheet=sheet)
    if table.missing_required:
        labels = "、".join(f.label for f in table.missing_required)
        raise UserError(missing_message.format(fields=labels, name=path.name))
    return table


def import_rows(result: ImportResult, rows: list, import_row: Callable[[int, dict], RowOutcome], job: JobControl) -> None:
    """Every (row, record) through import_row, reporting progress; the outcomes go into result."""
    for done, (row, record) in enumerate(rows):
        if done % 20 == 0:
            job.report(done, len(rows), translate("app", "Importing row {row}…").format(row=row))
        result.outcomes.append(import_row(row, record))
    result.data_rows = len(rows)
    job.report(len(rows), len(rows))


def write_report(result: ImportResult, path, fields, keys: Iterable[str], widths: dict[str, int] | None = None,
                 job: JobControl | None = None) -> None:
    """Every data row with its Excel row number, what became of it and why, then the row's values (keys)."""
    from app.excel import Column, Sheet, write_workbook

    keys, widths = tuple(keys), widths or {}
    labels = {f.key: f.label for f in fields}
    columns = [Column(translate("app", "Row"), "row", kind="int"), Column(translate("app", "Result"), "_outcome_label"),
               Column(translate("app", "Reason"), "reason", width=50)]
    columns += [Column(labels[key], key, width=widths.get(key)) for key in keys]
    rows = [{"row": o.row, "_outcome_label": outcome_label(o.outcome), "reason": o.reason,
             **{key: o.values.get(key) for key in keys}, "number": o.number or o.values.get("number")}
            for o in sorted(result.outcomes, key=lambda o: o.row)]
    title = translate("app", "Import of {file} (sheet {sheet}): {summary}").format(
        file=result.file, sheet=result.sheet, summary=result.summary())
    write_workbook(Path(path), [Sheet(translate("app", "Import report"), columns, rows, title_line=title)], job)
