"""The sandboxed Jinja environment contracts are rendered in: StrictUndefined, autoescape, None
as a `Missing` value naming its term, and bounds on time (RENDER_SECONDS) and size
(MAX_OUTPUT, MAX_INT_BITS) of whatever a template builds. jinja2 is imported lazily.
"""

from __future__ import annotations

import re
from typing import Any

RENDER_SECONDS = 20.0
"""Time bound of one contract's rendering: a template loop that never ends is a refusal."""
MAX_OUTPUT = 20_000_000
"""Size bound (characters of document XML) of one contract, and of any one string or number a
template builds (`'x' * 10**9`, `'x'.center(10**9)`): a real contract is about 100 000."""
MAX_INT_BITS = 100_000


def jinja_classes():
    """The environment classes, built lazily (jinja2 is not imported at start-up)."""
    global _ENV_CLASSES
    if _ENV_CLASSES is not None:
        return _ENV_CLASSES
    from jinja2 import StrictUndefined, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    class MissingValue(UndefinedError):
        """A term the template prints has no value in the data."""

    class UnknownVariable(UndefinedError):
        """The template uses a variable the context does not have."""

    class Missing(StrictUndefined):
        """A None of the context: false in ``{% if %}``, an error when printed or looked into."""

        __slots__ = ()

        def __bool__(self) -> bool:
            return False

    class Node(dict):
        """A context dict that knows its path (``hosts[1].supervisor``), for error messages."""

        __slots__ = ("path",)

    class ContractEnvironment(SandboxedEnvironment):
        # Bounds (MAX_OUTPUT, MAX_INT_BITS): operators and calls that could build a huge value.
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self):
            super().__init__(undefined=StrictUndefined, autoescape=True, finalize=self._finalize,
                             keep_trailing_newline=True)
            self._compiled: dict[str, Any] = {}
            self.filters = {name: _bounded(f) for name, f in self.filters.items()}
            self.deadline = float("inf")
            self.produced = 0

        def start(self) -> None:
            """Start one contract's bounds: its time and output budget."""
            import time

            self.deadline = time.monotonic() + RENDER_SECONDS
            self.produced = 0

        def concat(self, parts):  # Environment.concat ("".join) joins every rendered part
            import time

            out = []
            for i, part in enumerate(parts):
                self.produced += len(part)
                if self.produced > MAX_OUTPUT:
                    raise TooLarge(f"the document would exceed {MAX_OUTPUT} characters")
                if not i % 256 and time.monotonic() > self.deadline:
                    raise TooSlow(f"rendering took longer than {RENDER_SECONDS:g} s")
                out.append(part)
            return "".join(out)

        def call_binop(self, context, operator, left, right):
            _check_binop(operator, left, right)
            result = super().call_binop(context, operator, left, right)
            _check_value(result)
            return result

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
            owner = getattr(__obj, "__self__", None)
            _check_value(owner)
            if isinstance(owner, str) and getattr(__obj, "__name__", "") in ("format", "format_map"):
                _check_argument(owner)
            for value in (*args, *kwargs.values()):
                _check_argument(value)
            result = super().call(__context, __obj, *args, **kwargs)
            _check_value(result)
            return result

        @staticmethod
        def _finalize(value):
            if value is None:  # a None that reached output through a filter or expression
                raise MissingValue("None")
            return value

        def getattr(self, obj, attribute):
            # Keys win over dict methods (`items`, `values` …) and an unknown key names its path.
            if isinstance(obj, Node):
                if attribute in obj:
                    return obj[attribute]
                return StrictUndefined(hint=f"{obj.path}.{attribute}", exc=UnknownVariable)
            return super().getattr(obj, attribute)

        def getitem(self, obj, argument):
            if isinstance(obj, Node) and isinstance(argument, str):
                return self.getattr(obj, argument)
            return super().getitem(obj, argument)

        def from_string(self, source, globals=None, template_class=None):
            # docxtpl compiles the same document XML for every contract: compile it once.
            if globals is None and template_class is None:
                found = self._compiled.get(source)
                if found is None:
                    if len(self._compiled) > 16:
                        self._compiled.clear()
                    found = self._compiled[source] = super().from_string(source)
                return found
            return super().from_string(source, globals, template_class)

    def wrap(value, path):
        if value is None:
            return Missing(hint=path, exc=MissingValue)
        if isinstance(value, dict):
            node = Node((k, wrap(v, f"{path}.{k}" if path else k)) for k, v in value.items())
            node.path = path
            return node
        if isinstance(value, list):
            return [wrap(v, f"{path}[{i}]") for i, v in enumerate(value)]
        return value

    _ENV_CLASSES = {"env": ContractEnvironment, "wrap": wrap, "MissingValue": MissingValue,
                    "UnknownVariable": UnknownVariable, "UndefinedError": UndefinedError}
    return _ENV_CLASSES


