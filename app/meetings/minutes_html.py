"""The same minutes as HTML for Qt's QTextDocument: the print preview and printing when PySide6's
QtPdf module (PySide6-Addons) is not installed, so the PDF cannot be drawn on a QPrinter.

Same content and order as minutes_pdf (both read minutes_content); Qt lays it out, so line breaks
fall differently. Every value is HTML-escaped. The sign-in sheet starts a new page.
"""

from __future__ import annotations

from html import escape

from app.meetings.minutes_content import Minutes, action_status
from app.residents.dates import format_date

NUMERALS = "一二三四五六七八九十"
CSS = """
body { font-size: 14pt; }
h1 { font-size: 22pt; text-align: center; font-weight: normal; margin-bottom: 2pt; }
p.sub { text-align: center; font-size: 12pt; margin-top: 0; }
h2 { font-size: 15pt; font-weight: normal; margin-top: 10pt; margin-bottom: 4pt; }
h3 { font-size: 14pt; font-weight: normal; margin-top: 8pt; margin-bottom: 2pt; }
p.line { margin-top: 1pt; margin-bottom: 1pt; text-indent: 28pt; }
table.grid { border-collapse: collapse; }
td, th { border: 1px solid black; padding: 3pt; }
th, td.label { background-color: #D9D9D9; font-weight: normal; text-align: center; }
table.small td, table.small th { font-size: 10pt; }
table.sign td { border: none; padding: 10pt 4pt; }
"""


def _e(value) -> str:
    return escape(str(value or ""), quote=True).replace("\n", "<br/>")


def _header(minutes: Minutes) -> str:
    rows = []
    for row in minutes.header:
        pairs = [row] if isinstance(row[0], str) else list(row)
        cells = []
        for index, (label, value) in enumerate(pairs):
            span = ' colspan="3"' if len(pairs) == 1 and index == 0 else ""
            cells.append(f'<td class="label" width="18%">{_e(label)}</td><td{span}>{_e(value)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="grid" width="100%" cellspacing="0">' + "".join(rows) + "</table>"


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="grid small" width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>'


def _agenda(minutes: Minutes) -> str:
    parts = []
    for block in minutes.agenda:
        parts.append(f"<h3>{_e(block.heading)}</h3>")
        origin = [pair for pair in block.lines if pair[0] == "来源"]
        parts += [f'<p class="line">{_e(label)}：{_e(text)}</p>' for label, text in origin]
        if block.speeches:
            parts.append('<p class="line">讨论发言：</p>')
            parts += [f'<p class="line">{_e(who)}：{_e(said)}</p>' for who, said in block.speeches]
        for label, text in block.lines:
            if (label, text) not in origin:
                parts.append(f'<p class="line">{_e(label) + "：" if label else ""}{_e(text)}</p>')
    return "".join(parts) or '<p class="line">本次会议未记录议题。</p>'


def _sections(minutes: Minutes) -> list[tuple[str, str]]:
    sections = []
    if minutes.review:
        sections.append(("上次会议事项落实情况（定期评事）", _table(
            ["序号", "来源会议", "事项", "责任人", "完成时限", "落实情况"],
            [[n, f"{r.held_on:%Y-%m-%d} {r.meeting_kind}", r.description, r.responsible, format_date(r.deadline),
              action_status(r)] for n, r in enumerate(minutes.review, start=1)])))
    sections.append(("议题及决议", _agenda(minutes)))
    if minutes.actions:
        sections.append(("落实事项", _table(["序号", "议题", "事项", "责任人", "完成时限"], [
            [n, r.agenda_title, r.description, r.responsible, format_date(r.deadline)]
            for n, r in enumerate(minutes.actions, start=1)])))
    if minutes.chains:
        sections.append(("四议两公开", "".join(f'<p class="line">{_e(t)}</p>' for t in minutes.chains)))
    if minutes.notes:
        sections.append(("其他事项", f'<p class="line">{_e(minutes.notes)}</p>'))
    if minutes.amendments:
        sections.append(("更正记录", _table(["日期", "更正人", "更正内容", "更正原因"], [
            [format_date(a.made_on), a.author, a.text, a.reason] for a in minutes.amendments])))
    return sections


def _signatures(minutes: Minutes) -> str:
    line = "_" * 22
    rows = "".join(f'<tr><td align="right">{label}：</td><td>{line}</td><td align="right">日期：</td>'
                   f"<td>　　　　年　　月　　日</td></tr>" for label in ("主持人", "记录人"))
    final = f'<p align="right" style="font-size: 10pt;">{_e(minutes.finalized)}</p>' if minutes.finalized else ""
    return f'<br/><table class="sign" align="right">{rows}</table>{final}'


def _sign_in(minutes: Minutes) -> str:
    rows = [[n, name, note, ""] for n, (name, note) in enumerate(minutes.sign_in, start=1)]
    rows += [["", "", "", ""] for _ in range(max(3, 12 - len(minutes.sign_in)))]
    body = "".join(f'<tr><td align="center">{_e(a)}</td><td>{_e(b)}</td><td>{_e(c)}</td><td width="40%">{_e(d)}<br/></td></tr>'
                   for a, b, c, d in rows)
    return (f'<h1 style="page-break-before: always;">签到表</h1>'
            f'<p class="sub">会议：{_e(minutes.header[0][1])}<br/>时间：{format_date(minutes.held_on)}　　地点：{_e(minutes.place)}</p>'
            f'<table class="grid" width="100%" cellspacing="0" cellpadding="8"><tr><th>序号</th><th>姓名</th>'
            f"<th>身份 / 备注</th><th>签名</th></tr>{body}</table>")


def minutes_html(minutes: Minutes, sign_in: bool = False) -> str:
    parts = [f"<html><head><style>{CSS}</style></head><body><h1>{_e(minutes.title)}</h1>"]
    if minutes.subtitle:
        parts.append(f'<p class="sub">{_e(minutes.subtitle)}</p>')
    parts.append(_header(minutes))
    for number, (title, html) in enumerate(_sections(minutes), start=1):
        parts.append(f"<h2>{NUMERALS[number - 1]}、{_e(title)}</h2>{html}")
    parts.append(_signatures(minutes))
    if sign_in:
        parts.append(_sign_in(minutes))
    parts.append("</body></html>")
    return "".join(parts)
