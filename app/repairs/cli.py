"""Command line of the repair team.

    python -m app import repairs OLD.xlsx [--report R.xlsx] [--create-volunteers]
    python -m app export repairs OUT.xlsx [--from DATE] [--to DATE] [--search TEXT] [--reveal]
    python -m app export volunteers OUT.xlsx [--from DATE] [--to DATE] [--reveal]
    python -m app certificate ZY-0001 OUT.pdf [--from DATE] [--to DATE] [--date DATE]
    python -m app repair-register OUT.pdf [--month YYYY-MM]
"""

from __future__ import annotations

import re
from datetime import date

from app.errors import UserError
from app.i18n import translate
from app.residents.dates import DateFormatError, parse_date


def _out(text: str = "") -> None:
    print(text, flush=True)


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except DateFormatError as problem:
        raise UserError(problem.message)


def _period(args) -> tuple[date | None, date | None]:
    start, end = _date(getattr(args, "date_from", None)), _date(getattr(args, "date_to", None))
    if start and end and start > end:
        raise UserError(translate("app", "The period starts after it ends."))
    return start, end


def _month(text: str | None) -> tuple[int, int]:
    if not text:
        today = date.today()
        return today.year, today.month
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(translate("app", "Give the month as YYYY-MM, e.g. 2026-11."))
    return int(match.group(1)), int(match.group(2))


def cmd_import(database, args) -> int:
    from app.repairs.importer import import_jobs, write_report

    result = import_jobs(database, args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
                         create_volunteers=getattr(args, "create_volunteers", False))
    _out(translate("app", "Sheet {sheet}, header on row {row}.").format(sheet=result.sheet, row=result.header_row))
    _out(result.summary())
    if result.created_volunteers:
        _out(translate("app", "Volunteers added: {names}").format(names="、".join(result.created_volunteers)))
    if args.report:
        write_report(result, args.report)
        _out(translate("app", "Report written: {path}").format(path=args.report))
    else:
        for outcome in result.outcomes:
            if outcome.outcome in ("rejected", "duplicate"):
                _out(translate("app", "  row {row}: {reason}").format(row=outcome.row, reason=outcome.reason))
    return 0


def cmd_export_jobs(database, args) -> int:
    from app.repairs.export import export_jobs
    from app.repairs.search import JobQuery

    start, end = _period(args)
    query = JobQuery(text=args.search or "", date_from=start, date_to=end, sort_key="job_date", descending=False)
    count = export_jobs(database, args.out, query, reveal=args.reveal)
    _out(translate("app", "{count} repair job(s) written to {path}").format(count=count, path=args.out))
    return 0


def cmd_export_volunteers(database, args) -> int:
    from app.repairs.export import export_volunteers

    start, end = _period(args)
    count = export_volunteers(database, args.out, start, end, reveal=args.reveal, text=args.search or "")
    _out(translate("app", "{count} volunteer(s) written to {path}").format(count=count, path=args.out))
    return 0


def cmd_certificate(database, args) -> int:
    from app.repairs.certificate_pdf import write_certificate
    from app.repairs.rules import format_hours
    from app.repairs.volunteers import find_volunteer

    with database.reading() as session:
        volunteer = find_volunteer(session, args.volunteer)
        volunteer_id = volunteer.id if volunteer is not None else None
    if volunteer_id is None:
        raise UserError(translate("app", "No volunteer with the number {number}.").format(number=args.volunteer))
    start, end = _period(args)
    certificate = write_certificate(database, args.out, volunteer_id, start, end, issued_on=_date(args.date))
    _out(translate("app", "Certificate for {name} ({number}): {hours} hours, {count} services — {path}").format(
        name=certificate.name, number=certificate.number, hours=format_hours(certificate.minutes),
        count=len(certificate.services), path=args.out))
    return 0


def cmd_register(database, args) -> int:
    from app.repairs.register_pdf import write_register

    year, month = _month(args.month)
    count = write_register(database, args.out, year, month)
    _out(translate("app", "Repair register {year}-{month:02d}: {count} job(s) — {path}").format(
        year=year, month=month, count=count, path=args.out))
    return 0


def _add_period(parser) -> None:
    """--from / --to, unless another ledger has added them already (they mean the same)."""
    if "--from" not in parser._option_string_actions:
        parser.add_argument("--from", dest="date_from", metavar="DATE", help=translate("app", "first day of the period"))
    if "--to" not in parser._option_string_actions:
        parser.add_argument("--to", dest="date_to", metavar="DATE", help=translate("app", "last day of the period"))


def _add_import_options(parser) -> None:
    if "--create-volunteers" not in parser._option_string_actions:
        parser.add_argument("--create-volunteers", action="store_true",
                            help=translate("app", "repairs: add volunteers named in the file who are not on the list yet"))


def register(commands) -> None:
    commands.importers["repairs"] = cmd_import
    commands.exporters["repairs"] = cmd_export_jobs
    commands.exporters["volunteers"] = cmd_export_volunteers
    commands.import_options.append(_add_import_options)
    commands.export_options.append(_add_period)
    certificate = commands.add("certificate", translate("app", "volunteer service certificate (志愿服务证明) as PDF"), cmd_certificate)
    certificate.add_argument("volunteer", metavar="VOLUNTEER_NUMBER")
    certificate.add_argument("out", metavar="OUT.pdf")
    _add_period(certificate)
    certificate.add_argument("--date", metavar="DATE", help=translate("app", "date of issue (default: today)"))
    register_pdf = commands.add("repair-register", translate("app", "a month's repair register as PDF"), cmd_register)
    register_pdf.add_argument("out", metavar="OUT.pdf")
    register_pdf.add_argument("--month", metavar="YYYY-MM", help=translate("app", "the month (default: this month)"))
