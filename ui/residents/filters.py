"""Search and filters above the roster: what the table shows, as one ResidentQuery."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.residents.queries import ResidentQuery
from app.residents.validation import CHOICES, SUGGESTIONS
from ui.widgets.search_box import SearchBox

class FilterCombo(QComboBox):
    """As wide as its longest choice when there is room, narrower in a small window."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 72), hint.height())


STATUS_ACTIVE, STATUS_MOVED_OUT, STATUS_DECEASED, STATUS_REMOVED = "active", "moved_out", "deceased", "removed"


class FilterBar(QWidget):
    """Search box, filter combos and the count. ``changed`` fires when the selection changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = SearchBox(placeholder=self.tr("Search by name, pinyin initials (zxl), ID or phone digits, or address (3-2-401)"))
        self.search.setMinimumWidth(200)
        self.building = self._combo(self.tr("All buildings"))
        self.tag = self._combo(self.tr("All tags"))
        self.residence = self._combo(self.tr("All residence statuses"), [(c, c) for c in CHOICES["residence_status"]])
        self.political = self._combo(self.tr("All political statuses"), [(c, c) for c in SUGGESTIONS["political_status"]])
        self.age = self._combo(self.tr("All ages"), [(self.tr("Aged 60 and over"), 60), (self.tr("Aged 80 and over"), 80)])
        self.status = FilterCombo()
        for label, value in ((self.tr("On the roster"), STATUS_ACTIVE), (self.tr("Moved out"), STATUS_MOVED_OUT),
                             (self.tr("Deceased"), STATUS_DECEASED), (self.tr("Removed"), STATUS_REMOVED)):
            self.status.addItem(label, value)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.setToolTip(self.tr("Which records to list"))
        self.count_label = QLabel()
        self.count_label.setObjectName("residentsCount")
        self._build_layout()
        self.search.search_changed.connect(lambda _text: self.changed.emit())
        for combo in self.combos():
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def _combo(self, everything: str, items: list[tuple[str, object]] = ()) -> QComboBox:
        combo = FilterCombo()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def combos(self) -> list[QComboBox]:
        return [self.building, self.tag, self.residence, self.political, self.age, self.status]

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.search, 1)
        layout.addLayout(self.top_row)
        row = QHBoxLayout()
        row.setSpacing(6)
        for combo in self.combos():
            combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout.addLayout(row)

    # --- choices and the query ---------------------------------------------------------------
    def set_buildings(self, buildings) -> None:
        self._refill(self.building, [(b.label, b.id) for b in buildings])

    def set_tags(self, tags) -> None:
        self._refill(self.tag, [(t.name, t.id) for t in tags])

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """New choices, keeping the chosen one when it is still there (no ``changed`` then)."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for label, value in items:
            combo.addItem(label, value)
        position = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(position, 0))
        combo.blockSignals(False)
        if chosen is not None and position < 0:
            self.changed.emit()

    def query(self) -> ResidentQuery:
        status = self.status.currentData()
        tag = self.tag.currentData()
        return ResidentQuery(
            text=self.search.search_text(),
            building_id=self.building.currentData(),
            tag_ids=(tag,) if tag is not None else (),
            residence_status=self.residence.currentData(),
            political_status=self.political.currentData(),
            min_age=self.age.currentData(),
            status=None if status == STATUS_REMOVED else status,
            only_removed=status == STATUS_REMOVED,
        )

    def set_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} people").format(count=f"{count:,}"))
