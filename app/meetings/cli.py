"""``python -m app minutes [ID OUT.pdf [--sign-in-sheet]]``, ``export meetings``, ``import meetings``."""

from __future__ import annotations

from app.cli_helpers import out
from app.errors import UserError
from app.i18n import translate


def cmd_minutes(database, args) -> int:
    """Without arguments: one meeting per line (id, date, kind, title). With ID OUT.pdf: print it."""
    from app.meetings.service import list_meetings

    if args.id is None:
        for row in list_meetings(database):
            state = translate("app", "finalised") if row.finalized else translate("app", "draft")
            out(f"{row.id}\t{row.held_on.isoformat()}\t{row.kind}\t{row.title}\t{row.number}\t{state}")
        return 0
    if args.out is None:
        raise UserError(translate("app", "Give the PDF file to write: minutes ID OUT.pdf"))
    from app.meetings.minutes_pdf import print_minutes

    path = print_minutes(database, args.id, args.out, sign_in=args.sign_in_sheet)
    out(translate("app", "Minutes written: {path}").format(path=path))
    return 0


def cmd_export(database, args) -> int:
    from app.meetings.export import export_meetings
    from app.meetings.service import MeetingQuery

    count = export_meetings(database, args.out, MeetingQuery(text=args.search or ""))
    out(translate("app", "{count} meeting(s) written to {path}").format(count=count, path=args.out))
    return 0


def summary(result) -> str:
    return translate("app", "Meetings: {imported} imported, {duplicates} duplicate(s), {rejected} rejected, of {total} row(s).").format(
        imported=result.imported, duplicates=result.duplicates, rejected=result.rejected, total=result.total)


def chain_summary(result) -> str:
    return translate("app", "Major matters (四议两公开): {imported} imported, {duplicates} duplicate(s), {rejected} rejected, of {total} row(s).").format(
        imported=result.chains_imported, duplicates=result.chains_duplicates, rejected=result.chains_rejected,
        total=result.chains_total)


def cmd_import(database, args) -> int:
    from app.meetings.importer import import_meetings

    result = import_meetings(database, args.file, report=args.report, on_duplicate=args.on_duplicate, sheet=args.sheet)
    out(summary(result))
    if result.chains_total:
        out(chain_summary(result))
    if args.report:
        out(translate("app", "Report written: {path}").format(path=args.report))
    else:
        for line in result.lines:
            out(translate("app", "  {sheet} row {row}: {reason}").format(sheet=line.sheet, row=line.row, reason=line.reason))
    return 0


def register(commands) -> None:
    commands.importers["meetings"] = cmd_import
    commands.exporters["meetings"] = cmd_export
    minutes = commands.add("minutes", translate("app", "list meetings, or print one meeting's minutes to PDF"), cmd_minutes)
    minutes.add_argument("id", nargs="?", type=int, metavar="ID", help=translate("app", "the meeting's id (first column of the list)"))
    minutes.add_argument("out", nargs="?", metavar="OUT.pdf", help=translate("app", "the PDF file to write"))
    minutes.add_argument("--sign-in-sheet", action="store_true", help=translate("app", "add a sign-in sheet (签到表) on its own page"))
