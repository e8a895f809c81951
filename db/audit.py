"""One mechanism for the audit trail: a session hook records every change to an Audited model.

Who acted comes from ``session.info["actor"]`` (set by the app's unit of work). Bulk writes that
bypass the ORM (a 100,000-row import) call ``record`` once with a summary instead.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from db.models.base import Audited, SoftDeleteMixin
from db.models.core import AuditLog

SYSTEM_ACTOR = "system"


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def _audited_attrs(obj):
    # Columns derived from others (search keys) would only repeat the change: a model lists them
    # in __audit_exclude__.
    excluded = getattr(type(obj), "__audit_exclude__", ())
    return [attr for attr in inspect(obj).mapper.column_attrs if attr.key not in excluded]


def _inserted_values(obj) -> dict:
    state = inspect(obj)
    # state.dict, not getattr: reading an expired attribute here would query mid-flush.
    return {
        attr.key: [None, _plain(state.dict.get(attr.key))]
        for attr in _audited_attrs(obj)
        if state.dict.get(attr.key) is not None
    }


def _updated_values(obj) -> dict:
    state = inspect(obj)
    changes = {}
    for attr in _audited_attrs(obj):
        history = state.attrs[attr.key].history
        if not history.added and not history.deleted:
            continue
        old = _plain(history.deleted[0]) if history.deleted else None
        new = _plain(history.added[0]) if history.added else None
        if old != new:
            changes[attr.key] = [old, new]
    return changes


def _action_for_update(obj, changes: dict) -> str:
    if isinstance(obj, SoftDeleteMixin) and "removed_at" in changes:
        old, new = changes["removed_at"]
        if old is None and new is not None:
            return "remove"
        if old is not None and new is None:
            return "restore"
    return "update"


def _row_id(obj):
    # Not state.identity: for a row inserted in this flush the identity key is only assigned after
    # after_flush, while the primary key value is already in the instance's dict.
    state = inspect(obj)
    keys = state.mapper.primary_key
    if len(keys) != 1:
        return None
    value = state.dict.get(state.mapper.get_property_by_column(keys[0]).key)
    return value if isinstance(value, int) else None


def _after_flush(session: Session, _context) -> None:
    actor = session.info.get("actor", SYSTEM_ACTOR)
    rows = []
    for obj in session.new:
        if isinstance(obj, Audited):
            rows.append(("insert", obj, _inserted_values(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            changes = _updated_values(obj)
            if changes:
                rows.append((_action_for_update(obj, changes), obj, changes))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            rows.append(("delete", obj, {}))
    if not rows:
        return
    session.connection().execute(
        AuditLog.__table__.insert(),
        [
            {
                "actor": actor,
                "action": action,
                "table_name": obj.__tablename__,
                "row_id": _row_id(obj),
                "changes": json.dumps(changes, ensure_ascii=False),
            }
            for action, obj, changes in rows
        ],
    )


def record(session: Session, action: str, table_name: str, row_id: int | None = None, details=None) -> None:
    """Audit an event that is not a row change made through the ORM (reveal, export, bulk import)."""
    session.connection().execute(
        AuditLog.__table__.insert(),
        [
            {
                "actor": session.info.get("actor", SYSTEM_ACTOR),
                "action": action,
                "table_name": table_name,
                "row_id": row_id,
                "changes": json.dumps(details, ensure_ascii=False, default=_plain) if details is not None else None,
            }
        ],
    )


def install(session_class=Session) -> None:
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)
