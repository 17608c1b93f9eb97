#!/usr/bin/env python3
"""Generates the demo staff and cases of 合隆镇综合行政执法队 (used by `zhifa --demo`).

    python3 tools/demo_data.py

Writes `sample-data/staff.toml` and `sample-data/cases.toml`. Deterministic (fixed seed, standard
library only). It reads the powers catalog (assets/catalog/*.toml) and the holiday tables
(assets/holidays/*.toml) so that every case uses an existing power, a tier of that power and a
working day, and it checks its own output before writing. Its checks are only a first sieve:
the real check is the demo build (`zhifa --demo`, src/demo/tests.rs), which takes every case
through the domain's workflow and refuses what any rule refuses.

Everything here is fictional: people, villages, streets, companies and facts are made up.
Only the township (合隆镇) and county (农安县) are real place names.
"""

import datetime as dt
import pathlib
import random
import tomllib
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "sample-data"
SEED = 20261030
rng = random.Random(SEED)

# ─────────────────────────────────────────────────────────────────────────── staff

SQUADS = ["第一中队", "第二中队", "第三中队", "第四中队", "第五中队"]

# (username, name, roles, squad, certified, legal_qualified)
STAFF = [
    ("sunzhen", "孙振", ["负责人"], "", True, False),
    ("zhoujie", "周杰", ["负责人"], "", True, False),
    ("qianli", "钱丽", ["法制审核员"], "", True, True),
    # 第一中队
    ("zhaogang", "赵刚", ["中队长", "承办人"], "第一中队", True, False),
    ("zhangwei", "张伟", ["承办人"], "第一中队", True, False),
    ("liqiang", "李强", ["承办人"], "第一中队", True, False),
    ("wangfang", "王芳", ["承办人"], "第一中队", True, False),
    ("liujun", "刘军", ["承办人"], "第一中队", True, False),
    ("admin", "吴敏", ["承办人", "管理员"], "第一中队", False, False),
    ("chenlei", "陈磊", ["承办人"], "第一中队", False, False),
    ("yangxuesong", "杨雪松", ["承办人"], "第一中队", False, False),
    ("huangpeng", "黄鹏", ["承办人"], "第一中队", False, False),
    ("kongdesheng", "孔德胜", ["承办人"], "第一中队", False, False),
    # 第二中队
    ("xuliming", "徐立明", ["中队长", "承办人"], "第二中队", True, False),
    ("mazhiyuan", "马志远", ["承办人"], "第二中队", True, False),
    ("zhuhong", "朱红", ["承办人"], "第二中队", True, False),
    ("hulin", "胡林", ["承办人"], "第二中队", True, False),
    ("guoliang", "郭亮", ["承办人"], "第二中队", True, False),
    ("heyu", "何宇", ["承办人"], "第二中队", False, False),
    ("luojing", "罗静", ["承办人"], "第二中队", False, False),
    ("gaofeng", "高峰", ["承办人"], "第二中队", False, False),
    ("linhai", "林海", ["承办人"], "第二中队", False, False),
    ("zhengxin", "郑欣", ["承办人"], "第二中队", False, False),
    # 第三中队
    ("liangyong", "梁勇", ["中队长", "承办人"], "第三中队", True, False),
    ("songwenbo", "宋文博", ["承办人"], "第三中队", True, False),
    ("handongmei", "韩冬梅", ["承办人"], "第三中队", True, False),
    ("fengbo", "冯波", ["承办人"], "第三中队", True, False),
    ("caolei", "曹磊", ["承办人"], "第三中队", False, False),
    ("pengying", "彭英", ["承办人"], "第三中队", False, False),
    ("zengqiang", "曾强", ["承办人"], "第三中队", False, False),
    ("xiaoyan", "肖燕", ["承办人"], "第三中队", False, False),
    ("tianyu", "田宇", ["承办人"], "第三中队", False, False),
    # 第四中队
    ("dongjun", "董军", ["中队长", "承办人"], "第四中队", True, False),
    ("yuanhao", "袁浩", ["承办人"], "第四中队", True, False),
    ("panmin", "潘敏", ["承办人"], "第四中队", True, False),
    ("duwei", "杜伟", ["承办人"], "第四中队", True, False),
    ("jiangtao", "蒋涛", ["承办人"], "第四中队", False, False),
    ("weina", "魏娜", ["承办人"], "第四中队", False, False),
    ("xuechang", "薛畅", ["承办人"], "第四中队", False, False),
    ("yexiaoqing", "叶晓青", ["承办人"], "第四中队", False, False),
    ("yanbin", "阎斌", ["承办人"], "第四中队", False, False),
    # 第五中队
    ("yuchunsheng", "于春生", ["中队长", "承办人"], "第五中队", True, False),
    ("sufang", "苏芳", ["承办人"], "第五中队", True, False),
    ("lushan", "卢山", ["承办人"], "第五中队", True, False),
    ("dingyu", "丁宇", ["承办人"], "第五中队", True, False),
    ("renjie", "任杰", ["承办人"], "第五中队", False, False),
    ("shenping", "沈平", ["承办人"], "第五中队", False, False),
    ("yaoyuan", "姚远", ["承办人"], "第五中队", False, False),
    ("cuilin", "崔林", ["承办人"], "第五中队", False, False),
]


def make_staff():
    out = []
    cert = 10001
    for username, name, roles, squad, certified, legal in STAFF:
        s = dict(username=username, name=name, roles=roles, squad=squad, legal_qualified=legal)
        if certified:
            s["cert_no"] = f"220122{cert:05d}"
            cert += rng.randint(1, 9)
        out.append(s)
    return out


# ─────────────────────────────────────────────────────────────────────────── places

# Fictional villages of 合隆镇 (without 村) by the squad that covers them; the town streets
# (镇区) are shared by the first two squads.
VILLAGES = {
    "第一中队": ["东岗", "前进", "永兴"],
    "第二中队": ["和平", "新立", "红星"],
    "第三中队": ["长胜", "富民", "三合"],
    "第四中队": ["柳树", "北岭", "南沟"],
    "第五中队": ["双井", "杨树", "兴旺", "太平"],
}
STREETS = {
    "第一中队": ["中心街", "建设路", "繁荣街"],
    "第二中队": ["站前路", "兴业路", "育才街"],
}
ALL_VILLAGES = [v for vs in VILLAGES.values() for v in vs]
ALL_STREETS = [s for ss in STREETS.values() for s in ss]
RIVERS = ["小青河", "柳条沟河"]  # fictional, like 青山水库 and 东风干渠 below
DIRS = ["东", "西", "南", "北"]

# ─────────────────────────────────────────────────────────────────────────── names

SURNAMES = (
    "王李张刘赵孙于杨高陈徐马董吴周郭姜宋韩曲隋付佟关那白崔邢谷鲁"
    "常苗宁范侯孟田胡朱吕邵蔡贾丁魏薛叶潘杜夏石姚谭邹金郝秦史顾"
)
GIVEN = (
    "长海 占山 凤芝 桂兰 玉华 宝林 振江 树林 国富 春生 淑珍 秀英 德福 立新 永发 海龙 "
    "建军 志强 红梅 丽娟 晓东 春雨 金凤 德胜 福贵 玉芬 庆丰 连生 洪波 俊峰 雪梅 凤英 "
    "广才 殿臣 万春 铁军 国庆 学文 丽华 艳春 桂芝 秀兰 文军 玉龙 宏伟 振国 明辉 晓峰 "
    "海燕 春梅 凤霞 国华 长青 有才 树森 金山 凤琴 玉梅 景山 洪军 立国 守义 继红 淑芬 "
    "春来 德全 玉清 亚军 冬梅 秋菊 满仓 喜顺 广发 兆林 克勤 永利 晓丽 艳华 文华 建平 "
    "双喜 百顺 春华 丽艳 立军 庆林 宝山 福林 志刚 建华 玉霞 秀芝 长林 国军 胜利 东升 "
    "金海 显峰 铁柱 春山 永庆 玉成 海涛 德新 桂荣 艳玲 伟东 福山 成林 久富 岩松 凤山"
).split()
STAFF_NAMES = {s[1] for s in STAFF}
_used_names = set(STAFF_NAMES)


def person_name():
    while True:
        n = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if n not in _used_names:
            _used_names.add(n)
            return n


ZIHAO = "丰禾鑫隆泰顺达盛源恒嘉瑞博宇旺兴润信诚益福祥康安广通利兆德裕升晟沃荣昌"
_used_zihao = set()


def zihao():
    while True:
        a, b = rng.sample(ZIHAO, 2)
        if a + b not in _used_zihao:
            _used_zihao.add(a + b)
            return a + b


# Organisation kinds: name pattern and address pattern.
ORG = {
    "coop": ["农安县合隆镇{z}农机专业合作社", "农安县合隆镇{z}种植专业合作社"],
    "farm": ["农安县{z}牧业有限公司", "农安县合隆镇{z}养殖专业合作社"],
    "build": ["吉林省{z}建筑工程有限公司", "农安县{z}建设工程有限公司"],
    "transport": ["农安县{z}运输有限公司", "农安县{z}物流有限公司"],
    "food": ["农安县合隆镇{z}餐饮有限公司", "农安县{z}酒店管理有限公司"],
    "factory": ["农安县{z}粮食烘干有限公司", "农安县{z}饲料有限公司", "农安县{z}米业有限公司"],
    "trade": ["农安县{z}商贸有限公司", "农安县{z}超市有限公司"],
    "agro": ["农安县{z}农资有限公司"],
    "seed": ["吉林省{z}种业有限公司"],
    "mining": ["农安县{z}砂石料有限公司"],
    "estate": ["农安县{z}房地产开发有限公司"],
    "ad": ["农安县{z}广告传媒有限公司"],
    "property": ["农安县{z}物业服务有限公司"],
    "wood": ["农安县{z}木业有限公司"],
    "deco": ["农安县{z}装饰工程有限公司"],
    "village": ["农安县合隆镇{v}村股份经济合作社"],
}
# Individual businesses (个体工商户): trade-name suffix.
BIZ = {
    "bbq": "烧烤店",
    "restaurant": "饭店",
    "agro": "农资商店",
    "seed": "种子经销部",
    "grain": "粮食收购点",
    "livestock": "畜禽经销部",
    "fireworks": "烟花爆竹零售点",
    "material": "建材商店",
    "shop": "超市",
    "wood": "木材加工厂",
    "deco": "装修部",
    "carwash": "洗车行",
    "ad": "广告部",
    "repair": "汽车修理部",
}

# ─────────────────────────────────────────────────────────────────────────── powers

