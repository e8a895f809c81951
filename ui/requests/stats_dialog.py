"""月度统计: one month's requests by channel and category, on-time rate and satisfaction."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from app.requests.rules import categories
from app.requests.stats import monthly_stats, months_with_requests, percent


class StatsDialog(QDialog):
    def __init__(self, database, parent=None, today: date | None = None):
        super().__init__(parent)
        self.database = database
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Monthly statistics of requests"))
        self.month = QComboBox()
        months = months_with_requests(database)
        this_month = (self.today.year, self.today.month)
        if this_month not in months:
            months.insert(0, this_month)
        for year, month in months:
            self.month.addItem(self.tr("{year}-{month:02d}").format(year=year, month=month), (year, month))
        self.month.currentIndexChanged.connect(self.refresh)
        self.figures = QFormLayout()
        self.channels = QFormLayout()
        self.categories = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addStretch(1)
        boxes = QHBoxLayout()
        for title, layout in ((self.tr("Overview"), self.figures), (self.tr("By channel"), self.channels),
                              (self.tr("By category"), self.categories)):
            box = QGroupBox(title)
            box.setLayout(layout)
            boxes.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(boxes)
        layout.addWidget(QLabel(self.tr("Requests registered in the month; on time = finished by the deadline day; "
                                        "satisfied = 满意 or 基本满意 at the latest follow-up.")))
        layout.addWidget(buttons)
        self.refresh()

    @staticmethod
    def _fill(form: QFormLayout, pairs) -> None:
        while form.rowCount():
            form.removeRow(0)
        for name, value in pairs:
            form.addRow(f"{name}：", QLabel(str(value)))

    def refresh(self) -> None:
        year, month = self.month.currentData()
        names = tuple(c.name for c in categories(self.database))
        self.stats = monthly_stats(self.database, year, month, self.today, names)
        s = self.stats
        self._fill(self.figures, (
            (self.tr("Requests registered"), s.total),
            (self.tr("Finished"), s.finished),
            (self.tr("On time"), f"{s.finished_on_time}（{percent(s.on_time_rate)}）"),
            (self.tr("Followed up"), s.followed_up),
            (self.tr("Satisfied"), f"{s.satisfied}（{percent(s.satisfaction_rate)}）"),
            (self.tr("Open and overdue"), s.open_overdue),
        ))
        self._fill(self.channels, s.by_channel)
        self._fill(self.categories, [(k, v) for k, v in s.by_category if v or k in names])
