"""One request: what was asked, its timeline, the next steps it allows, and what it is linked to.

Buttons offer only the steps the workflow allows from the request's status; each asks for what it
needs (StepDialog). "To repair team" asks the main window to open a prefilled repair job; the
repair tab links it back (app/links.py), and the link then shows here under 关联记录.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.links import kind_label
from app.requests import service
from ui.requests.step_dialog import StepDialog

# Which tab shows a linked record of each kind (the main window routes by tab key).
TAB_FOR_KIND = {"repair": "repairs", "safety_check": "repairs", "agenda_item": "meetings", "project": "projects"}
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RequestDetailPanel(QWidget):
    changed = Signal(int)  # a step was taken / the request was removed: the list reloads
    navigate_requested = Signal(str, object)

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.current = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.heading.setFont(font)
        self.values: dict[str, QLabel] = {}
        self.reveal_button = QToolButton()
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setAutoRaise(True)
        self.reveal_button.setToolTip(self.tr("Show the full phone number (recorded in the audit log)"))
        self.reveal_button.clicked.connect(self.reveal_phone)
        self.timeline = self._make_timeline()
        self.links = QListWidget()
        self.links.setMaximumHeight(70)
        self.links.itemActivated.connect(self._open_link)
        self.step_row = QHBoxLayout()
        self.repair_button = QPushButton(self.tr("To repair team…"))
        self.repair_button.setToolTip(self.tr("Open a repair job prefilled from this request"))
        self.repair_button.clicked.connect(self.to_repair)
        self.meeting_button = QPushButton(self.tr("To a meeting…"))
        self.meeting_button.setToolTip(self.tr("Put this request on the agenda of a new deliberation meeting"))
        self.meeting_button.clicked.connect(self.to_meeting)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.remove)
        self.step_buttons: dict[str, QPushButton] = {}
        self._layout()
        self.show_detail(None)

    def _make_timeline(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Details")])
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tree.setWordWrap(True)
        header = tree.header()
        for column, width in enumerate((82, 78, 56)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            tree.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        return tree

    def _layout(self) -> None:
        fields = (("name", self.tr("Requester")), ("phone", self.tr("Phone")), ("address", self.tr("Address")),
                  ("channel", self.tr("Channel")), ("category", self.tr("Category")), ("receiver", self.tr("Received by")),
                  ("assignee", self.tr("Assigned to")), ("deadline", self.tr("Deadline")),
                  ("finished", self.tr("Finished at")), ("follow_up", self.tr("Follow-up visit")),
                  ("external", self.tr("Work order")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        for index, (key, title) in enumerate(fields):
            row, column = divmod(index, 2)
            self.values[key] = _value_label()
            grid.addWidget(QLabel(title + "："), row, column * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if key == "phone":
                holder = QHBoxLayout()
                holder.addWidget(self.values[key])
                holder.addWidget(self.reveal_button)
                holder.addStretch(1)
                grid.addLayout(holder, row, column * 2 + 1)
            else:
                grid.addWidget(self.values[key], row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        text = QFormLayout()
        for key, title in (("content", self.tr("Content")), ("handling", self.tr("Handling"))):
            self.values[key] = _value_label()
            text.addRow(title + "：", self.values[key])
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addLayout(text)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Timeline")))
        right.addWidget(self.timeline, 1)
        right.addWidget(QLabel(self.tr("Linked records")))
        right.addWidget(self.links)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addLayout(right, 2)
        self.step_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(middle, 1)
        layout.addLayout(self.step_row)

    # --- showing -----------------------------------------------------------------------------
    def show_detail(self, detail) -> None:
        self.current = detail
        enabled = detail is not None
        for widget in (self.repair_button, self.meeting_button, self.remove_button, self.reveal_button):
            widget.setVisible(enabled)
        if detail is None:
            self.heading.setText(self.tr("Choose a request in the list to see its details."))
            for label in self.values.values():
                label.clear()
            self.timeline.clear()
            self.links.clear()
            self._set_steps(())
            return
        row = detail.row
        heading = f"{row.number}　{row.status}"
        if row.overdue:
            heading += "　" + self.tr("{days} d overdue").format(days=row.days_overdue)
        if row.removed:
            heading += "　" + self.tr("(removed)")
        self.heading.setText(heading)
        self.heading.setStyleSheet("color: #b71c1c;" if row.overdue else "")
        requester = row.requester
        if detail.resident_name and detail.resident_name != row.name:
            requester += self.tr(" (roster: {name})").format(name=detail.resident_name)
        elif row.resident_id:
            requester += self.tr(" (on the roster)")
        values = {
            "name": requester, "phone": row.phone_masked, "address": row.address, "channel": row.channel,
            "category": row.category, "receiver": row.receiver, "assignee": row.assignee,
            "deadline": row.deadline.isoformat() if row.deadline else "", "finished": _when(row.finished_at),
            "follow_up": row.follow_up, "external": row.external_number, "content": row.content,
            "handling": detail.handling,
        }
        for key, value in values.items():
            self.values[key].setText(value)
        self.reveal_button.setVisible(detail.has_phone)
        self._fill_timeline(detail.events)
        self._fill_links(detail.links)
        self._set_steps(detail.allowed_steps)
        for button in (self.repair_button, self.meeting_button, self.remove_button):
            button.setEnabled(not row.removed)

    def _fill_timeline(self, events) -> None:
        self.timeline.clear()
        for event in events:
            parts = [event.note]
            if event.assignee:
                parts.append(self.tr("to {assignee}").format(assignee=event.assignee))
            if event.deadline and event.step != "受理":
                parts.append(self.tr("deadline {date}").format(date=event.deadline.isoformat()))
            if event.result:
                parts.append(event.result)
            item = QTreeWidgetItem([event.at.strftime("%m-%d %H:%M"), event.step, event.actor, "；".join(p for p in parts if p)])
            item.setToolTip(0, _when(event.at))
            item.setToolTip(3, item.text(3))
            self.timeline.addTopLevelItem(item)

    def _fill_links(self, links) -> None:
        self.links.clear()
        for row in links:
            item = QListWidgetItem(f"{kind_label(row.kind)}：{row.label}")
            item.setData(LINK_ROLE, (row.kind, row.id))
            self.links.addItem(item)
        if not links:
            placeholder = QListWidgetItem(self.tr("None yet"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.links.addItem(placeholder)

    def _set_steps(self, steps) -> None:
        for button in self.step_buttons.values():
            self.step_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        for position, step in enumerate(steps):
            button = QPushButton(step)
            button.clicked.connect(lambda _checked=False, s=step: self.take_step(s))
            self.step_row.insertWidget(position, button)
            self.step_buttons[step] = button
        if self.step_row.indexOf(self.repair_button) < 0:
            for button in (self.repair_button, self.meeting_button, self.remove_button):
                self.step_row.addWidget(button)

    # --- actions -----------------------------------------------------------------------------
    def take_step(self, step: str) -> bool:
        detail = self.current
        if detail is None:
            return False
        request_id = detail.row.id

        def submit(values: dict) -> None:
            service.advance(self.database, request_id, step, **values)

        done = StepDialog.ask(self, step, detail.row.number, submit, deadline=detail.row.deadline,
                              assignees=service.recent_assignees(self.database))
        if done:
            self.changed.emit(request_id)
        return done

    def to_repair(self) -> None:
        if self.current is None:
            return
        row = self.current.row
        self.navigate_requested.emit("repairs", {"from_request": row.id, "request_number": row.number,
                                                 "resident_id": row.resident_id, "content": row.content,
                                                 "address": row.address, "name": row.name})

    def to_meeting(self) -> None:
        if self.current is not None:
            self.navigate_requested.emit("meetings", {"request_id": self.current.row.id})

    def _open_link(self, item: QListWidgetItem) -> None:
        data = item.data(LINK_ROLE)
        if not data:
            return
        kind, record_id = data
        key = TAB_FOR_KIND.get(kind)
        if key:
            self.navigate_requested.emit(key, {"open": kind, "id": record_id})

    def reveal_phone(self) -> None:
        if self.current is None:
            return
        try:
            phone = service.reveal_phone(self.database, self.current.row.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Phone"), error.message)
            return
        self.values["phone"].setText(phone)

    @classmethod
    def confirm_remove(cls, parent, number: str) -> bool:
        """Replaced in tests."""
        answer = QMessageBox.question(parent, QCoreApplication.translate("RequestDetailPanel", "Remove request"), QCoreApplication.translate(
            "RequestDetailPanel", "Mark request {number} as removed? It stays in the database with who removed it and when.").format(number=number))
        return answer == QMessageBox.StandardButton.Yes

    def remove(self) -> None:
        if self.current is None:
            return
        row = self.current.row
        if not type(self).confirm_remove(self, row.number):
            return
        try:
            service.remove(self.database, row.id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Remove request"), error.message)
            return
        self.changed.emit(row.id)
