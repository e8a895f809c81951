"""Demo residents of 福通社区 (银川市金凤区): fictional, flagged as demo, deterministic for the rng.

Households of one to five people with believable relations (elderly living alone, elderly couples,
young families, three generations, grandparents raising left-behind children), valid ID numbers
(640106 for those registered here) with the right sex digit and check character, many elderly,
回族 and 汉族 families, mobiles and the odd landline, special-group tags at roughly the rates a
community sees, and some people who moved out or died. Ages are counted from a fixed reference
date so the same seed gives the same roster on any day. Written with ``bulk_insert``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import accumulate

from app.i18n import translate
from app.jobs import ensure
from app.residents.address import RoomAddress, format_room
from app.residents.bulk import bulk_insert
from app.residents.idcard import id_check_char
from db.models.residents import STATUS_ACTIVE, STATUS_DECEASED, STATUS_MOVED_OUT

REFERENCE = date(2026, 1, 1)
COMPOUNDS = ("安居苑", "银啤苑", "阅海", "湖畔嘉苑", "居安家园")
GRIDS = ("第一网格", "第二网格", "第三网格", "第四网格", "第五网格")
UNITS, FLOORS, ROOMS_PER_FLOOR = 3, 6, 2
HERE = ("640106", "宁夏回族自治区银川市金凤区")
ELSEWHERE = (("640104", "宁夏回族自治区银川市兴庆区"), ("640105", "宁夏回族自治区银川市西夏区"),
             ("640402", "宁夏回族自治区固原市原州区"), ("640302", "宁夏回族自治区吴忠市利通区"),
             ("640521", "宁夏回族自治区中卫市中宁县"), ("620102", "甘肃省兰州市城关区"), ("610102", "陕西省西安市新城区"))


def _table(text: str) -> tuple[list[str], list[float]]:
    """'王9 李8 …' → (values, cumulative weights) for rng.choices."""
    pairs = [re.fullmatch(r"(.+?)(\d+)", item).groups() for item in text.split()]
    return [value for value, _ in pairs], list(accumulate(int(weight) for _, weight in pairs))


SURNAMES = _table("王9 李9 张9 马9 刘8 杨7 陈6 赵5 黄4 周4 吴4 徐4 孙4 朱3 胡3 郭3 何3 高3 罗3 郑3 梁3 谢3 "
                  "宋2 唐2 许2 韩2 冯2 邓2 曹2 彭2 曾3 肖2 田2 董2 袁2 潘2 于2 蒋2 蔡2 余2 杜2 叶2 程2 苏2 "
                  "魏2 吕2 丁3 任2 沈2 姚2 卢2 姜2 崔2 钟2 谭1 陆1 汪1 范1 金2 石1 贾1 夏1 付1 方1 白2 "
                  "孟1 秦1 薛1 闫2 段1 雷1 侯1 史1 贺1 顾1 郝1 海2 纳2 哈1 拜1 锁1 虎1 单2 解2 查1 仇1")
HUI_SURNAMES = _table("马9 杨4 丁3 海3 纳3 金2 哈2 拜2 锁2 虎2 白2 李2 王2 张1 冶1 喇1 沙1 洪1 米1")
GIVEN = {
    ("old", "男"): "建国 国庆 德明 福贵 永福 文斌 振华 保国 志强 学军 长林 玉山 德胜 广才 树林 国华 明 忠 林 贵",
    ("old", "女"): "秀兰 桂英 玉兰 凤英 淑珍 秀英 桂兰 金花 秀珍 玉珍 兰英 淑兰 凤兰 桂芳 秀芳 翠花 英 兰 芳 珍",
    ("mid", "男"): "伟 军 勇 强 磊 涛 海涛 建军 斌 鹏 刚 辉 志刚 新华 建华 文 杰 东 波 永强 海军 亮",
    ("mid", "女"): "丽 敏 静 丽华 红 晓燕 燕 霞 芳 娟 丽娟 春梅 艳 玲 婷 秀梅 慧 红梅 雪梅 小红",
    ("new", "男"): "浩然 梓轩 宇轩 俊熙 子墨 博文 皓轩 沐辰 一鸣 天佑 睿 浩宇 子豪 嘉乐 明轩 思源 泽宇 晨阳",
    ("new", "女"): "子涵 欣怡 一诺 雨桐 思琪 佳怡 梓涵 诗涵 嘉怡 可馨 若曦 梦瑶 语汐 雨萱 欣妍 心怡 梓萱",
}
RARE_NAMES = {"男": ("𠮷祥", "刘䶮", "李堃", "陶喆", "𠮷庆华"), "女": ("王𠮷", "杨昇", "张喆", "𠮷秀英", "赵玥")}
ETHNICITY = _table("汉族63 回族34 满族1 蒙古族1 东乡族1")
MOBILE_PREFIXES = "139 138 137 136 135 150 151 152 158 159 182 183 187 188 130 131 132 155 156 185 186 133 153 180 189 199 177 173".split()
EMPLOYERS = ("宁夏福瑞物流有限公司", "银川恒通建材有限公司", "金凤区便民超市", "福通社区五福驿站", "银川安泰物业服务有限公司",
             "宁夏康宁医院", "金凤区第六小学", "个体经营", "自由职业", "灵活就业", "待业")
DISABILITY = _table("肢体5 视力2 听力2 言语1 智力1 精神1 多重1")
GRADES = ("一级", "二级", "三级", "四级")
EDUCATION_ADULT = {"old": _table("小学4 初中4 高中2 中专1 大专1"), "mid": _table("初中3 高中3 中专2 大专2 本科2"),
                   "new": _table("高中2 中专1 大专3 本科4 研究生1")}
MOVE_REASONS = ("迁往西夏区", "迁往兴庆区", "随子女迁往外省", "购房迁出", "工作调动迁出")
# (kind, weight): what a household looks like; see _members.
KINDS = _table("single_elder12 single_adult7 elder_couple14 couple7 family26 three_gen13 left_behind4 with_parent7 "
               "single_parent4 siblings2")
RESIDENCE = _table("人在户在80 人在户不在9 户在人不在8 空挂户3")


def _pick(rng, table) -> str:
    return rng.choices(table[0], cum_weights=table[1])[0]


def _other(sex: str) -> str:
    return "女" if sex == "男" else "男"


def _child_sex(rng) -> str:
    return "男" if rng.random() < 0.51 else "女"


def _members(rng, kind: str) -> list[tuple[str, str, int]]:
    """(relation, sex, age) of each person, the head first."""
    r = rng.randint
    sex = "男" if rng.random() < 0.6 else "女"
    if kind == "single_elder":
        return [("户主", "女" if rng.random() < 0.62 else "男", r(60, 96))]
    if kind == "single_adult":
        return [("户主", sex, r(22, 59))]
    if kind in ("elder_couple", "couple"):
        age = r(60, 90) if kind == "elder_couple" else r(24, 59)
        return [("户主", "男", age), ("配偶", "女", max(age - r(-3, 6), 20))]
    if kind in ("family", "single_parent"):
        age = r(27, 55)
        people = [("户主", sex, age)] + ([("配偶", _other(sex), max(age - r(-3, 5), 22))] if kind == "family" else [])
        return people + [(("子", "男") if s == "男" else ("女", "女")) + (max(age - r(22, 36), 0),)
                         for s in (_child_sex(rng) for _ in range(1 if rng.random() < 0.55 else 2))]
    if kind == "three_gen":
        age, child_sex = r(55, 82), _child_sex(rng)
        child_age = age - r(24, 32)
        people = [("户主", "男", age), ("配偶", "女", age - r(-2, 5)),
                  ("子" if child_sex == "男" else "女", child_sex, child_age)]
        if rng.random() < 0.7:
            people.append(("儿媳" if child_sex == "男" else "女婿", _other(child_sex), child_age - r(-2, 3)))
        return people + [("孙子女", _child_sex(rng), max(child_age - r(23, 34), 0))]
    if kind == "left_behind":
        age = r(55, 78)
        people = [("户主", "男", age)] + ([("配偶", "女", age - r(-2, 4))] if rng.random() < 0.75 else [])
        return people + [("孙子女", _child_sex(rng), r(3, 15)) for _ in range(r(1, 2))]
    if kind == "with_parent":
        age = r(35, 62)
        return [("户主", sex, age), ("父母", _other(sex) if rng.random() < 0.7 else sex, age + r(22, 34))]
    return [("户主", sex, r(25, 70)), ("兄弟姐妹", _child_sex(rng), r(25, 70))]


class _People:
    """Names, IDs, phones and the rest of one person, from the rng alone."""

    def __init__(self, rng):
        self.rng = rng
        self.ids: set[str] = set()
        self.count = 0
        self.given = {key: text.split() for key, text in GIVEN.items()}

    def birth(self, age: int) -> date:
        return REFERENCE - timedelta(days=age * 365 + self.rng.randrange(1, 365) + age // 4)

    def name(self, surname: str, sex: str, birth: date) -> str:
        self.count += 1
        if self.count % 997 == 13:
            return self.rng.choice(RARE_NAMES[sex])
        era = "old" if birth.year < 1962 else "mid" if birth.year < 1992 else "new"
        return surname + self.rng.choice(self.given[(era, sex)])

    def id_number(self, region: str, birth: date, sex: str) -> str:
        while True:
            sequence = self.rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
            body = f"{region}{birth:%Y%m%d}{sequence:03d}"
            if body not in self.ids:
                self.ids.add(body)
                return body + id_check_char(body)

    def phones(self, age: int) -> str | None:
        rng = self.rng
        if age < 16 or (age >= 75 and rng.random() < 0.35):
            return None
        if age >= 65 and rng.random() < 0.3:
            return f"0951-{rng.choice('3456')}{rng.randrange(0, 1_000_000):06d}"
        mobile = f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(0, 100_000_000):08d}"
        if rng.random() < 0.08:
            return f"{mobile}、{rng.choice(MOBILE_PREFIXES)}{rng.randrange(0, 100_000_000):08d}"
        return mobile


def _political(rng, age: int) -> str | None:
    if age < 14:
        return None
    roll = rng.random()
    if age <= 28 and roll < 0.35:
        return "共青团员"
    if age >= 18 and roll > (0.86 if age >= 50 else 0.91):
        return "中共预备党员" if roll > 0.995 and age < 45 else "中共党员"
    return "民主党派" if roll < 0.003 and age >= 30 else "群众"


def _education(rng, age: int, birth: date) -> str | None:
    if age < 3:
        return None
    for limit, level in ((6, "学龄前"), (12, "小学"), (15, "初中"), (18, "高中")):
        if age <= limit:
            return level
    era = "old" if birth.year < 1962 else "mid" if birth.year < 1992 else "new"
    return _pick(rng, EDUCATION_ADULT[era])


def _marital(rng, relation: str, age: int, household_size: int) -> str:
    if age < 20:
        return "未婚"
    if relation in ("配偶", "儿媳", "女婿") or (relation == "户主" and household_size > 1 and rng.random() < 0.85):
        return "已婚"
    if age >= 60:
        return _pick(rng, (["丧偶", "离婚", "未婚", "已婚"], [7, 8, 9, 10]))
    return "未婚" if rng.random() < 0.6 else "离婚"


def _health(rng, age: int) -> str:
    if age < 60:
        return "健康" if rng.random() < 0.93 else "一般"
    return _pick(rng, (["健康", "一般", "高血压", "糖尿病", "慢性病", "行动不便"], [50, 75, 85, 91, 96, 100]))


def _employer(rng, age: int) -> str | None:
    if age < 16:
        return None
    if age <= 22 and rng.random() < 0.7:
        return "在校学生"
    if age >= 60:
        return "退休" if rng.random() < 0.8 else None
    return rng.choice(EMPLOYERS)


def _rooms(rng, residents: int):
    """Rooms of the five compounds in shuffled order: buildings 1–N, units 1–3, rooms 101–602."""
    per_compound = max(2, -(-residents // (2 * 36 * len(COMPOUNDS))))
    first = 1
    while True:
        rooms = [(c, str(b), str(u), f"{f}0{r}") for c in range(len(COMPOUNDS)) for b in range(first, first + per_compound)
                 for u in range(1, UNITS + 1) for f in range(1, FLOORS + 1) for r in range(1, ROOMS_PER_FLOOR + 1)]
        rng.shuffle(rooms)
        for c, b, u, room in rooms:
            yield c, RoomAddress(b, u, room, COMPOUNDS[c])
        first, per_compound = first + per_compound, max(1, per_compound // 4)


def _surnames(rng, members, hui: bool) -> list[str]:
    table = HUI_SURNAMES if hui else SURNAMES
    family = _pick(rng, table)

    def other() -> str:
        return _pick(rng, table)

    father = family if members[0][1] == "男" else (other() if len(members) < 2 or members[1][1] != "男" else None)
    result = []
    for relation, sex, _ in members:
        if relation == "户主" or relation == "兄弟姐妹" or (relation == "父母" and sex == "男"):
            name = family
        elif relation in ("子", "女"):
            name = father or family
        elif relation == "孙子女":
            name = family if any(r == "子" for r, _, _ in members) or rng.random() < 0.6 else other()
        else:
            name = other()
        father = name if relation == "配偶" and sex == "男" and father is None else father
        result.append(name)
    return result


def _tags(rng, kind: str, relation: str, sex: str, age: int, household_tags: dict) -> dict:
    tags = {k: v for k, v in household_tags.items() if k != "空巢老人" or age >= 60}
    if kind == "single_elder" and age >= 60:
        if rng.random() < 0.9:
            tags["独居老人"] = None
        if rng.random() < 0.06:
            tags["特困"] = None
    if kind == "left_behind" and relation == "孙子女" and age < 16:
        tags["留守儿童"] = None
    if rng.random() < (0.08 if age >= 60 else 0.025):
        tags["残疾人"] = f"{_pick(rng, DISABILITY)} {rng.choice(GRADES)}"
    if sex == "男" and age >= 40 and rng.random() < 0.06:
        tags["退役军人"] = None
    if 20 <= age <= 60 and rng.random() < 0.0015:
        tags["重点人员"] = None
    return tags


def _household_tags(rng, kind: str, members) -> dict:
    tags = {}
    if kind == "elder_couple":
        if rng.random() < 0.8:
            tags["空巢老人"] = None
        if rng.random() < 0.03:
            tags["失独家庭"] = None
    if rng.random() < 0.03:
        tags["低保户"] = None
    return tags


def _leaving(rng, age: int) -> tuple[str, date | None, str | None]:
    roll = rng.random()
    if age >= 70 and roll < 0.05:
        return STATUS_DECEASED, REFERENCE - timedelta(days=rng.randrange(20, 2000)), "病故"
    if roll > 0.97:
        return STATUS_MOVED_OUT, REFERENCE - timedelta(days=rng.randrange(20, 2000)), rng.choice(MOVE_REASONS)
    return STATUS_ACTIVE, None, None


def _registration(rng, residence: str, place: RoomAddress) -> tuple[str, str]:
    if residence != "人在户不在":
        return HERE[0], HERE[1] + format_room(place)
    region, prefix = rng.choice(ELSEWHERE)
    return region, f"{prefix}{rng.choice(('解放街', '文化路', '北京路', '鼓楼街', '人民路'))}{rng.randint(1, 300)}号"


def _person(rng, people: _People, member, surname: str, household: dict) -> dict:
    relation, sex, age = member
    birth = people.birth(age)
    status, left_on, left_reason = _leaving(rng, age)
    tags = _tags(rng, household["kind"], relation, sex, age, household["tags"])
    return {
        "name": people.name(surname, sex, birth), "sex": sex, "birth_date": birth, "ethnicity": household["ethnicity"],
        "id_number": people.id_number(household["region"], birth, sex), "phones": people.phones(age),
        "registered_address": household["registered"], "address": household["place"], "grid": household["grid"],
        "household_number": household["number"], "relation_to_head": relation,
        "residence_status": household["residence"], "person_type": "流动" if household["residence"] == "人在户不在" else "常住",
        "political_status": _political(rng, age), "education": _education(rng, age, birth),
        "marital_status": _marital(rng, relation, age, household["size"]),
        "health": "残疾" if "残疾人" in tags else _health(rng, age), "employer": _employer(rng, age),
        "status": status, "left_on": left_on, "left_reason": left_reason, "tags": tags, "is_demo": True,
    }


def household_rows(rng, people: _People, number: str, compound_index: int, place: RoomAddress) -> list[dict]:
    """The people of one household, as bulk_insert rows."""
    kind = _pick(rng, KINDS)
    members = _members(rng, kind)
    ethnicity = _pick(rng, ETHNICITY)
    residence = _pick(rng, RESIDENCE)
    region, registered = _registration(rng, residence, place)
    household = {"kind": kind, "ethnicity": ethnicity, "region": region, "registered": registered, "place": place,
                 "grid": GRIDS[compound_index], "number": number, "residence": residence, "size": len(members),
                 "tags": _household_tags(rng, kind, members)}
    surnames = _surnames(rng, members, ethnicity == "回族")
    return [_person(rng, people, member, surname, household) for member, surname in zip(members, surnames)]


def generate(session, rng, options, job=None) -> list[int]:
    """``options.residents`` demo residents (Feature.demo); returns their ids."""
    job = ensure(job)
    total = getattr(options, "residents", 2000)
    message = translate("app", "Creating demo residents…")
    people, rooms, rows = _People(rng), _rooms(rng, total), []
    number = 0
    while len(rows) < total:
        number += 1
        compound_index, place = next(rooms)
        rows.extend(household_rows(rng, people, f"FT{number:06d}", compound_index, place))
        if number % 200 == 0:
            job.report(min(len(rows), total), total, message)
    del rows[total:]
    job.report(total, total, message)
    return bulk_insert(session, rows)
