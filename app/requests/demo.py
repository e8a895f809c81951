"""Demo requests of 福通社区: about 150 over the last six months, flagged as demo.

Among them the story's own: a broken kettle, a rice cooker that no longer heats and a fan that will
not turn, fixed for free by the volunteer repair team, and a dark stairwell (楼道灯不亮) still
waiting on the property company. Requesters come from the demo roster made just before (queried in
the same session), or are typed names and anonymous callers. Recent requests are still open, a few
of them overdue; older ones went through 交办 → 办结 → 回访 → 归档, some after an unhappy follow-up.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.i18n import translate
from app.jobs import ensure
from app.requests import workflow
from app.requests.service import NumberAllocator, add_request
from db.models import Request, Resident

TOTAL = 150
DAYS_BACK = 180
STAFF = ("李娟", "马晓燕", "王建军", "海丽")
ASSIGNEES = {
    "维修": ("维修志愿服务队", "物业公司（安居苑）", "社区电工志愿者马师傅"),
    "环境卫生": ("金凤区环卫所", "物业公司（银啤苑）", "社区网格员"),
    "物业": ("物业公司（安居苑）", "物业公司（湖畔嘉苑）", "居安家园业委会"),
    "邻里纠纷": ("社区人民调解委员会", "第二网格网格员"),
    "政策咨询": ("社区民政专干",),
    "救助帮扶": ("社区民政专干", "社区残联专干"),
    "其他": ("社区网格员", "社区党委"),
}
CONTENTS = {
    "维修": ("家里水龙头一直滴水，关不紧", "卫生间下水道堵了，想请志愿者看看", "台灯不亮了，老人晚上看书不方便",
             "单元门的闭门器坏了，门关不上", "窗户合页松了，关窗有缝", "电视机没有信号，不会调", "暖气片漏水"),
    "环境卫生": ("小区垃圾桶破损，垃圾散落一地", "楼下绿化带有人堆放建筑垃圾", "单元门口旧沙发一直没人清走",
                 "贸易巷路边有污水外溢", "楼道里堆放杂物，影响通行"),
    "物业": ("地下车库灯坏了好几盏", "电梯时常停在两层之间", "小区路面破损，老人走路容易摔倒",
             "电动车在楼道里充电，担心安全", "休闲座椅生锈，坐着扎手"),
    "邻里纠纷": ("楼上装修噪音大，晚上九点还在施工", "邻居在公共区域违章搭建", "楼上漏水把我家天花板泡了，协商不成",
                 "邻居家的狗夜里一直叫"),
    "政策咨询": ("咨询高龄津贴怎么申请", "问孩子入学需要准备哪些材料", "咨询居住证办理", "问老年证怎么办",
                 "咨询医保报销比例", "想了解社区食堂什么时候开"),
    "救助帮扶": ("独居老人想申请助餐服务", "家里有残疾人，想了解辅具申请", "临时困难，想申请临时救助"),
    "其他": ("希望社区多组织老年人活动", "建议在广场增加遮阳休息的地方", "舞台地面不平，跳舞容易崴脚",
             "希望每栋楼下都有电动车充电桩", "对社区食堂菜单有建议"),
}
WEIGHTS = {"维修": 30, "环境卫生": 18, "物业": 18, "邻里纠纷": 8, "政策咨询": 14, "救助帮扶": 5, "其他": 7}
CHANNEL_WEIGHTS = (("来访", 45), ("来电", 25), ("12345转办", 18), ("网格上报", 12))
TYPED_NAMES = ("刘先生", "马女士", "张师傅", "王阿姨", "李大爷", "贸易巷商户", "快递站店主")

# (days ago, category, channel, content, the steps it took with their results)
STORY = (
    (40, "维修", "来访", "家里的热水壶坏了，烧不开水，想请维修志愿者帮忙看看", "fixed", "志愿者上门检查，更换温控器后修好，未收费"),
    (33, "维修", "来访", "电饭锅不加热了，老人一个人住，做饭困难", "fixed", "维修志愿服务队周三到店修好，更换保险丝，无偿"),
    (21, "维修", "来电", "电风扇通电不转，天热想尽快修好", "fixed", "志愿者上门清理电机并加油，已能正常使用"),
    (9, "维修", "网格上报", "安居苑3号楼2单元楼道灯不亮，晚上上下楼看不见，老人怕摔", "stuck", "已交物业公司，待更换灯具"),
)


def _staff(rng) -> str:
    return rng.choice(STAFF)


def _roster(session, rng) -> list[int]:
    ids = list(session.scalars(select(Resident.id).where(Resident.removed_at.is_(None), Resident.status == "active",
                                                         Resident.room_id.is_not(None)).limit(3000)))
    rng.shuffle(ids)
    return ids[:400]


def _when(rng, today: date, days_ago: int) -> datetime:
    day = today - timedelta(days=days_ago)
    return datetime.combine(day, time(rng.randint(8, 17), rng.choice((0, 10, 15, 20, 30, 40, 45, 50))))


def _requester(rng, roster: list[int], channel: str) -> dict:
    roll = rng.random()
    if roster and roll < 0.62:
        return {"resident_id": rng.choice(roster)}
    if roll < 0.85 or channel == "来访":
        return {"name": rng.choice(TYPED_NAMES), "phone": f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"}
    return {}  # anonymous: a hotline or grid report without a name


def _later(at: datetime, rng, hours: tuple[int, int]) -> datetime:
    """Some hours later, within office hours (8:30 to 18:00): nobody follows up at five in the morning."""
    when = at + timedelta(hours=rng.randint(*hours), minutes=rng.randint(0, 59))
    if when.hour >= 18:
        when = datetime.combine(when.date() + timedelta(days=1), time(8, 30)) + timedelta(minutes=rng.randint(0, 120))
    elif when < datetime.combine(when.date(), time(8, 30)):
        when = datetime.combine(when.date(), time(8, 30)) + timedelta(minutes=rng.randint(0, 120))
    return max(when, at)


def _run(session, request: Request, rng, now: datetime, plan: str, result_note: str | None = None,
         assignee: str | None = None) -> None:
    """Take the request down its path as far as ``now`` allows."""
    actor = _staff(rng)
    at = request.registered_at
    if plan == "spot":
        workflow.apply_step(session, request, workflow.SOLVE_ON_SPOT, actor, at=_later(at, rng, (0, 0)), note="当场答复，已解释清楚")
        at = request.finished_at
    else:
        at = _later(at, rng, (0, 3))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.ASSIGN, actor, at=at, assignee=assignee or rng.choice(ASSIGNEES[request.category]))
        if plan == "stuck":
            chase = _later(at, rng, (30, 60))
            if chase < now:
                workflow.apply_step(session, request, workflow.CHASE, _staff(rng), at=chase, note="电话催办，对方答复正在协调")
            return
        at = _later(at, rng, (4, 40))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.HANDLE, _staff(rng), at=at, note="已联系诉求人，正在处理")
        if plan == "slow":
            return
        at = _later(at, rng, (2, 70 if rng.random() < 0.85 else 200))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.FINISH, _staff(rng), at=at, note=result_note or "已处理完毕，诉求人认可")
    _follow_up(session, request, rng, now, at, happy=result_note is not None)


def _follow_up(session, request: Request, rng, now: datetime, at: datetime, happy: bool = False) -> None:
    at = _later(at, rng, (20, 72))
    if at > now:
        return
    roll = 0.0 if happy else rng.random()
    result = "满意" if roll < 0.75 else "基本满意" if roll < 0.93 else "不满意"
    workflow.apply_step(session, request, workflow.FOLLOW_UP, _staff(rng), at=at, result=result, note="电话回访")
    if result == "不满意":
        at = _later(at, rng, (2, 24))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.REOPEN, _staff(rng), at=at, note="诉求人认为未彻底解决，重新办理")
        at = _later(at, rng, (24, 72))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.FINISH, _staff(rng), at=at, note="再次上门处理，问题已解决")
        at = _later(at, rng, (20, 48))
        if at > now:
            return
        workflow.apply_step(session, request, workflow.FOLLOW_UP, _staff(rng), at=at, result="基本满意", note="再次回访")
    at = _later(at, rng, (24, 24 * 10))
    if at < now - timedelta(days=20):
        workflow.apply_step(session, request, workflow.ARCHIVE, _staff(rng), at=at)


def _plan(rng, category: str, days_ago: int) -> str:
    if category == "政策咨询" and rng.random() < 0.8:
        return "spot"
    if days_ago > 30:
        return "done" if rng.random() < 0.97 else "slow"
    roll = rng.random()
    return "done" if roll < 0.75 else "slow" if roll < 0.87 else "stuck"


def _weighted(rng, pairs) -> str:
    names, weights = zip(*pairs)
    return rng.choices(names, weights=weights)[0]


def fill_demo(session, rng, options, job=None, today: date | None = None) -> None:
    """Feature.demo: about 150 requests in the demo's transaction."""
    job = ensure(job)
    message = translate("app", "Creating demo requests…")
    now = datetime.now().replace(microsecond=0)
    today = today or now.date()
    roster = _roster(session, rng)
    numbers = NumberAllocator(session)
    plans = [(rng.randint(0, DAYS_BACK), None) for _ in range(TOTAL - len(STORY))] + [(s[0], s) for s in STORY]
    plans = sorted(((min(_when(rng, today, days_ago), now), days_ago, story) for days_ago, story in plans), key=lambda p: p[0])
    for done, (when, days_ago, story) in enumerate(plans):
        job.report(done, len(plans), message)
        if story:
            category, channel, content, plan, note = story[1:]
        else:
            category = _weighted(rng, WEIGHTS.items())
            channel, content, plan, note = _weighted(rng, CHANNEL_WEIGHTS), rng.choice(CONTENTS[category]), _plan(rng, category, days_ago), None
        data = {"registered_at": when, "channel": channel, "category": category, "content": content, "is_demo": True,
                "receiver": _staff(rng), **_requester(rng, roster, channel)}
        if channel == "12345转办":
            data["external_number"] = f"{when:%Y%m%d}{rng.randint(100000, 999999)}"
        if story and plan == "stuck":
            data["address"] = "安居苑3号楼2单元"
        request = add_request(session, data, data["receiver"], now=now, numbers=numbers)
        assignee = ("物业公司（安居苑）" if plan == "stuck" else "维修志愿服务队") if story else None
        _run(session, request, rng, now, plan, note if story else None, assignee)
    job.report(len(plans), len(plans), message)
