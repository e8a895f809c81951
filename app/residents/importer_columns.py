"""Checking a chunk of imported roster rows column by column: RowChecker's verdicts, without its
per-row cost.

A roster column holds few distinct values (性别, 民族, 政治面貌, 小区 …) or values that are clean
in nearly every row (names, 18-character IDs, 11-digit mobiles). ``ColumnChecker`` checks each
column's distinct values once and the IDs in one tight loop, and accepts a row here only when every
cell of it is plainly right: the values it gives are then exactly what ``RowChecker.check`` gives.
Every other row (an error, a warning, an unusual cell) is marked and checked by ``RowChecker``
itself, so messages and rules live in one place; tests compare the two on messy rows.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import repeat

from app.excel import ColumnChunk
from app.residents.importer_rows import (
    _ACTIVE_LABELS, _NO_TAGS, _PLACE_KEYS, _PLAIN_ID, _PLAIN_MOBILE, _WHITESPACE, MAX_TAG_DETAIL, RowChecker,
    _one_line, _parsed_tags, _text_value, cell_text, parse_place,
)
from app.residents.idcard import CHECK_CHARS
from app.residents.validation import MAX_LENGTH
from db.models.residents import STATUS_ACTIVE

# The checked values of a chunk, one list per key (None where a row has nothing): what
# RowChecker.check puts in ``values``, for every row.
VALUE_KEYS = ("name", "id_number", "sex", "birth_date", "phones", "address", "tags", "status")
_PLAIN_TEXT = (str, int, float)
# A 联系电话 cell as RowChecker stores it: mobiles and landlines (010/02x: a 3-digit area code,
# others 4) in their stored form, joined by 、; a column of them joined by NUL.
_PHONE = r"(?:1[3-9][0-9]{9}|0(?:10|2[0-9])-[2-9][0-9]{6,7}|0(?!10|2)[0-9]{3}-[2-9][0-9]{6,7})"
_PHONE_CELL = rf"{_PHONE}(?:、{_PHONE})*"
_PHONE_COLUMN = re.compile(rf"(?:{_PHONE_CELL}\x00)*{_PHONE_CELL}")
_BAD = object()  # a distinct value that sends its rows to RowChecker


class CheckedChunk:
    """A chunk's verdicts: ``values[key][i]`` for the rows ``RowChecker`` need not see, and
    ``unusual`` (indexes into the chunk, in order) for those it must check."""

    __slots__ = ("values", "unusual")

    def __init__(self, values: dict[str, list], unusual: list[int]):
        self.values, self.unusual = values, unusual

    def row_values(self, index: int) -> dict:
        """Row ``index`` as RowChecker.check's ``values``: only the keys it fills."""
        values = {key: column[index] for key, column in self.values.items() if column[index] is not None}
        values["name"] = self.values["name"][index]
        if not values.get("tags"):
            values.pop("tags", None)
        return values


