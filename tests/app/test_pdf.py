"""The shared PDF machinery, checked by reading the text back out of the PDFs it writes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import i18n
from app.errors import UserError
from app.jobs import Cancelled, JobControl
from app.pdf import (
    FALLBACK_FONT_NAME,
    ReportDocument,
    body_style,
    data_table,
    escape,
    grouped_table,
    key_value_table,
    para,
    para_markup,
    plain_text,
    seal_block,
    signature_block,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None
    or shutil.which("pdffonts") is None,
    reason="pdftotext/pdfinfo/pdffonts (poppler-utils) not installed; CI installs them",
)

HEADERS = ["序号", "姓名", "身份证号", "联系电话", "备注"]
WIDTHS = [15, 25, 50, 35, 55]
# 200 different characters, so a lost or repeated stretch of a long run cannot go unnoticed.
HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def pdf_text(path: Path, first: int | None = None, last: int | None = None, *,
             layout: bool = True) -> str:
    """The text of a PDF; -layout drops a narrow space between Chinese characters, -raw keeps it."""
    command = ["pdftotext", "-layout" if layout else "-raw"]
    if first is not None:
        command += ["-f", str(first), "-l", str(last if last is not None else first)]
    return subprocess.run([*command, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_count(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def roster_rows(count: int) -> list[list[object]]:
    return [[i + 1, "张秀兰", f"62010219500101{i:04d}", f"139{i:08d}", ""] for i in range(count)]


@pytest.fixture
def zh_footer(monkeypatch):
    """The Chinese page footer, whether or not the lead's zh_CN catalog has it yet."""
    catalog = dict(i18n._load_catalog("zh_CN"))
    catalog[("app", "Page {page} of {pages}")] = "第 {page} 页 共 {pages} 页"
    monkeypatch.setitem(i18n._catalogs, "zh_CN", catalog)
    monkeypatch.setattr(i18n, "_language", "zh_CN")


# --- escaping -------------------------------------------------------------------------------

def test_escape_makes_markup_literal():
    assert escape('O<Brien & <b> "q" \'s') == "O&lt;Brien &amp; &lt;b&gt; &quot;q&quot; &#39;s"
    assert escape(None) == ""
    assert escape("第一行\r\n第二行\n第三行") == "第一行<br/>第二行<br/>第三行"
    assert escape(12.5) == "12.5"


def test_plain_text_drops_control_characters():
    assert plain_text("a\tb\x00c\x07d\x7f") == "a bcd"
    assert plain_text(None) == ""


@needs_poppler
def test_markup_characters_print_literally(tmp_path):
    nasty = 'O<Brien & <b> "quotes"'
    path = tmp_path / "literal.pdf"
    flowables = [
        para(nasty),
        para_markup("<b>{label}</b>：{value}", label="备注", value=nasty),
        *data_table(["姓名"], [[nasty]], [60]),
        *data_table(["备注"], [[nasty * 6]], [40]),
    ]
    ReportDocument(nasty, subtitle=nasty).build(path, flowables)
    text = pdf_text(path)
    assert text.count(nasty) >= 5  # title, subtitle, para, markup value, plain table cell
    assert "备注：" + nasty in text
    assert squeeze(nasty * 6) in squeeze(text)  # the wrapped cell
    assert "&amp;" not in text and "&lt;" not in text


# --- fonts ----------------------------------------------------------------------------------

@needs_poppler
def test_chinese_and_latin_digits_both_print(tmp_path):
    path = tmp_path / "digits.pdf"
    ReportDocument("居民花名册").build(path, [
        para("张秀兰 13912341031", body_style(16)),
        *data_table(["姓名", "电话"], [["张秀兰", "13912341031"]], [40, 40]),
    ])
    text = pdf_text(path)
    assert "张秀兰 13912341031" in text
    assert re.search(r"张秀兰\s+13912341031", text.split("电话", 1)[1])



def pdf_fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


RARE = "𠮷"  # U+20BB7 (CJK Extension B), as in the surname 𠮷田: Micro Hei has no glyph for it


def test_escape_puts_rare_characters_in_the_fallback_font():
    assert escape(f"{RARE}田<") == f'<font name="{FALLBACK_FONT_NAME}">{RARE}</font>田&lt;'
    assert escape("张秀兰") == "张秀兰"


