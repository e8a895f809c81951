"""The vocabulary of meetings and the rules their votes follow.

Kind names, vote methods and the words of the printed form (会议名称, 应到, 实到 …) are the
community's own terms: they are stored as data and printed on a Chinese archival form, the way
app/pdf's signature block prints 主持人 / 记录人, whatever language the screens use.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

KINDS = ("罐罐茶议事", "板凳会", "居民议事会", "党委会", "两委会", "党员大会", "居民代表会议", "凉亭党课")

VOTE_SHOW_OF_HANDS = "举手"
VOTE_SECRET_BALLOT = "无记名"
VOTE_METHODS = (VOTE_SHOW_OF_HANDS, VOTE_SECRET_BALLOT)

ORIGIN_REQUEST = "request"  # a resident's request (来访登记), linked through app/links
ORIGIN_ACTION = "action_item"  # an action item of an earlier meeting
ORIGIN_AGENDA = "agenda_item"  # an earlier meeting's agenda item (四议两公开 stages)
ORIGIN_PROPOSAL = "proposal"  # a proposal (提议): text only
ORIGIN_KINDS = (ORIGIN_PROPOSAL, ORIGIN_REQUEST, ORIGIN_ACTION, ORIGIN_AGENDA)
ORIGIN_LABELS = {ORIGIN_PROPOSAL: "提议", ORIGIN_REQUEST: "居民诉求", ORIGIN_ACTION: "上次会议事项",
                 ORIGIN_AGENDA: "前序会议议题"}

ROLE_LABELS = {"present": "出席", "absent": "缺席", "observer": "列席"}
STATUS_LABELS = {"open": "未完成", "done": "已完成"}

# 四议两公开: the four stages in order, and the kinds of meeting each is held at.
STAGES = ("propose", "consult", "review", "resolve")
STAGE_LABELS = {"propose": "党组织提议", "consult": "两委会商议", "review": "党员大会审议",
                "resolve": "居民(代表)会议决议"}
STAGE_KINDS = {"propose": ("党委会",), "consult": ("两委会",), "review": ("党员大会",),
               "resolve": ("居民代表会议", "居民议事会")}
NOTICE_MIN_DAYS = 7
NOTICE_LABELS = {"decision": "决议公开", "result": "结果公开"}


@dataclass(frozen=True)
class VoteRule:
    """When a meeting may decide, and when a motion passes.

    quorum: the share of those due (应到) that must be present; ``strict`` means more than it,
    otherwise at least it. passes_of: "due" (majority of those due) or "present" (majority of those
    present). A motion passes with more than half of that base agreeing.
    """

    quorum: Fraction = Fraction(0)
    strict_quorum: bool = False
    passes_of: str = "present"

    def quorum_met(self, due: int, present: int) -> bool:
        if self.quorum == 0 or due == 0:
            return True
        needed = self.quorum * due
        return present > needed if self.strict_quorum else present >= needed

    def passed(self, due: int, present: int, votes_for: int) -> bool:
        base = due if self.passes_of == "due" else present
        return base > 0 and 2 * votes_for > base


# 党员大会: at least 2/3 of the members due present, more than half of those due agreeing
# (四议两公开). 党委会 / 两委会: more than half of the members due present, decisions by more than
# half of those due (民主集中制). 居民代表会议: at least 2/3 of the representatives present, more
# than half of those present agreeing. Informal deliberations decide by a majority of those present.
RULES: dict[str, VoteRule] = {
    "党员大会": VoteRule(Fraction(2, 3), False, "due"),
    "党委会": VoteRule(Fraction(1, 2), True, "due"),
    "两委会": VoteRule(Fraction(1, 2), True, "due"),
    "居民代表会议": VoteRule(Fraction(2, 3), False, "present"),
}
DEFAULT_RULE = VoteRule()


def rule_for(kind: str) -> VoteRule:
    return RULES.get(kind, DEFAULT_RULE)


def number_label(index: int) -> str:
    """1 → 一, 12 → 十二: the numbering of agenda items on the printed form."""
    digits = "零一二三四五六七八九"
    if index < 10:
        return digits[index]
    if index < 20:
        return "十" + (digits[index % 10] if index % 10 else "")
    if index < 100:
        return digits[index // 10] + "十" + (digits[index % 10] if index % 10 else "")
    return str(index)
