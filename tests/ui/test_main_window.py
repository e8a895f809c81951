"""The main window as the office sees it: Chinese title and menus, the database path in the status
bar, one tab per registered ledger, tabs that hand work to each other through the window, the window
coming back where it was left, and menu actions that never leave the user stuck in a dialog."""

from __future__ import annotations

import sqlite3
import sys
import types

import pytest
from PySide6.QtCore import QByteArray, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QProgressDialog

from app import __version__
from app.demo import DEMO_FLAG
from ui import tabs as tab_registry
from ui.application import create_application, settings
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.widgets.ledger_tab import LedgerTab


def _remove_translators(app) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)


@pytest.fixture
def zh_app(qapp):
    """The application as main.py builds it, in Chinese (the office's default)."""
    _remove_translators(qapp)
    locale = QLocale()
    app = create_application([], "zh_CN")
    assert app is qapp
    yield app
    _remove_translators(app)
    QLocale.setDefault(locale)


@pytest.fixture
def window(zh_app, tmp_db, qtbot, dialogs):
    main = MainWindow(tmp_db)
    qtbot.addWidget(main)
    return main


def _plain(text: str) -> str:
    """Menu text without the keyboard accelerator: 文件(&F) → 文件."""
    return text.replace("&", "").split("(")[0].rstrip("…").strip()


def _menu(window, title: str):
    for action in window.menuBar().actions():
        if _plain(action.text()) == title:
            return action.menu()
    raise AssertionError(f"no menu {title}: {[a.text() for a in window.menuBar().actions()]}")


def _action(menu, title: str):
    for action in menu.actions():
        if _plain(action.text()) == title:
            return action
    raise AssertionError(f"no action {title}: {[a.text() for a in menu.actions()]}")


# --- what the office sees ------------------------------------------------------------------------

def test_title_is_chinese(window):
    assert window.windowTitle() == "五福社区工作台"


def test_title_in_english_when_chosen(qapp, tmp_db, qtbot, dialogs):
    _remove_translators(qapp)
    create_application([], "en")
    main = MainWindow(tmp_db)
    qtbot.addWidget(main)
    assert main.windowTitle() == "Wufu Community Workstation"


def test_language_comes_from_the_settings_dialog_choice(qapp):
    from ui.application import chosen_language

    settings().setValue("language", "en")
    assert chosen_language(None) == "en"
    assert chosen_language("zh_CN") == "zh_CN"  # --lang beats the setting
    settings().setValue("language", "klingon")
    assert chosen_language(None) == "zh_CN"


def test_menus_and_their_actions(window):
    menus = [_plain(a.text()) for a in window.menuBar().actions()]
    assert menus[:2] == ["文件", "帮助"]
    file_menu = _menu(window, "文件")
    for title in ("备份数据库", "导出", "设置", "退出"):
        _action(file_menu, title)
    help_menu = _menu(window, "帮助")
    for title in ("关于", "数据位置"):
        _action(help_menu, title)


def test_status_bar_shows_the_database_path(window, tmp_db):
    assert str(tmp_db.path) in window.db_label.text()
    assert window.db_label.text().startswith("数据库")
    assert window.demo_label.text() == ""


def test_status_bar_marks_demo_data(window, tmp_db):
    tmp_db.set_setting(DEMO_FLAG, "1")  # what load_demo leaves behind (tested in tests/app)
    window.refresh_status()
    assert window.demo_label.text() == "演示数据"


def test_export_menu_follows_the_current_tab(window):
    export = _action(_menu(window, "文件"), "导出").menu()
    home = window.tab("home")
    assert export.isEnabled() == bool(home.export_actions())


# --- tabs ----------------------------------------------------------------------------------------

def test_one_tab_per_registered_module(window):
    specs = tab_registry.tab_specs()
    assert window.tabs.count() == len(tab_registry.TAB_MODULES) == len(specs)
    assert window.tab_keys == [spec.key for spec in specs]
    for index, spec in enumerate(specs):
        assert window.tabs.tabText(index) == spec.title()
        assert isinstance(window.tabs.widget(index), LedgerTab)
    assert window.tabs.tabText(window.tab_keys.index("home")) == "概览"


class _OtherTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        self.payloads = []
        self.activations = 0

    def activated(self):
        self.activations += 1

    def open_payload(self, payload):
        self.payloads.append(payload)


@pytest.fixture
def window_with_two_tabs(zh_app, tmp_db, qtbot, dialogs, monkeypatch):
    """The registry with one more (test-only) tab module, to watch routing between tabs."""
    from ui.tabs import TabSpec

    module = types.ModuleType("wufu_test_other_tab")
    module.TAB = TabSpec(key="other", title=lambda: "其他", create=_OtherTab, order=1000)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(tab_registry, "TAB_MODULES", (*tab_registry.TAB_MODULES, module.__name__))
    main = MainWindow(tmp_db)
    qtbot.addWidget(main)
    return main


