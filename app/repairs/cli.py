"""Command line of the repair team.

    python -m app import repairs OLD.xlsx [--report R.xlsx] [--create-volunteers]
    python -m app export repairs OUT.xlsx [--from DATE] [--to DATE] [--search TEXT] [--reveal]
    python -m app export volunteers OUT.xlsx [--from DATE] [--to DATE] [--reveal]
    python -m app certificate ZY-0001 OUT.pdf [--from DATE] [--to DATE] [--date DATE]
    python -m app repair-register OUT.pdf [--month YYYY-MM]
"""

from __future__ import annotations

from app.cli_helpers import date_option, out, parse_month, period, print_import
from app.errors import UserError
from app.i18n import translate


def cmd_import(database, args) -> int:
    from app.repairs.importer import import_jobs, write_report

    result = import_jobs(database, args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
                         create_volunteers=getattr(args, "create_volunteers", False))
    added = [translate("app", "Volunteers added: {names}").format(names="、".join(result.created_volunteers))]
    print_import(result, args.report, write_report, notes=added if result.created_volunteers else [])
    return 0


def cmd_export_jobs(database, args) -> int:
    from app.repairs.export import export_jobs
    from app.repairs.search import JobQuery

    start, end = period(args)
    query = JobQuery(text=args.search or "", date_from=start, date_to=end, sort_key="job_date", descending=False)
    count = export_jobs(database, args.out, query, reveal=args.reveal)
    out(translate("app", "{count} repair job(s) written to {path}").format(count=count, path=args.out))
    return 0


def cmd_export_volunteers(database, args) -> int:
    from app.repairs.export import export_volunteers

    start, end = period(args)
    count = export_volunteers(database, args.out, start, end, reveal=args.reveal, text=args.search or "")
    out(translate("app", "{count} volunteer(s) written to {path}").format(count=count, path=args.out))
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
    start, end = period(args)
    certificate = write_certificate(database, args.out, volunteer_id, start, end, issued_on=date_option(args.date))
    out(translate("app", "Certificate for {name} ({number}): {hours} hours, {count} services — {path}").format(
        name=certificate.name, number=certificate.number, hours=format_hours(certificate.minutes),
        count=len(certificate.services), path=args.out))
    return 0


def cmd_register(database, args) -> int:
    from app.repairs.register_pdf import write_register

    year, month = parse_month(args.month)
    count = write_register(database, args.out, year, month)
    out(translate("app", "Repair register {year}-{month:02d}: {count} job(s) — {path}").format(
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
