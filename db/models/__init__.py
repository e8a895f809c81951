"""All models, imported here so that Base.metadata is complete (tests, checks, migrations).

A ledger adds its module below; nothing else needs editing.
"""

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin  # noqa: F401
from db.models.core import AuditLog, Setting  # noqa: F401
