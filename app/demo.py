"""Demo data: a realistic, clearly fictional 福通社区 filled ledger by ledger.

Each ledger's ``Feature.demo(session, rng, options, job)`` adds its part; the order of
``features()`` lets later ledgers point at the residents made before them. Deterministic for a
seed. All of it is one transaction: a cancelled or failed demo leaves the database empty.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.errors import UserError
from app.features import features
from app.i18n import translate
from app.jobs import JobControl, ensure
from db.models import Setting

DEMO_FLAG = "demo_data"


@dataclass
class DemoOptions:
    residents: int = 2000
    seed: int = 20261127


def is_empty(database) -> bool:
    with database.reading() as session:
        return all(f.count(session) == 0 for f in features() if f.count is not None)


def is_demo(database) -> bool:
    return database.get_setting(DEMO_FLAG) == "1"


def load_demo(database, options: DemoOptions | None = None, job: JobControl | None = None) -> None:
    options = options or DemoOptions()
    job = ensure(job)
    # is_demo too: with no ledger counting records yet (or an empty demo), a second run would
    # otherwise pass the emptiness test and "load" the demo again.
    if is_demo(database) or not is_empty(database):
        raise UserError(translate("app", "The database already holds records; demo data only goes into an empty database."))
    rng = random.Random(options.seed)
    with database.unit_of_work() as session:
        for feature in features():
            if feature.demo is not None:
                feature.demo(session, rng, options, job)
        session.merge(Setting(key=DEMO_FLAG, value="1"))
