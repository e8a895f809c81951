"""Exporting the roster as it is shown (search, filters, sort): an Excel workbook or a PDF.

ID and phone numbers are masked (640104********1234, 139****1031) unless ``reveal``; a revealed
export of the full numbers is written to the audit log (who, when, how many, where). The workbook
has the same columns the importer reads, so an export (revealed) imports back unchanged. Rows are
streamed from the database in chunks; nothing holds the whole roster at once.
"""

from __future__ import annotations

import os
import re
from datetime import date
from itertools import groupby
from pathlib import Path

from app.excel import Column, Sheet, write_workbook
from app.i18n import translate
from app.jobs import JobControl
from app.pdf import ReportDocument, data_table, grouped_table
from app.residents.address import RoomAddress, format_room
from app.residents.dates import format_date, format_date_cn
from app.residents.masking import mask_id, mask_phone
from app.residents.queries import ResidentQuery, query_ids
from app.residents.roster_columns import EXPORT_KEYS, STATUS_LABELS, format_tags, iter_records, label
from app.residents.validation import field_label
from db import audit
from db.models.residents import STATUS_ACTIVE

PHONE_SEPARATOR = "、"
_PLAIN_ID = re.compile(r"[0-9]{17}[0-9X]")
_PLAIN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
COMMUNITY_SETTING = "community_name"
# PDF columns: (field, width in mm or None for the rest, alignment).
PDF_COLUMNS = (
    ("number", 11, "right"), ("name", 20, "left"), ("sex", 9, "center"), ("ethnicity", 13, "center"),
    ("birth_date", 20, "center"), ("id_number", 39, "left"), ("phones", 25, "left"), ("address", None, "left"),
    ("relation_to_head", 19, "center"), ("political_status", 18, "center"), ("residence_status", 18, "center"),
    ("tags", 30, "left"),
)


def community_name(db) -> str:
    """The office's community, from the setting ``community_name``; "社区" until it is set."""
    return db.get_setting(COMMUNITY_SETTING) or translate("app", "Community")


def roster_title(db) -> str:
    return translate("app", "{community} resident roster").format(community=community_name(db))


def masked_id(value: str | None) -> str | None:
    """mask_id; a stored 18-character number (nearly all) without normalising it again."""
    if not value:
        return None
    if len(value) == 18 and _PLAIN_ID.fullmatch(value):
        return value[:6] + "********" + value[14:]
    return mask_id(value)


def masked_phones(phones: str | None) -> str | None:
    """mask_phone for each stored phone; a plain mobile (nearly all) without checking it again."""
    if not phones:
        return phones
    return PHONE_SEPARATOR.join(p[:3] + "****" + p[7:] if len(p) == 11 and _PLAIN_MOBILE.fullmatch(p)
                                else mask_phone(p) for p in phones.split(PHONE_SEPARATOR) if p)


def _masked(record: dict, reveal: bool) -> dict:
    """The record as it may leave the office: masked, tags as text, status as a word."""
    if not reveal:
        record["id_number"] = masked_id(record["id_number"])
        record["phones"] = masked_phones(record["phones"])
    record["tags"] = format_tags([(name, detail) for _, name, detail in record["tags"]]) or None
    record["status"] = STATUS_LABELS.get(record["status"], record["status"])
    return record


def records(db, ids: list[int], reveal: bool):
    """The residents ``ids`` as export rows (masked unless ``reveal``), streamed in chunks."""
    with db.reading() as session:
        for record in iter_records(session, ids, chunk=2000):
            yield _masked(record, reveal)


def excel_columns(with_status: bool) -> list[Column]:
    keys = EXPORT_KEYS + (("status",) if with_status else ())
    return [Column(label(key), key, kind="date" if key == "birth_date" else "text") for key in keys]


def _audit_full_export(db, path: Path, count: int, kind: str) -> None:
    with db.unit_of_work() as session:
        audit.record(session, "export", "residents", None,
                     {"reveal": True, "count": count, "path": str(path), "format": kind})


def export_excel(db, query: ResidentQuery, path: str | os.PathLike, reveal: bool = False,
                 job: JobControl | None = None) -> int:
    """Write the residents ``query`` selects to an .xlsx file; returns how many."""
    path = Path(path)
    ids = query_ids(db, query)
    with_status = query.status != STATUS_ACTIVE
    today = format_date_cn(date.today())
    title = f"{roster_title(db)}　{today}"
    sheet = Sheet(translate("app", "Resident roster"), excel_columns(with_status), records(db, ids, reveal),
                  title_line=title, total=len(ids))
    write_workbook(path, [sheet], job=job)
    if reveal:
        _audit_full_export(db, path, len(ids), "xlsx")
    return len(ids)


# --- PDF ---------------------------------------------------------------------------------------


def _place(record: dict) -> RoomAddress | None:
    if record["building"] is None:
        return None
    return RoomAddress(record["building"], record["unit"] or "", record["room"] or "", record["compound"] or "")


def _pdf_row(number: int, record: dict) -> list:
    place = _place(record)
    return [
        number, record["name"], record["sex"], record["ethnicity"], format_date(record["birth_date"]),
        record["id_number"], record["phones"], format_room(place) if place else "", record["relation_to_head"],
        record["political_status"], record["residence_status"], record["tags"],
    ]


def _building_key(record: dict) -> tuple:
    number = record["building"]
    if number is None:
        return (1, "", "")
    return (0, record["compound"] or "", number.zfill(6) if number.isdigit() else number)


def _grouped(records: list[dict]) -> list[tuple[str, list[list]]]:
    """(heading, rows) per building, buildings in order, the query's order kept inside each."""
    ordered = sorted(records, key=_building_key)  # stable: the query's order within a building
    groups = []
    for key, members in groupby(ordered, key=_building_key):
        members = list(members)
        first = members[0]
        if key[0]:
            heading = translate("app", "No home address")
        else:
            heading = format_room(RoomAddress(first["building"], compound=first["compound"] or ""))
        heading = translate("app", "{building} ({count} residents)").format(building=heading, count=len(members))
        groups.append((heading, [_pdf_row(n, r) for n, r in enumerate(members, 1)]))
    return groups


def export_pdf(db, query: ResidentQuery, path: str | os.PathLike, group_by_building: bool = False,
               job: JobControl | None = None) -> int:
    """An A4 landscape roster of the residents ``query`` selects, masked; returns how many."""
    ids = query_ids(db, query)
    people = list(records(db, ids, reveal=False))
    headers = [translate("app", "No.") if key == "number" else field_label(key) for key, _, _ in PDF_COLUMNS]
    widths = [width for _, width, _ in PDF_COLUMNS]
    align = [alignment for _, _, alignment in PDF_COLUMNS]
    if group_by_building:
        story = grouped_table(_grouped(people), headers, widths, align=align, font_size=8.5)
    else:
        rows = [_pdf_row(n, r) for n, r in enumerate(people, 1)]
        story = data_table(headers, rows, widths, align=align, font_size=8.5)
    subtitle = translate("app", "{date}　{count} residents").format(date=format_date_cn(date.today()), count=len(ids))
    document = ReportDocument(roster_title(db), subtitle=subtitle, landscape=True, margins_mm=(15, 12, 15, 12),
                              title_size=18)
    document.build(path, story, job=job)
    return len(ids)
