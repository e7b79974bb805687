"""Option values coerced without pydantic, for the plain types the CLI's options use.

Typer (0.29) coerces every option's value through a pydantic TypeAdapter built on first use.
Importing pydantic and building the adapters is about 40 % of a `cluster validate` answered
from the cache (bench/README.md, issue 20). For `str`, `Path`, an Enum's choices and lists of
text (and a flag's bool), those adapters only wrap Typer's own plain functions, so `install()` makes Typer's
parameters call the functions directly: the same values and the same error texts
(tests/test_coercion.py compares both for every option of every command). Numbers, dates,
files and custom parsers keep Typer's own coercion.

This leans on Typer's private modules (pinned in requirements.lock); where they are not as
expected, `install()` leaves Typer as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable, List, Optional

_TEXT_LISTS = (list[str], List[str])


def light_coercion(descriptor) -> Optional[Callable[[Any, Any, Any], Any]]:
    """A function `(value, param, ctx) -> value` that coerces as Typer's adapter for
    `descriptor` would, or None where only Typer's own will do."""
    from typer._click.exceptions import BadParameter
    from typer._click.utils import _escape_control_characters
    from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass

    info, annotation = descriptor.parameter_info, descriptor.annotation
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    if annotation is bool:  # a flag gives a bool; anything else is Typer's to read
        def flag(value, param, ctx):
            if isinstance(value, bool):
                return value
            from typer._coercion import build_runtime_param

            return build_runtime_param(descriptor).coerce(value, param=param, ctx=ctx)

        return flag
    if annotation is str:
        return lambda value, param, ctx: _text(value)
    if annotation in _TEXT_LISTS:
        return lambda value, param, ctx: [_text(item) for item in _items(value)]
    plain_path = not (info.exists or info.resolve_path or info.allow_dash or info.path_type)
    if annotation is Path and plain_path:
        return lambda value, param, ctx: coerce_cli_path(
            Path(value) if isinstance(value, str) else value, info, path_type=Path, param=param, ctx=ctx)
    if lenient_issubclass(annotation, Enum):
        choices = tuple(annotation)

        def choice(value, param, ctx):
            try:
                return coerce_cli_choice(value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx)
            except ValueError as exc:  # worded as pydantic words a validator's ValueError
                raise BadParameter(_escape_control_characters(f"Value error, {exc}"), ctx=ctx, param=param) from exc

        return choice
    return None


def _items(value: Any) -> Any:
    return value if isinstance(value, (list, tuple)) else [value]


def _text(value: Any) -> str:
    if isinstance(value, bytes):  # never from sys.argv on Python 3; Typer's own decoding then
        from typer._adapters import _parse_cli_str

        return _parse_cli_str(value)
    return str(value)


def install() -> None:
    """Make Typer's parameters use `light_coercion` where it applies (once per process)."""
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer.core import _TyperParameter
    except ImportError:  # another Typer: its own coercion stays
        return
    if getattr(_TyperParameter, "_cluster_light", False) or not hasattr(_TyperParameter, "get_runtime_param"):
        return

    @dataclass(frozen=True)
    class LightRuntimeParam(RuntimeParam):
        function: Callable[[Any, Any, Any], Any] = None  # type: ignore[assignment]

        def _coerce_value(self, value, param, ctx):
            return self.function(value, param, ctx)

    def get_runtime_param(self):
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            function = light_coercion(descriptor)
            self._runtime_param = (
                LightRuntimeParam(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                                  function=function)
                if function is not None else build_runtime_param(descriptor))
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param
    _TyperParameter._cluster_light = True
