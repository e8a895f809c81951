"""What the printed minutes say, gathered once for every way of printing them (PDF, Qt preview).

``load_minutes(db, meeting_id)`` returns plain text blocks: the ruled header block, the review list
(定期评事), the agenda items with discussion, votes and resolutions, the action items, the 四议两公开
matters the meeting took part in, the amendments and the sign-in list. Renderers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from app.meetings.actions import meeting_actions, review_rows
from app.meetings.chains import chains_of_meeting
from app.meetings.kinds import ORIGIN_LABELS, ROLE_LABELS, STAGE_LABELS, STATUS_LABELS, number_label
from app.meetings.rows import ActionRow, AgendaDraft, AmendmentRow, MeetingDraft
from app.meetings.service import get_meeting, meeting_draft
from app.meetings.votes import check_vote, vote_summary
from app.residents.dates import format_date, format_date_cn

NONE = "无"
Pair = tuple[str, str]


@dataclass(frozen=True)
class AgendaBlock:
    heading: str  # 议题一：…
    lines: tuple[Pair, ...]  # (label, text): 来源, 表决情况, 决议, 责任人 …
    speeches: tuple[Pair, ...]  # (speaker, what was said), in order


@dataclass(frozen=True)
class Minutes:
    title: str
    subtitle: str
    number: str
    header: tuple  # rows for key_value_table: a (label, value) pair or a tuple of pairs
    review: tuple[ActionRow, ...]
    agenda: tuple[AgendaBlock, ...]
    actions: tuple[ActionRow, ...]  # what this meeting decided (printed without later progress)
    chains: tuple[str, ...]  # one sentence per 四议两公开 matter
    amendments: tuple[AmendmentRow, ...]
    sign_in: tuple[tuple[str, str], ...]  # (name, role / note) of everyone expected
    notes: str
    held_on: date
    place: str
    finalized: str  # "本记录于 2025年3月6日 定稿（李文书）" or ""


def minutes_title(draft: MeetingDraft) -> str:
    title = draft.title
    return title if title.endswith("记录") else f"{title}记录"


def time_text(draft: MeetingDraft) -> str:
    text = format_date_cn(draft.held_on)
    start, end = _clock(draft.starts_at), _clock(draft.ends_at)
    if start and end:
        return f"{text} {start}—{end}"
    return f"{text} {start}".strip()


def _clock(value: time | None) -> str:
    return f"{value.hour}:{value.minute:02d}" if value else ""


def _people(people, with_reason: bool = False) -> str:
    parts = []
    for person in people:
        extra = person.reason if with_reason else person.note
        parts.append(f"{person.name}（{extra}）" if extra else person.name)
    return "、".join(parts) or NONE


def header_rows(draft: MeetingDraft) -> tuple:
    name = f"{draft.title}（{draft.session_label}）" if draft.session_label else draft.title
    return (
        ("会议名称", name),
        (("会议类别", draft.kind), ("编号", draft.number)),
        ("时间", time_text(draft)),
        ("地点", draft.place),
        (("主持人", draft.chair), ("记录人", draft.recorder)),
        (("应到", f"{draft.due_count}人"), ("实到", f"{draft.present_count}人")),
        ("缺席人员及原因", _people(draft.absent, with_reason=True)),
        ("列席人员", _people(draft.observers)),
        ("参会人员", "、".join(p.name for p in draft.present) or NONE),
    )


def _origin(item: AgendaDraft) -> str:
    label = ORIGIN_LABELS.get(item.origin_kind, "")
    if label and item.origin_text:
        return f"{label}：{item.origin_text}"
    return label or item.origin_text


def agenda_block(draft: MeetingDraft, index: int, item: AgendaDraft) -> AgendaBlock:
    lines: list[Pair] = []
    if item.origin_kind or item.origin_text:
        lines.append(("来源", _origin(item)))
    if item.vote_method:
        outcome = check_vote(draft.kind, draft.due_count, draft.present_count, item.vote_method,
                             item.votes_for, item.votes_against, item.votes_abstain)
        lines.append(("表决情况", vote_summary(item.vote_method, draft.due_count, draft.present_count,
                                              item.votes_for, item.votes_against, item.votes_abstain, outcome)))
    if item.resolution:
        lines.append(("决议", item.resolution))
    if item.responsible or item.deadline:
        parts = [f"责任人：{item.responsible}" if item.responsible else "",
                 f"完成时限：{format_date_cn(item.deadline)}" if item.deadline else ""]
        lines.append(("", "　".join(p for p in parts if p)))
    speeches = tuple((s.speaker, s.content) for s in item.speeches)
    return AgendaBlock(f"议题{number_label(index + 1)}：{item.title}", tuple(lines), speeches)


def _sign_in(draft: MeetingDraft) -> tuple[tuple[str, str], ...]:
    rows = []
    for person in draft.attendees:
        note = person.note
        if person.role == "observer":
            note = f"{ROLE_LABELS['observer']}　{note}".strip()
        rows.append((person.name, note))
    return tuple(rows)


def _chain_sentence(chain, meeting_id: int) -> str:
    stages = "、".join(STAGE_LABELS[s.stage] for s in chain.stages if s.meeting_id == meeting_id)
    # Only what the meeting itself was: the notices come later and would change a signed reprint.
    return f"本次会议为“{chain.title}”事项（四议两公开）的{stages}环节。"


def build_minutes(session, meeting_id: int) -> Minutes:
    meeting = get_meeting(session, meeting_id)
    draft = meeting_draft(session, meeting_id)
    finalized = ""
    if draft.finalized_at:
        finalized = f"本记录于{format_date_cn(draft.finalized_at.date())}定稿（{draft.finalized_by}）。"
    return Minutes(
        title=minutes_title(draft), subtitle="" if draft.kind in draft.title else draft.kind, number=draft.number, header=header_rows(draft),
        review=tuple(review_rows(session, meeting)),
        agenda=tuple(agenda_block(draft, i, item) for i, item in enumerate(draft.agenda)),
        actions=tuple(meeting_actions(session, meeting_id)),
        chains=tuple(_chain_sentence(c, meeting_id) for c in chains_of_meeting(session, meeting_id)),
        amendments=tuple(draft.amendments), sign_in=_sign_in(draft), notes=draft.notes,
        held_on=draft.held_on, place=draft.place, finalized=finalized,
    )


def load_minutes(db, meeting_id: int) -> Minutes:
    with db.reading() as session:
        return build_minutes(session, meeting_id)


def action_status(row: ActionRow) -> str:
    """落实情况 as printed: the result with its date, or 未完成 (逾期)."""
    if row.status == "done":
        return f"{row.result}（{format_date(row.closed_on)}完成）"
    return STATUS_LABELS["open"] + ("（已逾期）" if row.overdue else "")


def printed_at() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M")
