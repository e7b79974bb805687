"""PyYAML's syntax errors said as our own sentences, at the place where the mistake is.

The parser speaks English ("while parsing a block mapping; did not find expected key") and
reports where it gave up, which is often lines after the mistake: an unclosed quote on line 10
is noticed at the next quote, an unclosed bracket at the next key. Here each error becomes a
catalogue key, the line and column of the mistake itself (where the quote or the bracket opens),
and arguments in plain words; the parser's own text stays as `detail` for the English message.
Both wordings — libyaml's (the C loader) and the pure-Python parser's — are recognised.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from cluster_cli.i18n import N_


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Where (1-based line and column) and what: a catalogue key and its arguments."""

    line: int
    column: int
    key: str
    detail: str
    args: tuple = ()


# The parser's problem (PyYAML's English, C and pure-Python wordings) → the catalogue key that
# says it in the user's language, and which mark points at the mistake: the problem's (where the
# parser stopped) or the context's (where the construct it was reading began).
_SYNTAX_KEYS = (
    ("mapping values are not allowed", N_("yaml-syntax.indent-deeper"), "problem"),
    ("block sequence entries are not allowed", N_("yaml-syntax.indent"), "problem"),
    ("did not find expected '-' indicator", N_("yaml-syntax.indent"), "problem"),
    ("did not find expected key", N_("yaml-syntax.indent"), "problem"),
    ("expected <block end>", N_("yaml-syntax.indent"), "problem"),
    ("tab character", N_("yaml-syntax.tab"), "problem"),
    ("found character '\\t'", N_("yaml-syntax.tab"), "problem"),
    ("unknown escape character", N_("yaml-syntax.escape"), "problem"),
    ("quoted scalar", N_("yaml-syntax.quote"), "context"),
    ("flow sequence", N_("yaml-syntax.bracket"), "context"),
    ("flow mapping", N_("yaml-syntax.bracket"), "context"),
    ("could not find expected ':'", N_("yaml-syntax.colon"), "context"),
    ("node content", N_("yaml-syntax.node"), "problem"),
    ("single document", N_("yaml-syntax.documents"), "problem"),
    ("while scanning an anchor", N_("yaml-syntax.character"), "context"),
    ("while scanning an alias", N_("yaml-syntax.character"), "context"),
    ("cannot start any token", N_("yaml-syntax.character"), "problem"),
)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> SyntaxProblem:
    """The mistake behind a parser error in `text`, located where the user has to fix it."""
    detail = "; ".join(p for p in (exc.context, exc.problem) if p)
    key, which = N_("yaml-syntax"), "problem"
    for needle, found, mark_of in _SYNTAX_KEYS:
        if needle in detail:
            key, which = found, mark_of
            break
    mark = exc.context_mark if which == "context" else exc.problem_mark
    mark = mark or exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (-1, -1)
    char = _char_at(text, line, column)
    if key == "yaml-syntax.character" and char == "\t":
        key = N_("yaml-syntax.tab")
    if key == "yaml-syntax.escape" and char == "\\":  # libyaml points at the backslash itself
        char = _char_at(text, line, column + 1)
    args: tuple = ()
    if key in ("yaml-syntax.quote", "yaml-syntax.bracket"):
        args = (("mark", char),)
    elif key in ("yaml-syntax.character", "yaml-syntax.node", "yaml-syntax.escape"):
        args = (("char", char),)
    if key != "yaml-syntax.quote" and exc.problem_mark is not None:
        # A quote left open runs on to the next quote, often lines later, where the parser
        # stumbles over what follows it: say where the quote opens.
        opened = _open_quote(text, exc.problem_mark.line)
        if opened is not None:
            (line, column), quote, end = opened
            key, args = N_("yaml-syntax.quote-open"), (("mark", quote), ("end", end + 1))
    return SyntaxProblem(line + 1, column + 1, key, detail, args)


def reader_problem(exc: yaml.YAMLError, text: str) -> SyntaxProblem:
    """A character the reader refuses (a control character): its line, column and code point."""
    position = getattr(exc, "position", None)
    detail = str(exc).splitlines()[0]
    if not isinstance(position, int):
        return SyntaxProblem(0, 0, N_("yaml-syntax.control"), detail, (("char", "?"),))
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    character = getattr(exc, "character", None)
    code = f"U+{ord(character):04X}" if isinstance(character, str) and character else \
        f"U+{character:04X}" if isinstance(character, int) else "?"
    return SyntaxProblem(line + 1, column + 1, N_("yaml-syntax.control"), detail, (("char", code),))


def _char_at(text: str, line: int, column: int) -> str:
    if line < 0:
        return ""
    lines = text.split("\n")
    if line >= len(lines) or column >= len(lines[line]):
        return ""
    return lines[line][column]


def _open_quote(text: str, error_line: int) -> tuple[tuple[int, int], str, int] | None:
    """The quoted value that spans lines and ends on `error_line`, if there is one: its start
    (0-based line, column), its quote character and its last line."""
    found = None
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader):
            if token.start_mark.line > error_line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == error_line):
                found = ((token.start_mark.line, token.start_mark.column), token.style, token.end_mark.line)
    except yaml.YAMLError:
        pass
    return found
