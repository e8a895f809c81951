"""--on-duplicate update: bring residents already on the roster up to date from the file.

Only cells the file fills in change anything (a blank cell never clears a value), and a row that
holds nothing new is left alone, so importing the same file twice changes nothing. A changed
resident is saved through the service (search columns, household, tags, audit trail old → new)
inside a savepoint, so one refused row (a second head for a household) does not spoil the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import ValidationError
from app.i18n import translate
from app.residents import service
from app.residents.importer_report import DUPLICATE, UPDATED, ReportLine
from app.residents.roster_columns import iter_records
from app.residents.validation import Cleaned, field_label
from db.models import Resident

# Columns an update may change, compared with what the database holds.
COMPARED = (
    "name", "former_name", "sex", "ethnicity", "birth_date", "phones", "registered_address", "grid",
    "household_number", "relation_to_head", "residence_status", "person_type", "political_status",
    "education", "marital_status", "health", "employer", "notes",
)


@dataclass
class Candidate:
    row: int
    values: dict  # checked values, as for bulk_insert
    given: frozenset  # the keys the row filled in
    resident_id: int
    name: str  # the resident on the roster now
    warnings: list[str] = field(default_factory=list)


def changes(values: dict, given: frozenset, current: dict) -> list[str]:
    """The keys whose value in the file differs from the database."""
    changed = [key for key in COMPARED if key in given and values.get(key) != current[key]]
    place = values.get("address")
    if "address" in given and place is not None:
        now = (current["compound"] or "", current["building"] or "", current["unit"] or "", current["room"] or "")
        if (place.compound, place.building, place.unit, place.room) != now:
            changed.append("address")
    if "tags" in given and values.get("tags") != {tag_id: detail for tag_id, _, detail in current["tags"]}:
        changed.append("tags")
    return changed


def _cleaned(values: dict, keys: list[str]) -> Cleaned:
    columns = {key: values.get(key) for key in keys if key not in ("address", "tags")}
    has_place = "address" in keys
    tags = values.get("tags") if "tags" in keys else None
    return Cleaned(columns, values.get("address") if has_place else None, has_place, tags, {})


def _save(session, candidate: Candidate, keys: list[str]) -> None:
    with session.begin_nested():
        resident = session.get(Resident, candidate.resident_id)
        service._save(session, resident, _cleaned(candidate.values, keys))


def _who(candidate: Candidate) -> tuple[str | None, str | None]:
    return candidate.values.get("name"), candidate.values.get("id_number")


def apply_updates(session, candidates: list[Candidate], lines: dict[int, ReportLine]) -> int:
    """Update the residents that changed; every candidate gets its report line. Returns how many
    residents were updated."""
    current = {record["id"]: record for record in iter_records(session, [c.resident_id for c in candidates])}
    updated = 0
    for candidate in candidates:
        known = service.duplicate_message(candidate.name, "")
        keys = changes(candidate.values, candidate.given, current[candidate.resident_id])
        if not keys:
            reasons = [known, translate("app", "the file holds nothing new for this resident")]
            lines[candidate.row] = ReportLine(candidate.row, DUPLICATE, reasons + candidate.warnings,
                                              *_who(candidate), to_check=bool(candidate.warnings))
            continue
        try:
            _save(session, candidate, keys)
        except ValidationError as error:
            reasons = [known, *error.errors.values()]
            lines[candidate.row] = ReportLine(candidate.row, DUPLICATE, reasons + candidate.warnings,
                                              *_who(candidate), to_check=True)
            continue
        message = translate("app", "Updated {fields}").format(fields="、".join(field_label(k) for k in keys))
        lines[candidate.row] = ReportLine(candidate.row, UPDATED, [message] + candidate.warnings,
                                          *_who(candidate), to_check=bool(candidate.warnings))
        updated += 1
    return updated