# Per power: places (templates: {v} village, {s} street, {r} river, {d} direction, {n} number),
# facts (1–3 sentences; {loc} the place without 合隆镇, {a} a number, {base}, {units}),
# a = range for {a}; base / units = range for multiple / per-unit powers; w = party weights;
# org / biz = organisation and business kinds; months = plausible months; pop = how common;
# np = no-penalty note; tr = transfer note.
META = {}


def M(code, places, facts, **kw):
    META[code] = dict(places=places, facts=facts, **kw)


P = "person"
O = "organisation"
B = "business"
TOWN = ["{s}{n}号门前", "{s}与{s2}交会处", "{s}{n}号附近"]

# 城市管理 ───────────────────────────────────────────────────────────
M("CG-001", ["{s}人行道", "{s}公交站点"],
  ["当事人在{loc}随意丢弃烟头、果皮等废弃物，经劝阻后仍继续乱扔。"], w={P: 1})
M("CG-002", ["{s}{n}号临街建筑外墙", "{s}人行天桥"],
  ["当事人在{loc}用油漆涂写疏通管道、办证等小广告约{a}处。"], a=(5, 30),
  w={P: 5, B: 2}, biz=["repair", "deco"])
M("CG-003", ["{s}沿街电线杆", "{s}公交站亭"],
  ["当事人未经批准在{loc}等设施上张贴商业宣传单{a}余张。"], a=(20, 150),
  w={P: 3, B: 3, O: 1}, biz=["deco", "shop", "ad"], org=["ad", "trade"], pop=2)
M("CG-004", ["{s}{n}号临街住宅"],
  ["当事人在{loc}阳台外侧吊挂杂物、晾晒衣被，影响街容街貌，经劝阻未改正。"], w={P: 1})
M("CG-005", ["{s}路边排水沟", "{v}村主路边沟"],
  ["当事人将自家旱厕粪便倾倒在{loc}内，散发异味。", "当事人在非指定时间、地点将装修垃圾倾倒在{loc}旁。"],
  w={P: 5, B: 1}, biz=["restaurant", "deco"], pop=2)
M("CG-006", TOWN,
  ["当事人门前卫生责任区内垃圾、杂物堆积，经督促后仍未履行清扫保洁义务。"],
  w={B: 4, O: 2}, biz=["restaurant", "shop", "material"], org=["trade", "food"])
M("CG-007", ["{s}{n}号后院", "{s}{n}号附近空地"],
  ["当事人清运餐厨垃圾未按规定密闭运输，并将垃圾临时堆放在{loc}。"],
  w={B: 3, O: 2}, biz=["restaurant"], org=["food", "property"])
M("CG-008", ["{s}", "{v}村至镇区乡道"],
  ["当事人驾驶农用运输车运输沙土未加覆盖，沿{loc}遗撒约{a}米。"], a=(50, 600),
  w={P: 4, O: 2}, org=["transport", "build"], pop=2)
M("CG-009", ["{s}{n}号临街工地"],
  ["当事人在{loc}施工，未设置围挡，建筑材料和渣土裸露堆放，影响市容。"], w={O: 1}, org=["build"])
M("CG-010", ["{s}{n}号楼顶"],
  ["当事人未经同意在{loc}擅自设置大型户外广告牌一块，面积约{a}平方米。"], a=(20, 80),
  w={O: 2, B: 2}, org=["ad", "trade"], biz=["ad", "shop"])
M("CG-011", TOWN,
  ["当事人未经批准在{loc}堆放沙石、砖块等建筑材料约{a}立方米，占用人行道。"], a=(3, 30),
  w={B: 3, P: 2}, biz=["material"])
M("CG-012", ["{s}{n}号旁公共场地", "{s}广场东侧"],
  ["当事人未经批准在{loc}搭建彩钢板棚一处，面积约{a}平方米。"], a=(10, 60),
  w={P: 3, B: 2}, biz=["shop", "restaurant"])
M("CG-013", ["{s}{n}号附近", "{v}村委会旁"],
  ["当事人未经批准擅自拆除{loc}公共垃圾收集点一处。"], w={P: 2, O: 1}, org=["estate", "build"])
M("CG-014", ["{s}", "{s}{n}号门前"],
  ["当事人驾驶车辆倒车时撞坏{loc}垃圾箱{a}个，未采取补救措施。"], a=(1, 4), w={P: 1},
  tr="当事人另有拆卸垃圾箱铁件变卖的行为，涉嫌盗窃，应由公安机关处理。")
M("CG-015", ["{s}绿化带", "{s}街心游园"],
  ["当事人在{loc}内踩踏花草、放养家禽，损坏草坪约{a}平方米。"], a=(10, 80), w={P: 1})
M("CG-016", ["{s}", "{s}{n}号门前"],
  ["当事人未经批准砍伐{loc}行道树{a}株。"], a=(1, 6), w={P: 3, B: 1}, biz=["shop", "restaurant"])
M("CG-017", ["{v}村古榆树所在地", "{s}古柳所在地"],
  ["当事人在{loc}附近施工挖掘，损伤登记在册的古树根系，致该古树树势衰弱。"],
  w={O: 2, P: 1}, org=["build"], tr="经初步核查，该古树已死亡，涉嫌危害国家重点保护植物罪。")
M("CG-018", ["{s}绿化带", "{s}街心游园"],
  ["当事人驾驶货车撞毁{loc}护栏约{a}米。"], a=(5, 30), w={P: 3, O: 1}, org=["transport"])
M("CG-019", ["{s}{n}号旁公共绿地"],
  ["当事人未经同意在{loc}上硬化地面用于停车，占用绿地约{a}平方米。"], a=(30, 200),
  w={B: 2, O: 2}, biz=["restaurant", "shop"], org=["trade", "food"])
M("CG-020", ["{s}街心游园", "合隆镇文化广场绿地"],
  ["当事人在{loc}内摆摊经营，不服从公共绿地管理单位管理，经劝阻拒不离开。"],
  w={B: 2, P: 3}, biz=["shop", "bbq"])
M("CG-021", TOWN,
  ["当事人未经批准在{loc}占用城市道路摆放桌椅、货物经营，占道面积约{a}平方米。",
   "当事人未经批准擅自挖掘{loc}路面铺设排水管线，开挖面积约{a}平方米。"], a=(6, 60),
  w={B: 4, P: 3, O: 2}, biz=["restaurant", "shop", "material"], org=["build", "trade"], pop=4)
M("CG-022", TOWN,
  ["当事人擅自在{loc}道路边缘砌筑台阶、搭建门斗，侵占道路约{a}平方米。"], a=(5, 30),
  w={B: 3, P: 2}, biz=["shop", "restaurant"])
M("CG-023", ["{s}路灯杆", "{r}镇区桥梁护栏"],
  ["当事人擅自在{loc}上设置广告牌{a}块。"], a=(2, 20), w={B: 3, O: 2}, biz=["ad", "shop"],
  org=["ad", "trade"], pop=2)
M("CG-024", TOWN,
  ["当事人经批准挖掘{loc}路面铺设管线，施工结束后未及时清理现场、恢复路面。"],
  w={O: 3, P: 1}, org=["build"])
M("CG-025", TOWN,
  ["当事人占用{loc}道路的批准期限已届满，仍继续堆放建筑材料约{a}平方米，未办理延期手续。",
   "当事人超出批准的占道面积在{loc}堆放货物，超出面积约{a}平方米。"], a=(10, 80),
  w={O: 2, B: 2}, org=["build", "trade"], biz=["material"])
M("CG-026", ["{s}{n}号"],
  ["当事人将洗车产生的污水未经沉淀直接排入{loc}门前雨水管网。"], w={B: 3, O: 1},
  biz=["carwash", "repair"], org=["food"])
M("CG-027", ["{s}污水检查井", "{s}{n}号附近排水管道"],
  ["当事人施工时向{loc}内倾倒泥浆、渣土，造成排水管道堵塞。"], w={O: 3, P: 1}, org=["build"])
M("CG-028", ["{s}{n}号地下室", "{s}{n}号后厨"],
  ["当事人在{loc}储存液化石油气钢瓶{a}个，无通风和防爆措施，经责令限期改正后逾期未改正。"],
  a=(3, 12), w={B: 4, O: 2, P: 1}, biz=["restaurant", "bbq"], org=["food"], pop=2)
M("CG-029", ["{s}", "{v}村燃气管道沿线"],
  ["当事人在{loc}燃气管道保护范围内使用挖掘机取土作业，距燃气管道不足{a}米。"], a=(1, 3),
  w={O: 3, P: 1}, org=["build"])
M("CG-030", ["{s}{n}号附近", "{v}村供水管道沿线"],
  ["当事人在{loc}公共供水管道安全保护范围内开挖沟槽并堆放重物。"], w={P: 2, O: 1},
  org=["build"])

# 规划建设 ───────────────────────────────────────────────────────────
M("GH-001", ["{s}北侧", "{s}{n}号院内"],
  ["当事人未取得建设工程规划许可证，在{loc}建设砖混结构房屋，建筑面积约{a}平方米，经评估工程造价约{base}元。"],
  a=(150, 900), base=(150000, 900000, 10000), per=(900, 1400), w={O: 3, P: 2}, org=["estate", "factory", "trade"],
  pop=2)
M("GH-002", ["{s}{n}号", "{s}南侧"],
  ["当事人未按照建设工程规划许可证的规定进行建设，擅自加建一层，超出许可面积约{a}平方米，涉及工程造价约{base}元。"],
  a=(80, 400), base=(80000, 600000, 10000), per=(900, 1400), w={O: 3, P: 1}, org=["estate", "factory"])
M("GH-003", ["{v}村{n}组"],
  ["当事人未取得乡村建设规划许可证，在{loc}新建砖混结构仓房约{a}平方米。"], a=(40, 160),
  w={P: 1}, np="经责令限期改正，当事人已在期限内补办手续并按许可内容整改。", pop=2)
M("GH-004", ["{v}村{n}组"],
  ["当事人未按照乡村建设规划许可证载明的位置和面积建设住宅，超出许可面积约{a}平方米。"],
  a=(15, 60), w={P: 1}, np="经责令限期改正，当事人已在期限内自行拆除超出部分。")
M("GH-005", ["{s}{n}号旁", "{v}村{n}组"],
  ["当事人未经批准在{loc}搭建临时彩钢板房作为库房，面积约{a}平方米，造价约{base}元。"],
  a=(50, 300), base=(8000, 60000, 1000), per=(150, 250), w={P: 2, O: 2, B: 1}, org=["trade", "build"],
  biz=["material", "shop"], pop=2)
