"""What the meeting screens, the printer and the Excel exporter receive: plain data, never ORM rows.

Drafts (mutable) are the editor's state: ``service.load_meeting`` fills one, the form changes it and
``service.save_meeting`` writes it back whole. ``id`` None means "new"; a child that is missing from
a saved draft is deleted (only possible before the minutes are finalised).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time


@dataclass
class AttendeeDraft:
    name: str
    role: str = "present"  # present | absent | observer (列席)
    resident_id: int | None = None
    reason: str = ""  # why absent
    note: str = ""  # 身份 / 单位
    id: int | None = None


@dataclass
class SpeechDraft:
    speaker: str
    content: str
    resident_id: int | None = None
    id: int | None = None


@dataclass
class ActionDraft:
    description: str
    responsible: str = ""
    deadline: date | None = None
    id: int | None = None
    # Shown, never changed through the editor: an action item is closed with close_action_item.
    status: str = "open"
    result: str = ""
    closed_on: date | None = None


@dataclass
class AgendaDraft:
    title: str
    origin_kind: str = ""  # proposal | request | action_item | agenda_item | ""
    origin_id: int | None = None
    origin_text: str = ""
    speeches: list[SpeechDraft] = field(default_factory=list)
    vote_method: str = ""  # 举手 | 无记名 | "" (no vote)
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    resolution: str = ""
    responsible: str = ""
    deadline: date | None = None
    actions: list[ActionDraft] = field(default_factory=list)
    id: int | None = None

    @property
    def has_vote(self) -> bool:
        return bool(self.vote_method)


@dataclass
class AmendmentRow:
    id: int
    made_on: date
    author: str
    text: str
    reason: str


@dataclass
class MeetingDraft:
    kind: str
    title: str
    held_on: date | None
    session_label: str = ""
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = ""
    chair: str = ""
    recorder: str = ""
    notes: str = ""
    attendees: list[AttendeeDraft] = field(default_factory=list)
    agenda: list[AgendaDraft] = field(default_factory=list)
    id: int | None = None
    number: str = ""  # HY-20250305-01, given on first save
    is_demo: bool = False
    # Read-only here: set by finalise / amend.
    finalized_at: datetime | None = None
    finalized_by: str = ""
    amendments: list[AmendmentRow] = field(default_factory=list)

    @property
    def present(self) -> list[AttendeeDraft]:
        return [a for a in self.attendees if a.role == "present"]

    @property
    def absent(self) -> list[AttendeeDraft]:
        return [a for a in self.attendees if a.role == "absent"]

    @property
    def observers(self) -> list[AttendeeDraft]:
        return [a for a in self.attendees if a.role == "observer"]

    @property
    def due_count(self) -> int:
        """应到: everyone with a vote who was expected, present or not (列席 do not count)."""
        return len(self.present) + len(self.absent)

    @property
    def present_count(self) -> int:
        return len(self.present)

    @property
    def finalized(self) -> bool:
        return self.finalized_at is not None


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meeting list."""

    id: int
    number: str
    kind: str
    title: str
    session_label: str
    held_on: date
    place: str
    chair: str
    due: int
    present: int
    agenda_count: int
    open_actions: int
    finalized: bool
    is_demo: bool


@dataclass(frozen=True)
class ActionRow:
    """An action item with where it came from: the review list and the open-items list."""

    id: int
    meeting_id: int
    meeting_number: str
    meeting_title: str
    meeting_kind: str
    held_on: date
    agenda_title: str
    description: str
    responsible: str
    deadline: date | None
    status: str
    result: str
    closed_on: date | None
    overdue: bool


@dataclass
class ChainDraft:
    """四议两公开: four agenda items (by id) and the two public notices."""

    title: str
    propose_item_id: int | None = None
    consult_item_id: int | None = None
    review_item_id: int | None = None
    resolve_item_id: int | None = None
    decision_notice_from: date | None = None
    decision_notice_to: date | None = None
    result_notice_from: date | None = None
    result_notice_to: date | None = None
    result_text: str = ""
    notes: str = ""
    id: int | None = None
    is_demo: bool = False


@dataclass(frozen=True)
class StageRow:
    stage: str  # propose | consult | review | resolve
    agenda_item_id: int | None
    meeting_id: int | None
    meeting_number: str
    meeting_kind: str
    meeting_title: str
    held_on: date | None
    agenda_title: str
    due: int
    present: int
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None


@dataclass(frozen=True)
class ChainRow:
    id: int
    title: str
    stages: tuple[StageRow, ...]
    decision_notice_from: date | None
    decision_notice_to: date | None
    result_notice_from: date | None
    result_notice_to: date | None
    result_text: str
    notes: str
    problems: tuple[str, ...]  # what the 四议两公开 checks found; empty when all is in order
