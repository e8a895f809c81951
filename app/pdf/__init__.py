"""Shared PDF machinery for every ledger: fonts, page template, safe text, tables, form blocks.

    from app.pdf import ReportDocument, data_table, para, body_style
    doc = ReportDocument("居民花名册", subtitle="五福社区　2026年11月27日", landscape=True)
    doc.build(path, data_table(headers, rows, col_widths_mm), job=job)
"""

from app.pdf.blocks import SealBlock, key_value_table, seal_block, signature_block
from app.pdf.document import ReportDocument
from app.pdf.fonts import FALLBACK_FONT_NAME, FONT_NAME, register_fonts
from app.pdf.tables import data_table, grouped_table
from app.pdf.text import (
    body_style,
    escape,
    para,
    para_markup,
    paragraph_style,
    plain_text,
    title_style,
)

__all__ = [
    "FALLBACK_FONT_NAME",
    "FONT_NAME",
    "ReportDocument",
    "SealBlock",
    "body_style",
    "data_table",
    "escape",
    "grouped_table",
    "key_value_table",
    "para",
    "para_markup",
    "paragraph_style",
    "plain_text",
    "register_fonts",
    "seal_block",
    "signature_block",
    "title_style",
]
