"""概览 lists the work waiting in each ledger and takes the secretary straight to it."""

from PySide6.QtWidgets import QCommandLinkButton

from app.demo import DemoOptions, load_demo
from app.requests import service as requests
from ui.main_window import MainWindow


def _buttons(window):
    return {b.text().split("：")[0]: b for b in window.tab("home").findChildren(QCommandLinkButton) if b.parent()}


def test_overdue_requests_are_listed_and_open_filtered(qtbot, tmp_db, zh_cn, dialogs):
    load_demo(tmp_db, DemoOptions(residents=60, seed=7))
    overdue = requests.count_overdue(tmp_db)
    assert overdue > 0  # the demo always has some, as a real office does
    window = MainWindow(tmp_db)
    qtbot.addWidget(window)
    buttons = _buttons(window)
    assert buttons["超期诉求"].text() == f"超期诉求：{overdue}"
    assert "未完成的维修单" in buttons and "未完成的决议事项" in buttons
    buttons["超期诉求"].click()
    assert window.tab_keys[window.tabs.currentIndex()] == "requests"
    requests_tab = window.tab("requests")
    assert requests_tab.overdue_only.isChecked()
    assert requests_tab.model.rowCount() == overdue


def test_an_empty_database_has_nothing_waiting(qtbot, tmp_db, zh_cn, dialogs):
    window = MainWindow(tmp_db)
    qtbot.addWidget(window)
    assert _buttons(window) == {}
    home = window.tab("home")
    shown = [label.text() for label in home.attention_box.findChildren(type(window.db_label))]
    assert shown == [home.tr("Nothing is waiting.")]
