"""``python -m app import requests FILE.xlsx``, ``export requests OUT.xlsx`` and ``request-stats``."""

from __future__ import annotations

from app.cli_helpers import out, parse_month, print_import
from app.i18n import translate


def cmd_import(database, args) -> int:
    from app.requests.importer import import_requests, write_report

    result = import_requests(database, args.file, sheet=args.sheet, on_duplicate=args.on_duplicate)
    print_import(result, args.report, write_report)
    return 0


def cmd_export(database, args) -> int:
    from app.requests.export import export_requests
    from app.requests.search import RequestQuery

    query = RequestQuery(text=args.search or "", sort_key="registered_at", descending=False)
    count = export_requests(database, args.out, query, reveal=args.reveal)
    out(translate("app", "{count} request(s) written to {path}").format(count=count, path=args.out))
    return 0


def cmd_stats(database, args) -> int:
    from app.requests.rules import categories
    from app.requests.stats import monthly_stats, percent

    year, month = parse_month(args.month)
    names = tuple(c.name for c in categories(database))
    stats = monthly_stats(database, year, month, categories=names)
    out(translate("app", "Requests registered in {year}-{month:02d}: {total}").format(year=year, month=month, total=stats.total))
    out(translate("app", "By channel: {parts}").format(parts="，".join(f"{k} {v}" for k, v in stats.by_channel)))
    out(translate("app", "By category: {parts}").format(parts="，".join(f"{k} {v}" for k, v in stats.by_category if v)))
    out(translate("app", "On time: {on_time} of {finished} finished ({rate})").format(
        on_time=stats.finished_on_time, finished=stats.finished, rate=percent(stats.on_time_rate)))
    out(translate("app", "Satisfied: {satisfied} of {followed} followed up ({rate})").format(
        satisfied=stats.satisfied, followed=stats.followed_up, rate=percent(stats.satisfaction_rate)))
    out(translate("app", "Still open and overdue: {count}").format(count=stats.open_overdue))
    return 0


def register(commands) -> None:
    commands.importers["requests"] = cmd_import
    commands.exporters["requests"] = cmd_export
    stats = commands.add("request-stats", translate("app", "monthly figures of the walk-in requests"), cmd_stats)
    stats.add_argument("--month", metavar="YYYY-MM", help=translate("app", "the month (default: this month)"))
