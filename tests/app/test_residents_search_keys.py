"""Pinyin keys for names and what a typed search query looks like."""

from __future__ import annotations

import pytest

from app.residents.search_keys import (
    QueryKind,
    classify_query,
    full_pinyin,
    normalize_search_text,
    pinyin_initials,
    pinyin_initials_alt,
    pinyin_keys,
)


@pytest.mark.parametrize("name, initials", [
    ("张秀兰", "zxl"),
    ("崔丽华", "clh"),
    ("周浩然", "zhr"),
    ("吕勇", "ly"),
    ("欧阳修", "oyx"),
    ("诸葛亮", "zgl"),
])
def test_initials(name, initials):
    assert pinyin_initials(name) == initials


@pytest.mark.parametrize("name, initials, reading", [
    ("单雄信", "sxx", "shanxiongxin"),
    ("曾国藩", "zgf", "zengguofan"),
    ("解缙", "xj", "xiejin"),
    ("查良镛", "zly", "zhaliangyong"),
    ("仇英", "qy", "qiuying"),
    ("朴树", "ps", "piaoshu"),
    ("区志坚", "ozj", "ouzhijian"),
    ("召忠", "sz", "shaozhong"),
    ("覃海", "qh", "qinhai"),
    ("尉迟恭", "ycg", "yuchigong"),
    ("万俟卨", "mqx", "moqixie"),
    ("长孙无忌", "zswj", "zhangsunwuji"),
    ("澹台明", "ttm", "tantaiming"),
])
def test_heteronym_surnames_in_first_place(name, initials, reading):
    assert pinyin_initials(name) == initials
    assert full_pinyin(name) == reading


def test_surname_reading_only_in_first_place():
    assert pinyin_initials("曾曾") == "zc"  # the second 曾 is the everyday ceng
    assert pinyin_initials("王单") == "wd"


def test_alternative_key_for_heteronyms_outside_the_surname():
    assert pinyin_initials("张长乐") == "zzl"
    assert pinyin_initials_alt("张长乐") == "zcy"
    assert pinyin_keys("张长乐") == "zzl zcy"
    assert pinyin_initials_alt("张秀兰") == ""  # nothing differs: no second key
    assert pinyin_keys("张秀兰") == "zxl"
    assert pinyin_initials_alt("单雄信")[0] == "s"  # the surname never varies


def test_characters_outside_the_bmp_do_not_crash():
    assert pinyin_initials("𠮷") == "j"
    assert pinyin_initials("𠮷野家") == "jyj"
    assert full_pinyin("𠮷利") == "jili"
    unknown = "王\U0002A6D6明"  # a CJK Extension B character with no reading: dropped from the key
    assert pinyin_initials(unknown) in ("wm", "w" + pinyin_initials("\U0002A6D6") + "m")


def test_non_chinese_characters():
    assert pinyin_initials("Anna李") == "annal"
    assert pinyin_initials("李1号") == "l1h"
    assert pinyin_initials("张ＡＢ") == "zab"
    assert pinyin_initials("阿依古丽·买买提") == "ayglmmt"
    assert pinyin_initials(" 张 三 ") == "zs"
    assert pinyin_initials("") == pinyin_initials(None) == full_pinyin(None) == pinyin_keys(None) == ""


def test_names_are_not_changed():
    name = "𠮷秀兰"
    pinyin_keys(name)
    assert name == "𠮷秀兰" and len(name) == 3


def test_normalize_search_text():
    assert normalize_search_text("  ＺＸＬ\u3000 ") == "zxl"
    assert normalize_search_text("３-２-４０１") == "3-2-401"
    assert normalize_search_text("张  秀兰") == "张 秀兰"
    assert normalize_search_text(None) == ""


@pytest.mark.parametrize("query, address, compound", [
    ("3-2-401", ("3", "2", "401"), ""),
    ("3号楼2单元401", ("3", "2", "401"), ""),
    ("3栋2单元401室", ("3", "2", "401"), ""),
    ("3幢2单元401", ("3", "2", "401"), ""),
    ("３－２－４０１", ("3", "2", "401"), ""),
    ("安居苑3-2-401", ("3", "2", "401"), "安居苑"),
    ("3号楼", ("3", "", ""), ""),
    ("5-301", ("5", "", "301"), ""),
])
def test_address_queries(query, address, compound):
    kind = classify_query(query)
    assert (kind.kind, kind.address, kind.compound) == ("address", address, compound)


@pytest.mark.parametrize("query, digits", [
    ("1031", "1031"),
    ("６４０１０６", "640106"),
    ("139 1234", "1391234"),
    ("0951-5012345", "09515012345"),
    ("293x", "293X"),
    ("64010619500305123X", "64010619500305123X"),
])
def test_digit_queries(query, digits):
    kind = classify_query(query)
    assert (kind.kind, kind.digits) == ("digits", digits)


@pytest.mark.parametrize("query, kind, text", [
    ("zxl", "initials", "zxl"),
    ("ZXL", "initials", "zxl"),
    (" z x l ", "initials", "zxl"),
    ("ｚｘｌ", "initials", "zxl"),
    ("张秀兰", "name", "张秀兰"),
    ("秀兰", "name", "秀兰"),
    ("𠮷", "name", "𠮷"),
    ("阿依古丽·买买提", "name", "阿依古丽·买买提"),
    ("张x", "text", "张x"),
    ("12", "text", "12"),
    ("", "empty", ""),
    ("   ", "empty", ""),
    (None, "empty", ""),
])
def test_other_queries(query, kind, text):
    result = classify_query(query)
    assert isinstance(result, QueryKind)
    assert (result.kind, result.text) == (kind, text)


READINGS = """
import hashlib, sys
sys.path.insert(0, {root!r})
from pypinyin import Style, pinyin
digest = hashlib.sha1()
for code in list(range(0x3400, 0x4DC0)) + list(range(0x4E00, 0xA000)):
    digest.update(repr(pinyin(chr(code), style=Style.NORMAL, heteronym=True, errors=lambda _: [])).encode())
print(digest.hexdigest(), "pypinyin.phrases_dict" in sys.modules)
"""


def test_readings_are_the_same_without_the_phrase_dictionary(project_root):
    """search_keys keeps pypinyin's phrase dictionary out of memory (44 MB); one character at a time
    it gives every CJK character the readings it gives with the dictionary loaded."""
    import os
    import subprocess
    import sys

    def readings(preface: str, env: dict) -> list[str]:
        script = preface + READINGS.format(root=str(project_root))
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        return done.stdout.split()

    plain_env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN")}
    with_phrases = readings("", plain_env)
    ours = readings("import sys; sys.path.insert(0, {root!r}); import app.residents.search_keys\n".format(
        root=str(project_root)), plain_env)
    assert with_phrases[1] == "True" and ours[1] == "False"
    assert ours[0] == with_phrases[0]
