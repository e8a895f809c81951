"""The deliberations of the demo community (福通社区), as in the story Wufu comes from.

Each meeting is (days before today, kind, title, place, chair, recorder, who attends, agenda); an
agenda item is a dict for AgendaDraft plus "speeches" [(speaker or None for a resident, text)],
"actions" [(description, responsible, days after the meeting, closed days after or None, result)].
"""

from __future__ import annotations

SHOPS = ("老马牛肉面", "回民清真糕点", "便民五金", "福通理发", "丽丽服装", "海燕烟酒", "贸易巷水果", "家和超市",
         "老杨修鞋", "小白修车", "金凤药店", "顺达快递点", "春梅蔬菜", "马家羊杂碎", "明轩文具", "兰州拉面",
         "好再来早餐", "锁记手机维修", "纳家茶叶", "虎子烧烤")
SHOPKEEPERS = ("马福贵", "海丽娟", "丁建国", "杨国庆", "白丽丽", "海燕", "李长林", "张家和", "杨德明", "白小军",
               "金玉兰", "周顺达", "王春梅", "马永福", "刘明轩", "拜文斌", "陈秀芳", "锁志强", "纳淑珍", "虎学军")
STAFF = {"secretary": "马建华", "director": "李秀梅", "clerk": "王晓燕", "grid": "杨志刚"}

CANTEEN = dict(
    days=75, kind="罐罐茶议事", title="罐罐茶议事：社区食堂怎么办", session="第6期",
    place="罐罐茶议事吧（原自行车棚改建）", chair=STAFF["director"], recorder=STAFF["clerk"],
    residents=12, absent=[("腿脚不便，由家人代为转达意见",)], observers=[("赵福顺", "食堂运营方"), ("刘敏", "区民政局")],
    agenda=[
        dict(title="新建社区食堂的开餐时间和老年人助餐优惠", origin_kind="request", origin_text="居民来访：想了解社区食堂什么时候开",
             speeches=[(None, "中午十一点就要开，老年人吃饭早，晚了饿得慌。"),
                       (None, "八十岁以上的老人能不能打折？我们老两口一个月退休金不多。"),
                       ("食堂运营方", "可以，午餐11:00—13:00，晚餐17:00—18:30；80岁以上老人每餐优惠3元，低保老人每餐优惠5元。"),
                       (None, "行动不便的老人能不能送餐上门？")],
             vote_method="举手", votes=(11, 0, 0),
             resolution="食堂设在五福驿站一楼，午餐11:00—13:00、晚餐17:00—18:30；80岁以上老人每餐优惠3元，低保老人每餐优惠5元；"
                        "行动不便的独居老人由志愿者送餐上门。",
             responsible=STAFF["director"], deadline=30,
             actions=[("公示开餐时间和助餐优惠标准", STAFF["clerk"], 7, 5, "已在五福驿站和各小区公示栏公示"),
                      ("组织志愿者为行动不便的独居老人送餐", STAFF["grid"], 30, 28, "12名志愿者分3组，每天为23位老人送餐")]),
        dict(title="要不要征集居民的菜单意愿", origin_kind="proposal", origin_text="居民代表提议",
             speeches=[(None, "菜要软一点、淡一点，老年人牙口不好。"),
                       (None, "回族居民多，清真窗口要单独设，餐具要分开。"),
                       (None, "每个月问一次大家想吃什么，在群里投票就行。")],
             vote_method="举手", votes=(10, 0, 1),
             resolution="每月征集一次居民菜单意愿（微信群投票和驿站意见箱），食堂设清真窗口、餐具分开，每月公布菜单调整情况。",
             responsible=STAFF["clerk"], deadline=45,
             actions=[("设计菜单意愿征集表，放到驿站意见箱和微信群", STAFF["clerk"], 14, 10, "征集表已上线，第一个月收到意见86条"),
                      ("每月汇总菜单意愿反馈食堂并公布调整情况", STAFF["clerk"], 45, None, "")]),
    ])

LANE = dict(
    days=50, kind="板凳会", title="贸易巷商户板凳会", session="",
    place="贸易巷口长椅", chair=STAFF["secretary"], recorder=STAFF["grid"],
    residents=0, observers=[("周海军", "城管中队"), ("张警官", "社区民警")],
    agenda=[
        dict(title="贸易巷停车规则", origin_kind="proposal", origin_text="网格员上报：贸易巷乱停车堵路，消防车进不去",
             speeches=[("shop:0", "进货车停一会儿就走，不能一刀切不让停。"),
                       ("shop:6", "早上七点到九点进货，其他时间不让货车停，大家轮着来。"),
                       ("社区民警", "消防通道必须留出3.5米，这是底线。"),
                       ("shop:12", "电动车统一停到巷子北头，划线。")],
             vote_method="举手", votes=(20, 0, 0),
             resolution="巷内货车只在7:00—9:00装卸，限停20分钟；消防通道留出3.5米；电动车统一停放在巷北口划线区域；"
                        "商户轮流值日劝导，违规三次的由商户共同约谈。",
             responsible=STAFF["grid"], deadline=20,
             actions=[("施划停车线、设置限时停车牌和消防通道标识", STAFF["grid"], 20, 18, "已施划停车位32个，设限时牌4块"),
                      ("排出商户轮流值日表", "马福贵", 10, 6, "20户商户每周一户，值日表贴在巷口")]),
        dict(title="贸易巷路面和雨棚改造", origin_kind="proposal", origin_text="商户联名提议",
             speeches=[("shop:3", "路面坑坑洼洼，下雨天积水，顾客都不来了。"),
                       ("shop:16", "雨棚颜色统一一下，看着整齐。"),
                       ("城管中队", "雨棚不能超出门面1米，统一报批。")],
             vote_method="举手", votes=(18, 0, 2),
             resolution="申请老旧街巷改造项目：硬化巷内路面、改造排水；雨棚统一样式、不超出门面1米，费用商户自担、社区协调统一采购。",
             responsible=STAFF["secretary"], deadline=90,
             actions=[("向街道申报贸易巷路面和排水改造项目", STAFF["secretary"], 30, 25, "已列入街道本年度民生实事项目"),
                      ("征集雨棚统一样式方案并公示", STAFF["grid"], 40, None, "")]),
    ])

