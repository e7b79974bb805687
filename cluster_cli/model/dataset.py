"""The `Dataset`: every valid record of a data folder, in file order, with indexes by id."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from cluster_cli.model.cluster import Cluster
from cluster_cli.model.kinds import COLUMNS, ID_FIELD
from cluster_cli.model.records import CatalogueTask, Curriculum, Group, Member, Record, Student
from cluster_cli.model.courses import Course
from cluster_cli.model.placements import Placement


class FileRecords:
    """One list file's valid records — built, or known by their ids only until a rule or report
    first needs them (`load`: a file served from the cache, issue 20: after one file of a big
    folder changed, the others' models are built only where something reads them)."""

    __slots__ = ("name", "kind", "ids", "columns", "_models", "_load")

    def __init__(self, name: str, kind: str, ids: list, models: list | None = None,
                 load: Callable[[], list] | None = None, columns: dict[str, list] | None = None):
        self.name, self.kind, self.ids = name, kind, ids
        self._models, self._load = models, load
        if columns is None:  # built records: their columns are read off them
            columns = {f: [getattr(m, f) for m in models or []] for f in COLUMNS.get(kind, ())}
        self.columns = columns

    @property
    def built(self) -> bool:
        return self._models is not None

    def models(self) -> list[Record]:
        if self._models is None:
            # Building many small objects: the cyclic collector would walk them again and again
            # (load/folder.py pauses it for the same reason); they live as long as the dataset.
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                models = self._load()
            finally:
                if was_enabled:
                    gc.freeze()
                    gc.enable()
            if len(models) != len(self.ids):
                raise ValueError(f"{self.name}: {len(models)} records for {len(self.ids)} ids")
            self._models = models
        return self._models

    def release(self) -> None:
        """Let the built records go, where they can be built again (`validate` checks a big
        folder a file at a time: issue 20's memory)."""
        if self._load is not None:
            self._models = None


class Records(dict):
    """`Dataset.records`: kind → its records in file order, a list built on first access from
    the kind's files (`FileRecords`); a kind without files reads as an empty list, which may be
    appended to (a dataset made by hand)."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, list[FileRecords]] = defaultdict(list)

    def add(self, part: FileRecords) -> None:
        self.files[part.kind].append(part)
        dict.pop(self, part.kind, None)

    def _built(self, kind: str) -> None:
        if kind in self.files and not dict.__contains__(self, kind):
            dict.__setitem__(self, kind, [m for part in self.files[kind] for m in part.models()])

    def __missing__(self, kind: str) -> list:
        return dict.setdefault(self, kind, [])

    def __getitem__(self, kind: str) -> list:
        self._built(kind)
        return super().__getitem__(kind)

    def get(self, kind: str, default: Any = None) -> Any:
        self._built(kind)
        return dict.get(self, kind, default)

    def __contains__(self, kind: object) -> bool:
        return kind in self.files or dict.__contains__(self, kind)

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(dict.fromkeys([*self.files, *dict.keys(self)]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def values(self) -> list[list]:  # type: ignore[override]
        return [self[kind] for kind in self.keys()]

    def items(self) -> list[tuple[str, list]]:  # type: ignore[override]
        return [(kind, self[kind]) for kind in self.keys()]


class PlacementsByStudent:
    """`Dataset.placements_table()` of loaded files: a student's placements in file order, from
    the files' `student` column — only the files holding them are built."""

    def __init__(self, parts: list[FileRecords]):
        where: dict[str, list[tuple[FileRecords, int]]] = defaultdict(list)
        for part in parts:
            for position, student in enumerate(part.columns["student"]):
                where[student].append((part, position))
        self._where = where

    def get(self, student: str, default: Any = None) -> Any:
        places = self._where.get(student)
        return default if places is None else [part.models()[position] for part, position in places]

    def keys(self):
        return self._where.keys()

    def __getitem__(self, student: str) -> list:
        found = self.get(student)
        if found is None:
            raise KeyError(student)
        return found


class IdIndex(Mapping):
    """`Dataset.by_id[kind]`: id → the first record with it. Whether an id exists, and which
    ids there are, is answered from the files' ids; a record is built with its file."""

    def __init__(self, parts: list[FileRecords]):
        where: dict[Any, tuple[FileRecords, int]] = {}
        repeated: dict[Any, None] = {}
        for part in parts:
            for position, ident in enumerate(part.ids):
                if ident not in where:
                    where[ident] = (part, position)
                else:
                    repeated[ident] = None
        self._where = where
        self.repeated = repeated
        """The ids more than one record has, in the order of their second record (a dict: the
        order is the files', as `kept.run`'s keys need)."""

    def __getitem__(self, ident: Any) -> Record:
        part, position = self._where[ident]
        return part.models()[position]

    def place(self, ident: Any) -> tuple[FileRecords, int] | None:
        """The file and position of the first record with `ident`."""
        return self._where.get(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self._where

    def __iter__(self) -> Iterator[Any]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


@dataclass
class Dataset:
    """What the loader read. `records[kind]` keeps every valid record (duplicates included, so
    that a rule can report them); `by_id[kind]` maps an id to its first record. `broken[kind]`
    holds ids of records that failed their shape check, so that references to them are not
    reported a second time. `profile_raw` is the data folder's own `profile.yaml`, if any."""

    root: str
    cluster: Cluster | None = None
    records: Records = field(default_factory=Records)
    broken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    profile_raw: Any = None
    profile_file: str = ""
    files: list[str] = field(default_factory=list)
    by_id: dict[str, Mapping[str, Record]] = field(default_factory=dict)
    # With the cache on: each file's content key (its path as shown → the key of its bytes), what
    # the findings kept per file are stored under (`regulation/kept.py`).
    file_keys: dict[str, str] = field(default_factory=dict)
    # Each list file's kind (its path as shown → "students", …), in load order.
    file_kinds: dict[str, str] = field(default_factory=dict)
    # ... and what finds the lines of records read without them (`load.lines.Locator`): the lines
    # found in a run are kept for the next (`keep_lines`).
    locators: list[Any] = field(default_factory=list)
    # With the cache on, while the rules run: where what joined checks summarise of each file is
    # kept (`regulation/kept.py` FileEntries); and the summaries made in this run.
    summary_store: Any = None
    summaries_made: dict = field(default_factory=dict)
    # The id tables of the kinds read from files (`index`), also for `first_of_its_id`.
    _first: dict = field(default_factory=dict)
    # Sections of cluster.yaml left out in part or whole for their shape errors (`load/cluster_parts.py`).
    cluster_unchecked: set[str] = field(default_factory=set)

    def add_file(self, part: FileRecords) -> None:
        """A list file's records, in load order."""
        self.records.add(part)

    def index(self) -> None:
        """Build `by_id`; call once after loading. Builds no record that is not built yet."""
        for kind, parts in self.records.files.items():
            self.by_id[kind] = self._first[kind] = IdIndex(parts)
        for kind, items in dict.items(self.records):  # a dataset made by hand, without files
            if kind not in self.records.files:
                key = ID_FIELD.get(kind, "id")
                table: dict[str, Record] = {}
                for record in items:
                    table.setdefault(getattr(record, key), record)
                self.by_id[kind] = table

    def placements_table(self) -> "PlacementsByStudent | dict[str, list[Placement]]":
        """Placements by their student's id (made on first use; a placements file is built only
        when one of its placements is asked for)."""
        table = self.__dict__.get("_placements_by_student")
        if table is None:
            parts = self.records.files.get("placements")
            if parts is None:  # a dataset made by hand
                table = defaultdict(list)
                for p in self.records.get("placements", []):
                    table[p.student].append(p)
            else:
                table = PlacementsByStudent(parts)
            self._placements_by_student = table
        return table

    def ids_of(self, kind: str) -> Iterator[tuple[Any, Callable[[], Record]]]:
        """Each record's id of `kind`, in file order, with a way to get the record: a rule that
        compares ids across files builds only the records it reports on."""
        return self.column(kind, ID_FIELD.get(kind, "id"))

    def column(self, kind: str, name: str) -> Iterator[tuple[Any, Callable[[], Record]]]:
        """Each record's `name` (its id, or a field of `COLUMNS`) in file order, with a way to get
        the record (built only when asked)."""
        parts = self.records.files.get(kind)
        if parts is None:  # a dataset made by hand
            for record in self.records.get(kind, []):
                yield getattr(record, name), lambda record=record: record
            return
        for part in parts:
            values = part.ids if name == ID_FIELD.get(kind, "id") else part.columns[name]
            for position, value in enumerate(values):
                yield value, lambda part=part, position=position: part.models()[position]

    def record_count(self) -> int:
        """How many valid records were read, without building any."""
        files = self.records.files
        return sum(len(part.ids) for parts in files.values() for part in parts) + \
            sum(len(v) for k, v in dict.items(self.records) if k not in files)

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
        return self.placements_table().get(student_id, [])

    def placements_of_record(self, student: Student) -> list[Placement]:
        """The student's placements, for the first record of its id only: where an id is in two
        records (`duplicate-id`), a placement is judged with the first, as `ds.students` has
        it, not once per record."""
        return self.placements_of(student.id) if self.first_of_its_id("students", student) else []

    def first_of_its_id(self, kind: str, record: Record) -> bool:
        """True when `record` is the first of its kind with its id (from the files' ids: no
        other file is built). `kept.run` keys the findings kept per file by where each repeated
        id first is, so a rule may ask this of the records it iterates."""
        key = ID_FIELD.get(kind, "id")
        index = self._first.get(kind)
        if index is None:  # a dataset made by hand
            table = self.by_id.get(kind)
            return table is not None and table.get(getattr(record, key)) is record
        ident = getattr(record, key)
        place = index.place(ident)
        if place is None:
            return False
        if ident not in index.repeated:  # the only record with its id
            return True
        part, position = place
        return part.name == record.origin.file and part.models()[position] is record

    def repeated_ids(self, kind: str) -> list[tuple[Any, str]]:
        """Each id of `kind` that more than one record has, with the file of its first record."""
        index = self._first.get(kind)
        if index is None:
            return []
        return [(ident, index.place(ident)[0].name) for ident in index.repeated]

    def file_part(self, name: str) -> FileRecords | None:
        """One list file's records (built or not)."""
        for part in self.records.files.get(self.file_kinds.get(name), ()):
            if part.name == name:
                return part
        return None

    def file_records(self, name: str) -> list[Record]:
        """The valid records of one list file, in file order (built if they were not)."""
        part = self.file_part(name)
        return part.models() if part is not None else []

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