M("GH-006", ["{s}{n}号旁"],
  ["当事人临时建设批准面积为{a}平方米，实际超出批准内容加建活动板房，造价约{base}元。"],
  a=(60, 200), base=(10000, 50000, 1000), w={O: 2, P: 1}, org=["build"])
M("GH-007", ["{s}{n}号", "{s}北侧"],
  ["当事人在{loc}的临时工棚批准使用期限已届满，至今未自行拆除，造价约{base}元。"],
  base=(20000, 120000, 1000), w={O: 3, P: 1}, org=["build", "estate"])
M("GH-008", ["{v}村{n}组"],
  ["当事人未经批准在{loc}建设住宅一处，面积约{a}平方米。"], a=(80, 180), w={P: 1})
M("GH-009", ["{v}村文化广场", "{v}村村部"],
  ["当事人驾驶铲车作业时损坏{loc}健身器材{a}件。"], a=(1, 4), w={P: 3, O: 1}, org=["build"])
M("GH-010", ["{v}村{n}组村道两侧"],
  ["当事人在{loc}长期堆放粪便和玉米秸秆约{a}立方米，影响村容村貌，经督促未清理。"],
  a=(5, 40), w={P: 1}, np="当事人系初次违法，已在责令期限内清理完毕。", pop=2)
M("GH-011", ["合隆镇农贸市场", "{s}客运站前广场"],
  ["当事人擅自在{loc}搭建临时经营棚一处，面积约{a}平方米。"], a=(10, 50),
  w={B: 3, P: 2}, biz=["shop", "bbq"])
M("GH-012", ["{s}{n}号", "{v}村{n}组"],
  ["当事人承建的{loc}厂房工程未取得施工许可证即擅自开工建设。"], w={O: 1},
  org=["build", "factory"])
M("GH-013", ["{s}{n}号商铺"],
  ["当事人在{loc}装修中擅自拆除承重墙约{a}米。"], a=(3, 12), w={B: 2, P: 2},
  biz=["shop", "restaurant"], alt=True)
M("GH-014", ["{v}村老供销社旧址（历史建筑）"],
  ["当事人在{loc}外墙上刻划字迹。"], w={P: 1})
M("GH-015", ["{v}村村口"],
  ["当事人擅自移动{loc}设置的历史文化名村标志牌，经责令限期改正后逾期未改正。"],
  w={P: 3, O: 1}, org=["build"])
M("GH-016", ["{v}村北侧古遗址"],
  ["当事人在{loc}放牧时损毁县级文物保护单位保护标志碑一块。"], w={P: 1})

# 生态环境 ───────────────────────────────────────────────────────────
M("HJ-001", ["{v}村{d}侧农田", "{v}村{n}组耕地", "{v}村乡道两侧农田"],
  ["当事人在{loc}露天焚烧玉米秸秆约{a}亩，产生大量烟尘。",
   "当事人将收获后的玉米秸秆堆放在{loc}点燃，过火面积约{a}亩，烟尘影响周边村屯。"],
  a=(2, 20), w={P: 9, O: 1}, org=["coop"], months=[3, 4, 5, 10, 11], pop=6,
  np="当事人系初次违法，过火面积小，已当场扑灭并清理，未造成危害后果。")
M("HJ-002", ["{s}{n}号小区绿化带", "{v}村村部院内"],
  ["当事人在{loc}使用高毒农药喷洒树木防治虫害，周边居民反映异味明显。"], months=[5, 6, 7, 8],
  w={P: 2, O: 2}, org=["property"])
M("HJ-003", ["{v}村{n}组空地", "{s}{n}号后院"],
  ["当事人在{loc}焚烧废旧轮胎、塑料等杂物，产生大量黑烟和恶臭气体。"],
  w={P: 4, O: 1}, org=["factory"], pop=2)
M("HJ-004", ["{s}{n}号门前", "合隆镇文化广场东侧"],
  ["当事人在禁止露天烧烤的区域内，在{loc}摆设烧烤炉{a}个进行露天烧烤经营。"], a=(1, 4),
  w={B: 5, P: 2}, biz=["bbq"], months=[5, 6, 7, 8, 9], pop=3)
M("HJ-005", ["{s}{n}号"],
  ["当事人经营的饭店未安装油烟净化设施，油烟直接排放，经检测超过排放标准。"],
  w={B: 3, O: 2}, biz=["restaurant", "bbq"], org=["food"], pop=2)
M("HJ-006", ["{s}", "{v}村至镇区乡道"],
  ["当事人运输渣土的自卸货车未采取密闭措施，行驶途中在{loc}遗撒渣土约{a}米。"], a=(50, 500),
  w={O: 3, P: 2}, org=["transport", "build"], pop=2)
M("HJ-007", ["{v}村{n}组", "{s}{n}号"],
  ["当事人在{loc}居民集中区域使用高音广播喇叭播放广告，经说服教育、责令改正后拒不改正。"],
  w={P: 3, B: 2, O: 1}, biz=["shop"], org=["trade"])
M("HJ-008", ["合隆镇文化广场", "{v}村文化广场"],
  ["当事人组织广场舞活动，晚间{a}时后仍使用大功率音响，经说服教育、责令改正后拒不改正。"],
  a=(21, 22), w={P: 1}, months=[5, 6, 7, 8, 9])
M("HJ-009", ["{s}{n}号住宅楼"],
  ["当事人在{loc}内夜间进行电钻、切割等装修作业，经责令改正后仍继续作业。"],
  w={P: 3, O: 1}, org=["deco"])
M("HJ-010", ["{s}{n}号"],
  ["当事人在{loc}店铺门口使用高音喇叭持续循环播放促销广告，经责令改正后仍未停止。"],
  w={B: 3, O: 1}, biz=["shop"], org=["trade"])
M("HJ-011", ["{v}村{n}组路边沟渠", "{s}{n}号附近空地", "{v}村村道旁"],
  ["当事人将生活垃圾随意倾倒在{loc}。", "当事人在{loc}随意堆放生活垃圾约{a}袋并焚烧。"],
  a=(3, 15), w={P: 9, O: 1}, org=["property"], pop=5)
M("HJ-012", ["{s}{n}号", "{v}村{n}组"],
  ["当事人承建的{loc}项目未编制建筑垃圾处理方案报备案，施工产生的建筑垃圾约{a}立方米未及时清运。"],
  a=(50, 400), w={O: 1}, org=["build"])
M("HJ-013", ["{v}村{d}侧空地", "{r}岸边"],
  ["当事人将施工产生的建筑垃圾约{a}立方米擅自倾倒在{loc}。"], a=(30, 300), w={O: 1},
  org=["build"])
M("HJ-014", ["{v}村至镇区乡道", "{s}"],
  ["当事人运输生活垃圾未采取密闭措施，沿{loc}遗撒生活垃圾。"], w={P: 4, O: 1},
  org=["property", "transport"])
M("HJ-015", ["{v}村段{r}", "{v}村段{r}河道岸坡"],
  ["当事人将生产废渣约{a}吨倾倒在{loc}最高水位线以下的滩地上。"], a=(5, 60),
  w={O: 3, P: 1}, org=["factory"],
  tr="经初步核查，倾倒物疑似含有危险废物，涉嫌污染环境罪。")
M("HJ-016", ["青山水库饮用水水源一级保护区"],
  ["当事人在{loc}内垂钓。", "当事人在{loc}内游泳。"], w={P: 1}, months=[5, 6, 7, 8, 9], pop=2)

# 林业 ─────────────────────────────────────────────────────────────
FIRE = [3, 4, 5, 9, 10, 11]
M("LY-001", ["{v}村{d}山林地"],
  ["当事人未经审核同意，将{loc}林地约{a}平方米改为养殖场用地，恢复植被和林业生产条件所需费用经评估约{base}元。"],
  a=(300, 3000), base=(3000, 60000, 1000), per=(8, 20), w={P: 3, O: 1}, org=["farm"])
M("LY-002", ["{v}村{d}山林地"],
  ["当事人在临时使用的{loc}上修建砖混结构永久性房屋，恢复植被和林业生产条件所需费用约{base}元。"],
  base=(10000, 50000, 1000), w={O: 2, P: 1}, org=["build", "mining"])
M("LY-003", ["{v}村{d}山林地边缘", "{v}村护路林"],
  ["当事人在{loc}开垦种植玉米，毁坏杨树幼树{a}株，林木价值约{base}元。"], a=(20, 200),
  base=(1000, 20000, 100), per=(40, 80), w={P: 1}, pop=2)
M("LY-004", ["{v}村{d}山林地"],
  ["当事人在{loc}内采砂取土，毁坏林地约{a}平方米，恢复植被和林业生产条件所需费用约{base}元。"],
  a=(200, 2000), base=(3000, 40000, 1000), per=(10, 20), w={P: 3, O: 1}, org=["mining"])
M("LY-005", ["{v}村{d}山林地", "{v}村{n}组承包林地"],
  ["当事人未取得采伐许可证，在{loc}采伐自家承包林地内的杨树{a}株，滥伐林木价值约{base}元。",
   "当事人持有采伐许可证，但超出许可数量在{loc}采伐杨树{a}株，滥伐林木价值约{base}元。"],
  a=(15, 120), base=(2000, 20000, 100), per=(120, 220), w={P: 1}, pop=3,
  tr="经初步核查，滥伐林木蓄积量较大，涉嫌滥伐林木罪。")
M("LY-006", ["{v}村{d}山林地", "{v}村护路林"],
  ["当事人擅自在{loc}砍伐他人所有的杨树{a}株，盗伐林木价值约{base}元。"], a=(3, 20),
  base=(500, 6000, 100), per=(150, 250), w={P: 1}, pop=2,
  tr="经初步核查，盗伐林木蓄积量较大，涉嫌盗伐林木罪。")
M("LY-007", ["{v}村{n}组", "{s}{n}号"],
  ["当事人明知是滥伐的杨树原木仍予以收购、加工，收购价款约{base}元。"],
  base=(3000, 30000, 500), w={B: 3, O: 1, P: 1}, biz=["wood"], org=["wood"])
M("LY-008", ["{v}村{d}山林地", "{v}村{d}山坟地"],
  ["当事人在森林防火期内，未经批准在{loc}森林防火区内烧荒。",
   "当事人在森林防火期内，在{loc}森林防火区内上坟烧纸，引燃地表枯草约{a}平方米。"],
  a=(10, 200), w={P: 9, O: 1}, org=["coop"], months=FIRE, pop=4,
  np="当事人系初次违法，火情被及时扑灭，未造成危害后果。")
M("LY-009", ["{v}村{d}山林地"],
  ["当事人经营的{loc}未按规定落实森林防火责任，未设置防火隔离带和防火宣传标志。"],
  w={P: 2, O: 1}, org=["farm", "wood"], months=FIRE)
