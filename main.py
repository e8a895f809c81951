"""Start Wufu: settings → database (migrated, backed up first) → main window.

    python main.py [--db PATH] [--lang zh_CN|en] [--user NAME] [--screenshot OUT.png [--tab KEY]]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Wufu community office workstation")
    parser.add_argument("--db", help="database file (default: WUFU_DB or the user data folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="user interface language")
    parser.add_argument("--user", help="name recorded in the audit log")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the main window and exit")
    parser.add_argument("--tab", metavar="KEY", help="with --screenshot: the tab to show (home, residents, …)")
    return parser.parse_args(argv)


def take_screenshot(app, window, out: Path, tab: str | None) -> int:
    if tab and not window.show_tab(tab):
        print(f"unknown tab: {tab}; known: {', '.join(window.tab_keys)}", file=sys.stderr)
        return 2
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    if not window.grab().save(str(out)):
        print(f"cannot write {out}", file=sys.stderr)
        return 2
    return 0


def offer_demo(window, database) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app.demo import DemoOptions, is_empty, load_demo
    from ui.widgets.jobs import run_job

    if database.get_setting("demo_offered") == "1" or not is_empty(database):
        return
    database.set_setting("demo_offered", "1")
    answer = QMessageBox.question(window, QCoreApplication.translate("Startup", "Empty database"), QCoreApplication.translate(
        "Startup", "This database is empty. Load fictional demo data (the Futong community of the story) to look around?\n"
        "Demo data is marked as such; start a new database for real work."))
    if answer != QMessageBox.StandardButton.Yes:
        return
    result = run_job(window, QCoreApplication.translate("Startup", "Loading demo data…"), lambda job: load_demo(database, DemoOptions(), job))
    if result.error is not None:
        raise result.error
    window.refresh_status()
    window.tabs.currentWidget().activated()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QMessageBox

    from app.database import Database
    from app.errors import UserError
    from app.paths import resolve_db_path
    from ui.application import create_application, install_excepthook, settings, setup_logging

    app = create_application(sys.argv[:1], args.lang)
    setup_logging()
    try:
        database = Database.open(resolve_db_path(args.db), actor=args.user or settings().value("operator") or None)
    except UserError as error:
        print(error.message, file=sys.stderr)
        if not args.screenshot:
            QMessageBox.critical(None, app.translate("Startup", "Cannot open the database"), error.message)
        return error.exit_code

    from ui.main_window import MainWindow

    window = MainWindow(database)
    if args.screenshot:
        code = take_screenshot(app, window, Path(args.screenshot), args.tab)
        database.close()
        return code
    install_excepthook()
    window.show()
    offer_demo(window, database)
    code = app.exec()
    database.close()
    return code


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the installed program (PyInstaller) starts an import's reading process on Windows
    sys.exit(main())
