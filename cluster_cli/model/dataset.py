"""The `Dataset`: every valid record of a data folder, in file order, with indexes by id."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cluster_cli.model.cluster import Cluster
from cluster_cli.model.kinds import ID_FIELD
from cluster_cli.model.records import CatalogueTask, Curriculum, Group, Member, Record, Student
from cluster_cli.model.courses import Course
from cluster_cli.model.placements import Placement


@dataclass
class Dataset:
    """What the loader read. `records[kind]` keeps every valid record (duplicates included, so
    that a rule can report them); `by_id[kind]` maps an id to its first record. `broken[kind]`
    holds ids of records that failed their shape check, so that references to them are not
    reported a second time. `profile_raw` is the data folder's own `profile.yaml`, if any."""

    root: str
    cluster: Cluster | None = None
    records: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    broken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    profile_raw: Any = None
    profile_file: str = ""
    files: list[str] = field(default_factory=list)
    by_id: dict[str, dict[str, Record]] = field(default_factory=dict)
    # With the cache on: each file's content key (its path as shown → the key of its bytes), what
    # the findings kept per file are stored under (`regulation/kept.py`).
    file_keys: dict[str, str] = field(default_factory=dict)
    # Each list file's kind (its path as shown → "students", …), in load order.
    file_kinds: dict[str, str] = field(default_factory=dict)
    # ... and what finds the lines of records read without them (`load.lines.Locator`): the lines
    # found in a run are kept for the next (`keep_lines`).
    locators: list[Any] = field(default_factory=list)
    # Sections of cluster.yaml left out in part or whole for their shape errors (`load/cluster_parts.py`).
    cluster_unchecked: set[str] = field(default_factory=set)

    def index(self) -> None:
        """Build `by_id`; call once after loading."""
        for kind, items in self.records.items():
            key = ID_FIELD.get(kind, "id")
            table: dict[str, Record] = {}
            for record in items:
                table.setdefault(getattr(record, key), record)
            self.by_id[kind] = table
        placements: dict[str, list[Placement]] = defaultdict(list)
        for p in self.records.get("placements", []):
            placements[p.student].append(p)
        self._placements_by_student = placements

    # Typed views, so that rules and reports read like the domain.
    @property
    def members(self) -> dict[str, Member]:
        return self.by_id.get("members", {})  # type: ignore[return-value]

    @property
    def curricula(self) -> dict[str, Curriculum]:
        return self.by_id.get("curricula", {})  # type: ignore[return-value]

    @property
    def groups(self) -> dict[str, Group]:
        return self.by_id.get("groups", {})  # type: ignore[return-value]

    @property
    def tasks(self) -> dict[str, CatalogueTask]:
        return self.by_id.get("tasks", {})  # type: ignore[return-value]

    @property
    def students(self) -> dict[str, Student]:
        return self.by_id.get("students", {})  # type: ignore[return-value]

    @property
    def placements(self) -> dict[str, Placement]:
        return self.by_id.get("placements", {})  # type: ignore[return-value]

    @property
    def courses(self) -> dict[str, Course]:
        return self.by_id.get("courses", {})  # type: ignore[return-value]

    def placements_of(self, student_id: str) -> list[Placement]:
        return self._placements_by_student.get(student_id, [])

    def file_records(self, name: str) -> list[Record]:
        """The valid records of one list file, in file order."""
        by_file = self.__dict__.get("_by_file")
        if by_file is None:
            by_file = defaultdict(list)
            for records in self.records.values():
                for record in records:
                    by_file[record.origin.file].append(record)
            self._by_file = by_file
        return by_file.get(name, [])

    def keep_lines(self) -> None:
        """Keep the lines found in this run in the cache, for the next run on the same files."""
        for locator in self.locators:
            locator.keep_learned()

    def cluster_complete(self, section: str) -> bool:
        """True when the cluster's `section` (e.g. "exams") was read whole: a rule that concludes
        from something missing there must not, when cluster.yaml or that section had errors."""
        return self.cluster is not None and section not in self.cluster_unchecked

    def is_known(self, kind: str, ident: str) -> bool:
        """True when `ident` exists, or existed in a record that failed its shape check."""
        return ident in self.by_id.get(kind, {}) or ident in self.broken.get(kind, ())
