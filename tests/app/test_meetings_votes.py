"""Vote counts that add up, and the threshold rules of each kind of meeting."""

from __future__ import annotations

from app.meetings.votes import check_vote, quorum_needed, vote_summary, votes_needed


def test_counts_may_not_be_negative_or_exceed_those_present():
    assert check_vote("居民议事会", 10, 8, "举手", 5, 2, 1).errors == ()
    assert check_vote("居民议事会", 10, 8, "举手", 6, 2, 1).errors  # 9 votes, 8 present
    assert check_vote("居民议事会", 10, 8, "举手", -1, 0, 0).errors
    assert check_vote("居民议事会", 10, 8, "", 3, 0, 0).errors  # counts without a way of voting
    assert check_vote("居民议事会", 10, 8, "鼓掌", 3, 0, 0).errors
    assert check_vote("居民议事会", 10, 8, "", None, None, None).passed is None  # no vote taken


def test_a_secret_ballot_may_have_fewer_ballots_than_people():
    outcome = check_vote("居民议事会", 10, 8, "无记名", 5, 1, 0)
    assert outcome.errors == () and outcome.passed and outcome.result == "通过"


def test_party_assembly_needs_two_thirds_present_and_a_majority_of_those_due():
    assert quorum_needed("党员大会", 30) == 20 and votes_needed("党员大会", 30, 20) == 16
    assert check_vote("党员大会", 30, 20, "举手", 16, 2, 2).result == "通过"
    no_quorum = check_vote("党员大会", 30, 19, "举手", 19, 0, 0)
    assert not no_quorum.quorum_met and no_quorum.result == "到会人数不足" and no_quorum.warnings
    # 15 of 20 present agree: a majority of those present, but not of the 30 due
    short = check_vote("党员大会", 30, 20, "举手", 15, 0, 5)
    assert short.quorum_met and not short.passed and short.result == "未通过"


def test_committees_need_more_than_half_present_and_decide_by_a_majority_of_those_due():
    assert quorum_needed("党委会", 7) == 4 and quorum_needed("党委会", 8) == 5
    assert not check_vote("两委会", 9, 4, "举手", 4, 0, 0).quorum_met
    assert check_vote("两委会", 9, 5, "举手", 5, 0, 0).result == "通过"
    assert check_vote("党委会", 9, 9, "举手", 4, 5, 0).result == "未通过"


def test_representatives_decide_by_a_majority_of_those_present():
    assert quorum_needed("居民代表会议", 19) == 13
    assert check_vote("居民代表会议", 19, 13, "无记名", 7, 6, 0).result == "通过"
    assert check_vote("居民代表会议", 19, 12, "无记名", 12, 0, 0).result == "到会人数不足"


def test_informal_deliberations_decide_by_those_present():
    assert check_vote("板凳会", 22, 22, "举手", 12, 0, 10).result == "通过"
    assert check_vote("罐罐茶议事", 12, 12, "举手", 6, 6, 0).result == "未通过"


def test_summary_line_as_printed():
    outcome = check_vote("居民议事会", 12, 11, "举手", 9, 1, 1)
    assert vote_summary("举手", 12, 11, 9, 1, 1, outcome) == "举手表决，应到12人，实到11人；同意9票，反对1票，弃权1票，通过。"
