"""Identity: ids are unique across all files of a kind, and every reference resolves."""

from __future__ import annotations

from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.kinds import ID_FIELD
from cluster_cli.i18n import N_, Phrase
from cluster_cli.i18n.words_fields import RECORD_KIND
from cluster_cli.regulation.rules.base import Context, at, close_match, nearest


def duplicate_ids(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Two records of the same kind with one id: every later one is reported, pointing to the first.
    Compared by the files' ids: only the records reported are built (issue 20)."""
    for kind in ds.records.keys():
        key = ID_FIELD.get(kind, "id")
        first: dict[str, object] = {}
        for ident, record_of in ds.ids_of(kind):
            if ident in first:
                other = first[ident]().origin  # type: ignore[operator]
                yield at(record_of(), (key,), "duplicate-id", "", kind=kind, id=ident,
                         other=f"{other.file}:{other.line_of((key,))}")
            else:
                first[ident] = record_of


def _ref(ds: Dataset, record, path: tuple, kind: str, ident: str, member_kinds: tuple[str, ...] = ()) -> Finding | None:
    if not ds.is_known(kind, ident):
        known = list(ds.by_id.get(kind, {}))
        close = close_match(ident, known)
        key = N_("unknown-reference.close") if close else N_("unknown-reference")
        return at(record, path, "unknown-reference", "", key=key,
                  kind=Phrase(RECORD_KIND[kind]), id=ident, close=close, known=_few(nearest(ident, known)))
    if member_kinds and kind == "members" and ident in ds.members and ds.members[ident].kind not in member_kinds:
        return at(record, path, "unknown-reference", "", key="unknown-reference.kind", id=ident,
                  actual=ds.members[ident].kind, expected=list(member_kinds))
    return None


def placement_students(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """A placement's student exists (its id among the students files' ids: only a placement
    naming an unknown student is built)."""
    for student, placement in ds.column("placements", "student"):
        if not ds.is_known("students", student):
            found = _ref(ds, placement(), ("student",), "students", student)
            if found is not None:
                yield found


def _module_refs(ds: Dataset, record, curriculum_code: str | None, refs) -> Iterator[Finding]:
    """Each (path, module id) in `refs` names a module of the curriculum `curriculum_code`."""
    cur = ds.curricula.get(curriculum_code) if curriculum_code else None
    if cur is None:
        return
    ids = {mod.id for mod in cur.modules}
    for path, module in refs:
        if module not in ids:
            yield at(record, path, "unknown-reference", "", key="unknown-reference.module",
                     id=module, curriculum=cur.code, known=_few(nearest(module, ids)))


def _few(items: list[str], n: int = 8) -> str:
    return ", ".join(items[:n]) + (" …" if len(items) > n else "")


def references(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Every id a record names must exist: members, curricula, groups, modules, catalogue tasks.
    Each record is judged on its own, looking the ids up (a record rule, issue 20); a placement's
    modules are judged from its student (the student's curriculum), through `placements_of`;
    a placement's student, across the students files (`placement_students`)."""
    checks: list[Finding | None] = []
    add = checks.append
    if ds.cluster is not None:
        for i, c in enumerate(ds.cluster.coordinators):
            add(_ref(ds, ds.cluster, ("coordinators", i, "member"), "members", c.member))
        for i, k in enumerate(ds.cluster.admission_committees):
            add(_ref(ds, ds.cluster, ("admission_committees", i, "school"), "members", k.school,
                     ("vocational_school",)))
        for i, c in enumerate(ds.cluster.prior_learning_committees):
            add(_ref(ds, ds.cluster, ("prior_learning_committees", i, "school"), "members", c.school,
                     ("vocational_school",)))
    for m in ds.records.get("members", []):
        for i, offer in enumerate(m.offers.capacity):
            add(_ref(ds, m, ("offers", "capacity", i, "curriculum"), "curricula", offer.curriculum))
        for i, task in enumerate(m.offers.tasks):
            add(_ref(ds, m, ("offers", "tasks", i), "tasks", task))
    for t in ds.records.get("tasks", []):
        add(_ref(ds, t, ("curriculum",), "curricula", t.curriculum))
        checks.extend(_module_refs(ds, t, t.curriculum, ((("modules", i), m) for i, m in enumerate(t.modules))))
    for g in ds.records.get("groups", []):
        add(_ref(ds, g, ("school",), "members", g.school, ("vocational_school",)))
        add(_ref(ds, g, ("curriculum",), "curricula", g.curriculum))
        checks.extend(_module_refs(ds, g, g.curriculum, ((("practice_periods", i, "module"), pp.module)
                                                          for i, pp in enumerate(g.practice_periods))))
        checks.extend(_module_refs(ds, g, g.curriculum, ((("safety_instructions", i, "module"), x.module)
                                                          for i, x in enumerate(g.safety_instructions) if x.module)))
    for s in ds.records.get("students", []):
        add(_ref(ds, s, ("school",), "members", s.school, ("vocational_school",)))
        add(_ref(ds, s, ("curriculum",), "curricula", s.curriculum))
        add(_ref(ds, s, ("group",), "groups", s.group))
        for i, ch in enumerate(s.curriculum_changes):
            add(_ref(ds, s, ("curriculum_changes", i, "from_curriculum"), "curricula", ch.from_curriculum))
        checks.extend(_module_refs(ds, s, s.curriculum, ((("grades", i, "module"), g.module)
                                                          for i, g in enumerate(s.grades))))
        checks.extend(_module_refs(ds, s, s.curriculum, ((("safety_instructions", i, "module"), x.module)
                                                          for i, x in enumerate(s.safety_instructions) if x.module)))
        checks.extend(_module_refs(ds, s, s.curriculum, ((("prior_learning", i, "module"), a.module)
                                                          for i, a in enumerate(s.prior_learning))))
        for p in ds.placements_of_record(s):  # the placement's modules, of the student's curriculum
            checks.extend(_module_refs(ds, p, s.curriculum, ((("modules", i), m) for i, m in enumerate(p.modules))))
    for p in ds.records.get("placements", []):
        for i, host in enumerate(p.hosts):
            add(_ref(ds, p, ("hosts", i, "member"), "members", host.member))
            for j, task in enumerate(host.tasks):
                if task.catalogue:
                    add(_ref(ds, p, ("hosts", i, "tasks", j, "catalogue"), "tasks", task.catalogue))
        for j, task in enumerate(p.tasks):
            if task.catalogue:
                add(_ref(ds, p, ("tasks", j, "catalogue"), "tasks", task.catalogue))
    for c in ds.records.get("courses", []):
        add(_ref(ds, c, ("school",), "members", c.school, ("vocational_school",)))
        for i, part in enumerate(c.participants):
            if part.employer:
                add(_ref(ds, c, ("participants", i, "employer"), "members", part.employer))
        for i, d in enumerate(c.discounts):
            add(_ref(ds, c, ("discounts", i, "employer"), "members", d.employer))
    yield from (f for f in checks if f is not None)