M("LY-010", ["{v}村{d}山林地"],
  ["当事人收到森林火灾隐患整改通知书后，逾期未清理{loc}林缘堆放的柴草等可燃物。"],
  w={P: 3, O: 1}, org=["wood", "farm"], months=FIRE)
M("LY-011", ["{v}村{d}山林区道路"],
  ["当事人驾驶的运输车辆在森林防火期内进入{loc}森林防火区，未安装森林防火装置。"],
  w={P: 3, O: 1}, org=["transport", "wood"], months=FIRE, pop=2)
M("LY-012", ["{v}村西草场", "{v}村{d}侧草原"],
  ["当事人在草原防火期内，未经批准在{loc}野外用火烧荒，过火面积约{a}平方米。"], a=(50, 800),
  w={P: 4, O: 1}, org=["farm"], months=[3, 4, 5, 9, 10])
M("LY-013", ["{v}村西草场", "{v}村{d}侧草原"],
  ["当事人在{loc}非法开垦草原约{a}亩种植玉米，违法所得约{base}元。"], a=(3, 30),
  base=(1000, 20000, 100), per=(300, 600), w={P: 4, O: 1}, org=["coop"])
M("LY-014", ["{v}村西草场"],
  ["当事人驾驶越野车辆离开道路在{loc}上行驶，碾压破坏草原植被约{a}平方米，该草原前三年平均产值约{base}元。"],
  a=(200, 1500), base=(300, 6000, 100), per=(1, 3), w={P: 1})
M("LY-015", ["{v}村{d}山林地", "{v}村{d}侧农田"],
  ["当事人在{loc}使用猎夹、猎套猎捕野兔、雉鸡，猎获物价值约{base}元。"],
  base=(2000, 12000, 100), w={P: 1}, months=[11, 12, 1, 2, 3],
  tr="经初步核查，猎捕数量较大，涉嫌非法狩猎罪。")
M("LY-016", ["{v}村{d}山林地", "{r}湿地"],
  ["当事人在禁猎期内于{loc}使用捕鸟网捕捉野生鸟类{a}只，猎获物价值约{base}元。"],
  a=(10, 60), base=(2000, 15000, 100), per=(200, 300), w={P: 1}, months=[3, 4, 5, 9, 10, 11],
  tr="经初步核查，猎捕野生鸟类数量较大，涉嫌非法狩猎罪。")
M("LY-017", ["{v}村{d}山林地"],
  ["当事人在禁猎期内于{loc}使用地弓等禁用工具猎捕野生动物，破坏生态，猎获物价值约{base}元。"],
  base=(1000, 8000, 100), w={P: 1}, months=[4, 5, 6, 7, 8])
M("LY-018", ["{r}湿地", "{v}村{d}侧自然湿地"],
  ["当事人在{loc}内擅自填埋造地约{units}平方米，用于种植玉米。"], units=(40, 600),
  w={P: 3, O: 1}, org=["coop", "farm"])

# 农业农村 ───────────────────────────────────────────────────────────
M("NY-001", ["{v}村{n}组玉米田", "{v}村{d}侧耕地"],
  ["当事人在{loc}使用除草剂时超出标签标注剂量施药，造成相邻地块作物药害。"],
  w={P: 8, O: 1}, org=["coop"], months=[5, 6, 7], pop=2)
M("NY-002", ["{v}村{n}组菜地", "{v}村{d}侧耕地"],
  ["当事人在{loc}使用国家明令禁止使用的百草枯水剂除草。"], w={P: 8, O: 1}, org=["coop"],
  months=[5, 6, 7, 8], pop=2)
M("NY-003", ["{v}村{n}组蔬菜大棚"],
  ["当事人在{loc}种植豆角过程中使用高毒农药氧乐果防治害虫。"], w={P: 8, O: 1}, org=["coop"],
  months=[4, 5, 6, 7, 8, 9])
M("NY-004", ["青山水库饮用水水源保护区内耕地"],
  ["当事人在{loc}上喷施农药防治玉米螟。"], w={P: 1}, months=[6, 7, 8])
M("NY-005", ["{v}村{d}侧农田", "{r}岸边"],
  ["当事人在{loc}投放拌有农药的玉米粒毒杀野鸟。", "当事人在{loc}向水中投放农药毒鱼。"],
  w={P: 1}, tr="经初步核查，毒杀的野生鸟类中有国家重点保护野生动物，涉嫌危害珍贵、濒危野生动物罪。")
M("NY-006", ["{v}村段{r}", "{v}村灌溉渠"],
  ["当事人在{loc}内清洗打药机械，并将农药包装瓶{a}个丢弃于岸边。"], a=(5, 40),
  w={P: 8, O: 1}, org=["coop"], months=[5, 6, 7, 8], pop=2)
M("NY-007", ["{s}{n}号"],
  ["当事人经营农药未建立采购台账和销售台账，经责令改正后拒不改正。"],
  w={B: 4, O: 2}, biz=["agro"], org=["agro"])
M("NY-008", ["{s}{n}号", "{v}村{n}组"],
  ["当事人在经营场所销售散装玉米种子约{a}公斤，未按规定包装。"], a=(50, 600),
  w={B: 4, P: 1, O: 1}, biz=["seed", "agro"], org=["seed"], months=[3, 4, 5])
M("NY-009", ["{s}{n}号"],
  ["当事人销售的大豆种子包装标签未标注生产经营许可证编号和质量指标，共{a}袋。"], a=(20, 200),
  w={B: 3, O: 2}, biz=["seed", "agro"], org=["seed", "agro"], months=[3, 4, 5])
M("NY-010", ["{s}{n}号"],
  ["当事人未按规定建立种子经营档案，无法提供所售种子的来源和销售去向记录。"],
  w={B: 3, O: 2}, biz=["seed"], org=["seed", "agro"], months=[3, 4, 5, 6])
M("NY-011", ["{s}{n}号"],
  ["当事人专门经营不再分装的包装种子，未按规定向农业农村主管部门备案。"],
  w={B: 3, O: 1}, biz=["seed", "agro"], org=["agro"], months=[2, 3, 4, 5])
M("NY-012", ["{v}村{n}组"],
  ["当事人饲养生猪{a}头，未按照动物疫病强制免疫计划实施口蹄疫免疫接种。"], a=(20, 300),
  w={P: 5, O: 2}, org=["farm"], pop=2)
M("NY-013", ["{v}村{n}组", "{s}{n}号"],
  ["当事人饲养的犬只{a}条未按照规定定期进行狂犬病免疫接种。"], a=(1, 3), w={P: 1}, pop=3,
  np="当事人系初次违法，已在责令期限内完成免疫接种。")
M("NY-014", ["{v}村{n}组路边沟内", "{v}村{d}侧荒地"],
  ["当事人将病死生猪{a}头随意丢弃在{loc}，未按规定进行无害化处理。"], a=(1, 12),
  w={P: 5, O: 2}, org=["farm"], pop=2)
M("NY-015", ["{v}村{n}组"],
  ["当事人饲养的生猪出现疑似染疫症状，当事人未向农业农村主管部门报告，也未采取隔离等控制措施。"],
  w={P: 3, O: 2}, org=["farm"])
M("NY-016", ["{v}村{n}组"],
  ["当事人在{loc}兴办肉牛养殖场，存栏{a}头，未向县级农业农村主管部门备案。"], a=(50, 300),
  w={P: 3, O: 2}, org=["farm"])
M("NY-017", ["{v}村{n}组"],
  ["当事人经营的蛋鸡养殖场存栏约{a}只，未建立养殖档案。"], a=(3000, 20000),
  w={P: 3, O: 2}, org=["farm"])
M("NY-018", ["{v}村{n}组", "{s}{n}号"],
  ["当事人收购应当加施标识而没有标识的肉牛{a}头。"], a=(2, 15), w={B: 3, P: 2},
  biz=["livestock"])
M("NY-019", ["{v}村{n}组", "合隆镇农贸市场"],
  ["当事人销售自产的鲜食玉米未按规定开具承诺达标合格证，经批评教育、责令限期改正后逾期未改正。"],
  w={P: 4, O: 2}, org=["coop"], months=[7, 8, 9])
M("NY-020", ["{s}{n}号", "{v}村{n}组"],
  ["当事人从事农产品收购，未按规定收取、保存承诺达标合格证，经责令限期改正后逾期未改正。"],
  w={B: 3, O: 2, P: 1}, biz=["grain"], org=["factory"])
M("NY-021", ["{v}村灌溉渠", "{v}村{d}侧排水沟"],
  ["当事人在{loc}内堆放秸秆和生活垃圾，阻碍农田水利工程设施排水。"], w={P: 1},
  np="经责令限期恢复原状，当事人已在期限内清除全部堆放物。", pop=2)
M("NY-022", ["{v}村灌溉渠"],
  ["当事人擅自在{loc}上修筑土坝截水，占用农田水利工程设施。"], w={P: 3, O: 1}, org=["coop"],
  np="经责令限期恢复原状，当事人已在期限内拆除土坝。")

# 水利 ─────────────────────────────────────────────────────────────
M("SL-001", ["{s}{n}号", "{v}村{n}组"],
  ["当事人未取得取水许可，在{loc}打井取水用于{what}。"], w={O: 2, B: 2},
  org=["mining", "factory"], biz=["carwash"])
M("SL-002", ["青山水库大坝下游", "东风干渠渠首"],
  ["当事人在{loc}水工程保护范围内取土约{a}立方米，危害水工程安全。"], a=(50, 500),
  w={P: 3, O: 1}, org=["build"])
M("SL-003", ["{v}村灌溉渠", "东风干渠"],
  ["当事人擅自拆除{loc}节制闸门一处。", "当事人侵占{loc}渠堤约{a}米修建围墙。"], a=(10, 80),
  w={P: 3, O: 1}, org=["factory"])
M("SL-004", ["东风干渠{v}村段", "{v}村灌溉渠"],
  ["当事人在{loc}内堆放玉米秸秆、建筑垃圾约{a}立方米，阻碍行洪。"], a=(10, 80),
  w={P: 4, O: 1}, org=["build"], pop=2)
M("SL-005", ["{v}村段{r}河道管理范围"],
  ["当事人在{loc}内修建养殖用房约{a}平方米，妨碍行洪，经责令限期拆除后逾期不拆除。"],
  a=(40, 300), w={P: 3, O: 1}, org=["farm"])
M("SL-006", ["{v}村段{r}堤防"],
  ["当事人在{loc}上放牧牛羊，损坏堤防草皮。", "当事人在{loc}上晾晒粮食、堆放物料。"],
  w={P: 1}, np="当事人系初次违法，已当场改正并恢复原状。")
