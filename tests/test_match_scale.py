"""Issue 20: `cluster match` linear in the data. The capacity it asks about (free places on every
day of a period, the unbroken run of free places from a day) is read from per-day tables; here
it is checked against the definition, day by day, on a synthetic cluster — before and after
places are taken, in periods inside, across and outside the offers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from cluster_cli.edit.synthetic import synthetic_files


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    from cluster_cli.pipeline import load

    root = tmp_path_factory.mktemp("synthetic")
    files, _ = synthetic_files(300, 3)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return load(root).dataset


def _free_on(ds, taken, member, curriculum, day: date) -> int:
    """The definition: places of the offers covering the day minus the places taken that day."""
    places = sum(o.places for o in member.offers.capacity if o.curriculum == curriculum and o.start <= day <= o.end)
    return places - sum(1 for a, b in taken if a <= day <= b)


def _expected(ds, taken, member, curriculum, start, end):
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    free = max(0, min(_free_on(ds, taken, member, curriculum, d) for d in days))
    reach = None
    for d in days:
        if _free_on(ds, taken, member, curriculum, d) < 1:
            break
        reach = d
    return free, reach


def _placements_taken(ds, member, curriculum):
    return [(h.start, h.end) for p in ds.records.get("placements", []) if p.status != "cancelled"
            for h in p.hosts if h.member == member and ds.students[p.student].curriculum == curriculum]


def test_capacity_is_the_day_by_day_definition_before_and_after_places_are_taken(dataset):
    from cluster_cli.reports.matching import Capacity

    ds = dataset
    capacity = Capacity(ds)
    hosts = [m for m in ds.members.values() if m.offers.capacity]
    assert hosts
    rng = random.Random(20)
    taken = {}
    checked = 0
    for _ in range(300):
        m = rng.choice(hosts)
        curriculum = rng.choice([o.curriculum for o in m.offers.capacity])
        first = min(o.start for o in m.offers.capacity) - timedelta(days=20)
        last = max(o.end for o in m.offers.capacity) + timedelta(days=20)
        start = first + timedelta(days=rng.randrange((last - first).days))
        end = min(last, start + timedelta(days=rng.randrange(1, 120)))
        key = (m.id, curriculum)
        taken.setdefault(key, _placements_taken(ds, m.id, curriculum))
        assert (capacity.free(m, curriculum, start, end), capacity.reach(m, curriculum, start, end)) == \
            _expected(ds, taken[key], m, curriculum, start, end), (m.id, curriculum, start, end)
        checked += 1
        if rng.random() < 0.4:  # a proposal takes a place
            capacity.take(m.id, curriculum, start, end)
            taken[key].append((start, end))
    assert checked == 300
