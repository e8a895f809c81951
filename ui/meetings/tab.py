"""议事记录: the meetings, their minutes (edit, print, export, finalise, amend), the open action items
across all meetings, and the 四议两公开 matters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.meetings import lock, service
from app.meetings.actions import open_action_items
from app.meetings.kinds import KINDS, ORIGIN_REQUEST
from app.meetings.minutes_pdf import print_minutes
from app.meetings.origins import request_choices
from app.meetings.rows import AgendaDraft, MeetingDraft
from ui.meetings.actions_panel import ActionsPanel
from ui.meetings.chains_panel import ChainsPanel
from ui.meetings.dialogs import AmendDialog
from ui.meetings.editor import MeetingEditor
from ui.meetings.excel import MeetingsExcel
from ui.meetings.models import RowsModel, meeting_columns, meeting_foreground
from ui.meetings.printing import MinutesPrinter
from ui.widgets.date_edit import DateEdit
from ui.widgets.jobs import run_job
from ui.widgets.ledger_tab import LedgerTab, TabSpec
from ui.widgets.search_box import SearchBox


class MeetingsTab(LedgerTab):
    def __init__(self, database, parent=None):
        super().__init__(database, parent)
        self.loaded = False
        self._build_filters()
        self.model = RowsModel(meeting_columns(), self, meeting_foreground)
        self.table = self._make_table()
        self.actions_panel = ActionsPanel(database, lambda: open_action_items(database), self.tr(
            "Action items decided at meetings and not yet done, oldest deadline first. Close one when it is done."))
        self.chains = ChainsPanel(database)
        self.excel = MeetingsExcel(database, self)
        self._build_buttons()
        self._build_layout()
        self.actions_panel.closed.connect(lambda _id: self.reload())

    # --- building ---------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind.addItem(kind, kind)
        self.kind.currentIndexChanged.connect(self.requery)
        self.date_from, self.date_to = DateEdit(), DateEdit()
        for edit, text in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setMaximumWidth(130)
            edit.line.setPlaceholderText(text)
            edit.date_changed.connect(self.requery)
        self.search = SearchBox(placeholder=self.tr("Search agenda items, resolutions, speeches…"))
        self.search.search_changed.connect(self.requery)
        self.counts = QLabel()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for column, spec in enumerate(self.model.columns):
            table.setColumnWidth(column, spec.width)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        return table

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def _build_buttons(self) -> None:
        self.new_button = self._button(self.tr("New meeting…"), self.new_meeting)
        self.edit_button = self._button(self.tr("Open…"), self.edit_selected)
        self.remove_button = self._button(self.tr("Remove"), self.remove_selected)
        self.preview_button = self._button(self.tr("Print preview…"), self.preview)
        self.print_button = self._button(self.tr("Print…"), self.print_selected)
        self.pdf_button = self._button(self.tr("Export PDF…"), self.export_pdf)
        self.sign_in = QCheckBox(self.tr("With sign-in sheet"))
        self.finalise_button = self._button(self.tr("Finalise…"), self.finalise_selected)
        self.amend_button = self._button(self.tr("Amend…"), self.amend_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.kind, self.date_from, QLabel("—"), self.date_to):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.counts)
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.remove_button, self.preview_button, self.print_button,
                       self.pdf_button, self.sign_in):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.amend_button)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(filters)
        page_layout.addWidget(self.table, 1)
        page_layout.addLayout(buttons)
        self.pages = QTabWidget()
        self.pages.addTab(page, self.tr("Meeting list"))
        self.pages.addTab(self.actions_panel, self.tr("Open action items"))
        self.pages.addTab(self.chains, self.tr("Major matters (四议两公开)"))
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    # --- LedgerTab --------------------------------------------------------------------------
    def activated(self) -> None:
        self.loaded = True
        self.reload()

    def export_actions(self) -> list:
        return self.excel.actions()

    def open_payload(self, payload) -> None:
        payload = payload or {}
        if not self.loaded:
            self.activated()
        if payload.get("meeting_id"):
            self.pages.setCurrentIndex(0)
            self.select_id(int(payload["meeting_id"]))
        elif payload.get("request_id"):
            self.new_meeting(from_request=int(payload["request_id"]))

    # --- the list ---------------------------------------------------------------------------
    def query(self) -> service.MeetingQuery:
        return service.MeetingQuery(kind=self.kind.currentData(), date_from=self.date_from.value(),
                                    date_to=self.date_to.value(), text=self.search.search_text())

    def requery(self, *_args) -> None:
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        current = self.selected_id()
        rows = service.list_meetings(self.database, self.query())
        self.model.set_rows(rows)
        self.counts.setText(self.tr("{count} meeting(s)").format(count=len(rows)))
        if current is not None:
            self.select_id(current)
        self._refresh_page()
        self._update_buttons()

    def _refresh_page(self) -> None:
        if self.pages.currentWidget() is self.actions_panel:
            self.actions_panel.refresh()
        elif self.pages.currentWidget() is self.chains:
            self.chains.refresh()

    def selected_row(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_id(self, meeting_id: int) -> bool:
        row = self.model.row_of_id(meeting_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None and not row.finalized)
        self.finalise_button.setEnabled(row is not None and not row.finalized)
        self.amend_button.setEnabled(row is not None and row.finalized)

    # --- editing ----------------------------------------------------------------------------
    def new_meeting(self, *_args, from_request: int | None = None) -> None:
        draft = MeetingDraft(kind=KINDS[0], title="", held_on=date.today())
        if from_request is not None:
            label = dict(request_choices(self.database)).get(from_request, "")
            text = label.split(" ", 1)[1] if " " in label else label
            draft.agenda.append(AgendaDraft(title=text.split("：", 1)[-1], origin_kind=ORIGIN_REQUEST,
                                            origin_id=from_request, origin_text=text))
        self._edit(draft)

    def edit_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self._edit(service.load_meeting(self.database, meeting_id))

    def _edit(self, draft: MeetingDraft) -> None:
        saved = MeetingEditor.edit(self.database, draft, self)
        self.reload()
        if saved is not None:
            self.select_id(saved)
            self.counts_changed.emit()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.confirm(self.tr("Remove meeting"), self.tr(
                "Remove the draft minutes \"{title}\"? They are marked removed, not erased.").format(title=row.title)):
            return
        try:
            service.remove_meeting(self.database, row.id)
        except UserError as error:
            self.warn(self.tr("Remove meeting"), error.message)
        self.reload()
        self.counts_changed.emit()

    def finalise_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.confirm(self.tr("Finalise minutes"), self.tr(
                "Have the chair and the recorder signed the printed minutes of \"{title}\"? Once finalised they can "
                "no longer be edited; corrections are recorded as dated amendments.").format(title=row.title)):
            return
        try:
            lock.finalise(self.database, row.id)
        except ValidationError as error:
            self.warn(self.tr("Finalise minutes"), "\n".join(error.errors.values()))
        except UserError as error:
            self.warn(self.tr("Finalise minutes"), error.message)
        self.reload()

    def amend_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return

        def submit(text: str, reason: str, made_on, author: str) -> None:
            lock.amend(self.database, row.id, text, reason, made_on, author or None)

        if AmendDialog.ask(self, row.title, submit, self.database.actor):
            self.reload()

    # --- printing ---------------------------------------------------------------------------
    def printer(self) -> MinutesPrinter | None:
        meeting_id = self.selected_id()
        return MinutesPrinter(self.database, meeting_id, self.sign_in.isChecked()) if meeting_id else None

    def preview(self) -> None:
        printer = self.printer()
        if printer is not None:
            printer.preview(self)

    def print_selected(self) -> None:
        printer = self.printer()
        if printer is not None:
            printer.print_(self)

    def ask_pdf_path(self, row) -> Path | None:
        default = str(Path.home() / f"{row.held_on:%Y%m%d}-{row.kind}-{row.title}.pdf".replace("/", "_"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export minutes as PDF"), default, self.tr("PDF (*.pdf)"))
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else path + ".pdf")

    def export_pdf(self) -> Path | None:
        row = self.selected_row()
        path = self.ask_pdf_path(row) if row is not None else None
        if path is None:
            return None
        sign_in = self.sign_in.isChecked()
        result = run_job(self, self.tr("Writing the minutes…"),
                         lambda job: print_minutes(self.database, row.id, path, sign_in=sign_in, job=job))
        if result.error is not None:
            if isinstance(result.error, UserError):
                self.warn(self.tr("Export minutes as PDF"), result.error.message)
                return None
            raise result.error
        return None if result.cancelled else path


TAB = TabSpec(
    key="meetings",
    title=lambda: QCoreApplication.translate("Tabs", "Meetings"),
    create=MeetingsTab,
    order=40,
)
