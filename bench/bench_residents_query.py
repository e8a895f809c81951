"""Roster speed at 100,000 residents: demo generation, query_ids per query kind and sort key, load_rows.

    .venv/bin/python bench/bench_residents_query.py [--residents 100000] [--db PATH] [--repeat 5]

Prints figures (median of --repeat runs, in milliseconds); asserts nothing. Without --db it builds
a fresh demo database in a temporary folder first and reports how long that took.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.database import Database  # noqa: E402
from app.demo import DemoOptions, load_demo  # noqa: E402
from app.residents import service  # noqa: E402
from app.residents.queries import SORT_KEYS, ResidentQuery, ids_statement  # noqa: E402

BUDGET_MS = 150


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def sample_queries(db) -> dict[str, ResidentQuery]:
    """Realistic queries, using a name, ID and phone that exist in this database."""
    first = service.load_rows(db, service.query_ids(db, ResidentQuery())[:1])[0]
    with db.reading() as session:
        from db.models import Resident

        person = session.get(Resident, first.id)
        id_fragment, phone = person.id_number[-8:-2], person.phone_digits.split(" ")[0][-7:] or "1391234"
    building = service.buildings(db)[0]
    tags = {t.name: t.id for t in service.tags(db)}
    return {
        "all (default view)": ResidentQuery(),
        "name 秀兰": ResidentQuery(text="秀兰"),
        "surname 马": ResidentQuery(text="马"),
        "initials zxl": ResidentQuery(text="zxl"),
        "pinyin zhang": ResidentQuery(text="zhang"),
        f"ID fragment {id_fragment}": ResidentQuery(text=id_fragment),
        f"phone fragment {phone}": ResidentQuery(text=phone),
        "address 3-2-401": ResidentQuery(text="3-2-401"),
        "address 安居苑3-2-401": ResidentQuery(text="安居苑3-2-401"),
        "compound 湖畔嘉苑": ResidentQuery(text="湖畔嘉苑"),
        "two words 马 安居苑": ResidentQuery(text="马 安居苑"),
        f"building {building.label}": ResidentQuery(building_id=building.id),
        "tag 独居老人": ResidentQuery(tag_ids=(tags["独居老人"],)),
        "age 60+": ResidentQuery(min_age=60),
        "age 80+ by age": ResidentQuery(min_age=80, sort_key="age"),
        "人户状态 人在户不在": ResidentQuery(residence_status="人在户不在"),
        "政治面貌 中共党员": ResidentQuery(political_status="中共党员"),
        "党员 60+ in 安居苑": ResidentQuery(political_status="中共党员", min_age=60, compound="安居苑"),
        "moved out / deceased": ResidentQuery(status=("moved_out", "deceased")),
        "everyone incl. removed": ResidentQuery(status=None, include_removed=True),
    }


def plan(db, q: ResidentQuery) -> str:
    statement = ids_statement(q)
    with db.engine.connect() as conn:
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").fetchall()
    return "; ".join(row[-1] for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--db", help="an existing demo database (skips generation)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--plans", action="store_true", help="print SQLite's query plan for each query")
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="wufu-bench-")) / "bench.db"
    db = Database.open(path, actor="bench")
    if not args.db:
        start = time.perf_counter()
        load_demo(db, DemoOptions(residents=args.residents))
        print(f"demo data, {args.residents:,} residents: {time.perf_counter() - start:.2f} s  ({path})")
    with db.reading() as session:
        print(f"active residents: {service.counts(session):,}")
    print(f"\nquery_ids by query kind (sort by name), median of {args.repeat}, budget {BUDGET_MS} ms:")
    for label, q in sample_queries(db).items():
        ms, ids = timed(lambda: service.query_ids(db, q), args.repeat)
        flag = "" if ms <= BUDGET_MS else "  OVER BUDGET"
        print(f"  {label:<34} {ms:7.1f} ms  {len(ids):>7,} ids{flag}")
        if args.plans:
            print(f"      {plan(db, q)}")
    print("\nquery_ids by sort key (default view, ascending / descending):")
    for key in SORT_KEYS:
        up, ids = timed(lambda: service.query_ids(db, ResidentQuery(sort_key=key)), args.repeat)
        down, _ = timed(lambda: service.query_ids(db, ResidentQuery(sort_key=key, descending=True)), args.repeat)
        flag = "" if max(up, down) <= BUDGET_MS else "  OVER BUDGET"
        print(f"  {key:<18} {up:7.1f} ms  {down:7.1f} ms  {len(ids):>7,} ids{flag}")
        if args.plans:
            print(f"      {plan(db, ResidentQuery(sort_key=key))}")
    ids = service.query_ids(db, ResidentQuery())
    for size in (100, 1000):
        ms, _ = timed(lambda: service.load_rows(db, ids[5000:5000 + size]), args.repeat)
        print(f"\nload_rows({size}): {ms:.1f} ms", end="")
    detail_ms, _ = timed(lambda: service.get_detail(db, ids[1234]), args.repeat)
    print(f"\nget_detail: {detail_ms:.1f} ms")
    with db.reading() as session:
        start = time.perf_counter()
        problems = service.checks(session)
        print(f"checks: {(time.perf_counter() - start) * 1000:.0f} ms, {len(problems)} problem(s)")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
