"""Finding the message keys in the code, for Babel (``babel.cfg``) and for the catalogue's tests.

A key is a literal string where the code names it (standard library only; never imported at
run time):

* the first argument of ``t``, ``tn`` (a plural: msgid KEY, msgid_plural KEY.plural), ``fail``,
  ``Phrase``, ``N_`` (a key kept in a table or passed on later) and ``NP_`` (the same, a plural;
  also inside a finding's or a `fail`'s key: ``key=NP_("…")``, whose ``count`` argument agrees);
* a finding's key: ``key="…"`` of any call, else the code of ``make(severity, "code", …)``, of a
  rule's ``at(record, path, "code", …)`` and of the loader's ``Problem(line, "key")``;
* a command's or option's help text: ``help="help.…"`` (translated when the help is built);
* a table's title and column headers: ``View(name, "title.key", [("field", "header.key"), …])``;
* either branch of ``"a" if … else "b"`` in those places.

A finding, a `fail` or an `N_` key (an error kept in a table) may have a hint, ``KEY.hint``: it
is extracted as an optional message (an empty msgstr means no hint), so that `pybabel update`
keeps every hint. An argument that is neither a literal nor a plain name passing a
key on (``key``, ``exc.key``, ``table[x]``) is a key built at run time: `built_keys` lists those.
"""

from __future__ import annotations

import ast
from typing import Any, Iterator, NamedTuple

# `_t`, `_tn`: a CLI module's lazy wrappers of `t`, `tn` (the CLI imports nothing of ours at start-up)
KEY_FIRST = ("t", "_t", "tn", "_tn", "fail", "Phrase", "N_", "NP_")
PLURAL = ("tn", "_tn", "NP_")
HINTED = ("fail", "key=", "make", "at", "Problem", "N_")
PLURAL_SUFFIX = ".plural"
HINT_COMMENT = "optional hint: how to fix (empty: no hint)"


class Use(NamedTuple):
    line: int
    how: str  # the function (or "key=") that names the key
    node: ast.expr


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def uses(tree: ast.AST) -> Iterator[Use]:
    """Every place that names a message key, with the expression that gives it."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        keyword = next((k.value for k in node.keywords if k.arg == "key"), None)
        if name in KEY_FIRST and node.args:
            yield Use(node.lineno, name, node.args[0])
        help_key = next((k.value for k in node.keywords if k.arg == "help"), None)
        if isinstance(help_key, ast.Constant) and str(help_key.value).startswith("help."):
            yield Use(node.lineno, "help=", help_key)
        if keyword is not None and not isinstance(keyword, ast.Lambda) and name not in _SORTS:
            yield Use(node.lineno, "key=", keyword)
        elif name == "make" and 2 <= len(node.args) < 7:
            yield Use(node.lineno, "make", node.args[1])
        elif name == "at" and len(node.args) >= 3:
            yield Use(node.lineno, "at", node.args[2])
        elif name == "Problem" and len(node.args) >= 2:
            yield Use(node.lineno, "Problem", node.args[1])
        if name == "View" and len(node.args) >= 2:
            yield Use(node.lineno, "View", node.args[1])
            columns = node.args[2] if len(node.args) >= 3 else None
            for column in columns.elts if isinstance(columns, (ast.List, ast.Tuple)) else ():
                if isinstance(column, ast.Tuple) and len(column.elts) == 2:
                    yield Use(column.lineno, "View", column.elts[1])


# calls whose key= is a sort key, not a message
_SORTS = frozenset({"sorted", "sort", "min", "max", "groupby", "bisect", "bisect_left", "bisect_right"})


def literals(node: ast.expr) -> list[str] | None:
    """The literal key(s) an expression can give, or None when it is not made of literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = literals(node.body), literals(node.orelse)
        return a + b if a is not None and b is not None else None
    if isinstance(node, ast.Call) and _name(node) in ("N_", "NP_") and node.args:
        return literals(node.args[0])
    return None


def _passed_on(node: ast.expr) -> bool:
    """A key handed on from where it was written as a literal: a name, attribute or item."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        return True
    return isinstance(node, ast.Subscript) and _passed_on(node.value)


def keys(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, how, key) for every literal key in `source`."""
    for use in uses(ast.parse(source)):
        for key in literals(use.node) or ():
            yield use.line, use.how, key


def built_keys(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, how, expression) for every key built at run time (an f-string, a concatenation…)."""
    for use in uses(ast.parse(source)):
        if literals(use.node) is None and not _passed_on(use.node):
            yield use.line, use.how, ast.unparse(use.node)


def extract_keys(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """A Babel extraction method (``babel.cfg``): yields (line, funcname, message(s), comments)."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    found = list(keys(source))
    plural = {key for _, how, key in found if how in PLURAL}  # `make(…, NP_("k"), …)`: one plural
    for line, how, key in found:
        if how in PLURAL:
            yield line, "ngettext", (key, key + PLURAL_SUFFIX), []
        elif key not in plural:
            yield line, "gettext", key, []
        if how in HINTED:
            yield line, "gettext", key + ".hint", [HINT_COMMENT]