def test_registry_picks_up_a_new_module(window_with_two_tabs):
    assert window_with_two_tabs.tab_keys[-1] == "other"
    assert window_with_two_tabs.tabs.count() == len(tab_registry.TAB_MODULES)


def test_route_switches_tab_and_hands_over_the_payload(window_with_two_tabs):
    main = window_with_two_tabs
    home = main.tab("home")
    received = []
    home.open_payload = received.append
    assert main.show_tab("other")
    assert main.tabs.currentWidget() is main.tab("other")

    main.route("home", {"resident_id": 7})
    assert main.tabs.currentWidget() is home
    assert received == [{"resident_id": 7}]


def test_a_tab_asks_the_window_through_its_signal(window_with_two_tabs):
    main = window_with_two_tabs
    other = main.tab("other")
    before = other.activations
    main.tab("home").navigate.emit("other", {"request_id": 3})  # how a tab asks, never importing another tab
    assert main.tabs.currentWidget() is other
    assert other.payloads == [{"request_id": 3}]
    assert other.activations == before + 1


def test_route_to_an_unknown_tab_changes_nothing(window_with_two_tabs):
    main = window_with_two_tabs
    main.show_tab("other")
    main.route("nosuch", {"x": 1})
    assert main.tabs.currentWidget() is main.tab("other")
    assert main.show_tab("nosuch") is False
    assert main.tab("nosuch") is None


# --- geometry ------------------------------------------------------------------------------------

def test_geometry_is_saved_on_close_and_restored(zh_app, tmp_db, qtbot, dialogs, tmp_path):
    first = MainWindow(tmp_db)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(40, 60, 1100, 700)
    qtbot.wait(20)
    left_at = (first.x(), first.y(), first.width(), first.height())
    assert left_at[2:] == (1100, 700)
    first.close()
    saved = settings().value("window/geometry")
    assert isinstance(saved, QByteArray) and not saved.isEmpty()
    assert any((tmp_path / "qsettings").rglob("*")), "QSettings must be written inside the test's folder"

    second = MainWindow(tmp_db)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == left_at[2:]
    # the position comes back too (give or take the window frame the platform adds)
    assert abs(second.x() - left_at[0]) <= 10 and abs(second.y() - left_at[1]) <= 10


def test_first_start_has_a_sensible_size(window):
    assert (window.width(), window.height()) == (1280, 800)


# --- menu actions (dialogs patched: nothing may block) ------------------------------------------

def test_backup_from_the_menu(window, tmp_db, tmp_path, dialogs):
    tmp_db.set_setting("office_name", "福通社区居委会")
    dialogs.folder = str(tmp_path / "备份")
    _action(_menu(window, "文件"), "备份数据库").trigger()
    (written,) = list((tmp_path / "备份").glob("wufu-*.db"))
    raw = sqlite3.connect(written)
    try:
        assert raw.execute("SELECT value FROM settings WHERE key='office_name'").fetchone() == ("福通社区居委会",)
    finally:
        raw.close()
    assert dialogs.kinds() == ["folder", "information"]
    assert str(written) in dialogs.texts("information")[0]


def test_backup_cancelled_in_the_folder_dialog(window, tmp_db, dialogs):
    dialogs.folder = ""
    window.backup_now()
    assert dialogs.kinds() == ["folder"]
    assert not (tmp_db.path.parent / "wufu-backups").exists()


def test_backup_on_a_full_disk_explains_itself(window, tmp_path, dialogs, monkeypatch):
    import errno

    import db.backup

    class FullDisk:
        Error = sqlite3.Error

        @staticmethod
        def connect(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db.backup, "sqlite3", FullDisk)
    dialogs.folder = str(tmp_path / "b")
    window.backup_now()
    assert dialogs.kinds() == ["folder", "warning"]
    assert "磁盘已满" in dialogs.texts("warning")[0]
    assert list((tmp_path / "b").iterdir()) == []


def test_about_and_data_location(window, tmp_db, dialogs):
    _action(_menu(window, "帮助"), "关于").trigger()
    assert __version__ in dialogs.texts("about")[0]
    _action(_menu(window, "帮助"), "数据位置").trigger()
    text = dialogs.texts("box")[0]
    assert str(tmp_db.path) in text and "wufu-backups" in text


def test_settings_dialog_saves_language_and_operator(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    _action(_menu(window, "文件"), "设置").trigger()
    assert len(opened) == 1
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.operator.setText("  王主任 ")
    dialog.accept()
    assert settings().value("language") == "en"
    assert settings().value("operator") == "王主任"
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    assert again.language.currentData() == "en" and again.operator.text() == "王主任"


def test_exit_closes_and_saves(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    _action(_menu(window, "文件"), "退出").trigger()
    assert not window.isVisible()
    assert not settings().value("window/geometry").isEmpty()


def test_no_leftover_dialogs(window):
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
