"""How long printing one meeting's minutes takes, from the database to the finished PDF.

    .venv/bin/python bench/bench_minutes.py [folder to keep the PDFs in]

A typical meeting: 17 due (2 absent, 2 non-voting), 4 agenda items with 4 speeches each, votes,
resolutions, 6 action items, and 5 open items from an earlier meeting to review. Target on the
2-core office machine: ≤ 0.5 s. The font is registered once per process; that is printed apart.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.database import Database  # noqa: E402
from app.meetings.minutes_pdf import print_minutes  # noqa: E402
from app.meetings.rows import ActionDraft, AgendaDraft, AttendeeDraft, MeetingDraft, SpeechDraft  # noqa: E402
from app.meetings.service import save_meeting  # noqa: E402
from app.pdf import register_fonts  # noqa: E402

NAMES = "马建华 王晓燕 李秀梅 杨志刚 张桂英 刘志强 陈玉梅 杨文华 黄明军 周红霞 吴淑珍 徐海燕 孙德胜 马丽娟 朱建华 胡志明 郭秀英".split()


def _agenda(n: int) -> AgendaDraft:
    speeches = [SpeechDraft(NAMES[(n + k) % len(NAMES)], "多数同意按楼层系数分摊，一楼住户不承担费用；施工期间注意噪音和安全，"
                            "每周通报一次进度，居民有意见可到五福驿站反映。") for k in range(4)]
    actions = [ActionDraft(f"落实议题{n}第{k + 1}项：组织施工单位进场并每周通报进度", NAMES[k], date(2026, 6, 1)) for k in range(2 if n < 3 else 0)]
    return AgendaDraft(f"关于安居苑{n}号楼加装电梯费用分摊的意见", origin_kind="proposal", origin_text="居民联名申请",
                       speeches=speeches, vote_method="举手", votes_for=12, votes_against=1, votes_abstain=0,
                       resolution="同意按楼层系数分摊费用，申请政府补贴，报街道审批。", responsible="李秀梅",
                       deadline=date(2026, 6, 30), actions=actions)


def _meeting(held_on: date, items: int) -> MeetingDraft:
    people = [AttendeeDraft(name) for name in NAMES[:13]]
    people += [AttendeeDraft(NAMES[13], "absent", reason="外出务工"), AttendeeDraft(NAMES[14], "absent", reason="生病住院")]
    people += [AttendeeDraft(NAMES[15], "observer", note="街道办"), AttendeeDraft(NAMES[16], "observer", note="施工单位")]
    return MeetingDraft(kind="居民议事会", title="福通社区居民议事会", session_label="第12次", held_on=held_on,
                        starts_at=clock(14, 30), ends_at=clock(16, 0), place="社区二楼会议室", chair="马建华",
                        recorder="王晓燕", attendees=people, agenda=[_agenda(n + 1) for n in range(items)])


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(scratch)
        db = Database.open(Path(scratch) / "bench.db", actor="bench")
        try:
            save_meeting(db, _meeting(date(2026, 3, 5), 3))  # its 6 action items are reviewed below
            meeting_id = save_meeting(db, _meeting(date(2026, 4, 10), 4)).id
            started = time.perf_counter()
            register_fonts()
            print(f"register font: {time.perf_counter() - started:.2f} s (once per process)")
            for label, sign_in in (("minutes", False), ("minutes + sign-in sheet", True), ("minutes (again)", False)):
                started = time.perf_counter()
                path = print_minutes(db, meeting_id, folder / f"minutes-{int(sign_in)}.pdf", sign_in=sign_in)
                print(f"{label}: {time.perf_counter() - started:.3f} s, {path.stat().st_size / 1024:.0f} KB")
        finally:
            db.close()


if __name__ == "__main__":
    main()
