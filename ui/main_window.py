"""The main window: one tab per ledger, menus, status bar; routes requests between tabs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from app import __version__
from app.demo import is_demo
from app.errors import UserError
from app.features import features
from app.maintenance import backup_database
from app.paths import backup_dir_for
from ui.settings import settings
from ui.widgets.errors import show_unexpected_error
from ui.settings_dialog import SettingsDialog
from ui.tabs import tab_specs


class MainWindow(QMainWindow):
    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Wufu Community Workstation"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.tab_keys: list[str] = []
        for spec in tab_specs():
            tab = spec.create(database, self)
            tab.navigate.connect(self.route)
            tab.counts_changed.connect(self.refresh_status)
            self.tabs.addTab(tab, spec.title())
            self.tab_keys.append(spec.key)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        self._on_tab_changed(self.tabs.currentIndex())

    # --- tabs -------------------------------------------------------------------------------
    def tab(self, key: str):
        return self.tabs.widget(self.tab_keys.index(key)) if key in self.tab_keys else None

    def show_tab(self, key: str) -> bool:
        if key not in self.tab_keys:
            return False
        self.tabs.setCurrentIndex(self.tab_keys.index(key))
        return True

    def route(self, key: str, payload) -> None:
        """A tab asked for another tab (a request becoming a repair job, say)."""
        if self.show_tab(key):
            self.tab(key).open_payload(payload)

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not None:
            widget.activated()
            self._refresh_export_menu(widget)

    # --- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        backup = QAction(self.tr("&Back up database…"), self)
        backup.triggered.connect(self.backup_now)
        file_menu.addAction(backup)
        self.export_menu = file_menu.addMenu(self.tr("&Export…"))
        file_menu.addSeparator()
        preferences = QAction(self.tr("&Settings…"), self)
        preferences.triggered.connect(lambda: SettingsDialog(self).exec())
        file_menu.addAction(preferences)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        location = QAction(self.tr("&Data location"), self)
        location.triggered.connect(self.show_data_location)
        help_menu.addAction(location)

    def _refresh_export_menu(self, tab) -> None:
        self.export_menu.clear()
        actions = tab.export_actions()
        for action in actions:
            self.export_menu.addAction(action)
        self.export_menu.setEnabled(bool(actions))

    def backup_now(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up into folder"), str(backup_dir_for(self.database.path)))
        if not folder:
            return
        try:
            from pathlib import Path

            target = backup_database(self.database.path, Path(folder))
        except UserError as error:
            QMessageBox.warning(self, self.tr("Backup failed"), error.message)
            return
        QMessageBox.information(self, self.tr("Backup written"), self.tr("The backup was written to:\n{path}").format(path=target))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Wufu"), self.tr(
            "<h3>Wufu Community Workstation {version}</h3><p>Ledgers for community offices, kept offline "
            "in one embedded database.</p><p>Font: WenQuanYi Micro Hei (Apache-2.0).</p>").format(version=__version__))

    def show_data_location(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Data location"),
                          self.tr("Database file:\n{path}\n\nBackups:\n{backups}").format(
                              path=self.database.path, backups=backup_dir_for(self.database.path)), parent=self)
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.database.path.parent)))

    # --- status bar -------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.counts_label = QLabel()
        self.demo_label = QLabel()
        self.demo_label.setStyleSheet("color: #b45309; font-weight: bold;")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.refresh_status()

    def refresh_status(self) -> None:
        self.db_label.setText(self.tr("Database: {path}").format(path=self.database.path))
        try:
            with self.database.reading() as session:
                parts = [f"{f.label()} {f.count(session)}" for f in features() if f.count is not None]
        except Exception as error:  # a status bar must never take the window down
            show_unexpected_error(error, self)
            parts = []
        self.counts_label.setText("　".join(parts))
        self.demo_label.setText(self.tr("Demo data") if is_demo(self.database) else "")

    # --- geometry ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = settings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:
        settings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
