"""打印预览 / 打印 of the minutes.

PySide6-Essentials (what Wufu ships) has no QtPdf module, so a generated PDF cannot be drawn on a
QPrinter here. When QtPdf is installed (PySide6-Addons) the pages printed are the PDF's own pages,
rasterised at up to 300 dpi. Otherwise the same content (app/meetings/minutes_content, rendered by
minutes_html) is laid out by QTextDocument on the printer's pages, with the same margins, the same
"第 x 页 共 y 页" footer and the sign-in sheet on a page of its own. 导出 PDF always writes the
reportlab PDF, which is the copy to file.
"""

from __future__ import annotations

import os
import tempfile

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from app.i18n import translate
from app.meetings.minutes_content import load_minutes
from app.meetings.minutes_html import minutes_html
from app.meetings.minutes_pdf import write_minutes
from ui.widgets.fonts import bundled_font

MARGINS_MM = QMarginsF(20, 22, 18, 20)  # left, top, right, bottom, as the PDF
MAX_RASTER_DPI = 300

try:  # PySide6-Addons
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover - depends on what is installed
    QPdfDocument = None


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class MinutesPrinter:
    def __init__(self, database, meeting_id: int, sign_in: bool = False, use_pdf: bool | None = None):
        self.database = database
        self.meeting_id = meeting_id
        self.sign_in = sign_in
        self.use_pdf = QPdfDocument is not None if use_pdf is None else use_pdf
        self.pages = 0

    def paint(self, printer: QPrinter) -> int:
        minutes = load_minutes(self.database, self.meeting_id)
        self.pages = self._paint_pdf(printer, minutes) if self.use_pdf else self._paint_html(printer, minutes)
        return self.pages

    # --- the PDF's own pages (QtPdf) ---------------------------------------------------------
    def _paint_pdf(self, printer: QPrinter, minutes) -> int:
        handle, name = tempfile.mkstemp(suffix=".pdf")
        os.close(handle)
        try:
            write_minutes(minutes, name, sign_in=self.sign_in)
            document = QPdfDocument()
            document.load(name)
            printer.setFullPage(True)
            painter = QPainter(printer)
            try:
                dpi = min(printer.resolution(), MAX_RASTER_DPI)
                for page in range(document.pageCount()):
                    if page:
                        printer.newPage()
                    size = document.pagePointSize(page)
                    image = document.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
                    painter.drawImage(QRectF(painter.viewport()), image)
            finally:
                painter.end()
                pages = document.pageCount()
                document.close()  # Windows cannot delete a file that is still open
            return pages
        finally:
            os.unlink(name)

    # --- the same content through QTextDocument ---------------------------------------------
    def document(self, printer: QPrinter, minutes) -> tuple[QTextDocument, float]:
        printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(printer)
        document.setDefaultFont(bundled_font(12))
        document.setHtml(minutes_html(minutes, self.sign_in))
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        footer = printer.resolution() * 0.35  # about 9 mm for the page numbers
        document.setPageSize(QSizeF(page.width(), page.height() - footer))
        return document, footer

    def _paint_html(self, printer: QPrinter, minutes) -> int:
        document, footer = self.document(printer, minutes)
        width, height = document.pageSize().width(), document.pageSize().height()
        count = document.pageCount()
        painter = QPainter(printer)
        try:
            painter.setFont(bundled_font(9))
            for page in range(count):
                if page:
                    printer.newPage()
                painter.save()
                painter.translate(0, -page * height)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = QRectF(0, page * height, width, height)
                painter.setClipRect(context.clip)
                document.documentLayout().draw(painter, context)
                painter.restore()
                text = translate("app", "Page {page} of {pages}").format(page=page + 1, pages=count)
                painter.drawText(QRectF(0, height, width, footer), Qt.AlignmentFlag.AlignCenter, text)
        finally:
            painter.end()
        return count

    # --- dialogs ----------------------------------------------------------------------------
    def preview(self, parent=None) -> None:
        dialog = QPrintPreviewDialog(new_printer(), parent)
        dialog.setWindowTitle(QCoreApplication.translate("MinutesPrinter", "Print preview"))
        dialog.paintRequested.connect(self.paint)
        dialog.resize(900, 1000)
        dialog.exec()

    def print_(self, parent=None) -> bool:
        printer = new_printer()
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.paint(printer)
        return True