class ColumnChecker:
    """Checks ``ColumnChunk``s of the ``keys`` columns; ``rows`` is the RowChecker whose caches
    (values seen, ID birth dates) it shares and whose verdicts it must give."""

    def __init__(self, rows: RowChecker, keys: list[str]):
        self.rows = rows
        self.keys = list(keys)
        self.text_keys = [key for key, _ in rows._text_keys]
        few = [key for key, seen in rows._text_keys if seen is not None]
        self._free_text = {key for key, seen in rows._text_keys if seen is None}
        self._lookups: dict[str, dict] = {key: {} for key in ("tags", "status", *few)}

    def check(self, chunk: ColumnChunk) -> CheckedChunk:
        count = len(chunk)
        columns = chunk.columns
        unusual = bytearray(count)  # 1: RowChecker decides
        values: dict[str, list] = {}
        name = columns.get("name")
        values["name"] = _plain_text(name, "name") if name is not None and None not in name else None
        if values["name"] is None:
            values["name"] = self._distinct("name", name, count, unusual, _name_value)
        for key in self.text_keys:
            plain = _plain_text(columns[key], key) if key in self._free_text else None
            values[key] = plain if plain is not None else self._distinct(key, columns[key], count, unusual, _text_cell(key))
        self._identity(columns, count, values, unusual)
        phones = columns.get("phones")
        plain = _plain_phones(phones) if phones is not None else None
        values["phones"] = plain if plain is not None else self._distinct(
            "phones", phones, count, unusual, self._phone_value)
        values["address"] = self._places(columns, count, unusual)
        values["tags"] = self._distinct("tags", columns.get("tags"), count, unusual, self._tags_value)
        self._distinct("status", columns.get("status"), count, unusual, _status_value)
        values["status"] = [STATUS_ACTIVE] * count
        return CheckedChunk(values, [index for index, flag in enumerate(unusual) if flag])

    def _distinct(self, key: str, cells: list | None, count: int, unusual: bytearray, check) -> list:
        """Each distinct cell checked once: its value, or _BAD (the row goes to RowChecker).
        Columns of few values remember them from chunk to chunk; free text starts afresh."""
        if cells is None:
            if check(None) is _BAD:  # a required column that is not there
                unusual[:] = b"\x01" * count
            return [None] * count
        lookup = self._lookups[key] if key in self._lookups else {}
        distinct = set(cells)
        for cell in distinct.difference(lookup):
            lookup[cell] = check(cell) if cell is None or cell.__class__ in _PLAIN_TEXT else _BAD
        result = list(map(lookup.get, cells))
        # True == 1 (and hashes alike): a TRUE cell shares 1's entry, so booleans are looked for apart.
        if bool in set(map(type, cells)) or any(lookup[cell] is _BAD for cell in distinct):
            for index, (cell, value) in enumerate(zip(cells, result)):
                if value is _BAD or cell.__class__ is bool:
                    unusual[index] = 1
                    result[index] = None
        return result

    def _identity(self, columns: dict, count: int, values: dict, unusual: bytearray) -> None:
        """RowChecker._identity's shortcut, row after row: a clean 18-character ID with a valid
        birth date, and a birth date and sex that are empty or agree with it."""
        ids = columns.get("id_number") or repeat(None, count)
        births = columns.get("birth_date") or repeat(None, count)
        sexes = columns.get("sex") or repeat(None, count)
        id_births, id_birth_of = self.rows._id_births, self.rows._id_birth
        numbers, sex_values, birth_values = [None] * count, [None] * count, [None] * count
        fullmatch, checks = _PLAIN_ID.fullmatch, CHECK_CHARS
        for index, (raw, birth, sex) in enumerate(zip(ids, births, sexes)):
            if raw.__class__ is str and len(raw) == 18 and fullmatch(raw) and checks[2 * int(raw[:17], 13) % 11] == raw[17]:
                digits = raw[6:14]
                id_birth = id_births.get(digits)
                if id_birth is None:
                    id_birth = id_births[digits] = id_birth_of(digits)
                if id_birth and (birth is None or (birth.__class__ is date and birth == id_birth)):
                    id_sex = "男" if raw[16] in "13579" else "女"
                    if sex is None or sex == id_sex:
                        numbers[index], sex_values[index], birth_values[index] = raw, id_sex, id_birth
                        continue
            unusual[index] = 1
        values["id_number"], values["sex"], values["birth_date"] = numbers, sex_values, birth_values

    def _places(self, columns: dict, count: int, unusual: bytearray) -> list:
        """parse_place of each row (cached per distinct cells); an error, or a 小区 left out for
        want of a building, is RowChecker's to report."""
        if not any(key in columns for key in _PLACE_KEYS):
            return [None] * count
        cells = [columns.get(key) or repeat(None, count) for key in _PLACE_KEYS]
        result, errors = map(list, zip(*map(parse_place, *cells)))
        compounds = columns.get("compound")
        if errors.count(None) != count or (compounds is not None and None in result):
            for index, (place, error) in enumerate(zip(result, errors)):
                if error is not None or (place is None and compounds is not None and compounds[index] is not None):
                    unusual[index] = 1
                    result[index] = None
        return result

    def _phone_value(self, cell):
        """RowChecker._phones for a cell with nothing to report: one plain mobile, or numbers
        that check without an error or a warning."""
        if cell is None:
            return None
        if cell.__class__ is str and _PLAIN_MOBILE.fullmatch(cell):
            return cell
        problems: list[str] = []
        value = self.rows._phones(cell, problems, problems)
        return _BAD if problems else value

    def _tags_value(self, cell):
        """RowChecker._tags for a cell with nothing to report: {tag id: detail}, or _BAD."""
        if cell is None:
            return None
        text = cell_text(cell)
        if text in _NO_TAGS:
            return None
        tags = {}
        for name, detail in _parsed_tags(text):
            tag_id = self.rows.tag_ids.get(name)
            if tag_id is None or (detail and len(detail) > MAX_TAG_DETAIL):
                return _BAD
            tags[tag_id] = detail
        return tags or None


def _texts_only(cells: list) -> list | None:
    """The filled cells of a column when every cell is text or empty, else None."""
    kinds = set(map(type, cells))
    kinds.discard(type(None))
    return list(filter(None, cells)) if kinds <= {str} else None


def _plain_text(cells: list, key: str) -> list | None:
    """A copy of a column of text cells that need no change and fit (one check for them all), or
    None: then each distinct cell is checked. Only for columns without a list of choices."""
    texts = _texts_only(cells)
    if texts is None:
        return None
    if texts and (max(map(len, texts)) > MAX_LENGTH[key]
                  or (key != "notes" and _WHITESPACE.search("\x00".join(texts)) is not None)):
        return None
    return list(cells)


def _plain_phones(cells: list) -> list | None:
    """A copy of a column holding only phones in their stored form, none twice in a cell (or
    nothing), else None."""
    texts = _texts_only(cells)
    if texts is None:
        return None
    joined = "\x00".join(texts)
    if texts and (joined.count("\x00") != len(texts) - 1 or _PHONE_COLUMN.fullmatch(joined) is None):
        return None  # (a NUL inside a cell — calamine reads _x0000_ as one — would pass for two cells)
    for text in texts:
        if "、" in text:
            pieces = text.split("、")
            if len(set(pieces)) != len(pieces):
                return None
    return list(cells)


def _name_value(cell):
    if cell is None:
        return _BAD  # "Name is required"
    name = _one_line(cell) if cell.__class__ is str else cell_text(cell)
    return name if name and len(name) <= MAX_LENGTH["name"] else _BAD


def _text_cell(key: str):
    def check(cell):
        if cell is None:
            return None
        text, problem = _text_value(key, cell)
        return _BAD if problem is not None else text
    return check




def _status_value(cell):
    if cell is None:
        return None
    return None if cell_text(cell) in _ACTIVE_LABELS else _BAD
