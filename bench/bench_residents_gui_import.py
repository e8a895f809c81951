"""The roster import run from inside the program: the whole main window's memory while it imports.

    QT_QPA_PLATFORM=offscreen python bench/bench_residents_gui_import.py --db DEMO.db --source FULL.xlsx [--again N]

DEMO.db is a 100,000-resident demo database (``python -m app --db DEMO.db demo --residents 100000``),
FULL.xlsx its revealed roster export (``python -m app --db DEMO.db export residents FULL.xlsx
--reveal``). The database is copied first; the window opens on the roster tab, scrolls and searches,
then imports through the same path as 导入/导出 → 从 Excel 导入 (the file and the column dialog
answered by this script, the progress dialog and worker thread real):

1. FULL.xlsx into the 100,000-resident roster it came from: every row is a duplicate (skip);
2. FULL.xlsx into an empty database, the main window on it, then the roster tab shows 96,188 rows.

Prints the process's peak memory (ru_maxrss) after each step against the 400 MB for the whole
program, and each import's time. A big file is read by a child process (app.residents.importer_source),
forked from this one: the program is then both, and a sampler adds up their proportional set sizes
(PSS: pages the two share are split between them, not counted twice) every 20 ms and prints the
highest sum. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass  # the child has just ended
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


class ProgramMemory(threading.Thread):
    """The highest PSS of this process and its children together, sampled every 20 ms."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = self.children_seen = 0

    def run(self) -> None:
        me = os.getpid()
        while True:
            children = _children(me)
            self.children_seen = max(self.children_seen, len(children))
            self.peak = max(self.peak, _pss_mb(me) + sum(_pss_mb(child) for child in children))
            time.sleep(0.02)


PROGRAM = ProgramMemory()


def report(label: str) -> None:
    print(f"  {label:<58} now {current_mb():6.0f} MB   peak {peak_mb():6.0f} MB  (≤ 400 MB)", flush=True)
    if PROGRAM.children_seen:
        print(f"  {'… with the reading process (PSS of both, sampled)':<58} peak {PROGRAM.peak:6.0f} MB  (≤ 400 MB)",
              flush=True)


def answer_the_dialogs(source: Path, summaries: list) -> None:
    from ui.residents.import_dialog import ImportDialog

    ImportDialog.ask_file = classmethod(lambda cls, parent: str(source))
    ImportDialog.ask_choice = classmethod(lambda cls, dialog: True)
    ImportDialog.show_summary = classmethod(lambda cls, parent, summary: summaries.append(summary))
    ImportDialog.inform = classmethod(lambda cls, parent, title, text: print("  informed:", text))


def import_in_window(app, path: Path, source: Path, label: str, again: int = 0) -> None:
    from app.database import Database
    from ui.main_window import MainWindow

    database = Database.open(path)
    window = MainWindow(database)
    window.resize(1280, 800)
    window.show()
    window.show_tab("residents")
    app.processEvents()
    tab = window.tabs.currentWidget()
    tab.activated()
    for text in ("zxl", "1031", ""):
        tab.filters.search.setText(text)
        tab.filters.search.flush()
        app.processEvents()
    report(f"{label}: window open on the roster ({tab.model.rowCount():,} rows)")
    summaries: list = []
    answer_the_dialogs(source, summaries)
    start = time.perf_counter()
    tab.transfers.import_excel()
    seconds = time.perf_counter() - start
    app.processEvents()
    summary = summaries[0] if summaries else None
    counts = summary.counts_text() if summary else "no summary"
    print(f"  import {seconds:.1f} s: {counts}; the roster lists {tab.model.rowCount():,} rows")
    report(f"{label}: after the import")
    for number in range(2, again + 2):  # the same file again from the same window: does memory creep?
        summaries.clear()
        start = time.perf_counter()
        tab.transfers.import_excel()
        app.processEvents()
        print(f"  import #{number} {time.perf_counter() - start:.1f} s")
        report(f"{label}: after import #{number}")
    window.close()
    database.close()


SCENARIOS = {
    "duplicates": "1. the export imported again into its own 100,000-resident roster (all duplicates, with its report)",
    "empty": "2. the export imported into an empty database (with its report)",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a 100,000-resident demo database (copied, not changed)")
    parser.add_argument("--source", required=True, help="the revealed roster export of that database")
    parser.add_argument("--scenario", choices=SCENARIOS, help="one scenario in this process (default: each in its own)")
    parser.add_argument("--again", type=int, default=0, help="import the file this many times more from the same window")
    args = parser.parse_args()
    if args.scenario is None:  # each scenario in a process of its own: its peak memory is its own
        for scenario, title in SCENARIOS.items():
            print(f"\n{title}", flush=True)
            subprocess.run([sys.executable, __file__, "--db", args.db, "--source", args.source, "--scenario", scenario,
                            "--again", str(args.again)], check=True)
        return 0

    from ui.application import create_application

    app = create_application(sys.argv[:1], "zh_CN")
    PROGRAM.start()
    folder = Path(tempfile.mkdtemp(prefix="wufu-bench-"))
    try:
        source = folder / Path(args.source).name  # the report is written beside it
        shutil.copy(args.source, source)
        if args.scenario == "duplicates":
            shutil.copy(args.db, folder / "roster.db")
            import_in_window(app, folder / "roster.db", source, "full roster", args.again)
        else:
            import_in_window(app, folder / "empty.db", source, "empty roster", args.again)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