@needs_poppler
def test_rare_characters_print_everywhere(tmp_path):
    headers, widths = ["序号", "姓名", "备注"], [15, 40, 60]
    # 𤭢 (U+24B62) is Extension B too, alone in a centred cell.
    rows = [[1, f"{RARE}田花子", "11010519491231002X"], [2, "𤭢", "张秀兰"]]
    table = data_table(headers, rows, widths, align=["right", "center", "left"])
    path = ReportDocument(f"{RARE}田家庭档案", footer_text=f"编号{RARE}-1").build(
        tmp_path / "rare.pdf", [
            para(f"户主{RARE}田一郎", body_style(16)),
            para_markup("<b>{name}</b>先生", name=f"{RARE}田"),
            *table,
            *key_value_table([("户主", f"{RARE}田一郎")]),
            *signature_block((f"记录人{RARE}",)),
            *seal_block([f"{RARE}田社区居民委员会"]),
        ])
    body = table[0]._body
    assert all(isinstance(cell, str) for cell in body.rows[0] + body.rows[1])  # fast table path
    text = pdf_text(path)
    for expected in (f"{RARE}田家庭档案", f"户主{RARE}田一郎", f"{RARE}田先生", f"{RARE}田花子",
                     "𤭢", f"记录人{RARE}：", f"{RARE}田社区居民委员会", f"编号{RARE}-1"):
        assert expected in squeeze(text), expected
    assert re.search(r"2\s+𤭢\s+张秀兰", text)  # the cells stay in their columns
    fonts = pdf_fonts(path)
    assert "WenQuanYiMicroHei" in fonts and FALLBACK_FONT_NAME in fonts


@needs_poppler
def test_fallback_font_is_embedded_only_when_needed(tmp_path):
    path = ReportDocument("居民花名册", footer_text="打印于 2026-11-27").build(
        tmp_path / "plain.pdf", [para("张秀兰"), *data_table(HEADERS, roster_rows(3), WIDTHS)])
    fonts = pdf_fonts(path)
    assert "WenQuanYiMicroHei" in fonts and FALLBACK_FONT_NAME not in fonts


# --- page template --------------------------------------------------------------------------

@needs_poppler
def test_footer_numbers_pages_of_total(tmp_path, zh_footer):
    path = tmp_path / "three.pdf"
    doc = ReportDocument("居民花名册", footer_text="五福社区工作台 打印于 2026-11-27")
    doc.build(path, data_table(HEADERS, roster_rows(100), WIDTHS))
    assert page_count(path) == 3
    assert "第 1 页 共 3 页" in pdf_text(path, 1, layout=False)
    assert "第 3 页 共 3 页" in pdf_text(path, 3, layout=False)
    assert "第1页共3页" in squeeze(pdf_text(path, 1))
    assert "五福社区工作台 打印于 2026-11-27" in pdf_text(path, 2)