M("SL-007", ["{v}村段{r}河道"],
  ["当事人未经批准在{loc}管理范围内采砂约{a}立方米。"], a=(50, 600), w={P: 3, O: 1},
  org=["mining"], tr="经初步核查，采砂数量较大，涉嫌非法采矿罪。")
M("SL-008", ["{v}村段{r}堤防安全保护区"],
  ["当事人在{loc}内挖筑鱼塘约{a}平方米。"], a=(200, 1500), w={P: 1})
M("SL-009", ["{v}村段{r}护堤林"],
  ["当事人未经批准砍伐{loc}杨树{a}株。"], a=(3, 30), w={P: 1})
M("SL-010", ["{v}村段{r}河道管理范围", "{r}{v}村段河滩"],
  ["当事人将建筑渣土约{a}立方米倾倒在{loc}内。", "当事人将生活垃圾和秸秆倾倒在{loc}内，约{a}立方米。"],
  a=(5, 120), w={P: 5, O: 2}, org=["build", "transport"], pop=3)
M("SL-011", ["{v}村段{r}行洪河道"],
  ["当事人在{loc}内种植玉米约{a}亩，阻碍行洪。"], a=(2, 20), w={P: 1}, months=[5, 6, 7, 8],
  pop=2)
M("SL-012", ["{v}村段{r}河道滩地"],
  ["当事人未经批准围垦{loc}约{a}亩用于耕种。"], a=(3, 40), w={P: 4, O: 1}, org=["coop"])
M("SL-013", ["{v}村段{r}堤防", "{v}村排水站"],
  ["当事人擅自挖开{loc}修建过车道口，破坏防洪工程设施。", "当事人擅自拆卸{loc}防汛备用物料{a}件。"],
  a=(5, 40), w={P: 3, O: 1}, org=["mining"],
  tr="经初步核查，当事人行为涉嫌违反治安管理，应由公安机关处理。")
M("SL-014", ["{v}村北沟崩塌危险区"],
  ["当事人在县人民政府公告的{loc}内取土、挖砂约{a}立方米。"], a=(50, 400), w={P: 3, O: 1},
  org=["mining"])
M("SL-015", ["{v}村{d}山陡坡地"],
  ["当事人在{loc}禁止开垦坡度以上的陡坡地开垦种植大豆约{units}平方米。"],
  units=(1500, 15000), w={P: 4, O: 1}, org=["coop"])
M("SL-016", ["{v}村{d}侧低洼地"],
  ["当事人在水土保持方案确定的专门存放地以外的{loc}倾倒弃土、砂石约{units}立方米。"],
  units=(200, 3000), w={O: 3, P: 1}, org=["build", "mining"])

# 应急管理 ───────────────────────────────────────────────────────────
M("YJ-001", ["{s}{n}号", "{v}村{n}组"],
  ["当事人的粮食烘干塔、燃煤热风炉等有较大危险因素的设施未设置明显的安全警示标志。"],
  w={O: 1}, org=["factory"])
M("YJ-002", ["{s}{n}号"],
  ["当事人经营的饭店使用液化石油气，未安装可燃气体报警装置。"], w={O: 1}, org=["food"])
M("YJ-003", ["{s}{n}号", "{v}村{n}组"],
  ["当事人对检查中发现的{hazard}事故隐患未采取措施消除。"], w={O: 1}, org=["factory", "trade"])
M("YJ-004", ["{s}{n}号"],
  ["当事人员工宿舍的安全出口被锁闭，疏散通道内堆放杂物。"], w={O: 1}, org=["factory", "food"])
M("YJ-005", ["{s}{n}号"],
  ["当事人擅自停用经营场所内的自动喷水灭火系统，部分灭火器已失效。"], w={O: 1},
  org=["trade", "food"])
M("YJ-006", ["{s}{n}号"],
  ["当事人经营的超市在疏散通道内堆放货物，并封闭一处安全出口。"], w={O: 1}, org=["trade"])
M("YJ-007", ["{s}{n}号院内"],
  ["当事人在{loc}堆放货物，埋压、圈占室外消火栓。"], w={O: 1}, org=["trade", "factory"])
M("YJ-008", ["{s}{n}号厂区", "{v}村{n}组厂区"],
  ["当事人在{loc}消防车通道上搭建彩钢房，占用消防车通道。"], w={O: 1}, org=["factory"])
M("YJ-009", ["{s}{n}号住宅楼"],
  ["当事人将电动自行车停放在{loc}疏散通道内充电，堵塞疏散通道。"], w={P: 1}, pop=2)
M("YJ-010", ["{v}村{n}组", "{s}{n}号"],
  ["当事人未取得烟花爆竹经营许可证，在{loc}销售烟花爆竹{a}箱。"], a=(10, 80),
  w={P: 3, B: 2}, biz=["shop"], months=[1, 2, 12],
  tr="经初步核查，涉案烟花爆竹数量较大，涉嫌非法经营罪。")
M("YJ-011", ["{s}{n}号", "{v}村{n}组"],
  ["当事人在烟花爆竹零售点销售应由专业燃放人员燃放的烟花爆竹{a}箱。"], a=(2, 15),
  w={B: 1}, biz=["fireworks"], months=[1, 2, 12])
M("YJ-012", ["{s}{n}号门前", "{s}与{s2}交会处"],
  ["当事人在{loc}禁止燃放区域燃放烟花爆竹。", "当事人举办婚庆活动时在{loc}禁止燃放区域燃放鞭炮。"],
  w={P: 9, B: 1}, biz=["restaurant"], pop=3,
  tr="经初步核查，当事人燃放行为危及公共安全，应由公安机关给予治安管理处罚。")

# 自然资源 ───────────────────────────────────────────────────────────
M("ZR-001", ["{v}村{n}组", "{v}村{d}侧耕地"],
  ["当事人未经批准占用{loc}集体土地{units}平方米建设{what}。"], units=(40, 400),
  w={P: 4, O: 2, B: 1}, org=["factory", "trade"], biz=["material", "repair"], pop=3,
  tr="经初步核查，占用耕地面积较大，涉嫌非法占用农用地罪。")
M("ZR-002", ["{v}村{n}组", "{s}{n}号"],
  ["当事人经批准用地{a}平方米，实际超过批准数量多占土地{units}平方米。"], a=(500, 3000),
  units=(30, 300), w={O: 3, P: 1}, org=["factory"])
M("ZR-003", ["{v}村{n}组"],
  ["当事人未经批准在{loc}占用耕地建设住宅约{a}平方米。"], a=(80, 200), w={P: 1}, pop=2,
  np="经责令限期改正，当事人已在期限内自行拆除并退还土地。")
M("ZR-004", ["{v}村{n}组"],
  ["当事人建设住宅超过省规定标准多占宅基地约{a}平方米。"], a=(30, 150), w={P: 1},
  np="经责令限期改正，当事人已在期限内拆除多占土地上的附属房屋。")
M("ZR-005", ["{v}村{d}侧耕地", "{v}村{n}组耕地"],
  ["当事人在{loc}上挖取黑土约{a}平方米，破坏种植条件，按面积应缴耕地开垦费约{base}元。",
   "当事人在{loc}上擅自建坟，破坏种植条件，按面积应缴耕地开垦费约{base}元。"],
  a=(100, 1200), base=(1000, 20000, 100), per=(10, 16), w={P: 1}, pop=2)
M("ZR-006", ["{v}村{d}侧永久基本农田"],
  ["当事人在{loc}内挖塘养鱼约{a}亩，经责令限期改正后逾期未改正，按占用面积计算耕地开垦费约{base}元。"],
  a=(1, 8), base=(5000, 70000, 100), per=(6000, 9000), w={P: 4, O: 1}, org=["farm"])
M("ZR-007", ["{v}村{n}组"],
  ["当事人将{loc}集体土地约{a}平方米非法转让他人用于建设，违法所得{base}元。"], a=(200, 2000),
  base=(10000, 200000, 1000), per=(30, 90), w={P: 3, O: 1}, org=["village"])
M("ZR-008", ["{v}村{d}侧取土场"],
  ["当事人取土后未履行土地复垦义务，经责令限期改正后逾期未改正，应缴土地复垦费约{base}元。"],
  base=(5000, 40000, 500), w={O: 2, P: 1}, org=["build", "mining"])
M("ZR-009", ["{v}村{d}侧临时用地"],
  ["当事人临时使用{loc}作为施工便道，期满一年内未恢复种植条件，应缴土地复垦费约{base}元。"],
  base=(5000, 30000, 500), w={O: 1}, org=["build"])
M("ZR-010", ["{v}村{d}侧临时用地"],
  ["当事人在临时使用的{loc}上修建砖混结构永久性建筑约{a}平方米，按占用面积计算土地复垦费约{base}元。"],
  a=(50, 400), base=(1000, 20000, 500), per=(20, 50), w={O: 2, P: 1}, org=["build"])
M("ZR-011", ["{v}村{d}侧临时用地"],
  ["当事人临时使用{loc}期满后拒不归还，占用面积{units}平方米。"], units=(100, 800),
  w={O: 2, P: 1}, org=["build", "mining"])
M("ZR-012", ["{v}村{n}组"],
  ["当事人擅自将{loc}农民集体所有的土地出租给他人建设仓库，违法所得{base}元。"],
  base=(20000, 150000, 1000), w={O: 2, P: 1}, org=["village"])
M("ZR-013", ["{v}村{d}山"],
  ["当事人在国土空间规划确定的禁止开垦范围内，于{loc}开发土地{units}平方米。"],
  units=(100, 1500), w={P: 3, O: 1}, org=["coop"])
M("ZR-014", ["{v}村{d}侧基本农田"],
  ["当事人在{loc}耕作时损毁基本农田保护区标志牌一块，未恢复原状。"], w={P: 1}, pop=2)
M("ZR-015", ["{v}村{d}侧耕地", "{v}村{n}组"],
  ["当事人在{loc}挖取黑土并对外出售，共出售黑土约{units}立方米。"], units=(5, 60),
  w={P: 3, B: 1}, biz=["material"], pop=2,
  tr="经初步核查，非法出售黑土数量较大，涉嫌非法占用农用地罪。")
M("ZR-016", ["{s}{n}号", "{v}村{n}组苗圃"],
  ["当事人明知是非法出售的黑土仍购买约{a}立方米用于苗木种植，货值金额{base}元。"],
  a=(20, 200), base=(1000, 20000, 100), per=(50, 80), w={B: 2, O: 2, P: 1}, biz=["material"], org=["trade"])
