"""Mapping files: how the columns of a sheet become the fields of a kind of record.

A mapping is a small YAML file (hledger's CSV rules are the model)::

    kind: students            # students | grades | attendance | members | placements
    name: Tahvel — õpilaste nimekiri
    recognise: [Isikukood, Eesnimi, Perekonnanimi]   # all present → this mapping
    columns: {Isikukood: personal_code, Eesnimi: first_name}   # header → field (dotted: guardian.name)
    constants: {}             # field → value for every row
    values: {value: {arvestatud: A, mittearvestatud: MA}}      # field → {sheet value → data value}

The built-in mappings are package data (`cluster_cli/mappings/*.yaml`), recognised by their
headers; a user's is given with `--mapping FILE`. Read here, in the load room: the one loader of
`import` (edit) and `export` (render). Headers and sheet words compare case- and
space-insensitively. `values` reads both ways: import turns a sheet word into the data's value
(`value_of`), export writes a data value as the first sheet word given for it (`word_for`).
A `recognise` header need not be a column (Tahvel's `person` tells its CSV apart, unmapped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cluster_cli.i18n import N_

IMPORT_KINDS = ("students", "grades", "attendance", "members", "placements")
"""What `cluster import` reads; a mapping's `kind` is one of them."""

_KEYS = ("kind", "name", "recognise", "columns", "constants", "values")


class MappingError(Exception):
    """A mapping file that cannot be used: `key` is a catalogue key, `args` its arguments."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


def header_key(text: object) -> str:
    """A header as compared: case-folded, runs of white space as one space, no outer space."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Mapping:
    kind: str
    name: str
    source: str
    recognise: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, object] = field(default_factory=dict)
    values: dict[str, dict[str, object]] = field(default_factory=dict)
    """field → {sheet word → data value}, the words as the file writes them."""

    def value_of(self, name: str, raw: object) -> object:
        """A cell of field `name` through its value table (any case); the cell as it is when the
        table has no such word."""
        table = self.values.get(name)
        if table and raw is not None:
            wanted = header_key(raw)
            for word, value in table.items():
                if header_key(word) == wanted:
                    return value
        return raw

    def word_for(self, name: str, value: object) -> object:
        """A data value as the sheet writes it: the first word of `values` that means it (`True`
        → `jah`, `assessment` → `hindamine`); the value itself when none does."""
        for word, meant in self.values.get(name, {}).items():
            if type(meant) is type(value) and meant == value:
                return word
        return value

    def field_of(self, header: object) -> str | None:
        """The field a sheet header maps to, or None (an unlisted column)."""
        wanted = header_key(header)
        for column, name in self.columns.items():
            if header_key(column) == wanted:
                return name
        return None

    def recognises(self, headers: list[object]) -> bool:
        present = {header_key(h) for h in headers if h not in (None, "")}
        return bool(self.recognise) and all(header_key(h) in present for h in self.recognise)

    def score(self, headers: list[object]) -> int:
        """How many of the row's cells are columns of this mapping (to find the header row)."""
        return sum(1 for h in headers if h not in (None, "") and self.field_of(h) is not None)


def parse_mapping(doc: object, source: str) -> Mapping:
    """A mapping from its parsed YAML; MappingError names what is wrong."""
    if not isinstance(doc, dict):
        raise MappingError(N_("import.mapping.not-a-mapping"), file=source)
    unknown = sorted(str(k) for k in doc if k not in _KEYS)
    if unknown:
        raise MappingError(N_("import.mapping.unknown-key"), file=source, key=unknown[0], keys=", ".join(_KEYS))
    kind = doc.get("kind")
    if kind not in IMPORT_KINDS:
        raise MappingError(N_("import.mapping.kind"), file=source, value=str(kind), kinds=", ".join(IMPORT_KINDS))
    columns = doc.get("columns") or {}
    constants = doc.get("constants") or {}
    values = doc.get("values") or {}
    recognise = doc.get("recognise") or []
    if not isinstance(columns, dict) or not columns or not all(isinstance(v, str) for v in columns.values()):
        raise MappingError(N_("import.mapping.columns"), file=source)
    if not isinstance(constants, dict) or not isinstance(values, dict) or not isinstance(recognise, list) \
            or not all(isinstance(v, dict) for v in values.values()):
        raise MappingError(N_("import.mapping.shape"), file=source)
    return Mapping(kind=kind, name=str(doc.get("name") or Path(source).stem), source=source,
                   recognise=tuple(str(h) for h in recognise),
                   columns={str(k): v for k, v in columns.items()},
                   constants={str(k): v for k, v in constants.items()},
                   values={str(f): {str(k): v for k, v in table.items()} for f, table in values.items()})


def load_mapping(path: Path) -> Mapping:
    """A user's mapping file. MappingError when it cannot be read or is not a mapping."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(N_("import.mapping.unreadable"), file=str(path), reason=str(exc)) from None
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MappingError(N_("import.mapping.unreadable"), file=str(path),
                           reason=str(exc).splitlines()[0]) from None
    return parse_mapping(doc, str(path))


def builtin_mappings() -> list[Mapping]:
    """The mappings shipped with the tool (`cluster_cli/mappings/*.yaml`), by file name."""
    return list(_builtins())


def builtin_mapping(name: str) -> Mapping:
    """One of the shipped mappings by its file's name: `builtin_mapping("cluster-grades")`."""
    for mapping in _builtins():
        if mapping.source == f"{name}.yaml":
            return mapping
    raise KeyError(name)


@lru_cache(maxsize=1)
def _builtins() -> tuple[Mapping, ...]:
    from importlib import resources

    import yaml

    found: list[Mapping] = []
    folder = resources.files("cluster_cli") / "mappings"
    if not folder.is_dir():
        return ()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            found.append(parse_mapping(yaml.safe_load(entry.read_text(encoding="utf-8")), entry.name))
    return tuple(found)


def recognise(headers: list[object], kind: str, mappings: list[Mapping]) -> Mapping | None:
    """The first mapping of `kind` whose `recognise` headers are all present, the one that names
    the most headers winning a tie (a Tahvel export before a shorter generic one)."""
    fits = [m for m in mappings if m.kind == kind and m.recognises(headers)]
    if not fits:
        return None
    return max(fits, key=lambda m: (len(m.recognise), m.score(headers)))
