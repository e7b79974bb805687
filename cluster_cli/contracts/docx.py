"""Rendering one contract's DOCX in memory (docxtpl through the sandbox), with every failure a
`RenderError`; and rendering many, serially or in a fork pool, in order.
"""

from __future__ import annotations

import io
import os
import re
from typing import TYPE_CHECKING, Any, Callable, Iterator

from cluster_cli.contracts import sandbox
from cluster_cli.contracts.sandbox import TooLarge, TooSlow, environment, jinja_classes

if TYPE_CHECKING:
    from cluster_cli.contracts.plan import Job

HASH_PREFIX = "cluster-cli:sha256:"
"""How the inputs hash is stored in the DOCX core property `identifier`."""

POOL_THRESHOLD = 40
"""From this many contracts on, render in a process pool (fork); below it, serially."""
POOL_CHUNK = 10

_TEMPLATE_CLASS = None


def _template_class():
    """docxtpl's DocxTemplate whose `patch_xml` (a pure function of the document XML, about a
    third of a render) is computed once per template and process instead of once per contract."""
    global _TEMPLATE_CLASS
    if _TEMPLATE_CLASS is None:
        from docxtpl import DocxTemplate

        patched: dict[str, str] = {}

        class CachedTemplate(DocxTemplate):
            def render_xml_part(self, src_xml, part, context, jinja_env=None):
                try:
                    return super().render_xml_part(src_xml, part, context, jinja_env)
                except Exception as exc:
                    # docxtpl renders each paragraph on its own line: keep the source to name
                    # the paragraph a runtime error happened in.
                    exc.cluster_source = (re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml),
                                          str(getattr(part, "partname", "")).lstrip("/"))
                    raise

            def patch_xml(self, src_xml):
                found = patched.get(src_xml)
                if found is None:
                    if len(patched) > 16:
                        patched.clear()
                    found = patched[src_xml] = super().patch_xml(src_xml)
                return found

        _TEMPLATE_CLASS = CachedTemplate
    return _TEMPLATE_CLASS


class RenderError(Exception):
    """A contract could not be rendered. `kind` is missing (a term without a value), unknown (a
    variable the context does not have), characters (a value a document cannot hold) or
    template (any other template error); `where` is the template's location ("" if unknown)."""

    def __init__(self, placement: str, kind: str, term: str, detail: str = "", where: str = ""):
        super().__init__(f"{placement}: {kind}: {term} {detail}".strip())
        self.placement, self.kind, self.term, self.detail, self.where = placement, kind, term, detail, where


def _template_location(exc: BaseException) -> str:
    """Where in the template a runtime error happened: ``word/document.xml, paragraph 12:
    "{{ 1/0 }} text"`` — from the template frame jinja puts in the traceback."""
    lineno = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    lineno = lineno or getattr(exc, "lineno", None)
    source, part = getattr(exc, "cluster_source", ("", ""))
    if not lineno:
        return part
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip() if 0 < lineno <= len(lines) else ""
    if len(text) > 80:
        text = text[:77] + "..."
    # line 1 is what comes before the first paragraph; line n + 1 is paragraph n
    where = f"{part or 'document'}, paragraph {lineno - 1}" if lineno > 1 else (part or "document")
    return where + (f': "{text}"' if text else "")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 (so a .docx) cannot hold: control characters but tab and newlines,
lone surrogates, U+FFFE and U+FFFF."""


def unusable_characters(value: Any, path: str = "") -> tuple[str, str] | None:
    """The first (context path, escaped value) holding a character a document cannot hold."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            return path, value.encode("unicode_escape").decode("ascii")
        return None
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for sub, v in items:
        found = unusable_characters(v, sub)
        if found:
            return found
    return None


