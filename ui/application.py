"""Qt start-up: fonts, translations, settings and the last-resort error dialog."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import i18n
from app.paths import default_data_dir
from app.resources import resources_dir
from ui.settings import APPLICATION, ORGANIZATION, settings  # noqa: F401  (main.py and tests use it from here)
from ui.widgets.errors import show_unexpected_error
from ui.widgets.fonts import bundled_font

log = logging.getLogger("wufu")


def chosen_language(cli_value: str | None) -> str:
    value = cli_value or settings().value("language", i18n.DEFAULT_LANGUAGE)
    return value if value in i18n.SUPPORTED_LANGUAGES else i18n.DEFAULT_LANGUAGE


def register_font(app: QApplication) -> str:
    """Use the bundled WenQuanYi Micro Hei so every machine renders the same Chinese text, and the
    bundled rare-character font for what it lacks (𠮷 in 𠮷田 would be a box otherwise)."""
    font = bundled_font(10, app.font().family())
    app.setFont(font)
    return font.family()


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    installed = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"wufu_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (确定, 取消 …)
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def setup_logging() -> None:
    folder = default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "wufu.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def install_excepthook() -> None:
    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        show_unexpected_error(value.with_traceback(tb))

    sys.excepthook = hook


def create_application(argv: list[str], language: str | None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    register_font(app)
    install_translators(app, chosen_language(language))
    return app
