"""统计: a month's figures — repairs by category and outcome, fix rate, hours by volunteer, checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.repairs import stats
from app.repairs.rules import format_hours

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _grid(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(True)
    return table


def _cell(value) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    if isinstance(value, (int, float)):
        item.setTextAlignment(RIGHT)
    return item


class StatsView(QWidget):
    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.figures: stats.MonthStats | None = None
        self.month = QComboBox()
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSize(font.pointSize() + 2)
        self.headline.setFont(font)
        self.matrix = _grid([])
        self.people = _grid([self.tr("Volunteer number"), self.tr("Name"), self.tr("Repairs"), self.tr("Checks"), self.tr("Hours")])
        self.people.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 80, 70, 70)):
            self.people.setColumnWidth(column, width)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addStretch(1)
        repairs = QGroupBox(self.tr("Repairs by category and outcome"))
        QVBoxLayout(repairs).addWidget(self.matrix)
        hours = QGroupBox(self.tr("Volunteer hours (actual service)"))
        QVBoxLayout(hours).addWidget(self.people)
        safety = QGroupBox(self.tr("Home safety checks"))
        QVBoxLayout(safety).addWidget(self.checks)
        middle = QHBoxLayout()
        middle.addWidget(repairs, 3)
        middle.addWidget(hours, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addLayout(middle, 1)
        layout.addWidget(safety)

    def activate(self) -> None:
        current = self.selected_month()
        months = stats.months_with_data(self.database)
        today = date.today()
        if (today.year, today.month) not in months:
            months.insert(0, (today.year, today.month))
        self.month.blockSignals(True)
        self.month.clear()
        for year, month in months:
            self.month.addItem(self.tr("{year}-{month:02d}").format(year=year, month=month), year * 100 + month)
        index = self.month.findData(current[0] * 100 + current[1]) if current else 0
        self.month.setCurrentIndex(max(index, 0))
        self.month.blockSignals(False)
        self.refresh()

    def selected_month(self) -> tuple[int, int] | None:
        key = self.month.currentData()
        return divmod(key, 100) if key else None

    def show_month(self, year: int, month: int) -> bool:
        index = self.month.findData(year * 100 + month)
        if index >= 0:
            self.month.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        chosen = self.selected_month()
        if chosen is None:
            return
        self.figures = f = stats.month_stats(self.database, *chosen)
        rate = self.tr("—") if f.fix_rate is None else f"{f.fix_rate:.1%}"
        self.headline.setText(self.tr("{jobs} repair jobs · fixed {fixed} of {finished} finished (fix rate {rate}) · "
                                      "{hours} volunteer hours · {checks} safety checks").format(
            jobs=f.jobs, fixed=f.fixed, finished=f.finished, rate=rate, hours=format_hours(f.minutes), checks=f.checks))
        self._fill_matrix(f)
        self._fill_people(f)
        severities = "，".join(f"{k} {v}" for k, v in f.findings_by_severity.items())
        self.checks.setText(self.tr("{checks} checks, {findings} findings ({severities}); {open} not put right yet; {escalated} turned into requests.").format(
            checks=f.checks, findings=f.findings, severities=severities, open=f.findings_open, escalated=f.escalated))

    def _fill_matrix(self, f: stats.MonthStats) -> None:
        outcomes = f.outcomes
        headers = [o or self.tr("Not finished yet") for o in outcomes] + [self.tr("Total")]
        categories = f.categories
        self.matrix.setColumnCount(len(headers))
        self.matrix.setHorizontalHeaderLabels(headers)
        self.matrix.setRowCount(len(categories) + 1)
        self.matrix.setVerticalHeaderLabels([*categories, self.tr("Total")])
        for r, category in enumerate(categories):
            for c, outcome in enumerate(outcomes):
                self.matrix.setItem(r, c, _cell(f.table.get((category, outcome), 0)))
            self.matrix.setItem(r, len(outcomes), _cell(f.by_category.get(category, 0)))
        for c, outcome in enumerate(outcomes):
            self.matrix.setItem(len(categories), c, _cell(f.by_outcome.get(outcome, 0)))
        self.matrix.setItem(len(categories), len(outcomes), _cell(f.jobs))

    def _fill_people(self, f: stats.MonthStats) -> None:
        self.people.setRowCount(len(f.volunteers))
        self.people.verticalHeader().setVisible(False)
        for r, v in enumerate(f.volunteers):
            for c, value in enumerate((v.number, v.name, v.jobs, v.checks, format_hours(v.minutes))):
                self.people.setItem(r, c, _cell(value))
            self.people.item(r, 4).setTextAlignment(RIGHT)
