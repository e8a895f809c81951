"""Command line for administrators and scripts: ``python -m app [--db PATH] COMMAND``.

Ledgers add commands through ``Feature.register_cli(commands)``; ``import KIND`` and ``export KIND``
dispatch to the importers and exporters they register.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import exc as sa_exc

from app import i18n
from app.cli_helpers import out
from app.database import Database, database_error_message
from app.errors import UserError
from app.features import features
from app.i18n import translate
from app.jobs import Cancelled
from app.paths import backup_dir_for, resolve_db_path


EXISTING_ONLY = {"check", "backup"}  # commands that need a database that is already there


@dataclass
class Commands:
    """What ledgers plug into: subcommands, and kinds for ``import`` / ``export``.

    ``import KIND FILE`` always has --report, --sheet, --on-duplicate; ``export KIND OUT`` always has
    --reveal and --search. A ledger adds only options of its own through import_options /
    export_options (an option name may be added once).
    """

    subparsers: argparse._SubParsersAction
    importers: dict[str, Callable] = field(default_factory=dict)  # kind -> (database, args) -> int
    exporters: dict[str, Callable] = field(default_factory=dict)
    import_options: list[Callable] = field(default_factory=list)  # (parser) -> None
    export_options: list[Callable] = field(default_factory=list)

    def add(self, name: str, help_text: str, handler: Callable) -> argparse.ArgumentParser:
        parser = self.subparsers.add_parser(name, help=help_text, description=help_text)
        parser.set_defaults(handler=handler)
        return parser


def cmd_init(database: Database, args) -> int:
    out(translate("app", "Database ready: {path}").format(path=database.path))
    return 0


def cmd_check(database: Database, args) -> int:
    from app.maintenance import check_database

    problems = check_database(database)
    if problems:
        out(translate("app", "{count} problem(s) found in {path}:").format(count=len(problems), path=database.path))
        for problem in problems:
            out(f"  - {problem}")
        return 1
    out(translate("app", "No problems found: {path}").format(path=database.path))
    return 0


def cmd_backup(database: Database, args) -> int:
    from app.maintenance import backup_database

    folder = Path(args.to) if args.to else backup_dir_for(database.path)
    target = backup_database(database.path, folder, keep=args.keep)
    out(translate("app", "Backup written: {path}").format(path=target))
    return 0


def cmd_demo(database: Database, args) -> int:
    from app.demo import DemoOptions, load_demo

    load_demo(database, DemoOptions(residents=args.residents, seed=args.seed))
    with database.reading() as session:
        for feature in features():
            if feature.count is not None:
                out(f"{feature.label()}: {feature.count(session)}")
    return 0


def _dispatch(table: dict[str, Callable], verb: str) -> Callable:
    def handler(database: Database, args) -> int:
        return table[args.kind](database, args)

    return handler


def build_parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = argparse.ArgumentParser(
        prog="python -m app",
        description=translate("app", "Wufu community office workstation: administration commands."),
    )
    parser.add_argument("--db", help=translate("app", "database file (default: WUFU_DB or the user data folder)"))
    parser.add_argument("--user", help=translate("app", "name recorded in the audit log (default: the login name)"))
    parser.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, help=translate("app", "language of messages"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = Commands(sub)
    commands.add("init", translate("app", "create or upgrade the database"), cmd_init)
    commands.add("check", translate("app", "integrity, foreign-key and consistency checks; exit 1 on any problem"), cmd_check)
    backup = commands.add("backup", translate("app", "online backup into a dated file"), cmd_backup)
    backup.add_argument("--to", metavar="DIR", help=translate("app", "backup folder (default: beside the database)"))
    backup.add_argument("--keep", type=int, metavar="N", help=translate("app", "keep only the newest N backups"))
    demo = commands.add("demo", translate("app", "fill an empty database with fictional demo data"), cmd_demo)
    demo.add_argument("--residents", type=int, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=20261127, metavar="S")
    for feature in features():
        if feature.register_cli is not None:
            feature.register_cli(commands)
    if commands.importers:
        imp = commands.add("import", translate("app", "import records from an Excel workbook"), _dispatch(commands.importers, "import"))
        imp.add_argument("kind", choices=sorted(commands.importers))
        imp.add_argument("file", metavar="FILE.xlsx")
        imp.add_argument("--report", metavar="REPORT.xlsx", help=translate("app", "write every rejected or duplicate row with its reason to this workbook"))
        imp.add_argument("--sheet", metavar="NAME", help=translate("app", "worksheet to read (default: the first with a recognisable header)"))
        imp.add_argument("--on-duplicate", choices=("skip", "update"), default="skip", help=translate("app", "what to do with rows already in the database"))
        for add_options in commands.import_options:
            add_options(imp)
    if commands.exporters:
        exp = commands.add("export", translate("app", "export records to Excel or PDF"), _dispatch(commands.exporters, "export"))
        exp.add_argument("kind", choices=sorted(commands.exporters))
        exp.add_argument("out", metavar="OUT")
        exp.add_argument("--reveal", action="store_true", help=translate("app", "full ID and phone numbers instead of masked ones (audited)"))
        exp.add_argument("--search", metavar="TEXT", help=translate("app", "only records matching this search"))
        for add_options in commands.export_options:
            add_options(exp)
    return parser, commands


def _language_from(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = _language_from(argv)
    if language in i18n.SUPPORTED_LANGUAGES:
        i18n.set_language(language)  # before building the parser, so --help is translated
    parser, _ = build_parser()
    args = parser.parse_args(argv)
    db_path = resolve_db_path(args.db)
    if args.command in EXISTING_ONLY and not db_path.is_file():
        # A mistyped --db must not quietly create an empty database to check or back up.
        print(translate("app", "There is no database at {path}.").format(path=db_path), file=sys.stderr)
        return UserError.exit_code
    try:
        database = Database.open(db_path, actor=args.user, upgrade=args.command != "check")
    except UserError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    try:
        return args.handler(database, args)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return error.exit_code
    except Cancelled:
        print(translate("app", "Cancelled; nothing was changed."), file=sys.stderr)
        return 130
    except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:  # damaged pages, or locked too long
        print(database_error_message(error, database.path), file=sys.stderr)
        return UserError.exit_code
    except KeyboardInterrupt:
        print(translate("app", "Interrupted; nothing was changed."), file=sys.stderr)
        return 130
    finally:
        database.close()
