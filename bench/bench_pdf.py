"""How long the shared PDF machinery takes: a 10,000-resident roster and one page of minutes.

    .venv/bin/python bench/bench_pdf.py [rows] [folder to keep the PDFs in]

Targets on the 2-core office machine: roster ≤ 3 s (A4 landscape), minutes ≤ 0.5 s.
The first figure includes registering the font (once per process); it is printed apart.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_IMPORT_STARTED = time.perf_counter()
from app.pdf import (  # noqa: E402
    ReportDocument,
    body_style,
    data_table,
    key_value_table,
    para,
    register_fonts,
    signature_block,
)

_IMPORT_SECONDS = time.perf_counter() - _IMPORT_STARTED

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "秀兰建国志强桂英玉梅丽娟文华明军红霞淑珍海燕德胜"
GROUPS = ["", "", "", "低保", "残疾人", "独居老人", "退役军人", "党员"]
HEADERS = ["序号", "姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌号", "特殊群体", "备注"]
LONG_NOTE = "行动不便，需上门服务，子女在外地务工，每周二社区网格员电话回访一次"
WIDTHS_MM = [14, 22, 11, 44, 30, 18, 14, 18, 26, 70]


def roster_rows(count: int, wrap_every: int) -> list[list[object]]:
    """Roster-like rows; every ``wrap_every``-th has a note too long for one line."""
    rng = random.Random(7)
    rows = []
    for i in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        note = LONG_NOTE if i % wrap_every == 0 else ""
        id_number = f"6201021950{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 1000:03d}X"
        rows.append([i + 1, name, "女" if i % 2 else "男", id_number, f"139{i:08d}",
                     f"{i % 12 + 1}号楼", f"{i % 4 + 1}单元", f"{i % 30 + 101}",
                     rng.choice(GROUPS), note])
    return rows


def bench_roster(folder: Path, count: int, wrap_every: int) -> float:
    rows = roster_rows(count, wrap_every)
    started = time.perf_counter()
    doc = ReportDocument("居民花名册", subtitle="五福社区　2026年11月27日", landscape=True,
                         margins_mm=12, footer_text="五福社区工作台 打印于 2026-11-27")
    path = folder / "roster.pdf"
    doc.build(path, data_table(HEADERS, rows, WIDTHS_MM, align=["right"] + ["left"] * 9))
    elapsed = time.perf_counter() - started
    print(f"roster {count:,} rows x {len(HEADERS)} cols, 1 in {wrap_every} with a wrapped note: "
          f"{elapsed:.2f} s, {_pages(path)} pages, {path.stat().st_size / 1e6:.1f} MB")
    return elapsed


def bench_minutes(folder: Path) -> float:
    started = time.perf_counter()
    doc = ReportDocument("五福社区居民议事会会议记录", footer_text="五福社区工作台 打印于 2026-11-27")
    header = key_value_table([
        ("会议名称", "居民议事会（第12次）"),
        [("时间", "2026年11月27日 14:30—16:00"), ("地点", "社区二楼会议室")],
        [("主持人", "王建国"), ("记录人", "李秀兰")],
        [("应到", "15人"), ("实到", "13人")],
        ("参会人员", "王建国、李秀兰、张桂英、刘志强、陈玉梅、杨文华、黄明军、周红霞、吴淑珍、徐海燕、孙德胜、马丽娟、朱建华"),
        ("缺席人员及原因", "胡志明（外出务工）、郭秀英（生病住院）"),
    ], font_size=14)
    body = [para(f"议题{n}：关于3号楼加装电梯费用分摊的意见。居民代表逐一发言，"
                 "多数同意按楼层系数分摊，一楼住户不承担费用。表决：同意11人，反对1人，弃权1人。",
                 body_style(16)) for n in range(1, 4)]
    path = folder / "minutes.pdf"
    doc.build(path, [*header, *body, *signature_block()])
    elapsed = time.perf_counter() - started
    print(f"minutes: {elapsed:.2f} s, {_pages(path)} page(s)")
    return elapsed


def _pages(path: Path) -> str:
    try:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    except OSError:
        return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    register_fonts()
    print(f"import app.pdf (reportlab): {_IMPORT_SECONDS:.2f} s; register font: "
          f"{time.perf_counter() - started:.2f} s (both once per process)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(scratch)
        bench_minutes(folder)
        bench_roster(folder, count, wrap_every=40)
        bench_roster(folder, count, wrap_every=5)
        bench_minutes(folder)


if __name__ == "__main__":
    main()
