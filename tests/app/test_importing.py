"""app.importing: what the ledger importers share."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError, ValidationError
from app.excel import FieldSpec
from app.importing import (
    DUPLICATE, IMPORTED, REJECTED, UPDATED, ImportResult, RowOutcome, open_ledger_table, problem_text, shown_values,
    text_value)


def test_counts_always_add_up_to_the_outcomes():
    result = ImportResult("a.xlsx", "Sheet1", 1, data_rows=5)
    for kind in (IMPORTED, IMPORTED, UPDATED, REJECTED, DUPLICATE):
        result.outcomes.append(RowOutcome(2, kind, "", {}))
    assert (result.imported, result.updated, result.rejected, result.duplicates) == (2, 1, 1, 1)
    assert result.counts() == {"imported": 2, "updated": 1, "rejected": 1, "duplicates": 1}
    assert sum(result.counts().values()) == result.data_rows


def test_text_stays_text():
    assert text_value(13912341031.0) == "13912341031"
    assert text_value("  ") is None and text_value(None) is None
    assert shown_values({"n": 20261127001.0, "d": date(2026, 11, 27)}) == {"n": "20261127001", "d": date(2026, 11, 27)}


def test_problem_text_names_the_fields():
    error = ValidationError({"phone": "不是电话号码"})
    assert problem_text(error, lambda key: {"phone": "电话"}[key]) == "电话：不是电话号码"
    assert problem_text(UserError("不行"), str) == "不行"


def test_a_missing_required_column_is_named(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["张三", "13912341031"])
    path = tmp_path / "old.xlsx"
    book.save(path)
    fields = (FieldSpec("name", "姓名", ()), FieldSpec("item", "物品", (), required=True))
    with pytest.raises(UserError) as raised:
        open_ledger_table(path, fields, None, "No {fields} in {name}")
    assert raised.value.message == "No 物品 in old.xlsx"
