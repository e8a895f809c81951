"""The minutes PDF read back with pdftotext: title, header block, agenda, votes, action items,
page numbers, signature lines, sign-in sheet, amendments; any text printed exactly as typed."""

from __future__ import annotations

from datetime import date

import pytest

from app.meetings import lock, service
from app.meetings.actions import close_action_item
from app.meetings.minutes_content import load_minutes
from app.meetings.minutes_html import minutes_html
from app.meetings.minutes_pdf import print_minutes
from app.meetings.rows import AttendeeDraft, SpeechDraft
from tests.app.meetings_data import canteen_meeting, meeting, needs_poppler, pages, pdf_text, squeeze, without_footers, zh_footer

COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
LONG_RUN = "".join(COMMON[(i * 7) % len(COMMON)] for i in range(3000))
TRICKY = "O<Brien & <b>"


@pytest.fixture
def chinese(monkeypatch):
    zh_footer(monkeypatch)


@pytest.fixture
def minutes_id(tmp_db) -> int:
    draft = canteen_meeting()
    draft.recorder = TRICKY
    draft.attendees.append(AttendeeDraft(TRICKY, note='"引号" & \'单引号\''))
    draft.agenda[0].speeches.append(SpeechDraft("居民3", LONG_RUN))
    draft.agenda[0].speeches.append(SpeechDraft(TRICKY, '"引号" & \'单引号\''))
    draft.agenda[0].resolution += " <i>不是斜体</i> & 5 > 3"
    return service.save_meeting(tmp_db, draft).id


@needs_poppler
def test_minutes_show_title_header_agenda_votes_actions_and_signatures(tmp_db, tmp_path, chinese, minutes_id):
    path = print_minutes(tmp_db, minutes_id, tmp_path / "minutes.pdf")
    total = pages(path)
    text = pdf_text(path, raw=True)
    flat = squeeze(text)
    assert "罐罐茶议事：社区食堂怎么办记录" in flat
    for label, value in (("会议名称", "罐罐茶议事：社区食堂怎么办（第6期）"), ("时间", "2026年3月5日15:00—16:30"),
                         ("地点", "罐罐茶议事吧（原自行车棚改建）"), ("主持人", "马建华"), ("应到", "10人"),
                         ("实到", "10人"), ("缺席人员及原因", "缺席1（外出务工）"), ("列席人员", "列席1（街道办）")):
        assert label in flat and value in flat, label
    assert "参会人员" in flat and "居民1、居民2" in flat
    assert "议题一：社区食堂开餐时间" in flat and "居民1：中午十一点就要开。" in flat
    assert "举手表决，应到11人，实到10人；同意8票，反对0票，弃权1票，通过。" in flat
    assert "落实事项" in flat and "组织志愿者送餐上门" in flat and "2026-04-05" in flat
    assert f"第 1 页 共 {total} 页" in text and f"第 {total} 页 共 {total} 页" in text
    last = text.split("\f")[total - 1]
    assert "主持人：" in squeeze(last) and "记录人：" in squeeze(last) and "日期：" in squeeze(last)
    assert "签到表" not in flat


@needs_poppler
def test_any_text_prints_exactly_as_typed(tmp_db, tmp_path, chinese, minutes_id):
    path = print_minutes(tmp_db, minutes_id, tmp_path / "minutes.pdf")
    raw = without_footers(pdf_text(path, raw=True))
    assert "记录人 O<Brien & <b>" in raw  # a short value stays on one line, spaces and all
    flat = squeeze(raw)
    for typed in (TRICKY, "<i>不是斜体</i> & 5 > 3", '"引号" & \'单引号\''):
        assert squeeze(typed) in flat, typed
    assert LONG_RUN in flat  # the 3,000-character run, complete and in order


@needs_poppler
def test_sign_in_sheet_lists_everyone_on_its_own_page(tmp_db, tmp_path, chinese, minutes_id):
    plain = print_minutes(tmp_db, minutes_id, tmp_path / "plain.pdf")
    signed = print_minutes(tmp_db, minutes_id, tmp_path / "signed.pdf", sign_in=True)
    assert pages(signed) == pages(plain) + 1
    sheet = squeeze(pdf_text(signed, raw=True).split("\f")[pages(signed) - 1])
    assert sheet.startswith("签到表") and "签名" in sheet
    for name in ("居民1", "居民9", "缺席1", "列席1", TRICKY.replace(" ", "")):
        assert name in sheet, name
    assert "议题一" not in sheet


@needs_poppler
def test_review_list_and_amendments_are_printed(tmp_db, tmp_path, chinese):
    first = service.save_meeting(tmp_db, canteen_meeting(date(2026, 3, 5))).id
    second = service.save_meeting(tmp_db, meeting("两委会", "社区两委会", date(2026, 4, 10))).id
    action = service.load_meeting(tmp_db, first).agenda[0].actions[0]
    close_action_item(tmp_db, action.id, "已在五福驿站公示", date(2026, 4, 10), second)
    lock.finalise(tmp_db, second, by="王晓燕")
    before = squeeze(pdf_text(print_minutes(tmp_db, second, tmp_path / "a.pdf"), raw=True))
    assert "定期评事" in before and "已在五福驿站公示（2026-04-10完成）" in before and "未完成（已逾期）" in before
    assert "更正记录" not in before and "定稿" in before
    lock.amend(tmp_db, second, "出席人数更正为9人", "记录笔误", made_on=date.today(), author="王晓燕")
    after = squeeze(pdf_text(print_minutes(tmp_db, second, tmp_path / "b.pdf"), raw=True))
    assert "更正记录" in after and "出席人数更正为9人" in after and "记录笔误" in after


def test_the_qt_preview_html_is_escaped_and_complete(tmp_db, minutes_id):
    html = minutes_html(load_minutes(tmp_db, minutes_id), sign_in=True)
    assert "O&lt;Brien &amp; &lt;b&gt;" in html and TRICKY not in html
    assert "&lt;i&gt;不是斜体&lt;/i&gt;" in html and LONG_RUN in html
    assert "page-break-before: always" in html and "签到表" in html and "主持人" in html
