"""Reading one YAML file safely, remembering the line of every mapping key and list item.

We subclass PyYAML's (C-accelerated where available) *safe* loader and never register anything
on PyYAML's global loaders. Deliberate choices:

- **Duplicate keys** are problems (PyYAML silently keeps the last one); the first value stays.
- **Scalars follow YAML 1.2's core schema**, not 1.1: ``no``/``yes``/``on``/``off`` stay text,
  ``0012`` stays the text "0012" (a registry code or a group number, not the octal 10),
  only ``true``/``false`` are booleans and only ``YYYY-MM-DD`` (and full timestamps of that
  form) are dates — ``2026-9-1`` stays text.
- **Anchors/aliases and merge keys** are refused: the data never needs them, and refusing them
  closes the "billion laughs" door.
- Nothing raises to the caller: syntax errors, bad bytes and empty files become `Problem` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from cluster_cli.load.yaml_errors import reader_problem, syntax_problem

_Base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
HAVE_LIBYAML = _Base is not yaml.SafeLoader


class YDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")


class YList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    __slots__ = ("line", "item_lines")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the file itself; `key` is a catalogue key (see cluster_cli.i18n)."""

    line: int
    key: str
    detail: str = ""
    column: int = 0  # 1-based; 0 when not known
    message: str = ""  # the catalogue key of the message, when it is not `key`
    args: tuple = ()  # the message's arguments beyond `detail`, as (name, value) pairs


# YAML 1.2 core schema, written out so that the loader's behaviour is ours, not a library default.
_RESOLVERS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_MERGE_TAG := "tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    (
        "tag:yaml.org,2002:timestamp",
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        "0123456789",
    ),
]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class LineLoader(_Base):
    """Safe loader recording lines; collects `problems` instead of raising for data issues."""

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self.problems: list[Problem] = []

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:
            # The same node reached twice can only come from an alias (*name).
            self.problems.append(Problem(node.start_mark.line + 1, "yaml-alias"))
            return None
        return super().construct_object(node, deep=deep)

    def construct_line_mapping(self, node):
        data = YDict()
        data.line = node.start_mark.line + 1
        data.key_lines = key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE_TAG:
                self.problems.append(Problem(line, "yaml-merge-key"))
                continue
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)) or key is None:
                self.problems.append(Problem(line, "yaml-bad-key"))
                continue
            if key in data:
                self.problems.append(Problem(line, "yaml-duplicate-key", f"{key}|{key_lines[key]}"))
                continue
            data[key] = self.construct_object(value_node, deep=True)
            key_lines[key] = line
        return data

    def construct_line_sequence(self, node):
        data = YList()
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
        data.extend(self.construct_object(child, deep=True) for child in node.value)
        return data

    def construct_lenient_timestamp(self, node):
        # An impossible date (2026-02-30) stays text; the model then reports it with its field.
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_unknown_tag(self, node):
        self.problems.append(Problem(node.start_mark.line + 1, "yaml-unknown-tag", str(node.tag)))
        return None


for _tag, _pattern, _first in _RESOLVERS:
    LineLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
LineLoader.add_constructor(_MAP_TAG, LineLoader.construct_line_mapping)
LineLoader.add_constructor(_SEQ_TAG, LineLoader.construct_line_sequence)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_lenient_timestamp)
LineLoader.add_constructor(None, LineLoader.construct_unknown_tag)

class _NotPlain(Exception):
    """A piece `line_tree` leaves to the full loader."""


