"""Demo data of 福通社区's volunteer repair team: fictional, flagged as demo, one transaction.

Twelve local plumbers, electricians, carpenters and menders; about 120 repair jobs over the last
six months — fans, rice cookers, desk lamps and kettles fixed for free, dripping taps, loose window
hinges, gas cookers referred to the gas company, a few waiting for another visit, the newest still
open; the requests the demo request ledger handed to the team become linked jobs. About 30 home
safety checks with findings, one serious gas finding escalated into a request. Runs after the
residents and requests demos (it uses their rows).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from app.i18n import translate
from app.jobs import ensure
from app.repairs import workflow
from app.repairs.rules import AGAIN, BEYOND, FIXED, GAS, REFERRED, RESIDENT_PAYS
from app.repairs.safety import add_check, escalate_in
from app.repairs.service import add_job
from app.repairs.volunteers import add_volunteer
from db.models import Request, Resident, SafetyFinding

DAYS_BACK = 180
JOBS = 120
CHECKS = 30
STAFF = ("李娟", "马晓燕", "王建军")
VOLUNTEERS = (  # name, skills, phone, active
    ("王建国", "水暖", "13995011201", True), ("马永福", "电工、家电", "13895022302", True),
    ("杨德明", "木工、油漆", "13709513403", True), ("丁学军", "电工", "15109514504", True),
    ("海文斌", "家电", "18209515605", True), ("李桂英", "缝补", "13649516706", True),
    ("张广才", "磨刀、开锁", "13519517807", True), ("纳振华", "水暖、电工", "18795018908", True),
    ("金保国", "木工", "13079519009", True), ("白秀珍", "缝补", "15595010110", True),
    ("刘志强", "家电、电工", "17795011211", True), ("马海涛", "水暖", "13995012312", False),
)
SKILL_FOR = {"水": ("水暖",), "电": ("电工",), "门窗": ("木工", "开锁"), "家电": ("家电", "电工"), GAS: ("水暖", "电工")}
# category: [(item, faults, materials (name, unit) or None)]
ITEMS = {
    "家电": [("电风扇", ("通电不转", "摇头不动", "转起来有异响"), ("启动电容", "个")),
             ("电饭锅", ("不加热", "指示灯不亮", "煮饭夹生"), ("温控保险丝", "个")),
             ("热水壶", ("烧不开水", "底座接触不良", "不断电"), ("温控器", "个")),
             ("台灯", ("不亮", "开关坏了", "灯头松动"), ("开关", "个")),
             ("微波炉", ("不加热", "转盘不转"), None), ("电视机", ("没有信号", "遥控失灵"), None),
             ("洗衣机", ("不脱水", "排水慢"), ("排水阀", "个")), ("收音机", ("没声音",), None)],
    "电": [("插座", ("松动打火", "面板烧焦"), ("五孔插座", "个")), ("吸顶灯", ("不亮", "闪烁"), ("LED灯盘", "个")),
           ("开关", ("接触不良",), ("开关面板", "个")), ("线路", ("一开电器就跳闸",), ("电线", "米"))],
    "水": [("水龙头", ("关不紧滴水", "底座漏水"), ("水龙头", "个")), ("马桶水箱", ("一直流水", "不上水"), ("进水阀", "套")),
           ("下水管", ("堵塞", "返味"), None), ("暖气片", ("阀门漏水",), ("生料带", "卷"))],
    "门窗": [("门锁", ("锁芯卡住", "钥匙拧不动"), ("锁芯", "个")), ("窗户合页", ("松动关不严",), ("合页", "副")),
             ("纱窗", ("破损",), ("纱网", "米")), ("柜门", ("脱落",), ("铰链", "个"))],
    GAS: [("燃气灶", ("打不着火", "火苗发黄"), None), ("燃气热水器", ("不点火",), None), ("燃气胶管", ("老化有异味",), None)],
}
CATEGORY_WEIGHTS = (("家电", 45), ("电", 18), ("水", 18), ("门窗", 12), (GAS, 7))
# The story's four, fixed for free: (days ago, item, fault, material, mode)
STORY = ((52, "电风扇", "通电不转", "启动电容", "上门"), (47, "电饭锅", "不加热", "温控保险丝", "到店"),
         (38, "台灯", "不亮", "开关", "到店"), (30, "热水壶", "烧不开水", "温控器", "上门"))
FROM_REQUESTS = (("热水壶", "家电", "温控器"), ("电饭锅", "家电", "温控保险丝"), ("电风扇", "家电", None),
                 ("台灯", "家电", "开关"), ("水龙头", "水", "水龙头"), ("下水道", "水", None), ("闭门器", "门窗", "闭门器"),
                 ("合页", "门窗", "合页"), ("电视机", "家电", None), ("暖气片", "水", "生料带"))
FINDINGS = {
    "燃气": (("燃气胶管老化开裂，有异味", "重大"), ("燃气灶无熄火保护装置", "较大"), ("未安装燃气报警器", "一般"),
             ("燃气表周边堆放杂物", "一般")),
    "电路": (("电动车在室内充电", "较大"), ("私拉乱接电线", "较大"), ("插排串接使用，负荷过大", "一般"),
             ("电线老化外皮破损", "较大")),
    "消防通道": (("楼道堆放纸箱杂物", "一般"), ("电动车停放在楼道", "较大"), ("单元门口堆放旧沙发", "一般")),
    "其他": (("窗户护栏松动", "一般"), ("热水器排烟管脱落", "较大")),
}


def _weighted(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def _moment(day: date, rng, start_hour: int = 9) -> datetime:
    return datetime.combine(day, time(rng.randint(start_hour, 16), rng.choice((0, 10, 20, 30, 40, 50))))


def _make_volunteers(session, rng, roster: list[int]) -> dict[str, list[int]]:
    """{skill: [volunteer ids]} of the active ones; two volunteers are also residents."""
    by_skill: dict[str, list[int]] = {}
    for index, (name, skills, phone, active) in enumerate(VOLUNTEERS):
        resident_id = roster[index] if index in (3, 9) and len(roster) > 10 else None
        volunteer = add_volunteer(session, {"name": name, "skills": skills, "phone": phone, "active": active,
                                            "resident_id": resident_id, "is_demo": True,
                                            "notes": translate("app", "Also on the roster") if resident_id else None})
        for skill in skills.split("、"):
            if active:
                by_skill.setdefault(skill, []).append(volunteer.id)
    return by_skill


def _team(rng, by_skill: dict[str, list[int]], category: str) -> list[tuple[int, float]]:
    pool = sorted({v for skill in SKILL_FOR[category] for v in by_skill.get(skill, [])})
    people = rng.sample(pool, 2 if rng.random() < 0.3 and len(pool) > 1 else 1)
    return [(v, rng.choice((0.5, 1, 1, 1.5, 1.5, 2, 2.5))) for v in people]


def _plan(rng, category: str, days_ago: int) -> str | None:
    if category == GAS:
        return REFERRED
    if days_ago < 4:
        return rng.choice((None, None, "dispatched"))
    return _weighted(rng, ((FIXED, 80), (BEYOND, 7), (AGAIN, 8), (REFERRED, 2), (None, 3)))


def _finish(session, job, rng, plan, mode: str | None, at: datetime, actor: str, now: datetime) -> None:
    """Take the job through its steps, an hour to two days apart, never past now."""
    def later(hours: float) -> datetime:
        return min(at + timedelta(hours=hours), now)

    if plan == "dispatched":
        workflow.apply_step(session, job, workflow.DISPATCHED, actor, at=later(1))
        return
    if plan == REFERRED:
        note = "已转介金凤区燃气服务站" if job.category == GAS else "已转介物业公司维修"
        workflow.apply_step(session, job, workflow.REFER, actor, at=later(2), note=note)
    else:
        mode = mode or (workflow.VISIT if job.category in ("水", "电", "门窗") else rng.choice((workflow.VISIT, workflow.SHOP)))
        if mode == workflow.VISIT:
            workflow.apply_step(session, job, workflow.DISPATCHED, actor, at=later(1))
        workflow.apply_step(session, job, mode, actor, at=later(24))
        step = workflow.REBOOK if plan == AGAIN else workflow.DONE
        workflow.apply_step(session, job, step, actor, at=later(26), outcome=plan,
                            appointment=later(24 * 7) if plan == AGAIN else None)
    if job.status in (workflow.DONE, workflow.REFER) and rng.random() < 0.85 and later(72) < now:
        satisfaction = _weighted(rng, (("满意", 85), ("基本满意", 12), ("不满意", 3)))
        workflow.apply_step(session, job, workflow.FOLLOWED_UP, actor, at=later(72), satisfaction=satisfaction)


def _job(session, rng, by_skill, roster, when: datetime, now: datetime, spec: dict) -> None:
    category = spec["category"]
    actor = rng.choice(STAFF)
    plan = spec.get("plan", "-")
    if plan == "-":
        plan = _plan(rng, category, (now.date() - when.date()).days)
    material = spec.get("material")
    materials = []
    if material and plan in (FIXED, AGAIN, BEYOND) and (plan == FIXED or rng.random() < 0.3):
        name, unit = material if isinstance(material, tuple) else (material, "个")
        paid = RESIDENT_PAYS if spec.get("paid") or (name in ("水龙头", "锁芯", "LED灯盘") and rng.random() < 0.6) else "无偿"
        materials = [{"name": name, "quantity": 1, "unit": unit, "paid_by": paid}]
    data = {"job_date": when.date(), "item": spec["item"], "category": category, "fault": spec["fault"], "is_demo": True,
            "resident_id": spec.get("resident_id") or (rng.choice(roster) if roster and rng.random() < 0.9 else None),
            "name": spec.get("name"), "address": spec.get("address"), "from_request": spec.get("from_request"),
            "volunteers": _team(rng, by_skill, category) if plan not in (None, REFERRED) or rng.random() < 0.3 else [],
            "materials": materials}
    if data["resident_id"] is None and data["from_request"] is None:
        data["name"], data["address"] = rng.choice((("刘先生", "贸易巷12号"), ("马女士", "阅海小区8号楼"), ("王阿姨", "居安家园2号楼")))
    job = add_job(session, data, actor, now=when)
    if plan is not None:
        _finish(session, job, rng, plan, spec.get("mode"), when, actor, now)


def _random_spec(rng) -> dict:
    category = _weighted(rng, CATEGORY_WEIGHTS)
    item, faults, material = rng.choice(ITEMS[category])
    return {"category": category, "item": item, "fault": rng.choice(faults), "material": material}


def _request_specs(session) -> list[tuple[datetime, dict]]:
    """The demo requests handed to the repair team become jobs linked to them."""
    requests = session.scalars(select(Request).where(Request.assignee == "维修志愿服务队", Request.is_demo.is_(True))
                               .order_by(Request.registered_at))
    specs = []
    for request in requests:
        item, category, material = next((m for m in FROM_REQUESTS if m[0] in request.content), ("家电", "家电", None))
        item = {"下水道": "下水管", "闭门器": "单元门闭门器", "合页": "窗户合页"}.get(item, item)
        specs.append((request.registered_at + timedelta(hours=1), {
            "category": category, "item": item, "fault": request.content[:60], "material": material, "plan": FIXED,
            "from_request": request.id, "resident_id": request.resident_id}))
    return specs


def _findings(rng, day: date, today: date) -> list[dict]:
    findings = []
    for _ in range(_weighted(rng, ((0, 20), (1, 45), (2, 25), (3, 10)))):
        category = _weighted(rng, (("燃气", 30), ("电路", 35), ("消防通道", 25), ("其他", 10)))
        description, severity = rng.choice(FINDINGS[category])
        rectified = severity != "重大" and rng.random() < 0.6
        findings.append({"category": category, "severity": severity, "description": description, "rectified": rectified,
                         "rectified_on": min(day + timedelta(days=rng.randint(0, 10)), today) if rectified else None,
                         "follow_up": "住户已整改" if rectified else "已告知住户整改，下周复查"})
    return findings


def _check(session, rng, by_skill, roster, day: date, today: date, findings: list[dict]) -> int:
    people = rng.sample(sorted({v for vs in by_skill.values() for v in vs}), rng.choice((1, 2, 2)))
    check = add_check(session, {"check_date": day, "resident_id": rng.choice(roster) if roster else None,
                                "address": None if roster else "安居苑1号楼", "is_demo": True,
                                "volunteers": [(v, rng.choice((0.5, 1, 1, 1.5))) for v in people],
                                "findings": findings}, today=today)
    return check.id


def _escalated_check(session, rng, by_skill, roster, today: date, now: datetime) -> None:
    """The story's serious one: a cracked gas hose that smells, escalated into a request."""
    day = today - timedelta(days=min(12, DAYS_BACK))
    finding = {"category": "燃气", "severity": "重大", "description": "燃气胶管老化开裂，有异味", "rectified": False,
               "follow_up": "已关闭阀门，通知燃气公司上门更换"}
    check_id = _check(session, rng, by_skill, roster, day, today, [finding])
    finding_id = session.scalar(select(SafetyFinding.id).where(SafetyFinding.check_id == check_id))
    escalate_in(session, finding_id, STAFF[0], now=min(_moment(day, rng, 14), now))


