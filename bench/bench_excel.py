"""Excel export and import speed: write_workbook against bare openpyxl write-only, then open_table.

    python bench/bench_excel.py [rows]

Targets: export within 1.2x of bare openpyxl writing the same cells; reading 100,000 rows well inside
the 4 s import budget (which also covers validation and the database commit).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.excel import Column, FieldSpec, Sheet, open_table, write_workbook  # noqa: E402

HEADERS = ["姓名", "性别", "公民身份号码", "出生日期", "联系电话", "民族", "小区", "楼栋单元室", "与户主关系",
           "人户状态", "政治面貌", "文化程度", "婚姻状况", "特殊人群", "备注"]
COMMUNITIES = ["安居苑", "银啤苑", "阅海", "湖畔嘉苑", "居安家园"]


def make_rows(count: int) -> list[list]:
    start = dt.date(1930, 1, 1)
    rows = []
    for i in range(count):
        rows.append([
            f"张秀兰{i % 997}", "男" if i % 2 else "女", f"640106{1950 + i % 60}0{i % 9 + 1}1{i % 10}{i % 1000:03d}",
            start + dt.timedelta(days=i % 30000), f"139{i:08d}", "汉族", COMMUNITIES[i % 5],
            f"{i % 30 + 1}-{i % 4 + 1}-{i % 6 + 1}0{i % 4 + 1}", "户主", "人在户在", "群众", "高中", "已婚",
            "独居老人" if i % 7 == 0 else "", "=SUM(A1)" if i % 1000 == 0 else "需回访",
        ])
    return rows


def timed(label: str, action) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    print(f"{label:<42}{seconds:8.2f} s")
    return seconds


def write_bare(path: Path, rows: list[list]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("居民")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def write_ours(path: Path, rows: list[list]) -> None:
    columns = [Column(h, kind="date" if h == "出生日期" else "text") for h in HEADERS]
    write_workbook(path, [Sheet("居民", columns, rows, title_line="居民花名册")])


def read_ours(path: Path) -> int:
    fields = [FieldSpec(f"f{i}", header) for i, header in enumerate(HEADERS)]
    table = open_table(path, fields)
    return sum(1 for _ in table.rows())


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rows = make_rows(count)
    print(f"{count:,} rows x {len(HEADERS)} columns")
    with tempfile.TemporaryDirectory() as folder:
        bare_path, our_path = Path(folder) / "bare.xlsx", Path(folder) / "ours.xlsx"
        bare = timed("openpyxl write-only (bare)", lambda: write_bare(bare_path, rows))
        ours = timed("write_workbook (safe cells, styled)", lambda: write_ours(our_path, rows))
        print(f"{'export ratio':<42}{ours / bare:8.2f} x")
        read = {}
        timed("open_table + rows() (guard, calamine)", lambda: read.setdefault("n", read_ours(our_path)))
        print(f"{'rows read':<42}{read['n']:8,}")


if __name__ == "__main__":
    main()
