"""The meetings workbook: one sheet per part, tied together by 会议编号 (and 议题序号).

Export writes it, import reads the same layout back, so a round trip changes nothing. Headers are
the office's own words (the file is exchanged with the 街道 and filed with the minutes); import
also accepts the English synonyms.
"""

from __future__ import annotations

from app.excel import Column, FieldSpec

MEETINGS = "会议"
ATTENDANCE = "出席"
AGENDA = "议题"
SPEECHES = "发言"
ACTIONS = "落实事项"
AMENDMENTS = "更正记录"
CHAINS = "四议两公开"

# (key, header, excel kind, width, English synonyms)
LAYOUT: dict[str, list[tuple[str, str, str, int | None, tuple[str, ...]]]] = {
    MEETINGS: [
        ("number", "会议编号", "text", 17, ("number", "编号")),
        ("kind", "会议类别", "text", 13, ("kind", "类别")),
        ("title", "会议名称", "text", 36, ("title", "名称")),
        ("session_label", "届次", "text", 14, ("session",)),
        ("held_on", "日期", "date", 12, ("date", "会议日期")),
        ("starts_at", "开始时间", "text", 9, ("start", "起")),
        ("ends_at", "结束时间", "text", 9, ("end", "止")),
        ("place", "地点", "text", 24, ("place",)),
        ("chair", "主持人", "text", 10, ("chair",)),
        ("recorder", "记录人", "text", 10, ("recorder",)),
        ("due", "应到", "int", 7, ("due",)),
        ("present", "实到", "int", 7, ("present",)),
        ("notes", "其他事项", "text", 30, ("notes", "备注")),
        ("finalized_at", "定稿时间", "datetime", 17, ("finalised at", "finalized at")),
        ("finalized_by", "定稿人", "text", 10, ("finalised by", "finalized by")),
    ],
    ATTENDANCE: [
        ("number", "会议编号", "text", 17, ("number",)),
        ("position", "序号", "int", 6, ("no",)),
        ("name", "姓名", "text", 12, ("name",)),
        ("role", "出席情况", "text", 9, ("attendance",)),
        ("reason", "缺席原因", "text", 20, ("reason",)),
        ("note", "身份备注", "text", 20, ("note", "身份", "备注")),
    ],
    AGENDA: [
        ("number", "会议编号", "text", 17, ("number",)),
        ("item", "议题序号", "int", 8, ("item",)),
        ("title", "议题", "text", 36, ("agenda item", "title")),
        ("origin_kind", "来源类别", "text", 12, ("origin",)),
        ("origin_text", "来源说明", "text", 30, ("origin text",)),
        ("vote_method", "表决方式", "text", 9, ("vote",)),
        ("votes_for", "同意", "int", 6, ("for",)),
        ("votes_against", "反对", "int", 6, ("against",)),
        ("votes_abstain", "弃权", "int", 6, ("abstain",)),
        ("resolution", "决议", "text", 40, ("resolution",)),
        ("responsible", "责任人", "text", 10, ("responsible",)),
        ("deadline", "完成时限", "date", 12, ("deadline",)),
    ],
    SPEECHES: [
        ("number", "会议编号", "text", 17, ("number",)),
        ("item", "议题序号", "int", 8, ("item",)),
        ("position", "序号", "int", 6, ("no",)),
        ("speaker", "发言人", "text", 12, ("speaker",)),
        ("content", "发言内容", "text", 60, ("content",)),
    ],
    ACTIONS: [
        ("number", "会议编号", "text", 17, ("number",)),
        ("item", "议题序号", "int", 8, ("item",)),
        ("position", "序号", "int", 6, ("no",)),
        ("description", "事项", "text", 40, ("action", "description")),
        ("responsible", "责任人", "text", 10, ("responsible",)),
        ("deadline", "完成时限", "date", 12, ("deadline",)),
        ("status", "状态", "text", 8, ("status",)),
        ("result", "落实结果", "text", 36, ("result",)),
        ("closed_on", "完成日期", "date", 12, ("closed on",)),
    ],
    AMENDMENTS: [
        ("number", "会议编号", "text", 17, ("number",)),
        ("made_on", "日期", "date", 12, ("date",)),
        ("author", "更正人", "text", 10, ("author",)),
        ("text", "更正内容", "text", 40, ("text", "correction")),
        ("reason", "更正原因", "text", 30, ("reason",)),
    ],
    CHAINS: [
        ("title", "事项", "text", 30, ("matter", "title")),
        ("propose", "党组织提议", "text", 20, ("propose",)),
        ("consult", "两委会商议", "text", 20, ("consult",)),
        ("review", "党员大会审议", "text", 20, ("review",)),
        ("resolve", "居民(代表)会议决议", "text", 20, ("resolve", "居民代表会议决议")),
        ("decision_notice_from", "决议公开起", "date", 12, ("decision notice from",)),
        ("decision_notice_to", "决议公开止", "date", 12, ("decision notice to",)),
        ("result_notice_from", "结果公开起", "date", 12, ("result notice from",)),
        ("result_notice_to", "结果公开止", "date", 12, ("result notice to",)),
        ("result_text", "实施结果", "text", 30, ("result",)),
        ("notes", "备注", "text", 20, ("notes",)),
    ],
}
REQUIRED = {MEETINGS: ("number", "kind", "title", "held_on"), ATTENDANCE: ("number", "name"),
            AGENDA: ("number", "item", "title"), SPEECHES: ("number", "item"), ACTIONS: ("number", "item"),
            AMENDMENTS: ("number",), CHAINS: ("title",)}
STAGE_SEPARATOR = "/"  # a stage is written "HY-20250305-01/2": meeting number / agenda item number


def columns(sheet: str) -> list[Column]:
    return [Column(header, key=key, width=width, kind=kind) for key, header, kind, width, _ in LAYOUT[sheet]]


def fields(sheet: str) -> list[FieldSpec]:
    required = REQUIRED[sheet]
    return [FieldSpec(key, header, synonyms, key in required) for key, header, _k, _w, synonyms in LAYOUT[sheet]]


def stage_ref(number: str, item: int) -> str:
    return f"{number}{STAGE_SEPARATOR}{item}"
