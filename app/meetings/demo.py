"""Demo meetings of 福通社区: a 罐罐茶议事 on the new canteen and residents' menu wishes, a 板凳会 of
the 20 shopkeepers of 贸易巷 on parking and the lane's renovation, the 加装电梯 matter through all
four stages of 四议两公开, a 凉亭党课 and a 两委会 that reviews the open action items (定期评事).
Attendees come from the demo roster; older minutes are finalised, the latest is still a draft.
Runs inside the demo's one transaction, after residents and requests.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.i18n import translate
from app.jobs import ensure
from app.meetings.chains import write_chain
from app.meetings.demo_story import ELEVATOR, ELEVATOR_TITLE, MEETINGS, SHOPKEEPERS, SHOPS, STAFF
from app.meetings.rows import ActionDraft, AgendaDraft, AttendeeDraft, ChainDraft, MeetingDraft, SpeechDraft
from app.meetings.validation import normalize
from app.meetings.writer import write_meeting
from db.models import Request, Resident
from db.models.meetings import ACTION_DONE
from db.models.residents import STATUS_ACTIVE

PARTY = ("中共党员", "中共预备党员")
ABSENCE_REASONS = ("外出办事", "生病", "出差", "家中有事", "照看孙辈", "外出务工")
TIMES = ((time(9, 30), time(11, 0)), (time(15, 0), time(16, 30)), (time(19, 30), time(21, 0)))


class _Roster:
    """Demo residents to seat at meetings, each used at most once per meeting."""

    def __init__(self, session, rng):
        adults = select(Resident.id, Resident.name, Resident.political_status).where(
            Resident.is_demo.is_(True), Resident.status == STATUS_ACTIVE, Resident.removed_at.is_(None),
            Resident.birth_date <= date(2006, 1, 1)).order_by(Resident.id).limit(3000)
        people = list(session.execute(adults))
        self.rng = rng
        self.everyone = [(i, n) for i, n, _p in people]
        self.party = [(i, n) for i, n, p in people if p in PARTY]

    def pick(self, count: int, party: bool = False) -> list[tuple[int | None, str]]:
        pool = self.party if party and len(self.party) >= count else self.everyone
        if len(pool) >= count:
            return self.rng.sample(pool, count)
        return list(pool) + [(None, f"居民{n + 1}") for n in range(count - len(pool))]


def _attendance(story: dict, roster: _Roster) -> list[AttendeeDraft]:
    people = [AttendeeDraft(story["chair"], note="主持人"), AttendeeDraft(story["recorder"], note="记录人")]
    members = story.get("members", 0)
    absent_members = story.get("absent_members", 0)
    if members:
        chosen = roster.pick(members - 2, party=story["kind"] in ("党员大会", "党委会"))
        for n, (resident_id, name) in enumerate(chosen):
            absent = n >= len(chosen) - absent_members
            people.append(AttendeeDraft(name, "absent" if absent else "present", resident_id,
                                        ABSENCE_REASONS[n % len(ABSENCE_REASONS)] if absent else ""))
    if story["title"].startswith("贸易巷"):
        people += [AttendeeDraft(name, note=shop) for name, shop in zip(SHOPKEEPERS, SHOPS)]
    absent = story.get("absent", [])
    chosen = roster.pick(story.get("residents", 0) + len(absent))
    for n, (resident_id, name) in enumerate(chosen):
        is_absent = n >= story.get("residents", 0)
        reason = absent[n - story.get("residents", 0)][0] if is_absent else ""
        people.append(AttendeeDraft(name, "absent" if is_absent else "present", resident_id, reason))
    people += [AttendeeDraft(name, "observer", note=note) for name, note in story.get("observers", [])]
    return people


def _speaker(who: str | None, people: list[AttendeeDraft], voices: list[AttendeeDraft]) -> tuple[str, int | None]:
    if who is None:
        person = voices.pop() if voices else people[0]
        return person.name, person.resident_id
    if who.startswith("shop:"):
        return SHOPKEEPERS[int(who[5:])], None
    for person in people:
        if person.note == who:
            return person.name, person.resident_id
    return who, None


def _agenda(story: dict, item: dict, held_on: date, people, rng, request_id) -> AgendaDraft:
    votes = item.get("votes", (None, None, None))
    deadline = held_on + timedelta(days=item["deadline"]) if item.get("deadline") else None
    residents = [p for p in people if p.role == "present" and p.resident_id is not None]
    voices = rng.sample(residents, min(len(residents), len(item["speeches"])))  # different people speak
    draft = AgendaDraft(
        title=item["title"], origin_kind=item["origin_kind"], origin_text=item["origin_text"],
        origin_id=request_id if item["origin_kind"] == "request" else None,
        vote_method=item.get("vote_method", ""), votes_for=votes[0], votes_against=votes[1], votes_abstain=votes[2],
        resolution=item.get("resolution", ""), responsible=item.get("responsible", ""), deadline=deadline,
        speeches=[_speech(who, text, people, voices) for who, text in item["speeches"]],
        actions=[ActionDraft(text, who, held_on + timedelta(days=days)) for text, who, days, _c, _r in item["actions"]])
    if draft.origin_kind == "request" and request_id is None:
        draft.origin_kind = "proposal"
    return draft


def _speech(who: str | None, text: str, people: list[AttendeeDraft], voices: list[AttendeeDraft]) -> SpeechDraft:
    name, resident_id = _speaker(who, people, voices)
    return SpeechDraft(speaker=name, content=text, resident_id=resident_id)


def _meeting(session, story: dict, roster: _Roster, rng, today: date, request_id) -> tuple:
    held_on = today - timedelta(days=story["days"])
    starts, ends = rng.choice(TIMES)
    people = _attendance(story, roster)
    draft = MeetingDraft(kind=story["kind"], title=story["title"], session_label=story["session"], held_on=held_on,
                         starts_at=starts, ends_at=ends, place=story["place"], chair=story["chair"],
                         recorder=story["recorder"], attendees=people, is_demo=True)
    draft.agenda = [_agenda(story, item, held_on, people, rng, request_id) for item in story["agenda"]]
    meeting = write_meeting(session, normalize(draft))
    _close_done(meeting, story, held_on, today)
    if story["days"] > 15:
        meeting.finalized_at = datetime.combine(held_on + timedelta(days=1), time(17, 0))
        meeting.finalized_by = story["recorder"]
    return meeting


def _close_done(meeting, story: dict, held_on: date, today: date) -> None:
    for item_row, item in zip(meeting.agenda_items, story["agenda"]):
        for action_row, (_text, _who, _days, closed_after, result) in zip(item_row.actions, item["actions"]):
            closed_on = held_on + timedelta(days=closed_after) if closed_after is not None else None
            if closed_on is not None and closed_on <= today:
                action_row.status, action_row.result, action_row.closed_on = ACTION_DONE, result, closed_on


def _request_about(session, word: str) -> int | None:
    return session.scalar(select(Request.id).where(Request.is_demo.is_(True), Request.content.like(f"%{word}%"))
                          .order_by(Request.id).limit(1))


def fill_demo(session, rng, options, job=None, today: date | None = None) -> None:
    job = ensure(job)
    today = today or date.today()
    message = translate("app", "Creating demo meetings…")
    roster = _Roster(session, rng)
    canteen_request = _request_about(session, "食堂")
    stories = sorted([*ELEVATOR, *MEETINGS], key=lambda s: -s["days"])
    items: dict[str, int] = {}
    for done, story in enumerate(stories):
        job.report(done, len(stories), message)
        meeting = _meeting(session, story, roster, rng, today, canteen_request)
        items[story["kind"] + story["title"]] = meeting.agenda_items[0].id
    stages = [items[s["kind"] + s["title"]] for s in ELEVATOR]
    resolved_on = today - timedelta(days=ELEVATOR[-1]["days"])
    write_chain(session, ChainDraft(
        title=ELEVATOR_TITLE, propose_item_id=stages[0], consult_item_id=stages[1], review_item_id=stages[2],
        resolve_item_id=stages[3], decision_notice_from=resolved_on + timedelta(days=1),
        decision_notice_to=resolved_on + timedelta(days=7), notes=f"{STAFF['director']}负责跟进", is_demo=True))
    job.report(len(stories), len(stories), message)
