"""The roster at 100,000 residents: first rows, search, sort, Excel export and import, PDF, memory.

    .venv/bin/python bench/bench_residents.py [--residents 100000] [--db DEMO.db] [--repeat 5] [--keep DIR]
    .venv/bin/python bench/bench_residents.py --only import --source DIR/full.xlsx DIR/office.xlsx [--keep DIR] [--repeat 5]

Without --db it makes the demo database with ``python -m app --db X demo --residents N`` first.
Prints medians (seconds or milliseconds) next to their targets; asserts nothing. The import is
timed into an empty database (validated + committed) on two files: the revealed export of the demo
roster (full.xlsx, 24 columns) and the same residents in the shape offices send
(office.xlsx: 10 columns as in shared/data/sample_roster.xlsx, the address in one cell).
Peak memory is this process's ru_maxrss at the end (it covers every step above).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.database import Database  # noqa: E402
from app.residents import service  # noqa: E402
from app.residents.export import excel_columns, export_excel, export_pdf, records  # noqa: E402
from app.residents.queries import SORT_KEYS, ResidentQuery  # noqa: E402
from db.models import Resident  # noqa: E402

PDF_RESIDENTS = 10_000


def line(label: str, value: float, unit: str, target: str = "", note: str = "") -> None:
    print(f"  {label:<44}{value:9.3f} {unit:<3} {target:<14}{note}", flush=True)


def median_ms(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def make_demo(folder: Path, residents: int) -> Path:
    path = folder / f"demo-{residents}.db"
    if path.exists():
        return path
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--db", str(path), "demo", "--residents", str(residents)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"demo database, {residents:,} residents: {time.perf_counter() - start:.1f} s  ({path})")
    return path


def first_rows(path: Path) -> float:
    """Open the database and show the first page of the default view, as the roster tab does."""
    start = time.perf_counter()
    db = Database.open(path)
    ids = service.query_ids(db, ResidentQuery())
    service.load_rows(db, ids[:100])
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def sample_queries(db) -> dict[str, ResidentQuery]:
    with db.reading() as session:
        person = session.get(Resident, service.query_ids(db, ResidentQuery())[500])
    id_fragment = person.id_number[6:12]
    phone = (person.phone_digits.split(" ")[0] or "13912341031")[-6:]
    return {"name 秀兰": ResidentQuery(text="秀兰"), "initials zxl": ResidentQuery(text="zxl"),
            f"ID fragment {id_fragment}": ResidentQuery(text=id_fragment),
            f"phone fragment {phone}": ResidentQuery(text=phone), "address 3-2-401": ResidentQuery(text="3-2-401")}


def bench_queries(db, repeat: int) -> None:
    print(f"\nsearch: query_ids per query kind (median of {repeat}; target ≤ 50 ms)")
    service.query_ids(db, ResidentQuery(text="预热"))
    for label, query in sample_queries(db).items():
        ms, ids = median_ms(lambda: service.query_ids(db, query), repeat)
        line(label, ms, "ms", "≤ 50 ms", f"{len(ids):,} ids" + ("  OVER" if ms > 50 else ""))
    print("\nsort: query_ids of everyone per sort key, ascending / descending (target ≤ 150 ms)")
    for key in SORT_KEYS:
        up, _ = median_ms(lambda: service.query_ids(db, ResidentQuery(sort_key=key)), repeat)
        down, _ = median_ms(lambda: service.query_ids(db, ResidentQuery(sort_key=key, descending=True)), repeat)
        print(f"  {key:<20}{up:8.1f} ms {down:8.1f} ms" + ("  OVER" if max(up, down) > 150 else ""), flush=True)


def write_bare(path: Path, header: list[str], rows: list[list]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("居民")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def bench_export(db, folder: Path) -> Path:
    ids = service.query_ids(db, ResidentQuery())
    start = time.perf_counter()
    export_excel(db, ResidentQuery(), folder / "masked.xlsx")
    ours = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    columns = excel_columns(False)
    cells = [[record[c.key] for c in columns] for record in records(db, ids, reveal=False)]
    start = time.perf_counter()
    write_bare(folder / "bare.xlsx", [c.header for c in columns], cells)
    bare = time.perf_counter() - start
    print(f"\nExcel export of {len(ids):,} residents × {len(columns)} columns")
    line("export_excel (from the database, masked)", ours, "s")
    line("openpyxl write-only, the same cells", bare, "s")
    line("ratio", ours / bare, "x", "≤ 1.2 x")
    line("peak memory after searching and exporting", peak, "MB", "≤ 400 MB")
    full = folder / "full.xlsx"
    start = time.perf_counter()
    export_excel(db, ResidentQuery(), full, reveal=True)
    line("export_excel, revealed (the import's input)", time.perf_counter() - start, "s")
    return full


OFFICE_HEADERS = ["姓名", "性别", "身份证号码", "出生年月", "手机号码", "住址", "户主姓名", "与户主关系", "特殊人群", "备注"]


def office_roster(db, path: Path) -> Path:
    """The roster in the shape offices send (shared/data/sample_roster.xlsx: a title row, 10
    columns, the address in one cell), written by openpyxl like that sample."""
    ids = service.query_ids(db, ResidentQuery())
    people = list(records(db, ids, reveal=True))
    heads = {p["household_number"]: p["name"] for p in people if p["relation_to_head"] == "户主"}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("居民信息")
    sheet.append(["阅海社区人口信息登记表"])
    sheet.append(OFFICE_HEADERS)
    for p in people:
        place = f"{p['compound'] or ''}{p['building']}号楼{p['unit']}单元{p['room']}室" if p["building"] else None
        sheet.append([p["name"], p["sex"], p["id_number"], p["birth_date"], p["phones"], place,
                      heads.get(p["household_number"]), p["relation_to_head"], p["tags"], p["notes"]])
    workbook.save(path)
    return path


IMPORT_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from app.database import Database
from app.residents.importer import run_import
db = Database.open({target!r})
start = time.perf_counter()
summary = run_import(db, {source!r})
# VmHWM, not ru_maxrss: Linux carries the parent's high-water mark into a forked child's ru_maxrss.
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024
# The reading process (a big file is read and checked by a child, app.residents.importer_source):
# its ru_maxrss, which counts the pages it shares with this process since the fork as well.
import resource
reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
wall = time.perf_counter() - start
cpu = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(wall, summary.data_rows, summary.imported, summary.rejected, summary.duplicates, peak, reader,
      *(usage.ru_utime + usage.ru_stime for usage in cpu))
"""


