"""设置: language (applied at the next start) and the name recorded in the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from app import i18n
from ui.settings import settings


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        current = settings().value("language", i18n.DEFAULT_LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("&Language:"), self.language)
        self.operator = QLineEdit(settings().value("operator", "") or "")
        self.operator.setPlaceholderText(self.tr("login name"))
        form.addRow(self.tr("&Operator name:"), self.operator)
        form.addRow(QLabel(self.tr("A new language is used from the next start.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        store = settings()
        store.setValue("language", self.language.currentData())
        store.setValue("operator", self.operator.text().strip())
        super().accept()
