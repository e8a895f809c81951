"""Vote checks: counts that add up, and the threshold rules of each kind of meeting.

Hard errors (a negative count, more votes than people present with a vote) stop a save; a missed
quorum or a motion that did not pass are facts the minutes record, so they come back as the
outcome and as warnings, never as errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.i18n import translate
from app.meetings.kinds import VOTE_METHODS, rule_for

RESULT_PASSED = "通过"
RESULT_REJECTED = "未通过"
RESULT_NO_QUORUM = "到会人数不足"


@dataclass(frozen=True)
class VoteOutcome:
    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    quorum_met: bool
    passed: bool | None  # None: no vote was taken
    quorum_needed: int
    votes_needed: int

    @property
    def result(self) -> str:
        """通过 / 未通过 / 到会人数不足, as printed; "" when no vote was taken."""
        if self.passed is None:
            return ""
        if not self.quorum_met:
            return RESULT_NO_QUORUM
        return RESULT_PASSED if self.passed else RESULT_REJECTED


def quorum_needed(kind: str, due: int) -> int:
    rule = rule_for(kind)
    if rule.quorum == 0 or due == 0:
        return 0
    share = rule.quorum * due
    return math.floor(share) + 1 if rule.strict_quorum else math.ceil(share)


def votes_needed(kind: str, due: int, present: int) -> int:
    base = due if rule_for(kind).passes_of == "due" else present
    return base // 2 + 1


def _count(value) -> int:
    return 0 if value is None else int(value)


def _count_errors(method: str, counts: tuple, present: int) -> list[str]:
    errors = []
    if method and method not in VOTE_METHODS:
        errors.append(translate("app", "Unknown way of voting: {method}").format(method=method))
    if any(value is not None and value < 0 for value in counts):
        errors.append(translate("app", "A number of votes cannot be negative."))
    total = sum(_count(value) for value in counts)
    if method and total > present:
        errors.append(translate("app", "{total} votes were counted but only {present} people with a vote were present.")
                      .format(total=total, present=present))
    if not method and total:
        errors.append(translate("app", "Votes were counted but the way of voting (show of hands or secret ballot) is not chosen."))
    return errors


def check_vote(kind: str, due: int, present: int, method: str, votes_for, votes_against,
               votes_abstain) -> VoteOutcome:
    """Check one agenda item's vote at a meeting of ``kind`` with ``due`` / ``present`` voters."""
    method = method or ""
    errors = _count_errors(method, (votes_for, votes_against, votes_abstain), present)
    need_present, need_votes = quorum_needed(kind, due), votes_needed(kind, due, present)
    rule = rule_for(kind)
    quorum = rule.quorum_met(due, present)
    if not method:
        return VoteOutcome(tuple(errors), (), quorum, None, need_present, need_votes)
    warnings = []
    if not quorum:
        warnings.append(translate("app", "A {kind} needs {needed} of the {due} due present to decide; {present} were present.")
                        .format(kind=kind, needed=need_present, due=due, present=present))
    passed = rule.passed(due, present, _count(votes_for))
    if quorum and not passed:
        warnings.append(translate("app", "The motion did not pass: {votes} in favour, {needed} needed.")
                        .format(votes=_count(votes_for), needed=need_votes))
    return VoteOutcome(tuple(errors), tuple(warnings), quorum, passed, need_present, need_votes)


def vote_summary(method: str, due: int, present: int, votes_for, votes_against, votes_abstain,
                 outcome: VoteOutcome) -> str:
    """One line for the printed minutes: 举手表决，应到12人，实到10人；同意9票，反对0票，弃权1票，通过。"""
    if not method:
        return ""
    text = (f"{method}表决，应到{due}人，实到{present}人；同意{_count(votes_for)}票，"
            f"反对{_count(votes_against)}票，弃权{_count(votes_abstain)}票")
    return f"{text}，{outcome.result}。" if outcome.result else f"{text}。"