def _import_once(target: Path, source: Path) -> list[str]:
    """One import in a process of its own, so that its peak memory is the import's alone."""
    script = IMPORT_CHILD.format(root=str(ROOT), target=str(target), source=str(source))
    return subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout.split()


def bench_import(source: Path, folder: Path, repeat: int = 1) -> None:
    """``repeat`` imports into an empty database (the median, and every run: this machine's
    figures swing from minute to minute), then one of the same file again."""
    target = folder / "imported.db"
    runs = []
    for _ in range(repeat):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        Database.open(target).close()  # created and migrated before the clock starts
        runs.append(_import_once(target, source))
    seconds = [float(run[0]) for run in runs]
    _, rows, imported, rejected, duplicates, peak, reader, cpu, reader_cpu = runs[-1]
    print(f"\nimport of {source.name}, {int(rows):,} rows, into an empty database (a process of its own)")
    every = ", ".join(f"{value:.2f}" for value in seconds)
    line("run_import (read, check, insert, commit)", statistics.median(seconds), "s", "≤ 4 s",
         f"imported {int(imported):,}, refused {rejected}, duplicates {duplicates}" + (f"; runs {every} s" if repeat > 1 else ""))
    line("CPU time: import process + reading process", float(cpu) + float(reader_cpu), "s", "",
         f"{float(cpu):.2f} + {float(reader_cpu):.2f} s (last run; 2 cores)")
    line("peak memory of the import process", float(peak), "MB", "≤ 400 MB",
         f"its reading process {float(reader):.0f} MB (RSS, pages shared since the fork counted in both)")
    seconds, _, imported, _, duplicates, peak, reader, *_ = _import_once(target, source)
    line("the same file again (all duplicates)", float(seconds), "s", "",
         f"imported {imported}, duplicates {int(duplicates):,}, peak {float(peak):.0f} MB + reader {float(reader):.0f} MB")


def bench_pdf(folder: Path, keep: Path) -> None:
    small = make_demo(keep, PDF_RESIDENTS)
    db = Database.open(small)
    count = len(service.query_ids(db, ResidentQuery()))
    for grouped in (False, True):
        start = time.perf_counter()
        export_pdf(db, ResidentQuery(), folder / f"roster-{grouped}.pdf", group_by_building=grouped)
        label = f"export_pdf, {count:,} residents" + (", by building" if grouped else "")
        line(label, time.perf_counter() - start, "s", "≤ 3 s")
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--db", help="an existing demo database (skips making one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", help="folder for the demo databases and output files (default: temporary)")
    parser.add_argument("--only", choices=("import",), help="run one part alone (import: needs --source)")
    parser.add_argument("--source", nargs="+", help="workbooks to import (full.xlsx and office.xlsx kept by an earlier run's --keep)")
    args = parser.parse_args()
    keep = Path(args.keep or tempfile.mkdtemp(prefix="wufu-bench-"))
    keep.mkdir(parents=True, exist_ok=True)
    if args.only == "import":
        if not args.source:
            parser.error("--only import needs --source (e.g. full.xlsx in a --keep folder)")
        for source in args.source:
            bench_import(Path(source), keep, args.repeat)
        return 0
    path = Path(args.db) if args.db else make_demo(keep, args.residents)
    print("\nfirst rows (open, query_ids, load_rows of 100)")
    line("cold open to first page", first_rows(path), "s", "≤ 0.3 s")
    db = Database.open(path)
    with db.reading() as session:
        print(f"active residents: {service.counts(session):,}")
    bench_queries(db, args.repeat)
    full = bench_export(db, keep)
    office = office_roster(db, keep / "office.xlsx")
    db.close()
    bench_import(full, keep, args.repeat)
    bench_import(office, keep, args.repeat)
    print("\nPDF")
    bench_pdf(keep, keep)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the bench process (includes the bare-openpyxl cell list): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
