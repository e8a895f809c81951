"""The minutes as a signed paper form: A4 portrait, ready to print, sign and file.

Centred title (二号, 22 pt), the header block as a ruled table, the review list (定期评事), each agenda
item with its origin, discussion, vote and resolution, the action items decided, any 四议两公开
matter, the 更正记录 (amendments) when there are some, then signature lines for 主持人 and 记录人 with
日期; 第 x 页 共 y 页 on every page; optionally a 签到表 (sign-in sheet) on a page of its own.
Every value is printed literally (escaped) and long Chinese runs wrap.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from app.jobs import JobControl
from app.meetings.minutes_content import Minutes, action_status, load_minutes, printed_at
from app.pdf import (
    ReportDocument,
    data_table,
    key_value_table,
    para,
    paragraph_style,
    register_fonts,
    signature_block,
    title_style,
)
from app.residents.dates import format_date

HEADER_SIZE = 14.0
BODY_SIZE = 15.0
TABLE_SIZE = 10.5
SECTION_SIZE = 16.0
SIGN_IN_ROW_MM = 11.0
SIGN_IN_ROWS_PER_PAGE = 18  # rows of 11 mm under the sheet's title on an A4 page
NUMERALS = "一二三四五六七八九十"


def _section(number: int, text: str) -> list[Flowable]:
    style = paragraph_style(SECTION_SIZE, leading=SECTION_SIZE * 1.5, space_before=8, space_after=4,
                            keep_with_next=True)
    return [CondPageBreak(30 * mm), para(f"{NUMERALS[number - 1]}、{text}", style)]


def _line(label: str, text: str) -> Flowable:
    style = paragraph_style(BODY_SIZE, leading=BODY_SIZE * 1.6, indent_chars=2, space_after=2)
    return para(f"{label}：{text}" if label else text, style)


def _agenda(minutes: Minutes) -> list[Flowable]:
    story: list[Flowable] = []
    heading = paragraph_style(BODY_SIZE, leading=BODY_SIZE * 1.6, space_before=6, space_after=2,
                              keep_with_next=True)
    speech = paragraph_style(BODY_SIZE, leading=BODY_SIZE * 1.6, indent_chars=2, space_after=1)
    for block in minutes.agenda:
        story.append(para(block.heading, heading))
        lines = list(block.lines)
        origin = [pair for pair in lines if pair[0] == "来源"]
        story += [_line(*pair) for pair in origin]
        if block.speeches:
            story.append(_line("讨论发言", ""))
            story += [para(f"{speaker}：{content}", speech) for speaker, content in block.speeches]
        story += [_line(*pair) for pair in lines if pair not in origin]
    if not minutes.agenda:
        story.append(_line("", "本次会议未记录议题。"))
    return story


def _review(minutes: Minutes) -> list[Flowable]:
    rows = [[n, f"{r.held_on:%Y-%m-%d} {r.meeting_kind}", r.description, r.responsible,
             format_date(r.deadline), action_status(r)] for n, r in enumerate(minutes.review, start=1)]
    return data_table(["序号", "来源会议", "事项", "责任人", "完成时限", "落实情况"], rows,
                      [11, 34, None, 20, 22, 38], font_size=TABLE_SIZE,
                      align=["center", "left", "left", "left", "center", "left"])


def _actions(minutes: Minutes) -> list[Flowable]:
    rows = [[n, r.agenda_title, r.description, r.responsible, format_date(r.deadline)]
            for n, r in enumerate(minutes.actions, start=1)]
    return data_table(["序号", "议题", "事项", "责任人", "完成时限"], rows, [11, 40, None, 24, 24],
                      font_size=TABLE_SIZE, align=["center", "left", "left", "left", "center"])


def _amendments(minutes: Minutes) -> list[Flowable]:
    rows = [[format_date(a.made_on), a.author, a.text, a.reason] for a in minutes.amendments]
    return data_table(["日期", "更正人", "更正内容", "更正原因"], rows, [24, 22, None, 45],
                      font_size=TABLE_SIZE, zebra=False)


def _body(minutes: Minutes) -> list[Flowable]:
    story: list[Flowable] = [*key_value_table(minutes.header, label_width_mm=40, font_size=HEADER_SIZE)]
    sections = []
    if minutes.review:
        sections.append(("上次会议事项落实情况（定期评事）", _review(minutes)))
    sections.append(("议题及决议", _agenda(minutes)))
    if minutes.actions:
        sections.append(("落实事项", _actions(minutes)))
    if minutes.chains:
        sections.append(("四议两公开", [_line("", text) for text in minutes.chains]))
    if minutes.notes:
        sections.append(("其他事项", [_line("", minutes.notes)]))
    if minutes.amendments:
        sections.append(("更正记录", _amendments(minutes)))
    for number, (title, flowables) in enumerate(sections[:-1], start=1):
        story += _section(number, title) + flowables
    # The signatures never stand alone on a page: the last lines of the minutes (with their
    # section's heading when the section is one table or line) go to the page with them.
    title, flowables = sections[-1]
    heading = _section(len(sections), title)[1:]
    signatures = signature_block(("主持人", "记录人"), font_size=13.0)
    if minutes.finalized:
        signatures += [Spacer(1, 4 * mm), para(minutes.finalized, paragraph_style(10.5, align="right"))]
    if len(flowables) == 1:
        story.append(KeepTogether([*heading, flowables[0], *signatures]))
    else:
        story += [CondPageBreak(30 * mm), *heading, *flowables[:-1], KeepTogether([flowables[-1], *signatures])]
    return story


def _blank_rows(listed: int) -> int:
    """A few empty rows for people not listed, without spilling a one-page sheet onto a second."""
    if listed <= SIGN_IN_ROWS_PER_PAGE:
        return max(0, min(max(3, 12 - listed), SIGN_IN_ROWS_PER_PAGE - listed))
    return 3


def sign_in_sheet(minutes: Minutes) -> list[Flowable]:
    """签到表: one row per person expected, with room to sign; its header repeats on each page."""
    font = register_fonts()
    centred = paragraph_style(12, align="center", space_after=2)
    info = [para(f"会议：{minutes.header[0][1]}", centred),
            para(f"时间：{format_date(minutes.held_on)}　　地点：{minutes.place}", centred), Spacer(1, 3 * mm)]
    data = [["序号", "姓名", "身份 / 备注", "签名"]]
    data += [[str(n), para(name, paragraph_style(12)), para(note, paragraph_style(10.5)), ""]
             for n, (name, note) in enumerate(minutes.sign_in, start=1)]
    data += [["", "", "", ""] for _ in range(_blank_rows(len(minutes.sign_in)))]  # for people not listed
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 12), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    heights = [9 * mm] + [SIGN_IN_ROW_MM * mm] * (len(data) - 1)
    table = Table(data, colWidths=[14 * mm, 40 * mm, 56 * mm, 62 * mm], rowHeights=heights, repeatRows=1,
                  style=style)
    return [PageBreak(), para("签到表", title_style(20)), *info, table]


def write_minutes(minutes: Minutes, path: str | os.PathLike, sign_in: bool = False,
                  job: JobControl | None = None) -> Path:
    doc = ReportDocument(minutes.title, subtitle=minutes.subtitle, margins_mm=(22, 18, 20, 20),
                         footer_text=f"{minutes.number}　打印于 {printed_at()}", author="Wufu")
    story = _body(minutes)
    if sign_in:
        story += sign_in_sheet(minutes)
    return doc.build(path, story, job=job)


def print_minutes(db, meeting_id: int, path: str | os.PathLike, sign_in: bool = False,
                  job: JobControl | None = None) -> Path:
    """Write meeting ``meeting_id``'s minutes to ``path`` (atomically)."""
    return write_minutes(load_minutes(db, meeting_id), path, sign_in=sign_in, job=job)


