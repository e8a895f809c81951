"""The one registration point for ledgers in the Qt-free layers.

Each ledger package exposes ``FEATURE`` in ``app/<ledger>/feature.py``; add its module path to
FEATURE_MODULES and the command line, demo data, checks and record counts pick it up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

FEATURE_MODULES: tuple[str, ...] = (
    "app.residents.feature",
    "app.requests.feature",
    "app.meetings.feature",
    "app.repairs.feature",
)


@dataclass(frozen=True)
class Feature:
    key: str
    label: Callable[[], str]  # translated lazily, so the language can be chosen first
    count: Callable | None = None  # count(session) -> int of active records
    demo: Callable | None = None  # demo(session, rng, options, job) fills this ledger
    checks: Callable | None = None  # checks(session) -> list[str] of consistency problems
    register_cli: Callable | None = None  # register_cli(commands) adds commands / import / export
    # attention(database) -> [(what, count, tab payload)]: work waiting, shown first on 概览
    attention: Callable | None = None
    order: int = 100
    extra: dict = field(default_factory=dict)


def features() -> list[Feature]:
    loaded = [importlib.import_module(name).FEATURE for name in FEATURE_MODULES]
    return sorted(loaded, key=lambda f: f.order)