M("ZR-017", ["{v}村{d}侧砂坑", "{v}村段{r}"],
  ["当事人未取得采矿许可证，在{loc}开采建筑用砂约{a}立方米并对外销售，采出矿产品市场价值约{base}元。"],
  a=(2500, 8000), base=(100000, 400000, 1000), per=(40, 60), w={O: 2, P: 1}, org=["mining"],
  after="2025-07-01", tr="经初步核查，开采矿产品价值较大，涉嫌非法采矿罪。")
M("ZR-018", ["{v}村{d}侧砂场"],
  ["当事人超出采矿许可证登记的开采区域开采建筑用砂约{a}立方米，越界采出的矿产品市场价值约{base}元。"],
  a=(2500, 6000), base=(100000, 300000, 1000), per=(40, 60), w={O: 1}, org=["mining"], after="2025-07-01")

WHAT = {
    "SL-001": ["洗车经营", "砂石冲洗", "粮食烘干生产"],
    "ZR-001": ["彩钢板库房", "砖混结构厂房", "硬化堆场"],
}
HAZARD = ["烘干塔电气线路老化", "粉尘清扫不及时", "液化气管道锈蚀", "配电柜周边堆放可燃物"]

# ─────────────────────────────────────────────────────────────────────────── catalog

RANGE_KINDS = ("range", "max_only", "multiple", "per_unit")


def load_catalog():
    powers = {}
    for f in sorted((ROOT / "assets" / "catalog").glob("*.toml")):
        for p in tomllib.loads(f.read_text("utf-8")).get("power", []):
            powers[p["code"]] = p
    return powers


def load_off_days():
    off = set()
    for f in sorted((ROOT / "assets" / "holidays").glob("*.toml")):
        for h in tomllib.loads(f.read_text("utf-8"))["holiday"]:
            a, b = (dt.date.fromisoformat(str(x)) for x in h["off"])
            while a <= b:
                off.add(a)
                a += dt.timedelta(days=1)
    return off


POWERS = load_catalog()
OFF_DAYS = load_off_days()
assert len(POWERS) == 148, len(POWERS)
assert set(POWERS) == set(META), set(POWERS) ^ set(META)


def kind(code):
    return POWERS[code]["statutory"]["kind"]


def side(ptype):
    return "organisation" if ptype == O else "individual"


def allowed_ptypes(code):
    st = POWERS[code]["statutory"]
    w = META[code]["w"]
    if kind(code) in RANGE_KINDS:
        ok = set()
        if st.get("individual"):
            ok |= {P, B}
        if st.get("organisation"):
            ok.add(O)
    else:
        ok = {P, B, O}
    return {t: n for t, n in w.items() if t in ok}


def demo_fineable(code):
    """Whether the demo fines under this power: it has amounts, the demo has the base or
    units they multiply, and its facts fall in the main band (`alt=True` in META: the facts
    describe the statutory alternative band, from which the demo draws no tiers)."""
    k, meta = kind(code), META[code]
    return (k in RANGE_KINDS and not meta.get("alt")
            and (k != "multiple" or "base" in meta) and (k != "per_unit" or "units" in meta))


def reserved_whole(code):
    """The township may decide no penalty at all under this power (catalog `reserved`)."""
    r = POWERS[code].get("reserved")
    return r is not None and not r.get("kinds")


def follow_reserved(cases):
    """A case under a power the township may not decide (catalog `reserved`, issue 15) cannot
    end in its own penalty: it is filed, examined and transferred to the authority. Runs after
    every random draw, so the rest of the demo is unchanged."""
    for c in cases:
        if reserved_whole(c["power"]) and (c["scenario"] == "simple"
                                           or (c["scenario"] == "general"
                                               and c["stop"] in ("审查", "告知", "决定", "送达",
                                                                 "执行", "结案", "归档"))):
            c["scenario"] = "transfer"
            c.pop("stop", None)
            c["tier"] = ""
            c.update(hearing=False, pay="full", complex=False)
            body = c["facts"].removeprefix("执法人员巡查时当场发现，")
            c["facts"] = body + META[c["power"]]["tr"]


def needs_general_procedure(code):
    """The penalty provision makes a kind other than 警告 or 罚款 mandatory (catalog `mandatory`,
    e.g. HJ-004: 没收烧烤工具和违法所得), which an on-the-spot decision cannot give (行政处罚法
    Art 51)."""
    return any(not set(m["any_of"]) & {"警告", "罚款"} for m in POWERS[code].get("mandatory", []))


def follow_mandatory(cases):
    """A simple case under such a power is taken through the general procedure instead, as far
    as its start date lets it get (the late windows above). Runs after every random draw, so
    the rest of the demo is unchanged."""
    for c in cases:
        if c["scenario"] == "simple" and needs_general_procedure(c["power"]):
            c["scenario"] = "general"
            c["tier"] = tiers_for(c["power"], c["ptype"])[0]  # the lightest catalog tier
            c["stop"] = ("归档" if c["start"] <= D("2026-09-15")
                         else "执行" if c["start"] <= D("2026-09-30") else "送达")


def demo_tier(code, name):
    """The tier a demo case names: the main band's tier of that name, else the alternative
    band's (a heavier band reached on its statutory trigger, e.g. 逾期不改正)."""
    tiers = POWERS[code]["tier"]
    return (next((t for t in tiers if t["name"] == name and not t.get("alternative")), None)
            or next((t for t in tiers if t["name"] == name), None))


def tiers_for(code, ptype):
    """Tiers with amounts for this party type, one per name (all tiers for local / none)."""
    out = []
    for t in POWERS[code]["tier"]:
        if t.get("alternative") and demo_tier(code, t["name"]) is not t:
            continue
        if kind(code) in RANGE_KINDS and side(ptype) not in t:
            continue
        out.append(t["name"])
    return out


def fine_range(code, tier, ptype, base=0, units=0):
    """(min, max) yuan the tier allows, or None where no fine is possible."""
    k = kind(code)
    if k not in RANGE_KINDS or not tier:
        return None
    st = POWERS[code]["statutory"]
    if tier == "减轻":
        b = dict(min=0, max=st[side(ptype)]["min"])
    else:
        b = demo_tier(code, tier)[side(ptype)]
    f = {"range": 1, "max_only": 1, "multiple": base, "per_unit": units}[k]
    return b["min"] * f, b["max"] * f


def threshold(ptype):
    return 20000 if ptype == O else 2000


def simple_cap(ptype):
    return 3000 if ptype == O else 200


TIER_WEIGHT = {"轻微": 3, "从轻": 3, "一般": 5, "较重": 2, "严重": 2, "从重": 2}


def wchoice(weights):
    items = list(weights.items())
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]


# ─────────────────────────────────────────────────────────────────────────── dates

FIRST = dt.date(2025, 3, 1)
LAST = dt.date(2026, 10, 30)
# No date is guessed: every year the cases fall in has its holiday table.
_TABLES = {int(f.stem) for f in (ROOT / "assets" / "holidays").glob("*.toml")}
assert set(range(FIRST.year, LAST.year + 1)) <= _TABLES, _TABLES


def D(s):
    return dt.date.fromisoformat(s)


def workdays(lo, hi, months=None):
    out = []
    d = max(lo, FIRST)
    hi = min(hi, LAST)
    while d <= hi:
        if d.weekday() < 5 and d not in OFF_DAYS and (not months or d.month in months):
            out.append(d)
        d += dt.timedelta(days=1)
    return out


EARLY = ["立案审批", "调查取证", "审查", "告知", "决定", "送达"]
# Early stops: (recent window, older window — those show as overdue).
EARLY_WINDOWS = {
    "立案审批": (("2026-10-12", "2026-10-30"), ("2026-08-03", "2026-09-30")),
    "调查取证": (("2026-09-01", "2026-10-28"), ("2026-04-01", "2026-07-31")),
    "审查": (("2026-08-17", "2026-10-23"), ("2026-03-02", "2026-06-30")),
    "告知": (("2026-08-03", "2026-10-16"), ("2026-03-02", "2026-06-30")),
    "决定": (("2026-08-03", "2026-10-09"), ("2026-03-02", "2026-06-30")),
    "送达": (("2026-08-03", "2026-10-09"), ("2026-04-01", "2026-07-15")),
}
LATE_WINDOWS = {
    "执行": {"full": ("2026-07-15", "2026-09-30"), "instalments": ("2026-03-02", "2026-07-31"),
           "demand": ("2025-10-09", "2026-04-30"), "late": ("2026-05-06", "2026-08-31")},
    "结案": {"full": ("2026-05-06", "2026-09-15"), "instalments": ("2025-09-01", "2026-04-30"),
           "demand": ("2025-06-02", "2025-12-31"), "late": ("2025-09-01", "2026-06-30")},
    "归档": {"full": ("2025-03-03", "2026-09-15"), "instalments": ("2025-03-03", "2026-03-31"),
           "demand": ("2025-03-03", "2025-12-31"), "late": ("2025-03-03", "2026-05-29")},
}


def pick_date(c):
    meta = META[c["power"]]
    months = meta.get("months")
    after = D(meta["after"]) if "after" in meta else FIRST
    sc, stop = c["scenario"], c.get("stop")
    if sc == "general" and stop in EARLY:
        recent, old = EARLY_WINDOWS[stop]
        lo, hi = recent if rng.random() < 0.85 else old
        lo, hi = D(lo), D(hi)
        days = workdays(max(lo, after), hi, months) or workdays(max(lo, after), hi)
        return rng.choice(days)
    if sc == "general":
        lo, hi = (D(x) for x in LATE_WINDOWS[stop][c["pay"]])
        if stop == "归档" and c["hearing"]:
            hi = min(hi, D("2026-08-14"))
        if stop == "归档" and c["complex"]:
            hi = min(hi, D("2026-08-31"))
    elif sc == "simple" and c["pay"] == "late":
        lo, hi = FIRST, D("2026-08-31")
    else:
        lo, hi = FIRST, LAST
    lo = max(lo, after)
    days = (workdays(lo, hi, months) or workdays(lo - dt.timedelta(days=300), hi, months)
            or workdays(lo, hi))
    return rng.choice(days)


# ─────────────────────────────────────────────────────────────────────────── cases

SCENARIO_COUNTS = dict(general=205, simple=40, not_filed=10, no_penalty=15, not_established=9,
                       transfer=10, withdraw=11)
STOP_COUNTS = {"立案审批": 14, "调查取证": 16, "审查": 14, "告知": 14, "决定": 13, "送达": 12,
               "执行": 16, "结案": 14, "归档": 92}

