"""概览: what the office's ledgers hold, at a glance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from app.demo import is_demo
from app.features import features
from ui.tabs import TabSpec
from ui.widgets.ledger_tab import LedgerTab


class HomeTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Wufu Community Workstation"))
        heading.setObjectName("homeHeading")
        font = heading.font()
        font.setPointSize(font.pointSize() + 8)
        heading.setFont(font)
        layout.addWidget(heading)
        self.demo_note = QLabel()
        layout.addWidget(self.demo_note)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.db_label)
        self.refresh()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        with self.database.reading() as session:
            for feature in features():
                if feature.count is not None:
                    self.form.addRow(feature.label() + "：", QLabel(str(feature.count(session))))
        if not features():
            self.form.addRow(QLabel(self.tr("No ledgers are installed yet.")))
        self.demo_note.setText(self.tr("This database holds fictional demo data.") if is_demo(self.database) else "")
        self.db_label.setText(self.tr("Database: {path}").format(path=self.database.path))


TAB = TabSpec(
    key="home",
    title=lambda: QCoreApplication.translate("Tabs", "Overview"),
    create=HomeTab,
    order=0,
)
