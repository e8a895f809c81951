"""Meetings for the meetings tests: small drafts in the community's own words, and PDF text."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import pytest

from app import i18n
from app.meetings.rows import ActionDraft, AgendaDraft, AttendeeDraft, MeetingDraft, SpeechDraft

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


def people(count: int, absent: int = 0, observers: int = 0, prefix: str = "党员") -> list[AttendeeDraft]:
    result = [AttendeeDraft(f"{prefix}{n + 1}") for n in range(count - absent)]
    result += [AttendeeDraft(f"缺席{n + 1}", "absent", reason="外出务工") for n in range(absent)]
    result += [AttendeeDraft(f"列席{n + 1}", "observer", note="街道办") for n in range(observers)]
    return result


def meeting(kind: str = "居民议事会", title: str = "居民议事会", held_on: date = date(2026, 3, 5), **values) -> MeetingDraft:
    values.setdefault("attendees", people(5))
    values.setdefault("chair", "马建华")
    values.setdefault("recorder", "王晓燕")
    return MeetingDraft(kind=kind, title=title, held_on=held_on, **values)


def canteen_meeting(held_on: date = date(2026, 3, 5)) -> MeetingDraft:
    """A 罐罐茶议事 with a vote, a resolution and two action items."""
    return meeting(
        "罐罐茶议事", "罐罐茶议事：社区食堂怎么办", held_on, session_label="第6期", starts_at=time(15, 0),
        ends_at=time(16, 30), place="罐罐茶议事吧（原自行车棚改建）",
        attendees=people(10, absent=1, observers=1, prefix="居民"),
        agenda=[AgendaDraft(
            "社区食堂开餐时间", origin_kind="proposal", origin_text="居民代表提议",
            speeches=[SpeechDraft("居民1", "中午十一点就要开。"), SpeechDraft("居民2", "老人要打折。")],
            vote_method="举手", votes_for=8, votes_against=0, votes_abstain=1,
            resolution="午餐11:00—13:00，80岁以上老人每餐优惠3元。", responsible="李秀梅", deadline=date(2026, 4, 5),
            actions=[ActionDraft("公示开餐时间和助餐优惠标准", "王晓燕", date(2026, 3, 12)),
                     ActionDraft("组织志愿者送餐上门", "杨志刚", date(2026, 4, 5))])])


def zh_footer(monkeypatch) -> None:
    """Chinese messages, with the page footer in Chinese whether or not the catalog has it yet."""
    catalog = dict(i18n._load_catalog("zh_CN"))
    catalog[("app", "Page {page} of {pages}")] = "第 {page} 页 共 {pages} 页"
    monkeypatch.setitem(i18n._catalogs, "zh_CN", catalog)
    monkeypatch.setattr(i18n, "_language", "zh_CN")


def pdf_text(path: Path, raw: bool = False) -> str:
    return subprocess.run(["pdftotext", "-raw" if raw else "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def without_footers(text: str) -> str:
    """The raw text less each page's footer (page numbers, meeting number and print time)."""
    footer = re.compile(r"^(第 \d+ 页 共 \d+ 页|Page \d+ of \d+|HY-\d{8}-\d+ 打印于 .*)$")
    return "\n".join(line for line in text.splitlines() if not footer.match(line.strip()))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))