class TooLarge(Exception):
    """A template builds a value or a document beyond MAX_OUTPUT."""


class TooSlow(Exception):
    """A template's rendering ran past RENDER_SECONDS."""


_HUGE_FORMAT = re.compile(r"%[-#0 +]*\d*\.?(\d{9,})|\{[^{}]*:[^{}]*?(\d{9,})")


def _check_value(value) -> None:
    """Refuse a value too big to be part of a contract: an int beyond MAX_INT_BITS, a string or
    list longer than MAX_OUTPUT."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_INT_BITS:
            raise TooLarge("a number too large")
    elif isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > MAX_OUTPUT:
        raise TooLarge(f"a value longer than {MAX_OUTPUT} characters")


def _check_argument(value) -> None:
    """An argument of a call or filter (a width, a count, a format string) that asks for more
    than MAX_OUTPUT: `'x'.center(10**9)`, `'%1000000000s'|format(x)`."""
    _check_value(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
        raise TooLarge(f"an argument larger than {MAX_OUTPUT}")
    if isinstance(value, str) and _HUGE_FORMAT.search(value):
        raise TooLarge("a width or precision too large")


def _check_binop(operator: str, left, right) -> None:
    _check_value(left)
    _check_value(right)
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                raise TooLarge(f"a value longer than {MAX_OUTPUT} characters")
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TooLarge("a number too large")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and (
                right > MAX_INT_BITS or left.bit_length() * right > MAX_INT_BITS):
            raise TooLarge("a number too large")
    elif operator == "%" and isinstance(left, str):
        _check_argument(left)
        for value in right if isinstance(right, (tuple, list)) else (right,):
            if isinstance(value, int):
                _check_argument(value)


def _bounded(f):
    """A Jinja filter with its arguments and result held to the size bounds (`center(10**9)`)."""
    import functools

    @functools.wraps(f)  # keeps jinja's pass_context / pass_environment markers
    def bounded(*args, **kwargs):
        values = [a for a in args if not _is_jinja_internal(a)]
        if values:
            _check_value(values[0])  # the value filtered: only its size
            if f.__name__ == "do_format" and isinstance(values[0], str):
                _check_argument(values[0])
        for value in (*values[1:], *kwargs.values()):
            _check_argument(value)
        result = f(*args, **kwargs)
        _check_value(result)
        return result

    return bounded


_JINJA_INTERNAL: tuple = ()


def _is_jinja_internal(value) -> bool:
    """The environment or context jinja passes to a pass_context/pass_environment filter."""
    global _JINJA_INTERNAL
    if not _JINJA_INTERNAL:
        from jinja2 import Environment
        from jinja2.nodes import EvalContext
        from jinja2.runtime import Context

        _JINJA_INTERNAL = (Environment, Context, EvalContext)
    return isinstance(value, _JINJA_INTERNAL)


_ENV_CLASSES: dict | None = None
_ENV = None


def environment():
    """The one sandboxed environment of this process (StrictUndefined, autoescape)."""
    global _ENV
    if _ENV is None:
        _ENV = jinja_classes()["env"]()
    return _ENV