@needs_poppler
def test_footer_in_english(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    path = tmp_path / "en.pdf"
    ReportDocument("Roster").build(path, data_table(HEADERS, roster_rows(100), WIDTHS))
    assert "Page 2 of 3" in pdf_text(path, 2)


@needs_poppler
def test_landscape_is_a4_landscape(tmp_path):
    path = tmp_path / "landscape.pdf"
    ReportDocument("居民花名册", landscape=True).build(path, [para("横向")])
    width, height = map(float, re.findall(r"[\d.]+", pdf_info(path)["Page size"])[:2])
    assert (round(width), round(height)) == (842, 595)


# --- tables ---------------------------------------------------------------------------------

@needs_poppler
def test_table_header_repeats_on_every_page(tmp_path):
    path = tmp_path / "repeat.pdf"
    ReportDocument("居民花名册").build(path, data_table(HEADERS, roster_rows(100), WIDTHS))
    for page in (2, 3):
        first_line = pdf_text(path, page).strip().splitlines()[0]
        assert squeeze(first_line) == "".join(HEADERS)
    everything = pdf_text(path)
    assert all(f"139{i:08d}" in everything for i in range(100))  # no row lost at a page break


@needs_poppler
def test_header_printed_once_without_repeat(tmp_path):
    path = tmp_path / "once.pdf"
    ReportDocument("").build(path, data_table(HEADERS, roster_rows(100), WIDTHS,
                                              repeat_header=False))
    assert "身份证号" in pdf_text(path, 1)
    assert "身份证号" not in pdf_text(path, 2)


@needs_poppler
def test_long_unbroken_chinese_run_wraps_in_text_and_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    run = (HANZI * 10)[:2000]
    path = tmp_path / "long.pdf"
    ReportDocument("长文本").build(path, [
        para(run, body_style(16)),
        *data_table(["序号", "备注"], [["", run]], [20, 60]),
        *key_value_table([("参会人员", run)]),
    ])
    text = squeeze(pdf_text(path))
    text = re.sub(r"Page\d+of\d+", "", text).replace("序号备注", "").replace("参会人员", "")
    assert text.count(run) == 3  # body text, table cell, header block value: nothing lost


@needs_poppler
def test_grouped_table_shows_headings(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    path = tmp_path / "grouped.pdf"
    groups = [("1号楼", roster_rows(3)), ("2号楼", roster_rows(80)), ("3号楼", [])]
    ReportDocument("居民花名册（按楼栋）").build(path, grouped_table(groups, HEADERS, WIDTHS))
    first = pdf_text(path, 1)
    assert "1号楼" in first and "2号楼" in first
    assert "2号楼 (continued)" in pdf_text(path, 2)
    assert "3号楼" in pdf_text(path)


@needs_poppler
def test_cells_fit_narrow_columns_and_odd_input(tmp_path):
    path = tmp_path / "odd.pdf"
    rows = [[None, 3.5, "第一行\n第二行"], ["短", "x" * 300, ""], ["少一列"]]
    ReportDocument("").build(path, [
        *data_table(["甲", "乙", "丙"], rows, [400, 400, 400], align=["left", "right", "center"]),
        *data_table(["空表"], []),
    ])
    text = pdf_text(path)
    assert "第一行" in text and "第二行" in text and "少一列" in text and "空表" in text
    assert squeeze(text).count("x") >= 300


def test_bad_column_spec_is_refused():
    with pytest.raises(ValueError):
        data_table(["甲", "乙"], [], [10], align=["left"])


# --- form blocks ----------------------------------------------------------------------------

@needs_poppler
def test_minutes_blocks(tmp_path):
    path = tmp_path / "minutes.pdf"
    ReportDocument("居民议事会会议记录").build(path, [
        *key_value_table([
            ("会议名称", "居民议事会（第12次）"),
            [("主持人", "王建国"), ("记录人", "O<Brien & <b>")],
        ]),
        para("议题：加装电梯", body_style(16)),
        *signature_block(("主持人", "记录人")),
        *seal_block(["五福社区居民委员会", "2026年11月27日"], outline=True),
    ])
    text = pdf_text(path)
    assert page_count(path) == 1
    for expected in ("会议名称", "居民议事会（第12次）", "记录人", "O<Brien & <b>", "主持人：",
                     "日期：", "年", "五福社区居民委员会", "2026年11月27日"):
        assert expected in text


# --- writing the file -----------------------------------------------------------------------

def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path):
    job = JobControl()
    job.cancel()
    path = tmp_path / "roster.pdf"
    with pytest.raises(Cancelled):
        ReportDocument("居民花名册").build(path, data_table(HEADERS, roster_rows(200), WIDTHS), job)
    assert list(tmp_path.iterdir()) == []

    path.write_bytes(b"old")
    with pytest.raises(Cancelled):
        ReportDocument("居民花名册").build(path, data_table(HEADERS, roster_rows(200), WIDTHS), job)
    assert list(tmp_path.iterdir()) == [path] and path.read_bytes() == b"old"


def test_cancel_midway(tmp_path):
    seen = []

    def on_progress(done, total, message):
        seen.append((done, total))
        if done >= 100:
            job.cancel()

    job = JobControl(on_progress)
    with pytest.raises(Cancelled):
        ReportDocument("").build(tmp_path / "r.pdf", data_table(HEADERS, roster_rows(500)), job)
    assert list(tmp_path.iterdir()) == []
    assert seen[0] == (0, 500) and 100 <= seen[-1][0] < 500


def test_progress_reaches_total(tmp_path):
    seen = []
    job = JobControl(lambda done, total, message: seen.append((done, total)))
    ReportDocument("标题").build(tmp_path / "r.pdf", data_table(HEADERS, roster_rows(300)), job)
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_unwritable_target_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as caught:
        ReportDocument("").build(tmp_path / "missing" / "r.pdf", [para("x")])
    assert "missing" in caught.value.message
    with pytest.raises(UserError):
        ReportDocument("").build(tmp_path, [para("x")])
    assert list(tmp_path.iterdir()) == []


def test_build_replaces_an_existing_file(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"old")
    assert ReportDocument("").build(str(path), [para("新")]) == path
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_file_held_open_elsewhere_is_a_user_error(tmp_path, monkeypatch):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"old")

    def locked(source, target):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr("app.pdf.document.os.replace", locked)
    with pytest.raises(UserError) as caught:
        ReportDocument("").build(path, [para("新")])
    assert str(path) in caught.value.message
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"] and path.read_bytes() == b"old"
