"""What the ledgers' commands share: printing, dates, periods and months from the command line, import counts."""

from __future__ import annotations

import re
from datetime import date
from typing import Callable, Sequence

from app.errors import UserError
from app.i18n import translate
from app.importing import DUPLICATE, REJECTED, ImportResult
from app.residents.dates import DateFormatError, parse_date


def out(text: str = "") -> None:
    print(text, flush=True)


def date_option(text: str | None) -> date | None:
    """A date given on the command line (any form parse_date reads), or None when not given."""
    if not text:
        return None
    try:
        return parse_date(text)
    except DateFormatError as problem:
        raise UserError(problem.message)


def period(args) -> tuple[date | None, date | None]:
    """--from / --to (args.date_from, args.date_to); either may be missing."""
    start, end = date_option(getattr(args, "date_from", None)), date_option(getattr(args, "date_to", None))
    if start and end and start > end:
        raise UserError(translate("app", "The period starts after it ends."))
    return start, end


def parse_month(text: str | None) -> tuple[int, int]:
    """(year, month) from YYYY-MM; this month when not given."""
    if not text:
        today = date.today()
        return today.year, today.month
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(translate("app", "Give the month as YYYY-MM, e.g. 2026-11."))
    return int(match.group(1)), int(match.group(2))


def print_import(result: ImportResult, report: str | None, write_report: Callable, notes: Sequence[str] = ()) -> None:
    """Where the header was, the counts and notes; then the report written, or every rejected or duplicate row."""
    out(translate("app", "Sheet {sheet}, header on row {row}.").format(sheet=result.sheet, row=result.header_row))
    out(result.summary())
    for note in notes:
        out(note)
    if report:
        write_report(result, report)
        out(translate("app", "Report written: {path}").format(path=report))
    else:
        for outcome in result.outcomes:
            if outcome.outcome in (REJECTED, DUPLICATE):
                out(translate("app", "  row {row}: {reason}").format(row=outcome.row, reason=outcome.reason))
