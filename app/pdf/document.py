"""A4 documents with a centred title and a "第 x 页 共 y 页" footer, written atomically.

    doc = ReportDocument(title, subtitle="五福社区　2026年11月27日", landscape=True,
                         footer_text="五福社区工作台 打印于 2026-11-27")
    doc.build(path, [*data_table(headers, rows, widths)], job=job)
"""

from __future__ import annotations

import os
import secrets
from functools import partial
from pathlib import Path
from typing import Sequence

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from app.errors import UserError
from app.i18n import translate
from app.jobs import JobControl, ensure
from app.pdf.fonts import draw_text, register_fonts
from app.pdf.text import para, paragraph_style, title_style

# Streams are Flate-compressed either way; the extra ASCII85 layer only costs time and 25 % size.
rl_config.useA85 = 0

FOOTER_SIZE = 9.0


class ReportDocument:
    """Page set-up, title block and footer shared by every Wufu PDF."""

    def __init__(
        self,
        title: str,
        *,
        subtitle: str = "",
        landscape: bool = False,
        margins_mm: float | Sequence[float] = (20, 15, 20, 15),
        footer_text: str = "",
        title_size: float = 22.0,
        author: str = "",
    ):
        """``margins_mm`` is one number or (top, right, bottom, left) in millimetres.

        The footer (page numbers, ``footer_text`` at the left) sits in the bottom margin.
        """
        self.title = title
        self.subtitle = subtitle
        self.page_size = to_landscape(A4) if landscape else A4
        self.margins = _margins(margins_mm)
        self.footer_text = footer_text
        self.title_size = title_size
        self.author = author

    @property
    def content_width_mm(self) -> float:
        """Width between the side margins, for callers sizing table columns."""
        top, right, bottom, left = self.margins
        return (self.page_size[0] - left - right) / mm

    def title_block(self) -> list[Flowable]:
        """The centred title, the optional subtitle line and a little space below them."""
        blocks: list[Flowable] = []
        if self.title:
            blocks.append(para(self.title, title_style(self.title_size)))
        if self.subtitle:
            blocks.append(para(self.subtitle, paragraph_style(12, align="center", space_after=6)))
        if blocks:
            blocks.append(Spacer(1, 4 * mm))
        return blocks

    def build(self, path: str | os.PathLike, flowables: Sequence[Flowable],
              job: JobControl | None = None) -> Path:
        """Write the PDF to ``path`` (title block first), replacing it only once complete.

        Raises UserError when the file cannot be written, Cancelled when the job is cancelled;
        either way nothing is left behind at ``path`` (a previous file there is kept).
        """
        register_fonts()
        target = Path(path)
        temp = _temp_beside(target)
        try:
            self._write(temp, [*self.title_block(), *flowables], ensure(job))
        except OSError as error:  # e.g. the disk filled up while writing
            temp.unlink(missing_ok=True)
            raise _cannot_save(target, error.strerror or str(error)) from error
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _replace(temp, target)
        return target

    def _write(self, temp: Path, story: list[Flowable], job: JobControl) -> None:
        template = _Template(str(temp), self, job, _units(story))
        template.build(story, canvasmaker=partial(_NumberedCanvas, document=self))


class _Template(BaseDocTemplate):
    """One frame per page; reports progress and checks for cancel after every flowable."""

    def __init__(self, filename: str, document: ReportDocument, job: JobControl, total: int):
        top, right, bottom, left = document.margins
        width, height = document.page_size
        super().__init__(
            filename, pagesize=document.page_size, leftMargin=left, rightMargin=right,
            topMargin=top, bottomMargin=bottom, title=document.title, author=document.author,
            creator="Wufu", invariant=0,
        )
        frame = Frame(left, bottom, width - left - right, height - top - bottom, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._job, self._total, self._done = job, total, 0
        job.report(0, total)

    def afterFlowable(self, flowable: Flowable) -> None:
        self._done += getattr(flowable, "progress_units", 1)
        self._job.report(min(self._done, self._total), self._total)


class _NumberedCanvas(Canvas):
    """Holds every page until the end so the footer can say how many pages there are."""

    def __init__(self, *args, document: ReportDocument, **kwargs):
        super().__init__(*args, **kwargs)
        self._document = document
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, pages: int) -> None:
        top, right, bottom, left = self._document.margins
        width = self._pagesize[0]
        y = bottom / 2 - FOOTER_SIZE / 2
        self.saveState()
        self.setFillGray(0)
        text = translate("app", "Page {page} of {pages}").format(page=page, pages=pages)
        draw_text(self, width / 2, y, text, FOOTER_SIZE, "center")
        if self._document.footer_text:
            draw_text(self, left, y, self._document.footer_text, FOOTER_SIZE)
        self.restoreState()


def _margins(margins_mm: float | Sequence[float]) -> tuple[float, float, float, float]:
    if isinstance(margins_mm, (int, float)):
        margins_mm = (margins_mm,) * 4
    if len(margins_mm) != 4:
        raise ValueError("margins_mm is one number or (top, right, bottom, left)")
    top, right, bottom, left = (value * mm for value in margins_mm)
    return top, right, bottom, left


def _units(story: Sequence[Flowable]) -> int:
    return sum(getattr(flowable, "progress_units", 1) for flowable in story)


def _temp_beside(target: Path) -> Path:
    """A new empty file next to ``target`` (same disk, so the final rename is atomic)."""
    if target.is_dir():
        raise _cannot_save(target, translate("app", "it is a folder"))
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        temp.open("xb").close()  # unlike mkstemp, honours the umask: the PDF gets normal rights
    except OSError as error:
        raise _cannot_save(target, error.strerror or str(error)) from error
    return temp


def _replace(temp: Path, target: Path) -> None:
    try:
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, PermissionError) and target.exists():
            message = translate(
                "app",
                "Cannot replace {path}. If it is open in another program, close it and try again.",
            )
            raise UserError(message.format(path=target)) from error
        raise _cannot_save(target, error.strerror or str(error)) from error


def _cannot_save(target: Path, reason: str) -> UserError:
    return UserError(translate("app", "Cannot save the PDF to {path}: {reason}").format(
        path=target, reason=reason))