def line_tree(text: str):
    """The lines of a piece of YAML without its values: mappings (`YDict`, keys to None or a
    nested tree) and sequences (`YList`) with the lines `LineLoader` gives them, read from
    PyYAML's event stream — no node is composed, no value constructed (a finding's line in a
    record the fast parser read costs a fraction of parsing it). None when the piece holds
    anything but plain text keys, mappings, sequences and scalars (a key that is not text, a
    duplicate key, an anchor, an alias, a tag, a syntax error): then ask `parse_bytes`."""
    loader = LineLoader(text)
    try:
        return _tree_of_events(loader)
    except (_NotPlain, yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def _tree_of_events(loader: LineLoader):
    stack: list = []  # open collections: [node, key awaiting its value (mappings)]
    root = None
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind in (yaml.StreamStartEvent, yaml.DocumentStartEvent):
            if kind is yaml.DocumentStartEvent and root is not None:
                raise _NotPlain  # several documents
            continue
        if kind in (yaml.DocumentEndEvent, yaml.StreamEndEvent):
            if kind is yaml.StreamEndEvent:
                return root
            continue
        if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None or \
                getattr(event, "tag", None) is not None:
            raise _NotPlain
        line = event.start_mark.line + 1
        if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            stack.pop()
            continue
        if kind is yaml.MappingStartEvent:
            node = YDict()
            node.line, node.key_lines = line, {}
        elif kind is yaml.SequenceStartEvent:
            node = YList()
            node.line, node.item_lines = line, []
        else:
            node = None  # a scalar: its value is not needed
        if not stack:
            root = node
        else:
            top = stack[-1]
            parent = top[0]
            if isinstance(parent, YList):
                parent.item_lines.append(line)
                parent.append(node)
            elif top[1] is _KEY:  # this is a key
                if kind is not yaml.ScalarEvent:
                    raise _NotPlain
                if event.implicit[0] and loader.resolve(yaml.ScalarNode, event.value, event.implicit) != _STR_TAG:
                    raise _NotPlain  # a number, a date, true, null or a merge key as a key
                if event.value in parent:
                    raise _NotPlain
                parent.key_lines[event.value] = line
                top[1] = event.value
                continue
            else:
                parent[top[1]] = node
                top[1] = _KEY
        if node is not None:
            stack.append([node, _KEY])


_KEY = object()  # a mapping awaits a key
_STR_TAG = "tag:yaml.org,2002:str"


def shift_lines(node, by: int):
    """`node` with every line it remembers moved down by `by` lines (a piece of a file parsed on
    its own, put back where it stands in the file); returned for convenience."""
    if by and isinstance(node, YDict):
        node.line += by
        node.key_lines = {key: line + by for key, line in node.key_lines.items()}
        for value in node.values():
            shift_lines(value, by)
    elif by and isinstance(node, YList):
        node.line += by
        node.item_lines = [line + by for line in node.item_lines]
        for value in node:
            shift_lines(value, by)
    return node


def parse_bytes(raw: bytes) -> tuple[object, list[Problem]]:
    """Parse one file's bytes. Returns (data or None, problems)."""
    from cluster_cli.load.layout import max_file_bytes

    # Files larger than the limit are refused before parsing (a guard, not a data rule); the
    # loader refuses them before reading already — this guards every other caller.
    if len(raw) > max_file_bytes():
        return None, [Problem(0, "file-too-large", str(len(raw)))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(line, "file-not-utf8")]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(0, "file-empty")]
    loader = LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax(syntax_problem(exc, text))]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position only
        return None, [_syntax(reader_problem(exc, text))]
    except RecursionError:
        return None, [Problem(0, "yaml-too-deep")]
    finally:
        loader.dispose()
    return data, loader.problems


def _syntax(found) -> Problem:
    return Problem(found.line, "yaml-syntax", found.detail, found.column, found.key, found.args)


def rejoin_split_deep(node):
    """`node` with every number a decimal comma split inside a flow mapping joined back
    (`{ekap: 17,5}` read as `ekap: 17` and a key `5` → `ekap: SplitNumber("17,5")`,
    `model.numbers.rejoin_split_numbers`), lines kept; the same object when nothing was split.
    Used only on a record that failed its shape check, so that the field says a comma split it
    rather than "field name 5 is not text" or "unknown field '00'"."""
    from cluster_cli.model.numbers import rejoin_split_numbers

    if isinstance(node, list):
        items = [rejoin_split_deep(item) for item in node]
        if all(a is b for a, b in zip(items, node)):
            return node
        out = YList(items)
        out.line, out.item_lines = getattr(node, "line", 0), list(getattr(node, "item_lines", []))
        return out
    if not isinstance(node, dict):
        return node
    values = {key: rejoin_split_deep(value) for key, value in node.items()}
    joined = rejoin_split_numbers(values)
    if all(joined.get(k, _GONE) is node[k] for k in node) and len(joined) == len(node):
        return node
    out = YDict(joined)
    out.line = getattr(node, "line", 0)
    out.key_lines = {k: v for k, v in getattr(node, "key_lines", {}).items() if k in joined}
    return out


_GONE = object()
