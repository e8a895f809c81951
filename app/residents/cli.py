"""``python -m app import residents FILE.xlsx`` and ``python -m app export residents OUT.xlsx|OUT.pdf``.

Import prints how many rows were imported, refused and duplicates, and exits 0 once the file was
processed (refused rows are in the report, not an error); an unreadable or refused file is a
UserError: message on stderr, exit 2, nothing written. Export picks Excel or PDF by the extension.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import UserError
from app.i18n import translate
from app.residents.export import export_excel, export_pdf
from app.residents.importer import run_import
from app.residents.queries import ResidentQuery


def _out(text: str) -> None:
    print(text, flush=True)


def import_residents(database, args) -> int:
    summary = run_import(database, args.file, on_duplicate=args.on_duplicate, sheet=args.sheet,
                         report_path=args.report)
    _out(translate("app", "Rows in the file: {rows}").format(rows=summary.data_rows))
    _out(translate("app", "Imported: {count}").format(count=summary.imported))
    _out(translate("app", "Not imported: {count}").format(count=summary.rejected))
    _out(translate("app", "Duplicates: {count}").format(count=summary.duplicates))
    if summary.updated:
        _out(translate("app", "Existing residents updated: {count}").format(count=summary.updated))
    if summary.warnings:
        _out(translate("app", "Imported with something to check: {count}").format(count=summary.warnings))
    if summary.report_path is not None:
        _out(translate("app", "Report: {path}").format(path=summary.report_path))
    return 0


def export_residents(database, args) -> int:
    out = Path(args.out)
    query = ResidentQuery(text=args.search or "")
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        count = export_excel(database, query, out, reveal=args.reveal)
    elif suffix == ".pdf":
        if args.reveal:
            raise UserError(translate("app", "A PDF roster always shows ID and phone numbers masked; --reveal is for .xlsx"))
        count = export_pdf(database, query, out, group_by_building=args.by_building)
    else:
        raise UserError(translate("app", "Export to a file ending in .xlsx or .pdf, not {name}").format(name=out.name))
    _out(translate("app", "Exported {count} residents to {path}").format(count=count, path=out))
    return 0


def _export_options(parser) -> None:
    parser.add_argument("--by-building", action="store_true",
                        help=translate("app", "PDF: one section per building"))


def register_cli(commands) -> None:
    commands.importers["residents"] = import_residents
    commands.exporters["residents"] = export_residents
    commands.export_options.append(_export_options)
