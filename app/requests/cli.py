"""``python -m app import requests FILE.xlsx``, ``export requests OUT.xlsx`` and ``request-stats``."""

from __future__ import annotations

import re
from datetime import date

from app.errors import UserError
from app.i18n import translate


def _out(text: str = "") -> None:
    print(text, flush=True)


def cmd_import(database, args) -> int:
    from app.requests.importer import import_requests, write_report

    result = import_requests(database, args.file, sheet=args.sheet, on_duplicate=args.on_duplicate)
    _out(translate("app", "Sheet {sheet}, header on row {row}.").format(sheet=result.sheet, row=result.header_row))
    _out(result.summary())
    if args.report:
        write_report(result, args.report)
        _out(translate("app", "Report written: {path}").format(path=args.report))
    else:
        for outcome in result.outcomes:
            if outcome.outcome in ("rejected", "duplicate"):
                _out(translate("app", "  row {row}: {reason}").format(row=outcome.row, reason=outcome.reason))
    return 0


def cmd_export(database, args) -> int:
    from app.requests.export import export_requests
    from app.requests.search import RequestQuery

    query = RequestQuery(text=args.search or "", sort_key="registered_at", descending=False)
    count = export_requests(database, args.out, query, reveal=args.reveal)
    _out(translate("app", "{count} request(s) written to {path}").format(count=count, path=args.out))
    return 0


def _month(text: str | None) -> tuple[int, int]:
    if not text:
        today = date.today()
        return today.year, today.month
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(translate("app", "Give the month as YYYY-MM, e.g. 2026-11."))
    return int(match.group(1)), int(match.group(2))


def cmd_stats(database, args) -> int:
    from app.requests.rules import categories
    from app.requests.stats import monthly_stats, percent

    year, month = _month(args.month)
    names = tuple(c.name for c in categories(database))
    stats = monthly_stats(database, year, month, categories=names)
    _out(translate("app", "Requests registered in {year}-{month:02d}: {total}").format(year=year, month=month, total=stats.total))
    _out(translate("app", "By channel: {parts}").format(parts="，".join(f"{k} {v}" for k, v in stats.by_channel)))
    _out(translate("app", "By category: {parts}").format(parts="，".join(f"{k} {v}" for k, v in stats.by_category if v)))
    _out(translate("app", "On time: {on_time} of {finished} finished ({rate})").format(
        on_time=stats.finished_on_time, finished=stats.finished, rate=percent(stats.on_time_rate)))
    _out(translate("app", "Satisfied: {satisfied} of {followed} followed up ({rate})").format(
        satisfied=stats.satisfied, followed=stats.followed_up, rate=percent(stats.satisfaction_rate)))
    _out(translate("app", "Still open and overdue: {count}").format(count=stats.open_overdue))
    return 0


def register(commands) -> None:
    commands.importers["requests"] = cmd_import
    commands.exporters["requests"] = cmd_export
    stats = commands.add("request-stats", translate("app", "monthly figures of the walk-in requests"), cmd_stats)
    stats.add_argument("--month", metavar="YYYY-MM", help=translate("app", "the month (default: this month)"))