def fill_demo(session, rng, options, job=None, today: date | None = None) -> None:
    """Feature.demo: volunteers, jobs and checks in the demo's transaction."""
    job = ensure(job)
    message = translate("app", "Creating demo repair jobs…")
    now = datetime.now().replace(microsecond=0)
    today = today or now.date()
    roster = list(session.scalars(select(Resident.id).where(Resident.removed_at.is_(None), Resident.status == "active",
                                                            Resident.room_id.is_not(None)).order_by(Resident.id)))
    by_skill = _make_volunteers(session, rng, roster)
    plans = [(min(_moment(today - timedelta(days=d), rng), now), {"category": "家电", "item": item, "fault": fault,
              "material": material, "plan": FIXED, "mode": mode}) for d, item, fault, material, mode in STORY]
    plans += [(min(when, now), spec) for when, spec in _request_specs(session)]
    while len(plans) < JOBS:
        days_ago = rng.randint(0, DAYS_BACK)
        plans.append((min(_moment(today - timedelta(days=days_ago), rng), now), _random_spec(rng)))
    plans.sort(key=lambda p: p[0])
    total = len(plans) + CHECKS
    for done, (when, spec) in enumerate(plans):
        job.report(done, total, message)
        _job(session, rng, by_skill, roster, when, now, spec)
    for index in range(CHECKS - 1):
        job.report(len(plans) + index, total, message)
        day = today - timedelta(days=rng.randint(0, DAYS_BACK))
        _check(session, rng, by_skill, roster, day, today, _findings(rng, day, today))
    _escalated_check(session, rng, by_skill, roster, today, now)
    job.report(total, total, message)
