"""四议两公开: major matters through the four meetings, with the two public notices and what the
checks found (thresholds of each meeting, notices of at least 7 days)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.meetings.chains import list_chains, load_chain, remove_chain, save_chain
from app.meetings.kinds import STAGE_KINDS, STAGE_LABELS, STAGES
from app.meetings.rows import ChainDraft
from app.meetings.service import agenda_choices
from ui.meetings.dialogs import SubmitDialog
from ui.meetings.models import Column, RowsModel
from ui.widgets.date_edit import DateEdit


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _period(start, end) -> str:
    if start is None:
        return ""
    return f"{start.isoformat()} — {end.isoformat() if end else '…'}"


def chain_columns() -> list[Column]:
    def stage(key):
        return lambda r: next((f"{s.held_on} {s.meeting_kind}" for s in r.stages if s.stage == key and s.held_on), "")

    columns = [Column(translate("ChainsPanel", "Matter"), lambda r: r.title, 180)]
    columns += [Column(STAGE_LABELS[key], stage(key), 130) for key in STAGES]
    columns += [Column(translate("ChainsPanel", "Decision posted"), lambda r: _period(r.decision_notice_from, r.decision_notice_to), 170),
                Column(translate("ChainsPanel", "Result posted"), lambda r: _period(r.result_notice_from, r.result_notice_to), 170),
                Column(translate("ChainsPanel", "Check result"), lambda r: "；".join(r.problems) or translate("ChainsPanel", "In order"), 300)]
    return columns


class ChainDialog(SubmitDialog):
    def __init__(self, parent, database, draft: ChainDraft, submit):
        super().__init__(parent, self.tr("Major matter (四议两公开)"), submit)
        self.draft = draft
        self.title = QLineEdit(draft.title)
        self.field("title", self.tr("Matter"), self.title)
        self.stages = {}
        for stage in STAGES:
            combo = QComboBox()
            combo.addItem(self.tr("(not yet)"), None)
            for item_id, label in agenda_choices(database, STAGE_KINDS[stage]):
                combo.addItem(label, item_id)
            combo.setCurrentIndex(max(0, combo.findData(getattr(draft, f"{stage}_item_id"))))
            self.stages[stage] = combo
            self.field(f"{stage}_item_id", STAGE_LABELS[stage], combo)
        self.dates = {}
        for key, label in (("decision_notice", self.tr("Decision posted")), ("result_notice", self.tr("Result posted"))):
            start, end = DateEdit(), DateEdit()
            start.set_date(getattr(draft, f"{key}_from"))
            end.set_date(getattr(draft, f"{key}_to"))
            self.dates[key] = (start, end)
            row = QHBoxLayout()
            row.addWidget(self.errors.add(f"{key}_from", start))
            row.addWidget(QLabel("—"))
            row.addWidget(self.errors.add(f"{key}_to", end))
            self.form.addRow(label, row)
        self.result_text = QPlainTextEdit(draft.result_text)
        self.result_text.setFixedHeight(60)
        self.field("result_text", self.tr("Result"), self.result_text)
        self.resize(720, 520)

    def values(self) -> tuple:
        draft = ChainDraft(title=self.title.text(), id=self.draft.id, notes=self.draft.notes, is_demo=self.draft.is_demo,
                           result_text=self.result_text.toPlainText())
        for stage, combo in self.stages.items():
            setattr(draft, f"{stage}_item_id", combo.currentData())
        for key, (start, end) in self.dates.items():
            setattr(draft, f"{key}_from", start.value())
            setattr(draft, f"{key}_to", end.value())
        return (draft,)

    @classmethod
    def ask(cls, parent, database, draft: ChainDraft, submit) -> bool:
        return cls(parent, database, draft, submit).exec() == cls.DialogCode.Accepted


class ChainsPanel(QWidget):
    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.model = RowsModel(chain_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            self.table.setColumnWidth(column, spec.width)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("New matter…"), self.new_chain), (self.tr("Edit…"), self.edit_selected),
                           (self.tr("Remove"), self.remove_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        intro = QLabel(self.tr("党组织提议 → 两委会商议 → 党员大会审议 (at least 2/3 of the members due present, more than "
                               "half of those due agreeing) → 居民(代表)会议决议; the decision and then the result are each "
                               "posted publicly for at least 7 days."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.model.set_rows(list_chains(self.database))

    def _edit(self, draft: ChainDraft) -> None:
        if ChainDialog.ask(self, self.database, draft, lambda d: save_chain(self.database, d)):
            self.refresh()

    def new_chain(self) -> None:
        self._edit(ChainDraft(title=""))

    def selected_id(self) -> int | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.id if row is not None else None

    def edit_selected(self) -> None:
        chain_id = self.selected_id()
        if chain_id is not None:
            self._edit(load_chain(self.database, chain_id))

    def remove_selected(self) -> None:
        chain_id = self.selected_id()
        if chain_id is not None:
            remove_chain(self.database, chain_id)
            self.refresh()
