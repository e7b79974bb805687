"""Mapping files: how the columns of a sheet become the fields of a kind of record.

A mapping is a small YAML file (hledger's CSV rules are the model)::

    kind: students            # students | grades | attendance | members | placements
    name: Tahvel — õpilaste nimekiri
    recognise: [Isikukood, Eesnimi, Perekonnanimi]   # all present → this mapping
    columns: {Isikukood: personal_code, Eesnimi: first_name}   # header → field (dotted: guardian.name)
    constants: {}             # field → value for every row
    values: {value: {arvestatud: A, mittearvestatud: MA}}      # field → {sheet value → data value}

The built-in mappings are package data (`cluster_cli/mappings/*.yaml`), recognised by their
headers; a user's is given with `--mapping FILE`. Read here, in the load room, so that `import`
(edit) and `export` (render) read the same files. Headers compare case- and space-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
                   values={str(f): {header_key(k): v for k, v in table.items()} for f, table in values.items()})


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
    from importlib import resources

    import yaml

    found = []
    folder = resources.files("cluster_cli") / "mappings"
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            found.append(parse_mapping(yaml.safe_load(entry.read_text(encoding="utf-8")), entry.name))
    return found


def recognise(headers: list[object], kind: str, mappings: list[Mapping]) -> Mapping | None:
    """The first mapping of `kind` whose `recognise` headers are all present, the one that names
    the most headers winning a tie (a Tahvel export before a shorter generic one)."""
    fits = [m for m in mappings if m.kind == kind and m.recognises(headers)]
    if not fits:
        return None
    return max(fits, key=lambda m: (len(m.recognise), m.score(headers)))
