"""A month's figures against a hand-counted October."""

from __future__ import annotations

from datetime import date

import pytest

from app.repairs import safety, service
from app.repairs.stats import NO_OUTCOME, month_stats, months_with_data
from tests.app.repairs_data import at, job, team


@pytest.fixture
def october(tmp_db):
    """By hand: 8 jobs (家电 3, 水 2, 电 1, 门窗 1, 燃气 1); 修好 4, 无法修复 1, 需再约 1, 转介 1, open 1;
    fix rate 4 of 5 finished; 马永福 1 + 1.5 + 0.5 + 1 + check 1 = 5 h, 王建国 1 + 2 + 0.5 + check 1 = 4.5 h,
    杨德明 check 1.5 h; 2 checks, 3 findings (一般, 较大, 重大), 2 not put right, 1 escalated.
    Not counted: a removed job in October, a job in September."""
    p = team(tmp_db)
    ma, wang, yang = p["ma"], p["wang"], p["yang"]
    job(tmp_db, at(2), item="电风扇", outcome="修好", volunteers=[(ma, 1)], satisfaction="满意")
    job(tmp_db, at(3), item="电饭锅", outcome="修好", volunteers=[(ma, 1.5)], satisfaction="基本满意")
    job(tmp_db, at(4), item="热水壶", outcome="无法修复", volunteers=[(ma, 0.5)])
    job(tmp_db, at(5), item="水龙头", category="水", outcome="需再约", volunteers=[(wang, 1)])
    job(tmp_db, at(6), item="马桶水箱", category="水", outcome="修好", volunteers=[(wang, 2)])
    job(tmp_db, at(7), item="燃气灶", category="燃气", outcome="转介", result_note="燃气公司")
    job(tmp_db, at(8), item="门锁", category="门窗")
    job(tmp_db, at(9), item="插座", category="电", outcome="修好", volunteers=[(ma, 1), (wang, 0.5)])
    service.remove_job(tmp_db, job(tmp_db, at(10), item="台灯", outcome="修好", volunteers=[(ma, 3)]))
    job(tmp_db, at(30, month=9), item="下水管", category="水", outcome="修好", volunteers=[(wang, 2)])
    safety.create_check(tmp_db, {"check_date": date(2026, 10, 10), "address": "安居苑1号楼1单元101室",
                                 "volunteers": [(wang, 1), (ma, 1)], "findings": [
                                     {"category": "燃气", "severity": "重大", "description": "胶管开裂"},
                                     {"category": "电路", "severity": "一般", "description": "插排串接", "rectified": True,
                                      "rectified_on": date(2026, 10, 10)}]}, today=date(2026, 10, 10))
    check = safety.create_check(tmp_db, {"check_date": date(2026, 10, 20), "address": "安居苑2号楼", "volunteers": [(yang, 1.5)],
                                         "findings": [{"category": "消防通道", "severity": "较大", "description": "楼道堆放杂物"}]},
                                today=date(2026, 10, 20))
    finding = safety.get_check(tmp_db, check)[0].findings[0]
    safety.escalate_finding(tmp_db, finding.id)
    return p


def test_october_by_category_and_outcome(tmp_db, october):
    s = month_stats(tmp_db, 2026, 10)
    assert s.jobs == 8
    assert s.by_category == {"家电": 3, "水": 2, "电": 1, "门窗": 1, "燃气": 1}
    assert s.by_outcome == {"修好": 4, "无法修复": 1, "需再约": 1, "转介": 1, NO_OUTCOME: 1}
    assert s.table[("家电", "修好")] == 2 and s.table[("水", "需再约")] == 1 and s.table[("门窗", NO_OUTCOME)] == 1
    assert (s.fixed, s.finished, s.fix_rate) == (4, 5, 0.8)
    assert s.satisfaction == {"满意": 1, "基本满意": 1}


def test_october_hours_and_checks(tmp_db, october):
    s = month_stats(tmp_db, 2026, 10)
    assert [(v.name, v.minutes, v.jobs, v.checks) for v in s.volunteers] == [
        ("马永福", 300, 4, 1), ("王建国", 270, 3, 1), ("杨德明", 90, 0, 1)]
    assert s.minutes == 660
    assert (s.checks, s.findings, s.findings_open, s.escalated) == (2, 3, 2, 1)
    assert s.findings_by_severity == {"一般": 1, "较大": 1, "重大": 1}


def test_an_empty_month_and_the_months_with_data(tmp_db, october):
    s = month_stats(tmp_db, 2026, 8)
    assert (s.jobs, s.fix_rate, s.minutes, s.checks) == (0, None, 0, 0)
    assert months_with_data(tmp_db) == [(2026, 10), (2026, 9)]
