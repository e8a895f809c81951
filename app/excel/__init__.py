"""Shared Excel machinery for every ledger: safe workbook writing and header-matching import."""

from app.excel.guard import Limits, check_workbook
from app.excel.reader import ColumnChunk, FieldSpec, TableReader, normalize_header, open_table
from app.excel.writer import Column, Sheet, write_workbook

__all__ = [
    "Column",
    "ColumnChunk",
    "FieldSpec",
    "Limits",
    "Sheet",
    "TableReader",
    "check_workbook",
    "normalize_header",
    "open_table",
    "write_workbook",
]
