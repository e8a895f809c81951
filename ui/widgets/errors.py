"""Unexpected problems: one dialog for the user, the details in the log file."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("wufu")


def show_unexpected_error(error: BaseException, parent=None) -> None:
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Application", "Unexpected error"),
                      QCoreApplication.translate("Application", "Something went wrong. Nothing you typed was saved by half; the details are in the log file."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    box.exec()
