"""The roster as a feature: counted, filled with demo data and checked by ``python -m app``."""

from __future__ import annotations

from app.features import Feature
from app.i18n import translate
from app.residents.bulk import checks
from app.residents.cli import register_cli
from app.residents.demo import generate
from app.residents.service import counts

FEATURE = Feature(
    key="residents",
    label=lambda: translate("app", "Residents"),
    count=counts,
    demo=generate,
    checks=checks,
    register_cli=register_cli,
    order=10,
)