def _timeout_signal():
    """SIGALRM raising TooSlow after sandbox.RENDER_SECONDS, in the main thread (a template loop without
    output never reaches `concat`); returns the undo function."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return lambda: None
    seconds = sandbox.RENDER_SECONDS  # the one bound, read when the render starts

    def alarm(signum, frame):
        raise TooSlow(f"rendering took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)

    def undo():
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return undo


def render_docx(template: bytes, context: dict, placement: str, identifier: str,
                terms: dict | None = None) -> bytes:
    """Render one contract in memory; the inputs hash goes into the core property `identifier`,
    the contract's terms (`terms`, default: those of `context`) into a custom property
    (terms.py) — the signed document's own snapshot of what was agreed.
    Every failure is a RenderError: a value the document cannot hold, a template error at run
    time (with its location), a render beyond the time or size bound."""
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    bad = unusable_characters(context)
    if bad is not None:
        raise RenderError(placement, "characters", bad[0], bad[1])
    j = jinja_classes()
    env = environment()
    undo = lambda: None  # noqa: E731
    try:
        tpl = _template_class()(io.BytesIO(template))
        env.start()
        undo = _timeout_signal()
        try:
            tpl.render(j["wrap"](context, ""), env, autoescape=True)
        finally:
            undo()
        tpl.docx.core_properties.identifier = HASH_PREFIX + identifier
        from cluster_cli.contracts.terms import contract_terms, store_terms

        store_terms(tpl.docx, contract_terms(context) if terms is None else terms)
        out = io.BytesIO()
        tpl.save(out)
    except j["MissingValue"] as exc:
        raise RenderError(placement, "missing", str(exc)) from None
    except j["UnknownVariable"] as exc:
        raise RenderError(placement, "unknown", str(exc)) from None
    except j["UndefinedError"] as exc:
        m = re.match(r"'(.+?)' is undefined", str(exc))
        raise RenderError(placement, "unknown", m.group(1) if m else str(exc)) from None
    except SecurityError as exc:
        raise RenderError(placement, "template", "", str(exc), _template_location(exc)) from None
    except (TemplateError, TooLarge, TooSlow) as exc:
        raise RenderError(placement, "template", "", f"{type(exc).__name__}: {exc}", _template_location(exc)) from None
    except (MemoryError, RecursionError, Exception) as exc:  # 1/0, {% include %}, lxml … : this contract only
        raise RenderError(placement, "template", "", f"{type(exc).__name__}: {exc}"[:300],
                          _template_location(exc)) from None
    return out.getvalue()


# --- rendering, serial or in a pool ---------------------------------------------------------

_POOL_TEMPLATES: dict[str, bytes] = {}


def _render_task(item: tuple[int, str, dict, str, str]) -> tuple[int, bytes | None, tuple | None]:
    index, key, context, placement, ident = item
    try:
        return index, render_docx(_POOL_TEMPLATES[key], context, placement, ident), None
    except RenderError as exc:
        return index, None, (exc.kind, exc.term, exc.detail, exc.where)


def render_all(
    jobs: list[Job],
    templates: dict[str, tuple[str, bytes]],
    on_done: Callable[[Job], None] | None = None,
    workers: int | None = None,
) -> Iterator[tuple[Job, RenderError | None]]:
    """Render the jobs in memory, in order; yields (job, error). Many jobs (≥ POOL_THRESHOLD)
    go to a fork pool in chunks; the documents come back as bytes, in order."""
    global _POOL_TEMPLATES
    items = [(i, j.template_key, j.context, j.placement, j.hash) for i, j in enumerate(jobs)]
    workers = workers or os.cpu_count() or 1
    _POOL_TEMPLATES = {k: v[1] for k, v in templates.items()}
    if len(items) >= POOL_THRESHOLD and workers > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes=workers) as pool:
            results = pool.imap(_render_task, items, chunksize=POOL_CHUNK)
            yield from _collect(jobs, results, on_done)
    else:
        yield from _collect(jobs, map(_render_task, items), on_done)


def _collect(jobs, results, on_done):
    for index, data, error in results:
        job = jobs[index]
        job.data = data
        if on_done is not None:
            on_done(job)
        yield job, (RenderError(job.placement, *error) if error else None)