ELEVATOR_TITLE = "安居苑3号楼加装电梯"
ELEVATOR = [
    dict(days=120, kind="党委会", title="社区党委会", session="2026年第3次", place="社区党群服务中心二楼会议室",
         chair=STAFF["secretary"], recorder=STAFF["clerk"], residents=0, members=5,
         agenda=[dict(title="关于安居苑3号楼加装电梯的提议", origin_kind="proposal",
                      origin_text="安居苑3号楼居民联名申请（共36户，签名同意30户）",
                      speeches=[(STAFF["secretary"], "3号楼60岁以上老人有41人，上下楼难，加装电梯是群众最急的事。")],
                      vote_method="举手", votes=(5, 0, 0), resolution="同意提议，提交社区两委会商议。",
                      responsible=STAFF["secretary"], deadline=14, actions=[])]),
    dict(days=110, kind="两委会", title="社区两委联席会议", session="2026年第5次", place="社区党群服务中心二楼会议室",
         chair=STAFF["secretary"], recorder=STAFF["clerk"], residents=0, members=9, absent_members=1,
         agenda=[dict(title="商议安居苑3号楼加装电梯方案", origin_kind="agenda_item", origin_text="社区党委会提议",
                      speeches=[(STAFF["director"], "费用按楼层系数分摊，一楼不出钱，二楼系数0.3，逐层递增。"),
                                (STAFF["grid"], "一楼住户担心采光和噪音，要提前上门做工作。")],
                      vote_method="举手", votes=(8, 0, 0),
                      resolution="形成加装电梯初步方案（按楼层系数分摊费用，申请政府补贴），提交党员大会审议。",
                      responsible=STAFF["director"], deadline=10, actions=[])]),
    dict(days=100, kind="党员大会", title="福通社区党委党员大会", session="第三届第五次", place="社区党群服务中心一楼大厅",
         chair=STAFF["secretary"], recorder=STAFF["clerk"], residents=0, members=30, absent_members=6,
         agenda=[dict(title="审议安居苑3号楼加装电梯方案", origin_kind="agenda_item", origin_text="两委会商议方案",
                      speeches=[(None, "我是3号楼的党员，我带头签字，也帮着做一楼住户的工作。")],
                      vote_method="举手", votes=(22, 1, 1),
                      resolution="审议通过加装电梯方案，提交居民代表会议决议。",
                      responsible=STAFF["secretary"], deadline=10, actions=[])]),
    dict(days=92, kind="居民代表会议", title="福通社区居民代表会议", session="第九届第二次", place="社区党群服务中心一楼大厅",
         chair=STAFF["director"], recorder=STAFF["clerk"], residents=15, absent=[("外出务工",), ("住院",)],
         agenda=[dict(title="决议安居苑3号楼加装电梯方案", origin_kind="agenda_item", origin_text="党员大会审议通过的方案",
                      speeches=[(None, "一楼的意见我们听了，施工单位承诺用低噪音设备，电梯井不挡窗户。")],
                      vote_method="无记名", votes=(12, 1, 0),
                      resolution="决议通过安居苑3号楼加装电梯方案，决议公示7天后报街道审批。",
                      responsible=STAFF["director"], deadline=60,
                      actions=[("决议在小区公示栏和3号楼各单元公示7天", STAFF["clerk"], 8, 8, "已公示7天，无异议"),
                               ("办理加装电梯规划和施工审批手续", STAFF["director"], 60, 45, "审批手续已办结"),
                               ("组织施工单位进场并每周通报进度", STAFF["grid"], 120, None, "")])]),
]

REVIEW = dict(
    days=10, kind="两委会", title="社区两委会（定期评事）", session="2026年第9次", place="社区党群服务中心二楼会议室",
    chair=STAFF["secretary"], recorder=STAFF["clerk"], residents=0, members=9, absent_members=0,
    agenda=[dict(title="评议上次会议事项落实情况", origin_kind="proposal", origin_text="定期评事",
                 speeches=[(STAFF["grid"], "贸易巷停车秩序明显好转，商户值日坚持得好。"),
                           (STAFF["clerk"], "菜单意愿每月汇总还需要固定下来，建议每月5日前公布。")],
                 resolution="已完成事项予以销号；未完成事项继续跟踪，下次会议再评。", responsible=STAFF["secretary"],
                 actions=[("每月5日前在驿站公布菜单调整情况", STAFF["clerk"], 25, None, "")])],
)

PARTY_LESSON = dict(
    days=20, kind="凉亭党课", title="凉亭党课：身边的好党员", session="", place="湖畔嘉苑凉亭",
    chair=STAFF["secretary"], recorder=STAFF["grid"], residents=14,
    agenda=[dict(title="学习身边好党员事迹", origin_kind="proposal", origin_text="党委年度党课安排",
                 speeches=[(None, "马师傅义务给大家修电风扇、电饭锅十几年了，这就是身边的榜样。")],
                 resolution="", actions=[])],
)

MEETINGS = (CANTEEN, LANE, PARTY_LESSON, REVIEW)
