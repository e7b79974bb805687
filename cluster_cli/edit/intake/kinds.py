"""How a row of each kind meets the data: which record it is (a student by id or personal code,
a grade by student, module, topic, kind and date, attendance by student and period, a member by
id or registry code, a placement by id or by student, start and module), what it must refer to
(a known group, module, member, period) and where a new record goes (the folder's layout:
`students/<school>/<group>.yaml`, `placements/<school>.yaml`). A row is checked whole before
anything is changed: a bad row changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

from cluster_cli import vocabulary as V
from cluster_cli.edit.intake.fields import order
from cluster_cli.edit.intake.mapping import Row, RowError
from cluster_cli.edit.intake.merge import Documents, model_same, nest, set_fields
from cluster_cli.findings import Pii
from cluster_cli.i18n import N_
from cluster_cli.load.mappings import header_key

CHOICES = {
    ("students", "study_form"): V.STUDY_FORMS, ("students", "residence"): V.RESIDENCES,
    ("grades", "kind"): V.GRADE_KINDS, ("members", "kind"): V.MEMBER_KINDS,
    ("members", "partnership"): V.PARTNERSHIPS, ("placements", "kind"): V.PLACEMENT_KINDS,
    ("placements", "status"): V.PLACEMENT_STATUSES,
}
REQUIRED_NEW = {
    "students": ("first_name", "last_name", "group", "course", "start", "nominal_end"),
    "grades": ("module", "kind", "value", "date"),
    "attendance": ("period", "lessons"),
    "members": ("kind", "name"),
    "placements": ("modules", "kind", "start", "end", "host"),
}


WHO = ("student", "personal_code", "id", "student_name", "group")
"""The fields that say whose a row is; none of them is stored in the grade or attendance entry."""


class BadRow(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(len(errors))
        self.errors = errors


class Checks:
    """The errors of one row, collected before anything changes."""

    def __init__(self, kind: str, row: Row):
        self.kind, self.row, self.errors = kind, row, []

    def add(self, name: str, key: str, **args) -> None:
        self.errors.append(RowError(self.row.number, self.row.columns.get(name, name), key, tuple(args.items())))

    def choices(self) -> None:
        for name, value in self.row.fields.items():
            allowed = CHOICES.get((self.kind, name))
            if allowed is not None and value not in allowed:
                self.add(name, N_("import.bad.choice"), value=str(value), choices=", ".join(allowed))

    def required(self, fields: dict) -> None:
        for name in REQUIRED_NEW[self.kind]:
            if fields.get(name) in (None, "", []):
                self.add(name, N_("import.bad.missing"), field=name)

    def done(self) -> None:
        if self.errors:
            raise BadRow(self.errors)


def plain(fields: dict) -> dict:
    """Fields as the data keeps them: a personal code as a plain string."""
    return {k: str(v) if isinstance(v, Pii) else v for k, v in fields.items()}


class StudentIndex:
    """Who a row is about, for every kind that names a student (by id or personal code)."""

    def __init__(self, ds, docs: Documents):
        self.ds, self.docs = ds, docs
        self.where = {s.id: Path(s.origin.file) for s in ds.records.get("students", [])}
        self.by_code = {s.personal_code: s.id for s in ds.records.get("students", []) if s.personal_code}
        self.group_of = {s.id: s.group for s in ds.records.get("students", [])}
        self.curriculum_of = {s.id: s.curriculum for s in ds.records.get("students", [])}
        self.school_of = {s.id: s.school for s in ds.records.get("students", [])}
        self.records = {s.id: s for s in ds.records.get("students", [])}
        self.used: dict[tuple, set[int]] = {}
        self.added: dict[tuple, list] = {}
        self.by_name: dict[str, list[str]] = {}
        for s in ds.records.get("students", []):
            for name in (f"{s.first_name} {s.last_name}", f"{s.last_name} {s.first_name}"):
                ids = self.by_name.setdefault(header_key(name), [])
                if s.id not in ids:
                    ids.append(s.id)

    def resolve(self, check: Checks, fields: dict) -> str | None:
        ident, code = fields.get("student") or fields.get("id"), fields.get("personal_code")
        if ident and ident in self.where:
            return ident
        if code and str(code) in self.by_code:
            return self.by_code[str(code)]
        if not ident and not code and fields.get("student_name"):
            return self._by_name(check, fields["student_name"], fields.get("group"))
        if ident or code:
            name = "student" if fields.get("student") else "personal_code" if code else "id"
            value = ident if name != "personal_code" else Pii(code)
            check.add(name, N_("import.bad.unknown-student"), value=value)
        else:
            check.add("student", N_("import.bad.missing"), field="student")
        return None

    def _by_name(self, check: Checks, name: str, group: str | None) -> str | None:
        """A student named in full (Tahvel's reports give no id), within `group` when the row
        or the mapping gives one; an unknown or ambiguous name is a bad row."""
        found = [i for i in self.by_name.get(header_key(name), []) if group is None or self.group_of.get(i) == group]
        if len(found) == 1:
            return found[0]
        where = group or "—"
        if found:
            check.add("student_name", N_("import.bad.ambiguous-student"), value=name, group=where,
                      ids=", ".join(sorted(found)))
        else:
            check.add("student_name", N_("import.bad.unknown-student-name"), value=name, group=where)
        return None

    def item(self, ident: str):
        path = self.where[ident]
        return path, self.docs.find(path, "id", ident)

    def module_check(self, check: Checks, ident: str, modules: list[str]) -> None:
        curriculum = self.ds.curricula.get(self.curriculum_of.get(ident, ""))
        known = {m.id for m in curriculum.modules} if curriculum is not None else set()
        for module in modules:
            if module not in known:
                check.add("modules" if check.kind == "placements" else "module", N_("import.bad.unknown-module"),
                          value=module, curriculum=curriculum.code if curriculum else "—")


class StudentMerge(StudentIndex):
    kind = "students"

    def row(self, row: Row) -> str:
        check = Checks(self.kind, row)
        check.choices()
        fields = plain(row.fields)
        ident = fields.get("id")
        code = fields.get("personal_code")
        if not ident and code and code in self.by_code:
            ident = self.by_code[code]
        group = self.ds.groups.get(fields["group"]) if "group" in fields else None
        if "group" in fields and group is None:
            check.add("group", N_("import.bad.unknown-group"), value=fields["group"])
        if "school" in fields and fields["school"] not in self.ds.members:
            check.add("school", N_("import.bad.unknown-member"), value=fields["school"])
        if "curriculum" in fields and fields["curriculum"] not in self.ds.curricula:
            check.add("curriculum", N_("import.bad.unknown-curriculum"), value=fields["curriculum"])
        if ident and ident in self.where:
            check.done()
            fields.pop("id", None)
            if ident in self.records and model_same(self.records[ident], fields):
                return "unchanged"
            path, item = self.item(ident)
            if item is not None and set_fields(item, fields, self.kind):
                self.docs.dirty.add(path)
                return "changed"
            return "unchanged"
        check.required(fields)
        check.done()
        fields.setdefault("school", group.school)
        fields.setdefault("curriculum", group.curriculum)
        rank = order("students")
        fields = dict(sorted(fields.items(), key=lambda kv: rank.get(kv[0], len(rank))))
        ident = ident or self._new_id(group.id)
        record = {"id": ident, **nest(fields)}
        record.setdefault("status", [{"status": "active", "start": fields["start"]}])
        path = self._target(fields["school"], group.id)
        self.docs.append(path, record)
        self.where[ident] = path
        if code:
            self.by_code[code] = ident
        self.group_of[ident], self.curriculum_of[ident] = group.id, fields["curriculum"]
        self.school_of[ident] = fields["school"]
        return "new"

    def _new_id(self, group: str) -> str:
        pattern = re.compile(re.escape(group) + r"-([0-9]+)$")
        numbers = [int(m.group(1)) for i in self.where for m in [pattern.match(i)] if m]
        n = max(numbers, default=0) + 1
        while f"{group}-{n:02d}" in self.where:
            n += 1
        return f"{group}-{n:02d}"

    def _target(self, school: str, group: str) -> Path:
        """The file that already holds the group's students, else the folder's layout."""
        for ident, path in self.where.items():
            if self.group_of.get(ident) == group:
                return path
        data_dir = self.docs.data_dir
        single = data_dir / "students.yaml"
        if single.is_file() and not (data_dir / "students").is_dir():
            return single
        return data_dir / "students" / school / f"{group}.yaml"


class GradeMerge(StudentIndex):
    kind = "grades"
    key = ("module", "topic", "kind", "date")

    def row(self, row: Row) -> str:
        check = Checks(self.kind, row)
        check.choices()
        fields = plain(row.fields)
        ident = self.resolve(check, fields)
        if ident is not None and "module" in fields:
            self.module_check(check, ident, [fields["module"]])
        check.required(fields)
        check.done()
        return self.merge_entry(ident, "grades", fields)

    def merge_entry(self, ident: str, list_name: str, fields: dict) -> str:
        """The row's entry in the student's list: the first one with its key that no earlier row
        of this sheet took (a folder may hold two grades with one key), else a new one. The
        entries as loaded answer "unchanged" without opening the file (the cheap check that
        keeps a round trip of 400,000 grades fast); only a change opens it for writing."""
        for name in WHO:
            fields.pop(name, None)
        wanted = tuple(_key(fields.get(k)) for k in self.key)
        used = self.used.setdefault((ident, list_name), set())
        record = self.records.get(ident)
        loaded = getattr(record, list_name, None) or [] if record is not None else []
        for index, entry in enumerate(loaded):
            if index not in used and tuple(_key(getattr(entry, k, None)) for k in self.key) == wanted:
                used.add(index)
                if model_same(entry, fields):
                    return "unchanged"
                path, item = self.item(ident)
                if set_fields(item[list_name][index], fields, self.kind):
                    self.docs.dirty.add(path)
                    return "changed"
                return "unchanged"
        return self._added(ident, list_name, fields, wanted)

    def _added(self, ident: str, list_name: str, fields: dict, wanted: tuple) -> str:
        from ruamel.yaml.comments import CommentedSeq

        from cluster_cli.edit.intake.merge import to_yaml

        path, item = self.item(ident)
        added = self.added.setdefault((ident, list_name), [])
        for key, entry in added:
            if key == wanted and set_fields(entry, fields, self.kind):
                return "changed"
            if key == wanted:
                return "unchanged"
        entries = item.get(list_name)
        if entries is None:
            entries = item[list_name] = CommentedSeq()
        entry = to_yaml(fields)
        entries.append(entry)
        added.append((wanted, entry))
        self.docs.dirty.add(path)
        return "new"


def _key(value) -> str | None:
    return None if value is None else str(value)


class AttendanceMerge(GradeMerge):
    kind = "attendance"
    key = ("period",)

    def row(self, row: Row) -> str:
        check = Checks(self.kind, row)
        fields = plain(row.fields)
        ident = self.resolve(check, fields)
        periods = {p.id for p in self.ds.cluster.periods} if self.ds.cluster else set()
        if "period" in fields and fields["period"] not in periods:
            check.add("period", N_("import.bad.unknown-period"), value=fields["period"],
                      periods=", ".join(sorted(periods)) or "—")
        check.required(fields)
        check.done()
        return self.merge_entry(ident, "attendance", fields)