# On-the-spot cases: (power, party type, tier, weight). Checked against the Art 51 caps below.
SIMPLE = [
    ("HJ-011", P, "轻微", 5), ("HJ-014", P, "轻微", 2), ("YJ-012", P, "轻微", 4),
    ("YJ-009", P, "轻微", 3), ("HJ-016", P, "轻微", 3), ("NY-013", P, "轻微", 3),
    ("NY-012", P, "轻微", 1), ("NY-019", P, "从轻", 2), ("NY-020", B, "从轻", 1),
    ("GH-014", P, "一般", 1), ("GH-016", P, "轻微", 1), ("ZR-014", P, "轻微", 1),
    ("CG-021", B, "轻微", 2), ("CG-023", B, "轻微", 1), ("CG-028", P, "轻微", 1),
    ("HJ-008", P, "从轻", 1), ("HJ-009", P, "从轻", 1), ("HJ-001", P, "减轻", 3),
    ("HJ-004", B, "减轻", 1), ("LY-008", P, "减轻", 1), ("LY-011", P, "轻微", 1),
    ("YJ-004", O, "轻微", 1), ("YJ-002", O, "轻微", 1), ("NY-019", O, "从轻", 1),
    ("HJ-007", O, "从轻", 1), ("LY-011", O, "轻微", 1), ("SL-010", P, "轻微", 1),
    ("NY-018", B, "轻微", 1), ("HJ-002", O, "轻微", 1),
]

GENERIC_NP = "当事人系初次违法，危害后果轻微，并已及时改正。"
SQUAD_CERTIFIED = {q: [s[0] for s in STAFF if s[3] == q and s[4]] for q in SQUADS}
SQUAD_CONTRACT = {q: [s[0] for s in STAFF if s[3] == q and not s[4]] for q in SQUADS}
LEADERS = {s[0] for s in STAFF if "中队长" in s[2]}
squad_load = Counter()


def choose_powers():
    """(power, scenario, fixed party type or None, fixed tier or None) for every case."""
    codes = sorted(POWERS)
    fineable = [c for c in codes if demo_fineable(c)]
    warn_local = [c for c in codes if kind(c) == "local" and "警告" in POWERS[c]["penalty_kinds"]]
    pop = {c: META[c].get("pop", 1) for c in codes}
    out = []
    # General: every fine-able power once, ten warning-only local powers, the rest by frequency.
    gen = fineable[:]
    rng.shuffle(gen)
    gen += rng.sample(warn_local, 10)
    n_more = SCENARIO_COUNTS["general"] - len(gen)
    gen += rng.choices(fineable, weights=[pop[c] for c in fineable], k=n_more)
    out += [(c, "general", None, None) for c in gen]
    # Simple.
    used = Counter()
    while sum(used.values()) < SCENARIO_COUNTS["simple"]:
        c, pt, tier, _ = rng.choices(SIMPLE, weights=[s[3] for s in SIMPLE])[0]
        if used[(c, pt, tier)] >= 3:
            continue
        used[(c, pt, tier)] += 1
        out.append((c, "simple", pt, tier))
    # Transfer: powers with a transfer note.
    tr = [c for c in codes if "tr" in META[c]]
    out += [(c, "transfer", None, None) for c in rng.sample(tr, SCENARIO_COUNTS["transfer"])]
    # No penalty: powers with a note, then minor local ones.
    npc = [c for c in codes if "np" in META[c]]
    extra = rng.sample([c for c in ["CG-001", "CG-004", "CG-015", "CG-003", "HJ-011", "YJ-009"]
                        if c not in npc], SCENARIO_COUNTS["no_penalty"] - len(npc))
    out += [(c, "no_penalty", None, None) for c in npc + extra]
    # Others: any power, those the demo cannot fine preferred (they have few other uses).
    w = [pop[c] * (1 if demo_fineable(c) else 3) for c in codes]
    for sc in ("not_filed", "not_established", "withdraw"):
        out += [(c, sc, None, None) for c in rng.choices(codes, weights=w, k=SCENARIO_COUNTS[sc])]
    return out


def fill_place(code, squad_hint):
    """Place string and its parts; the squad follows the place."""
    templates = META[code]["places"]
    ok = [t for t in templates if "{v}" in t or "{s}" not in t or squad_hint in STREETS]
    tpl = rng.choice(ok or templates)
    parts = {"n": str(rng.randint(1, 9) if "组" in tpl else rng.randint(2, 188)),
             "d": rng.choice(DIRS), "r": rng.choice(RIVERS)}
    if "{v}" in tpl:
        squad = squad_hint
        parts["v"] = rng.choice(VILLAGES[squad])
    elif "{s}" in tpl:
        squad = squad_hint if squad_hint in STREETS else rng.choice(list(STREETS))
        parts["s"] = rng.choice(STREETS[squad])
        parts["s2"] = rng.choice([s for s in ALL_STREETS if s != parts["s"]])
    else:
        squad = squad_hint
    text = tpl.format(**{k: parts.get(k, "") for k in ("v", "s", "s2", "n", "d", "r")})
    place = text if text.startswith("合隆镇") else "合隆镇" + text
    return place, squad, tpl, parts


def pick_squad():
    least = min(squad_load[q] for q in SQUADS)
    cands = [q for q in SQUADS if squad_load[q] <= least + 2]
    return rng.choice(cands)


def make_party(code, ptype, tpl, parts, squad):
    meta = META[code]
    village = parts.get("v") or rng.choice(VILLAGES[squad])
    street = parts.get("s")
    if ptype == P:
        if "{v}村{n}组" in tpl:
            addr = f"吉林省农安县合隆镇{village}村{parts['n']}组"
        elif street and rng.random() < 0.6:
            addr = f"吉林省农安县合隆镇{street}{rng.randint(2, 188)}号"
        else:
            addr = f"吉林省农安县合隆镇{village}村{rng.randint(1, 9)}组"
        return dict(type=P, name=person_name(), id_no="auto", address=addr, phone="auto")
    if street and "{s}{n}号" in tpl:
        addr = f"吉林省农安县合隆镇{street}{parts['n']}号"
    elif street:
        addr = f"吉林省农安县合隆镇{street}{rng.randint(2, 188)}号"
    elif "{v}村{n}组" in tpl:
        addr = f"吉林省农安县合隆镇{village}村{parts['n']}组"
    else:
        addr = rng.choice([f"吉林省农安县合隆镇{rng.choice(ALL_STREETS)}{rng.randint(2, 188)}号",
                           f"吉林省农安县合隆镇{village}村{rng.randint(1, 9)}组"])
    if ptype == B:
        suffix = BIZ[rng.choice(meta["biz"])]
        operator = person_name()
        z = "老" + operator[0] if rng.random() < 0.4 else zihao()
        return dict(type=B, trade_name=f"农安县合隆镇{z}{suffix}", operator_name=operator,
                    operator_id_no="auto", address=addr)
    okind = rng.choice(meta["org"])
    name = rng.choice(ORG[okind]).format(z=zihao(), v=village)
    if okind == "village":
        addr = f"吉林省农安县合隆镇{village}村村部"
    return dict(type=O, name=name, credit_code="auto", legal_rep=person_name(), address=addr)


