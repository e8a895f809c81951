"""All models, imported here so that Base.metadata is complete (tests, checks, migrations).

A ledger adds its module below; nothing else needs editing.
"""

from db.models.base import Audited, Base, IdMixin, SoftDeleteMixin, TimestampMixin  # noqa: F401
from db.models.core import AuditLog, Setting  # noqa: F401
from db.models.residents import Building, Household, Resident, ResidentTag, Room, Tag  # noqa: F401
from db.models.links import Link  # noqa: F401
from db.models.requests import Request, RequestEvent  # noqa: F401
from db.models.meetings import ActionItem, AgendaItem, DecisionChain, Meeting, MeetingAmendment, MeetingAttendee, Speech  # noqa: F401
from db.models.repairs import RepairEvent, RepairJob, RepairMaterial, RepairVolunteer, SafetyCheck, SafetyCheckVolunteer, SafetyFinding, Volunteer  # noqa: F401
