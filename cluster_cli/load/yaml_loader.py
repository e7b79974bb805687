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

from cluster_cli.i18n import N_

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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        return None, [Problem(line, "yaml-syntax", _syntax_detail(exc))]
    except yaml.YAMLError as exc:  # reader errors (control characters) carry a position only
        return None, [Problem(_reader_line(text, exc), "yaml-syntax", str(exc).splitlines()[0])]
    except RecursionError:
        return None, [Problem(0, "yaml-too-deep")]
    finally:
        loader.dispose()
    return data, loader.problems


# The parser's problem (PyYAML's English, C and pure-Python wordings) → the catalogue key that
# says it in the user's language; the parser's own text stays as the message's detail.
_SYNTAX_KEYS = (
    ("mapping values are not allowed", N_("yaml-syntax.indent-deeper")),
    ("did not find expected '-' indicator", N_("yaml-syntax.indent")),
    ("did not find expected key", N_("yaml-syntax.indent")),
    ("expected <block end>", N_("yaml-syntax.indent")),
    ("tab character", N_("yaml-syntax.tab")),
    ("found character '\\t'", N_("yaml-syntax.tab")),
    ("quoted scalar", N_("yaml-syntax.quote")),
    ("flow sequence", N_("yaml-syntax.bracket")),
    ("flow mapping", N_("yaml-syntax.bracket")),
    ("could not find expected ':'", N_("yaml-syntax.colon")),
    ("cannot start any token", N_("yaml-syntax.character")),
    ("unacceptable character", N_("yaml-syntax.control")),
    ("special characters are not allowed", N_("yaml-syntax.control")),
)


def syntax_key(detail: str) -> str:
    """The catalogue key for a syntax error's parser text ("yaml-syntax" when none fits)."""
    for needle, key in _SYNTAX_KEYS:
        if needle in detail:
            return key
    return "yaml-syntax"


def _syntax_detail(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "; ".join(parts)


def _reader_line(text: str, exc: yaml.YAMLError) -> int:
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1
    return 0
