"""A checkable list of tags, each with an optional detail (残疾人: 肢体 二级).

Space ticks the current tag, F2 (or a double click) edits its detail. Sensitive tags (PIPL:
低保, 特困, disability, 重点人员 …) are marked and drawn in amber so nobody ticks one idly.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

SENSITIVE_COLOR = "#b45309"
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TagChoice:
    id: int
    name: str
    sensitive: bool = False


class TagPicker(QTreeWidget):
    edited = Signal()  # a tick or a detail changed by the user

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Tag"), self.tr("Detail")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)
        self.itemDoubleClicked.connect(lambda item, _column: self.edit_detail(item))

    def set_choices(self, choices: list[TagChoice]) -> None:
        """The tags one can tick (keeps the ticks of tags still offered)."""
        kept = self.checked()
        self._filling = True
        self.clear()
        for choice in choices:
            item = QTreeWidgetItem(self)
            item.setData(0, TAG_ID_ROLE, choice.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            if choice.sensitive:
                item.setText(0, self.tr("{name} (sensitive)").format(name=choice.name))
                item.setForeground(0, QBrush(QColor(SENSITIVE_COLOR)))
                item.setToolTip(0, self.tr("Sensitive personal information: tick only what the office needs to know"))
            else:
                item.setText(0, choice.name)
        self._filling = False
        self.set_checked(kept)

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.topLevelItem(i) for i in range(self.topLevelItemCount())]

    def set_checked(self, checked: dict[int, str | None]) -> None:
        """Tick these tag ids with their details; untick the rest."""
        self._filling = True
        for item in self._items():
            tag_id = item.data(0, TAG_ID_ROLE)
            item.setCheckState(0, Qt.CheckState.Checked if tag_id in checked else Qt.CheckState.Unchecked)
            item.setText(1, (checked.get(tag_id) or "") if tag_id in checked else "")
        self._filling = False

    def checked(self) -> dict[int, str | None]:
        return {
            item.data(0, TAG_ID_ROLE): (item.text(1).strip() or None)
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        }

    def edit_detail(self, item: QTreeWidgetItem | None = None) -> None:
        item = item or self.currentItem()
        if item is not None:
            self.editItem(item, 1)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.edit_detail()
            return
        super().keyPressEvent(event)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling:
            return
        if column == 1 and item.text(1).strip() and item.checkState(0) != Qt.CheckState.Checked:
            self._filling = True
            item.setCheckState(0, Qt.CheckState.Checked)  # a detail means the tag applies
            self._filling = False
        self.edited.emit()
