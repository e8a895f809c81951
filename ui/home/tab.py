"""概览: what needs attention today, and what the office's ledgers hold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCommandLinkButton, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.demo import is_demo
from app.features import features
from ui.widgets.ledger_tab import LedgerTab, TabSpec


class HomeTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(self.tr("Wufu Community Workstation"))
        font = heading.font()
        font.setPointSize(font.pointSize() + 8)
        heading.setFont(font)
        layout.addWidget(heading)
        self.demo_note = QLabel()
        self.demo_note.setStyleSheet("color: #b45309;")
        layout.addWidget(self.demo_note)

        columns = QHBoxLayout()
        self.attention_box = QGroupBox(self.tr("Needs attention"))
        self.attention_layout = QVBoxLayout(self.attention_box)
        columns.addWidget(self.attention_box, 2)
        counts_box = QGroupBox(self.tr("Ledgers"))
        self.form = QFormLayout(counts_box)
        columns.addWidget(counts_box, 1)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.db_label)
        # Filled by activated(): the main window activates the current tab once it is built.

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._fill_counts()
        self._fill_attention()
        self.demo_note.setText(self.tr("This database holds fictional demo data.") if is_demo(self.database) else "")
        self.db_label.setText(self.tr("Database: {path}").format(path=self.database.path))

    def _fill_counts(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        with self.database.reading() as session:
            for feature in features():
                if feature.count is not None:
                    self.form.addRow(feature.label() + "：", QLabel(str(feature.count(session))))
        if not features():
            self.form.addRow(QLabel(self.tr("No ledgers are installed yet.")))

    def _fill_attention(self) -> None:
        while self.attention_layout.count():
            widget = self.attention_layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # gone now, not at the next event loop turn
                widget.deleteLater()
        waiting = [(feature.key, *entry) for feature in features() if feature.attention is not None
                   for entry in feature.attention(self.database) if entry[1]]
        for key, what, count, payload in waiting:
            button = QCommandLinkButton(f"{what}：{count}")
            button.clicked.connect(lambda _=False, k=key, p=payload: self.navigate.emit(k, p or {}))
            self.attention_layout.addWidget(button)
        if not waiting:
            self.attention_layout.addWidget(QLabel(self.tr("Nothing is waiting.")))
        self.attention_layout.addStretch(1)


TAB = TabSpec(
    key="home",
    title=lambda: QCoreApplication.translate("Tabs", "Overview"),
    create=HomeTab,
    order=0,
)
