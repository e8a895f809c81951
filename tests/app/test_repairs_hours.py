"""Volunteer hours summed from repair jobs and safety checks in a period (hand-counted), the
志愿服务证明 and the month's repair register, read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from app.errors import UserError
from app.i18n import translate
from app.repairs import safety, service, volunteers
from app.repairs.certificate_pdf import write_certificate
from app.repairs.register_pdf import write_register
from app.repairs.service import add_job
from tests.app.repairs_data import at, job, needs_poppler, pdf_text, squeezed, team

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture
def served(tmp_db):
    """Hand-counted October: 王建国 1.5 + 2 + 1 (check) = 4.5 h in 2 jobs and 1 check; 马永福 0.5 + 1
    (check) = 1.5 h in 1 job and 1 check (a job he is on without hours does not count). Outside
    October: 王建国 3 h on 30 September; a removed job in November."""
    people = team(tmp_db)
    wang, ma = people["wang"], people["ma"]
    job(tmp_db, at(5), item="马桶水箱", category="水", fault="一直流水", outcome="修好", volunteers=[(wang, 1.5)],
        materials=[{"name": "进水阀", "quantity": 1, "unit": "套"}], satisfaction="满意")
    job(tmp_db, at(20), name="王阿姨", item="水龙头", category="水", volunteers=[(wang, 2), (ma, 0.5)], outcome="需再约")
    job(tmp_db, at(25), item="台灯", volunteers=[(ma, 0)])
    job(tmp_db, at(30, month=9), item="下水管", category="水", volunteers=[(wang, 3)], outcome="修好")
    removed = job(tmp_db, at(3, month=11), item="暖气片", category="水", volunteers=[(wang, 1)])
    service.remove_job(tmp_db, removed)
    safety.create_check(tmp_db, {"check_date": date(2026, 10, 15), "address": "安居苑3号楼2单元401室",
                                 "volunteers": [(wang, 1), (ma, 1)],
                                 "findings": [{"category": "电路", "severity": "一般", "description": "插排串接"}]},
                        today=date(2026, 10, 15))
    return people


def test_hours_are_summed_from_jobs_and_checks_in_the_period(tmp_db, served):
    with tmp_db.reading() as session:
        october = volunteers.hours_by_volunteer(session, *OCTOBER)
        always = volunteers.hours_by_volunteer(session)
    assert october == {served["wang"]: (270, 2, 1), served["ma"]: (90, 1, 1)}
    assert always[served["wang"]] == (450, 3, 1)
    rows = {r.name: r for r in volunteers.list_volunteers(tmp_db, *OCTOBER)}
    assert (rows["王建国"].minutes, rows["马永福"].minutes, rows["杨德明"].minutes) == (270, 90, 0)
    assert rows["王建国"].phone_masked == "139****1201" and rows["杨德明"].phone_masked == ""
    lines = volunteers.services_of(tmp_db, served["wang"], *OCTOBER)
    assert [(line.day.day, line.kind, line.minutes) for line in lines] == [(5, "repair", 90), (15, "safety_check", 60), (20, "repair", 120)]


def test_volunteer_numbers_and_lookup(tmp_db, served):
    assert [r.number for r in volunteers.list_volunteers(tmp_db)] == ["ZY-0001", "ZY-0002", "ZY-0003"]
    with tmp_db.reading() as session:
        assert volunteers.find_volunteer(session, "zy-2").name == "马永福"
        assert volunteers.find_volunteer(session, "杨德明").number == "ZY-0003"
    volunteers.set_active(tmp_db, served["yang"], False)
    assert [label for _i, label in volunteers.choices(tmp_db)] == ["ZY-0001 王建国（水暖）", "ZY-0002 马永福（电工、家电）"]
    volunteers.update_volunteer(tmp_db, served["ma"], {"name": "马永福", "skills": "电工"})
    assert volunteers.reveal_volunteer_phone(tmp_db, served["ma"]) == "13895022302"  # an empty phone keeps it


@needs_poppler
def test_the_certificate_names_the_volunteer_the_hours_and_the_place_for_the_seal(tmp_db, served, tmp_path, zh_cn):
    tmp_db.set_setting("community_name", "福通社区居民委员会")
    path = tmp_path / "证明.pdf"
    certificate = write_certificate(tmp_db, path, served["wang"], *OCTOBER, issued_on=date(2026, 11, 27))
    assert certificate.minutes == 270 and len(certificate.services) == 3
    text = squeezed(pdf_text(path))
    for expected in ("志愿服务证明", "王建国", "ZY-0001", "4.5", "福通社区居民委员会", "2026年11月27日", "（盖章）",
                     "2026年10月1日", "2026年10月31日", "维修：马桶水箱", "入户安全隐患排查", "特此证明"):
        assert expected in text, expected
    assert "马永福" not in text and "暖气片" not in text and "下水管" not in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89" in info  # A4 portrait


def test_no_certificate_without_hours(tmp_db, served, tmp_path):
    with pytest.raises(UserError):
        write_certificate(tmp_db, tmp_path / "none.pdf", served["yang"], *OCTOBER)
    assert not (tmp_path / "none.pdf").exists()


@needs_poppler
def test_the_register_lists_the_months_jobs_on_landscape_pages(tmp_db, served, tmp_path, zh_cn):
    path = tmp_path / "登记簿.pdf"
    assert write_register(tmp_db, path, 2026, 10) == 3
    text = squeezed(pdf_text(path))
    for expected in ("便民维修登记簿", "2026年10月", "单号", "日期", "居民", translate("app", "Address"), "物品", "类别", "故障", "志愿者", "结果", "满意度",
                     "WX-20261005-01", "马桶水箱", "一直流水", "王建国(1.5)", "进水阀×1套", "修好", "满意",
                     "WX-20261020-01", "王阿姨", "需再约", "第1页共1页"):
        assert expected in text, expected
    assert "下水管" not in text and "暖气片" not in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276" in info  # A4 landscape


@needs_poppler
def test_a_long_register_runs_over_pages_with_the_header_repeated(tmp_db, tmp_path, zh_cn):
    people = team(tmp_db)
    with tmp_db.unit_of_work() as session:
        for n in range(60):
            add_job(session, {"name": f"居民{n}", "address": "安居苑1号楼", "item": "热水壶", "category": "家电",
                              "fault": "<b>烧不开</b> & 跳闸", "volunteers": [(people["ma"], 1)], "job_date": date(2026, 10, 1 + n % 28)},
                    "测试员", now=at(28, 18))
    path = tmp_path / "long.pdf"
    assert write_register(tmp_db, path, 2026, 10) == 60
    pages = pdf_text(path).split("\f")
    assert len([p for p in pages if p.strip()]) >= 2
    last = squeezed(pages[1])
    assert "单号" in last and "第2页" in last
    assert "<b>烧不开</b>&跳闸" in squeezed(pages[0])
