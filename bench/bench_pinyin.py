import random, time, sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from app.residents.search_keys import pinyin_initials, pinyin_keys, full_pinyin, _char
rng = random.Random(1)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解查仇朴区"
given = "秀兰英华玉梅芳丽敏静强军伟勇杰涛明超磊建国文斌浩然子轩雨桐欣怡永福海志刚淑珍桂红霞燕萍娟俊丹琳长乐重行朝和𠮷"
names = [rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2)))) for _ in range(100_000)]
for label, fn in (("pinyin_initials", pinyin_initials), ("pinyin_keys", pinyin_keys), ("full_pinyin", full_pinyin)):
    _char.cache_clear()
    t = time.perf_counter(); [fn(n) for n in names]; cold = time.perf_counter() - t
    t = time.perf_counter(); [fn(n) for n in names]; warm = time.perf_counter() - t
    print(f"{label}: 100,000 names cold cache {cold:.3f} s, warm {warm:.3f} s")
