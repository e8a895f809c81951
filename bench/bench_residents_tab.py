"""The roster tab at 100,000 residents: first rows on screen, header sorts, searches, a save.

    QT_QPA_PLATFORM=offscreen python bench/bench_residents_tab.py [residents] [--db FILE]

Target: the first rows within 0.3 s of the tab being shown (ids-first: one id query, one block of
rows). Prints figures; nothing is asserted. Without --db a temporary database is filled with the
demo roster (about a minute for 100,000).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def filled_database(path: Path, residents: int):
    from app.database import Database
    from app.demo import DemoOptions
    from app.residents.demo import generate

    database = Database.open(path)
    with database.unit_of_work() as session:
        generate(session, random.Random(20261127), DemoOptions(residents=residents))
    return database


def timed(label: str, work) -> None:
    start = time.perf_counter()
    work()
    print(f"{label:<34} {time.perf_counter() - start:7.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("residents", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", help="an existing database to use instead of a new demo one")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from ui.application import register_font

    app = QApplication(sys.argv[:1])
    register_font(app)
    from app.database import Database
    from ui.residents.tab import ResidentsTab

    folder = tempfile.mkdtemp(prefix="wufu-bench-")
    database = Database.open(Path(args.db)) if args.db else filled_database(Path(folder) / "bench.db", args.residents)
    tab = ResidentsTab(database)
    tab.resize(1280, 760)
    tab.show()
    app.processEvents()
    timed("first rows on screen", lambda: (tab.activated(), tab.table.viewport().repaint()))
    print(f"{'rows listed':<34} {tab.model.rowCount():7d}   blocks loaded {tab.model.cached_blocks}")
    timed("filter choices (after first paint)", lambda: app.processEvents())
    for column in range(tab.model.columnCount()):
        spec = tab.model.columns[column]
        timed(f"sort by {spec.key}", lambda c=column: (tab.table.sortByColumn(c, tab.model.sort_order),
                                                       tab.table.viewport().repaint()))
    for text in ("zxl", "秀兰", "1031", "3-2-401", "安居苑"):
        tab.filters.search.setText(text)
        timed(f"search {text}", lambda: (tab.filters.search.flush(), tab.table.viewport().repaint()))
    tab.filters.search.setText("")
    tab.filters.search.flush()
    timed("scroll to the middle", lambda: (tab.table.scrollTo(tab.model.index(tab.model.rowCount() // 2, 0)),
                                           tab.table.viewport().repaint()))
    tab.open_current()
    tab.form.fields.employer.setText(f"五福驿站{int(time.time()) % 10000}")
    timed("save one resident + reload", tab.form.save)
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
