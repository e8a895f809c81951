"""Demo residents: deterministic, valid, believable, and loaded through the feature registry."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from app.demo import DemoOptions, is_demo, load_demo
from app.features import features
from app.jobs import Cancelled, JobControl
from app.residents import service
from app.residents.demo import COMPOUNDS, REFERENCE, generate
from app.residents.idcard import check_id
from app.residents.search_keys import pinyin_initials
from app.residents.service import ResidentQuery
from db.models import Household, Resident, ResidentTag, Tag


def _snapshot(db) -> list[tuple]:
    with db.reading() as session:
        people = session.execute(select(
            Resident.name, Resident.sex, Resident.birth_date, Resident.id_number, Resident.phones, Resident.status,
            Resident.relation_to_head, Resident.room_id, Resident.household_id).order_by(Resident.id)).all()
        tags = session.execute(select(ResidentTag.resident_id, ResidentTag.tag_id, ResidentTag.detail)
                               .order_by(ResidentTag.resident_id, ResidentTag.tag_id)).all()
    return [tuple(p) for p in people] + [tuple(t) for t in tags]


def _generate(db, count: int, seed: int) -> list[int]:
    with db.unit_of_work() as session:
        return generate(session, random.Random(seed), DemoOptions(residents=count, seed=seed))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from app.database import Database

    database = Database.open(tmp_path_factory.mktemp("demo") / "demo.db", actor="demo")
    _generate(database, 3000, 20261127)
    yield database
    database.close()


def _residents(db) -> list[Resident]:
    with db.reading() as session:
        return session.scalars(select(Resident).order_by(Resident.id)).all()


def test_the_same_seed_gives_the_same_roster(tmp_path):
    from app.database import Database

    snapshots = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database = Database.open(tmp_path / f"{name}.db")
        ids = _generate(database, 400, seed)
        assert len(ids) == 400
        snapshots.append(_snapshot(database))
        database.close()
    assert snapshots[0] == snapshots[1]
    assert snapshots[0] != snapshots[2]


def test_ids_are_valid_and_agree_with_birth_date_and_sex(demo_db):
    people = _residents(demo_db)
    assert len(people) == 3000 and all(p.is_demo for p in people)
    assert len({p.id_number for p in people}) == len(people)
    for person in people:
        check = check_id(person.id_number, REFERENCE)
        assert check.ok, (person.name, person.id_number, check.error)
        assert (check.birth_date, check.sex) == (person.birth_date, person.sex)
        if person.person_type == "常住":
            assert person.id_number.startswith("640106")
    assert Counter(p.person_type for p in people)["流动"] > 0


def test_ages_names_and_places_are_believable(demo_db):
    people = _residents(demo_db)
    ages = [(REFERENCE - p.birth_date).days // 365 for p in people]
    assert min(ages) >= 0 and max(ages) <= 100
    assert 0.2 < sum(a >= 60 for a in ages) / len(ages) < 0.45  # many elderly
    assert sum(a < 18 for a in ages) > 100
    surnames = Counter(p.name[0] for p in people)
    for surname, initial in (("单", "s"), ("曾", "z"), ("解", "x")):
        assert surnames[surname] > 0
        assert all(pinyin_initials(p.name)[0] == initial for p in people if p.name[0] == surname)
    assert any("𠮷" in p.name for p in people)
    assert Counter(p.ethnicity for p in people)["回族"] > 500
    assert {p.status for p in people} == {"active", "moved_out", "deceased"}
    assert all(p.left_on and p.left_on <= REFERENCE and p.left_reason for p in people if p.status != "active")
    assert sum(bool(p.phones) for p in people) > 2000
    compounds = {b.compound for b in service.buildings(demo_db)}
    assert compounds == set(COMPOUNDS)
    rooms = {p.room_id for p in people}
    assert None not in rooms


def test_households_have_one_head_and_realistic_sizes(demo_db):
    people = _residents(demo_db)
    members = Counter(p.household_id for p in people)
    heads = Counter(p.household_id for p in people if p.relation_to_head == "户主")
    assert set(members.values()) <= {1, 2, 3, 4, 5} and 2.2 < len(people) / len(members) < 3.2
    assert all(heads[h] == 1 for h in members)
    with demo_db.reading() as session:
        households = session.scalars(select(Household)).all()
    by_id = {p.id: p for p in people}
    assert all(by_id[h.head_id].household_id == h.id for h in households)
    relations = Counter(p.relation_to_head for p in people)
    assert {"户主", "配偶", "子", "女", "孙子女", "父母"} <= set(relations)


def test_special_groups_at_believable_rates(demo_db):
    with demo_db.reading() as session:
        rows = session.execute(select(Tag.name, ResidentTag.detail, Resident.birth_date, Resident.relation_to_head)
                               .join(ResidentTag, ResidentTag.tag_id == Tag.id)
                               .join(Resident, Resident.id == ResidentTag.resident_id)).all()
    tagged = Counter(name for name, *_ in rows)
    for name in ("独居老人", "空巢老人", "低保户", "残疾人", "退役军人", "留守儿童"):
        assert 0 < tagged[name] < 600, name
    assert all((REFERENCE - birth).days >= 60 * 365 for name, _, birth, _ in rows if name in ("独居老人", "空巢老人"))
    assert all(relation == "孙子女" and (REFERENCE - birth).days < 16 * 366 for name, _, birth, relation in rows if name == "留守儿童")
    disability = [detail for name, detail, *_ in rows if name == "残疾人"]
    assert all(detail and detail.split()[1] in ("一级", "二级", "三级", "四级") for detail in disability)


def test_demo_roster_is_consistent_and_searchable(demo_db):
    with demo_db.reading() as session:
        assert service.checks(session) == []
    first = service.load_rows(demo_db, service.query_ids(demo_db, ResidentQuery())[:1])[0]
    found = service.query_ids(demo_db, ResidentQuery(text=first.name))
    assert first.id in found
    assert service.query_ids(demo_db, ResidentQuery(min_age=80))


def test_load_demo_through_the_feature_registry(tmp_db):
    assert "residents" in [f.key for f in features()]
    progress = []
    load_demo(tmp_db, DemoOptions(residents=500), JobControl(lambda done, total, message: progress.append((done, total))))
    assert is_demo(tmp_db)
    with tmp_db.reading() as session:
        active = service.counts(session)
    assert 400 < active <= 500
    assert (500, 500) in progress  # later ledgers report their own progress after ours


def test_cancelling_the_demo_leaves_the_database_empty(tmp_db):
    job = JobControl(lambda done, total, message: job.cancel() if done >= 200 else None)
    with pytest.raises(Cancelled):
        load_demo(tmp_db, DemoOptions(residents=2000), job)
    with tmp_db.reading() as session:
        assert service.counts(session) == 0
    assert not is_demo(tmp_db)


def test_reference_date_is_not_in_the_future():
    assert REFERENCE <= date.today()
