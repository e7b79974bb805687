"""Rows of members (hosts) and placements. A member is matched by id or registry code, a new one
gets an id made of its name (`Koodikoda OÜ` → `koodikoda`); a contact (`contact.name` …) is
matched by name within the member. A placement is matched by id, else by student, start and
first module; a new one gets the next id of its school's placement file (`VV-2027-03`) and goes
to `placements/<school>.yaml`."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from cluster_cli.edit.drafts import _next_id, _prefix, target_for
from cluster_cli.edit.intake.kinds import Checks, plain, StudentIndex
from cluster_cli.edit.intake.mapping import Row
from cluster_cli.edit.intake.merge import Documents, nest, set_fields
from cluster_cli.i18n import N_

_LEGAL_FORMS = re.compile(r"\b(oü|as|mtü|sa|tü|fie|uü|ou)\b", re.IGNORECASE)


def slug(name: str) -> str:
    """An id made of a name: ASCII, lower case, words joined by hyphens, legal forms dropped."""
    text = _LEGAL_FORMS.sub(" ", name)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "member"


class MemberMerge:
    kind = "members"

    def __init__(self, ds, docs: Documents):
        self.ds, self.docs = ds, docs
        members = ds.records.get("members", [])
        self.where = {m.id: Path(m.origin.file) for m in members}
        self.by_code = {m.registry_code: m.id for m in members if m.registry_code}
        self.default = Path(members[0].origin.file) if members else docs.data_dir / "members.yaml"

    def row(self, row: Row) -> str:
        check = Checks(self.kind, row)
        check.choices()
        fields = plain(row.fields)
        ident = fields.pop("id", None) or self.by_code.get(fields.get("registry_code"))
        contact = {k.split(".", 1)[1]: fields.pop(k) for k in list(fields) if k.startswith("contact.")}
        if contact and not contact.get("name"):
            check.add("contact.name", N_("import.bad.missing"), field="contact.name")
        if ident and ident in self.where:
            check.done()
            path = self.where[ident]
            item = self.docs.find(path, "id", ident)
            changed = set_fields(item, fields, self.kind) | self._contact(item, contact)
            if changed:
                self.docs.dirty.add(path)
            return "changed" if changed else "unchanged"
        check.required(fields)
        check.done()
        ident = ident or self._new_id(fields["name"])
        record = {"id": ident, **nest(fields)}
        if contact:
            record["contacts"] = [contact]
        self.docs.append(self.default, record)
        self.where[ident] = self.default
        if fields.get("registry_code"):
            self.by_code[fields["registry_code"]] = ident
        return "new"

    def _contact(self, item, contact: dict) -> bool:
        if not contact:
            return False
        from ruamel.yaml.comments import CommentedSeq

        from cluster_cli.edit.intake.merge import to_yaml

        contacts = item.get("contacts")
        if contacts is None:
            contacts = item["contacts"] = CommentedSeq()
        for person in contacts:
            if str(person.get("name", "")).casefold() == contact["name"].casefold():
                return set_fields(person, contact)
        contacts.append(to_yaml(contact))
        return True

    def _new_id(self, name: str) -> str:
        base = slug(name)
        ident, n = base, 2
        while ident in self.where:
            ident, n = f"{base}-{n}", n + 1
        return ident


class PlacementMerge(StudentIndex):
    kind = "placements"

    def __init__(self, ds, docs: Documents):
        super().__init__(ds, docs)
        placements = ds.records.get("placements", [])
        self.placed = {p.id: Path(p.origin.file) for p in placements}
        self.by_start = {(p.student, p.start, p.modules[0]): p.id for p in placements}

    def row(self, row: Row) -> str:
        check = Checks(self.kind, row)
        check.choices()
        fields = plain(row.fields)
        ident = fields.pop("id", None)
        who = {k: fields.pop(k, None) for k in ("student", "personal_code", "student_name", "group")}
        student = self.resolve(check, who)
        if student is not None:
            fields["student"] = student
            if fields.get("modules"):
                self.module_check(check, student, fields["modules"])
        host = {k.split(".", 1)[1]: fields.pop(k) for k in list(fields) if k.startswith("host.")}
        member = fields.pop("host", None)
        for name in ["host", *(k for k in fields if k.startswith("hosts.") and k.endswith(".member"))]:
            value = member if name == "host" else fields[name]
            if value is not None and value not in self.ds.members:
                check.add(name, N_("import.bad.unknown-member"), value=value)
        if fields.get("start") and fields.get("end") and fields["end"] < fields["start"]:
            check.add("end", N_("import.bad.end-before-start"), start=fields["start"], end=fields["end"])
        if not ident and student is not None and fields.get("modules") and fields.get("start"):
            ident = self.by_start.get((student, fields["start"], fields["modules"][0]))
        if ident and ident in self.placed:
            check.done()
            path = self.placed[ident]
            item = self.docs.find(path, "id", ident)
            changed = set_fields(item, fields, self.kind) | self._host(item, member, host, fields)
            if changed:
                self.docs.dirty.add(path)
            return "changed" if changed else "unchanged"
        check.required({**fields, "host": member or fields.get("hosts.0.member")})
        check.done()
        school = self.school_of[student]
        path = target_for(self.docs.data_dir, school)
        taken = set(self.placed)
        ident = ident or _next_id(_prefix(self.ds, self.docs.open(path), school), fields["start"].year, taken)
        record = {"id": ident, "student": student, **nest(fields)}
        if member is not None:
            record["hosts"] = [{"member": member, "start": fields["start"], "end": fields["end"], **nest(host)}]
        for slot in record["hosts"]:  # a host's own dates default to the placement's
            slot.setdefault("start", fields["start"])
            slot.setdefault("end", fields["end"])
        record.setdefault("status", "draft")
        self.docs.append(path, record)
        self.placed[ident] = path
        self.by_start[(student, fields["start"], fields["modules"][0])] = ident
        return "new"

    def _host(self, item, member, host: dict, fields: dict) -> bool:
        """The host named in the row: its slot updated (supervisor), or added when new."""
        if member is None:
            return False
        from cluster_cli.edit.intake.merge import to_yaml

        for slot in item.get("hosts") or []:
            if str(slot.get("member")) == member:
                return set_fields(slot, host)
        start, end = fields.get("start", item.get("start")), fields.get("end", item.get("end"))
        item.setdefault("hosts", []).append(to_yaml({"member": member, "start": start, "end": end, **nest(host)}))
        return True