def round_to(lo, hi, step):
    return rng.randint(lo // step, hi // step) * step


def make_cases():
    cases = []
    for code, sc, fixed_pt, fixed_tier in choose_powers():
        meta = META[code]
        pts = allowed_ptypes(code)
        if len(pts) > 1 and O in pts:
            pts[O] *= 0.5  # fewer organisations overall (about a fifth)
        ptype = fixed_pt or wchoice(pts)
        assert ptype in pts, (code, ptype)
        place, squad, tpl, parts = fill_place(code, pick_squad())
        squad_load[squad] += 1
        cert = SQUAD_CERTIFIED[squad]
        handlers = rng.choices(cert, weights=[1 if u in LEADERS else 2 for u in cert], k=1)
        while len(handlers) < 2:
            u = rng.choices(cert, weights=[1 if u in LEADERS else 2 for u in cert])[0]
            if u not in handlers:
                handlers.append(u)
        c = dict(power=code, scenario=sc, place=place, handlers=handlers, squad=squad,
                 tpl=tpl, parts=parts, hearing=False, pay="full", complex=False, base=0, units=0)
        if rng.random() < 0.55:
            c["assistant"] = rng.choice(SQUAD_CONTRACT[squad])
        big = sc == "transfer"
        if "a" in meta:
            lo, hi = meta["a"]
            if sc in ("simple", "no_penalty"):  # minor cases: small numbers
                hi = lo + max(1, (hi - lo) // 5)
            c["a"] = rng.randint((lo + hi) // 2 if big else lo, hi)
        if "base" in meta:
            lo, hi, step = meta["base"]
            if "per" in meta:  # base follows the quantity: {a} × value per unit
                v = c["a"] * rng.uniform(*meta["per"])
                c["base"] = max(lo, int(round(v / step)) * step)
            else:
                c["base"] = round_to((lo + hi) // 2 if big else lo, hi, step)
        if "units" in meta:
            lo, hi = meta["units"]
            c["units"] = rng.randint((lo + hi) // 2 if big else lo, hi)
        if sc == "general" and kind(code) in RANGE_KINDS:
            c["tier"] = wchoice({t: TIER_WEIGHT[t] for t in tiers_for(code, ptype)})
        elif sc == "simple":
            c["tier"] = fixed_tier
        else:
            c["tier"] = ""
        c["ptype"] = ptype
        c["party"] = make_party(code, ptype, tpl, parts, squad)
        cases.append(c)
    return cases


def assign_flags(cases):
    general = [c for c in cases if c["scenario"] == "general"]
    stops = [s for s, n in STOP_COUNTS.items() for _ in range(n)]
    assert len(stops) == len(general)
    rng.shuffle(stops)
    for c, s in zip(general, stops):
        c["stop"] = s
    fined = [c for c in general if c["tier"]]

    def qualifying(c, floor):
        return [t for t in tiers_for(c["power"], c["ptype"])
                if fine_range(c["power"], t, c["ptype"], c["base"], c["units"])[0] >= floor]

    # Hearings: fines at or above the Art 63 thresholds, at 告知 or later; distinct powers first.
    cands = [c for c in fined if c["stop"] in ("告知", "决定", "送达", "执行", "结案", "归档")
             and qualifying(c, threshold(c["ptype"]))]
    rng.shuffle(cands)
    cands.sort(key=lambda c: 0 if c["stop"] != "归档" or rng.random() < 0.5 else 1)
    chosen, seen = [], set()
    for c in cands:
        if len(chosen) < 20 and c["power"] not in seen:
            chosen.append(c)
            seen.add(c["power"])
    for c in chosen:
        c["hearing"] = True
        c["tier"] = rng.choice(qualifying(c, threshold(c["ptype"])))
    # Payment modes, by stop.
    quotas = {"instalments": {"执行": 5, "结案": 3, "归档": 7},
              "demand": {"执行": 3, "结案": 2, "归档": 5},
              "late": {"执行": 2, "结案": 2, "归档": 4}}
    floors = {"instalments": 3000, "demand": 500, "late": 200}
    for mode, by_stop in quotas.items():
        for stop, n in by_stop.items():
            cands = [c for c in fined if c["stop"] == stop and c["pay"] == "full"
                     and qualifying(c, floors[mode])
                     and (not c["hearing"] or c["tier"] in qualifying(c, floors[mode]))]
            rng.shuffle(cands)
            assert len(cands) >= n, (mode, stop, len(cands))
            for c in cands[:n]:
                c["pay"] = mode
                if c["tier"] not in qualifying(c, floors[mode]):
                    c["tier"] = rng.choice(qualifying(c, floors[mode]))
    simple = [c for c in cases if c["scenario"] == "simple"]
    for c in rng.sample(simple, 2):
        c["pay"] = "late"
    # 集体讨论: larger fines at 决定 or later.
    cands = [c for c in fined if c["stop"] in ("决定", "送达", "执行", "结案", "归档")
             and fine_range(c["power"], c["tier"], c["ptype"], c["base"], c["units"])[1] >= 10000]
    rng.shuffle(cands)
    for c in cands[:10]:
        c["complex"] = True


PREFIX_GENERAL = ["执法人员日常巡查时发现，", "接群众举报，执法人员现场核查发现，", "",
                  "执法人员开展专项检查时发现，", ""]


def write_facts(c):
    meta = META[c["power"]]
    loc = c["place"][3:] if c["place"].startswith("合隆镇") else c["place"]
    what = rng.choice(WHAT.get(c["power"], [""]))
    body = rng.choice(meta["facts"]).format(
        loc=loc, a=c.get("a", ""), base=c["base"], units=c["units"], what=what,
        hazard=rng.choice(HAZARD))
    sc = c["scenario"]
    if sc == "simple":
        return "执法人员巡查时当场发现，" + body
    if sc in ("not_filed", "not_established"):
        return "接群众举报反映，" + body
    text = rng.choice(PREFIX_GENERAL) + body
    if sc == "transfer":
        text += meta["tr"]
    elif sc == "no_penalty":
        text += meta.get("np", GENERIC_NP)
    return text


# ─────────────────────────────────────────────────────────────────────────── checks

def check(staff, cases):
    users = {s["username"]: s for s in staff}
    assert len(staff) == 49 and len(users) == 49
    assert sum("cert_no" in s for s in staff) == 25
    certs = [s["cert_no"] for s in staff if "cert_no" in s]
    assert len(set(certs)) == 25 and all(len(x) == 11 and x.startswith("220122") for x in certs)
    assert [s["username"] for s in staff if "管理员" in s["roles"]] == ["admin"]
    assert "cert_no" not in users["admin"]
    assert [s["username"] for s in staff if s["legal_qualified"]] == ["qianli"]
    for q in SQUADS:
        members = [s for s in staff if s["squad"] == q]
        assert sum("中队长" in s["roles"] for s in members) == 1
        handlers = [s for s in members if s["roles"] == ["承办人"] and "cert_no" in s]
        assert 3 <= len(handlers) <= 4, (q, len(handlers))
    for u, n in [("sunzhen", "孙振"), ("zhoujie", "周杰"), ("qianli", "钱丽"),
                 ("zhaogang", "赵刚"), ("zhangwei", "张伟"), ("liqiang", "李强")]:
        assert users[u]["name"] == n
    for c in cases:
        code, sc, pt = c["power"], c["scenario"], c["party"]["type"]
        p = POWERS[code]
        assert pt in allowed_ptypes(code), (code, pt)
        h1, h2 = c["handlers"]
        assert h1 != h2 and "cert_no" in users[h1] and "cert_no" in users[h2]
        assert users[h1]["squad"] == users[h2]["squad"] == c["squad"] != ""
        if "assistant" in c:
            a = users[c["assistant"]]
            assert "cert_no" not in a and a["squad"] == c["squad"]
        d = c["start"]
        assert FIRST <= d <= LAST and d.weekday() < 5 and d not in OFF_DAYS, (code, d)
        assert d >= D(p.get("effective_from", "2021-07-15")), (code, d)
        if kind(code) == "multiple" and sc != "not_filed":
            assert c["base"] > 0, code
        if reserved_whole(code):
            assert sc not in ("simple",) and (sc != "general" or c["stop"] in STOP_COUNTS
                                              and c["stop"] in ("立案审批", "调查取证")), code
        if kind(code) == "per_unit":
            assert c["units"] > 0, code
        names = {t["name"] for t in p["tier"]}
        if sc == "general":
            assert c["stop"] in STOP_COUNTS
            if kind(code) in RANGE_KINDS:
                assert c["tier"] in names and c["tier"] in tiers_for(code, c["ptype"])
            else:
                assert c["tier"] == "" and "警告" in p["penalty_kinds"], code
        elif sc == "simple":
            assert kind(code) in ("range", "max_only")
            assert c["tier"] in names or c["tier"] == "减轻"
            lo, hi = fine_range(code, c["tier"], c["ptype"])
            assert lo <= simple_cap(c["ptype"]) and (c["tier"] != "减轻" or hi > 0), code
        else:
            assert c["tier"] == ""
        if c["hearing"]:
            lo, _ = fine_range(code, c["tier"], c["ptype"], c["base"], c["units"])
            assert lo >= threshold(c["ptype"]), (code, lo)
        if c["pay"] != "full":
            assert sc in ("general", "simple") and c["tier"]
    assert len({c["power"] for c in cases}) >= 100


# ─────────────────────────────────────────────────────────────────────────── output

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def arr(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


HEADER = ("# Demo data for `zhifa --demo` (合隆镇综合行政执法队). GENERATED by tools/demo_data.py — edit\n"
          "# the script, not this file. All people, villages, streets, companies and facts are fictional.\n")


def write_staff(staff):
    lines = [HEADER, "# 49 staff: 2 负责人, 1 法制审核员, 5 squads (中队长 + certified 承办人 + 协管员).", ""]
    for s in staff:
        lines.append("[[staff]]")
        lines.append(f"username = {q(s['username'])}")
        lines.append(f"name = {q(s['name'])}")
        lines.append(f"roles = {arr(s['roles'])}")
        lines.append(f"squad = {q(s['squad'])}")
        if "cert_no" in s:
            lines.append(f"cert_no = {q(s['cert_no'])}")
        lines.append(f"legal_qualified = {'true' if s['legal_qualified'] else 'false'}")
        lines.append("")
    (OUT / "staff.toml").write_text("\n".join(lines), "utf-8")


PARTY_KEYS = {
    P: ["type", "name", "id_no", "address", "phone"],
    O: ["type", "name", "credit_code", "legal_rep", "address"],
    B: ["type", "trade_name", "operator_name", "operator_id_no", "address"],
}


# One archived case for each measure a branch of the file needs, chosen where the law gives
# the measure: 先行登记保存 (行政处罚法第五十六条, any case), 查封扣押 of pesticides unlawfully
# used (农药管理条例第五十一条第一款第（五）项), and a 责令改正通知书 with its 复查.
MEASURES = {
    ("NY-008", "2026-03-04"): "preserve",
    ("NY-001", "2026-07-08"): "seize",
    ("CG-024", "2026-06-05"): "order_correction",
    ("HJ-001", "2026-05-11"): "order_correction",
}


def assign_measures(cases):
    found = set()
    for c in cases:
        key = (c["power"], c["start"].isoformat())
        if key in MEASURES and c["scenario"] == "general" and c.get("stop") == "归档":
            c[MEASURES[key]] = True
            found.add(key)
    assert found == set(MEASURES), set(MEASURES) - found


def write_cases(cases):
    lines = [HEADER, f"# {len(cases)} cases, ordered by start date.", ""]
    for c in cases:
        lines.append("[[case]]")
        lines.append(f"power = {q(c['power'])}")
        lines.append(f"scenario = {q(c['scenario'])}")
        if c["scenario"] == "general":
            lines.append(f"stop = {q(c['stop'])}")
        lines.append(f"start = {q(c['start'].isoformat())}")
        lines.append(f"place = {q(c['place'])}")
        lines.append(f"facts = {q(c['facts'])}")
        lines.append(f"handlers = {arr(c['handlers'])}")
        if "assistant" in c:
            lines.append(f"assistant = {q(c['assistant'])}")
        lines.append(f"tier = {q(c['tier'])}")
        lines.append(f"hearing = {'true' if c['hearing'] else 'false'}")
        lines.append(f"pay = {q(c['pay'])}")
        lines.append(f"complex = {'true' if c['complex'] else 'false'}")
        lines.append(f"base = {c['base']}")
        lines.append(f"units = {c['units']}")
        for measure in ("preserve", "seize", "order_correction"):
            if c.get(measure):
                lines.append(f"{measure} = true")
        lines.append("[case.party]")
        for k in PARTY_KEYS[c["party"]["type"]]:
            lines.append(f"{k} = {q(c['party'][k])}")
        lines.append("")
    (OUT / "cases.toml").write_text("\n".join(lines), "utf-8")


def main():
    staff = make_staff()
    cases = make_cases()
    assign_flags(cases)
    for c in cases:
        c["start"] = pick_date(c)
        c["facts"] = write_facts(c)
    order = sorted(range(len(cases)), key=lambda i: (cases[i]["start"], i))
    cases = [cases[i] for i in order]
    follow_reserved(cases)
    follow_mandatory(cases)
    assign_measures(cases)
    check(staff, cases)
    write_staff(staff)
    write_cases(cases)
    # Summary.
    field = {p["code"]: p["field"] for p in POWERS.values()}
    print(f"staff: {len(staff)}; cases: {len(cases)}; distinct powers: "
          f"{len({c['power'] for c in cases})}")
    for title, key in [("scenario", lambda c: c["scenario"]),
                       ("stop", lambda c: c.get("stop")),
                       ("field", lambda c: field[c["power"]]),
                       ("party", lambda c: c["party"]["type"]),
                       ("pay", lambda c: c["pay"]),
                       ("squad", lambda c: c["squad"])]:
        print(title, dict(Counter(key(c) for c in cases).most_common()))
    print("hearing", sum(c["hearing"] for c in cases), "complex", sum(c["complex"] for c in cases))


if __name__ == "__main__":
    main()
