"""The repair team's tab on a real (temporary) database: the ledger and its steps, the job form
(gas referral only), a job from a request, volunteers and a certificate, escalating a hazard,
statistics and the export actions. No dialog is ever shown: the ask() class methods are replaced."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from app import links
from app.repairs import safety, service
from app.repairs.search import JobQuery
from app.requests import service as requests
from tests.app.repairs_data import at, job, needs_poppler, pdf_text, resident, squeezed, team
from ui.repairs.job_form import JobForm
from ui.repairs.models import JobTableModel, RowsModel, check_columns, volunteer_columns
from ui.repairs.step_dialog import StepDialog
from ui.repairs.tab import JOBS, SAFETY, STATS, VOLUNTEERS, RepairsTab
from ui.widgets.lazy_table import ID_ROLE


@pytest.fixture
def messages(monkeypatch):
    shown = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *args, _n=name: shown.append((_n, args[-1]))))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def data(tmp_db):
    people = team(tmp_db)
    ids = {"zhang": resident(tmp_db), **people}
    ids["fan"] = job(tmp_db, at(5), item="电风扇", outcome="修好", volunteers=[(people["ma"], 1.5)], satisfaction="满意")
    ids["tap"] = job(tmp_db, at(9), name="王阿姨", item="水龙头", category="水", volunteers=[(people["wang"], 1)])
    ids["check"] = safety.create_check(tmp_db, {
        "check_date": date(2026, 10, 12), "resident_id": ids["zhang"], "volunteers": [(people["wang"], 1)],
        "findings": [{"category": "燃气", "severity": "重大", "description": "燃气胶管老化开裂"},
                     {"category": "电路", "severity": "一般", "description": "插排串接"}]}, today=date(2026, 10, 12))
    return ids


@pytest.fixture
def tab(qtbot, tmp_db, data, messages):
    widget = RepairsTab(tmp_db)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.activated()
    return widget


def _select_job(tab, job_id):
    assert tab.jobs.select_id(job_id)
    return tab.jobs.current


def test_models_pass_the_model_tester(qtmodeltester, tmp_db, data):
    jobs = JobTableModel(tmp_db, JobQuery)
    jobs.requery()
    qtmodeltester.check(jobs)
    small = RowsModel(volunteer_columns())
    from app.repairs import volunteers

    small.set_rows(volunteers.list_volunteers(tmp_db))
    qtmodeltester.check(small)
    checks = RowsModel(check_columns())
    checks.set_rows(safety.list_checks(tmp_db))
    qtmodeltester.check(checks)


def test_the_ledger_lists_filters_and_takes_steps(tab, data, monkeypatch):
    assert tab.jobs.model.rowCount() == 2
    assert tab.jobs.model.index(0, 0).data(ID_ROLE) == data["tap"]
    tab.jobs.category.setCurrentIndex(tab.jobs.category.findData("水"))
    assert tab.jobs.model.rowCount() == 1
    tab.jobs.category.setCurrentIndex(0)
    tab.jobs.search.setText("风扇")
    tab.jobs.search.flush()
    assert [tab.jobs.model.id_at(0)] == [data["fan"]] and tab.jobs.model.rowCount() == 1
    tab.jobs.search.clear()
    tab.jobs.search.flush()
    detail = _select_job(tab, data["tap"])
    visible = [s for s, b in tab.jobs.step_buttons.items() if not b.isHidden()]
    assert visible == list(detail.next_steps) == ["派单", "到店", "转介"]
    monkeypatch.setattr(StepDialog, "ask", classmethod(lambda cls, parent, step, number, submit: submit({"note": None}) or True))
    tab.jobs.step_buttons["到店"].click()
    assert tab.jobs.current.row.status == "到店"
    asked = {}

    def finish(cls, parent, step, number, submit):
        asked["step"] = step
        submit({"outcome": "修好", "note": "换了阀芯"})
        return True

    monkeypatch.setattr(StepDialog, "ask", classmethod(finish))
    tab.jobs.step_buttons["完成"].click()
    assert asked["step"] == "完成" and tab.jobs.current.row.outcome == "修好"
    assert [e.step for e in tab.jobs.current.events][-2:] == ["到店", "完成"]


def test_the_step_dialog_shows_field_messages(qtbot, tmp_db, data):
    dialog = StepDialog("转介", "WX-20261009-01", lambda values: service.advance(tmp_db, data["tap"], "转介", **values))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "note" in dialog.errors.messages()
    dialog.note.setText("燃气公司")
    dialog.accept()
    assert service.job_detail(tmp_db, data["tap"]).row.status == "转介"


def test_the_job_form_says_gas_is_referral_only(qtbot, tmp_db, data):
    form = JobForm(tmp_db)
    qtbot.addWidget(form)
    form.show()
    assert form.gas_note.isHidden()
    form.resident.setText("李大爷")
    form.item.setEditText("燃气灶")
    form.category.setCurrentIndex(form.category.findData("燃气"))
    assert not form.gas_note.isHidden()
    enabled = [form.outcome.itemData(i) for i in range(form.outcome.count()) if form.outcome.model().item(i).isEnabled()]
    assert enabled == [None, "转介"]
    form.outcome.setCurrentIndex(form.outcome.findData("修好"))  # as if forced: the service refuses it anyway
    form.result_note.setText("燃气公司")
    assert not form.save()
    assert "outcome" in form.errors.messages()
    assert form.item.currentText() == "燃气灶"  # nothing typed is lost
    form.outcome.setCurrentIndex(form.outcome.findData("转介"))
    assert form.save()
    row = service.job_detail(tmp_db, form.saved_id).row
    assert (row.category, row.outcome, row.status, row.name) == ("燃气", "转介", "转介", "李大爷")


def test_the_job_form_edits_volunteers_hours_and_materials(qtbot, tmp_db, data):
    form = JobForm(tmp_db, data["tap"])
    qtbot.addWidget(form)
    assert form.number.text() == "WX-20261009-01" and form.address.text() == "贸易巷12号"
    assert form.hours.values() == [(data["wang"], 1.0)]
    form.hours.add_row(data["ma"], 0.5)
    form.materials.add_row("阀芯", 1, "个", "材料自付")
    form.item.setEditText("")
    assert not form.save()
    assert "item" in form.errors.messages()
    form.item.setEditText("水龙头")
    assert form.save()
    row = service.job_detail(tmp_db, data["tap"]).row
    assert [(v.name, v.minutes) for v in row.volunteers] == [("王建国", 60), ("马永福", 30)]
    assert (row.material_text, row.paid_text) == ("阀芯×1个", "材料自付")


def test_a_job_opened_from_a_request_is_linked_when_saved(tab, tmp_db, data, monkeypatch):
    request = requests.create(tmp_db, {"channel": "来访", "category": "维修", "content": "台灯不亮了", "resident_id": data["zhang"],
                                       "registered_at": at(20)}, now=at(20, 10))
    seen = {}

    def ask(cls, parent, database, job_id=None, prefill=None):
        form = cls(database, job_id, prefill, parent)
        seen["fault"], seen["resident"], seen["origin"] = form.fault.toPlainText(), form.resident.text(), form.origin.text()
        form.item.setEditText("台灯")
        form.category.setCurrentIndex(form.category.findData("家电"))
        assert form.save()
        return form.saved_id

    monkeypatch.setattr(JobForm, "ask", classmethod(ask))
    tab.open_payload({"from_request": request.id, "resident_id": data["zhang"], "content": "台灯不亮了"})
    assert seen["fault"] == "台灯不亮了" and seen["resident"] == "张秀兰" and request.number in seen["origin"]
    job_id = tab.jobs.current.row.id
    assert [(l.kind, l.id) for l in links.linked(tmp_db, "request", request.id)] == [("repair", job_id)]
    assert [(l.kind, l.id) for l in tab.jobs.current.links] == [("request", request.id)]
    routed = []
    tab.navigate.connect(lambda key, payload: routed.append((key, payload)))
    tab.jobs.links.itemActivated.emit(tab.jobs.links.item(0))
    assert routed == [("requests", {"request_id": request.id})]
    tab.open_payload({"open": "repair", "id": data["fan"]})
    assert tab.views.currentIndex() == JOBS and tab.jobs.current.row.id == data["fan"]


@needs_poppler
def test_volunteers_with_hours_and_a_certificate(tab, tmp_db, data, tmp_path, monkeypatch, messages, zh_cn):
    tab.views.setCurrentIndex(VOLUNTEERS)
    view = tab.volunteers
    view.date_from.set_date(date(2026, 10, 1))
    view.date_to.set_date(date(2026, 10, 31))
    hours = {view.proxy.index(r, 1).data(): view.proxy.index(r, 7).data() for r in range(view.proxy.rowCount())}
    assert hours == {"王建国": "2", "马永福": "1.5", "杨德明": "0"}
    assert view.select_id(data["wang"])
    path = tmp_path / "证明.pdf"
    monkeypatch.setattr(view, "ask_certificate_path", lambda row: path)
    view.certificate_button.click()
    text = squeezed(pdf_text(path))
    assert "志愿服务证明" in text and "王建国" in text and "ZY-0001" in text and "（盖章）" in text
    assert messages[-1][0] == "information"


def test_a_serious_finding_is_turned_into_a_request(tab, tmp_db, data):
    tab.views.setCurrentIndex(SAFETY)
    view = tab.safety
    assert view.select_id(data["check"])
    view.findings.setCurrentIndex(view.findings_model.index(1, 0))
    assert not view.escalate_button.isEnabled()
    view.findings.setCurrentIndex(view.findings_model.index(0, 0))
    assert view.escalate_button.isEnabled()
    routed = []
    tab.navigate.connect(lambda key, payload: routed.append((key, payload)))
    view.escalate_button.click()
    request_id = routed[0][1]["request_id"]
    assert routed == [("requests", {"request_id": request_id})]
    assert [(l.kind, l.id) for l in links.linked(tmp_db, "request", request_id)] == [("safety_check", data["check"])]
    assert view.links.count() == 1 and not view.escalate_button.isEnabled()


def test_statistics_show_the_month(tab, data):
    tab.views.setCurrentIndex(STATS)
    assert tab.stats.show_month(2026, 10)
    figures = tab.stats.figures
    assert (figures.jobs, figures.fixed, figures.finished, figures.minutes) == (2, 1, 1, 210)
    assert "100.0%" in tab.stats.headline.text()
    assert tab.stats.matrix.item(tab.stats.matrix.rowCount() - 1, tab.stats.matrix.columnCount() - 1).text() == "2"


def test_export_actions_write_files_through_jobs(tab, tmp_db, data, tmp_path, monkeypatch, messages):
    names = [a.text() for a in tab.export_actions()]
    assert len(names) == 4
    target = tmp_path / "维修.xlsx"
    monkeypatch.setattr(tab, "ask_save_path", lambda title, name, pattern: target)
    tab.export_jobs_action.trigger()
    assert target.exists() and messages[-1][0] == "information"
    pdf = tmp_path / "登记簿.pdf"
    monkeypatch.setattr(tab, "ask_save_path", lambda title, name, pattern: pdf)
    monkeypatch.setattr(tab, "ask_month", lambda: (2026, 10))
    tab.register_action.trigger()
    assert pdf.exists()
    monkeypatch.setattr(tab, "ask_open_path", lambda: target)
    tab.import_action.trigger()
    assert "2" in messages[-1][1]  # both rows found again: duplicates
    assert len(service.query_job_ids(tmp_db)) == 2
