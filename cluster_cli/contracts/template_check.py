"""`contracts check-template`: a template's variables, the unknown ones, the mandatory terms it
never uses, and what rendering would refuse (a trial render of sample data through the same
sandbox and bounds); and `template_problem`, why a template cannot be used at all.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cluster_cli.contracts.context import CONTEXT_SCHEMA
from cluster_cli.contracts.docx import RenderError, render_docx
from cluster_cli.contracts.sandbox import environment

# Mandatory terms (Lisa 7 1.4.2–1.4.11, 5.7; 4.11.5, 4.12.5) and how a template shows it uses
# them: each term lists alternatives; an alternative is met when the template uses every one of
# its variables (a prefix of a used variable counts: `hosts[].supervisor` ⊂ `hosts[].supervisor.name`).
VARIABLE_TERMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("Lisa 7 1.4.2", "start and end", (("start", "end"), ("hosts[].start", "hosts[].end"))),
    ("Lisa 7 1.4.3", "duration", (("hours",), ("ekap",), ("hosts[].hours",))),
    ("Lisa 7 1.4.4", "place and address", (("place", "address"),)),
    ("Lisa 7 1.4.5", "practice tasks", (("tasks[].title",), ("hosts[].tasks[].title",))),
    ("Lisa 7 1.4.9", "host data", (("hosts[].name", "hosts[].registry_code", "hosts[].address"),)),
    ("Lisa 7 1.4.9", "host supervisor", (("hosts[].supervisor.name",),)),
    ("Lisa 7 1.4.9", "school-side supervisor", (("school_supervisor.name",),)),
    ("Lisa 7 5.7", "practice plan: goal", (("plan.goal",),)),
    ("Lisa 7 5.7", "practice plan: tasks", (("plan.tasks",),)),
    ("Lisa 7 5.7", "practice plan: studies completed", (("plan.studies_completed",),)),
    ("Lisa 7 5.7", "practice plan: expected outcomes", (("plan.expected_outcomes",),)),
    ("Lisa 7 10.1", "practice plan: special needs", (("plan.special_needs_notes",),)),
    ("4.11.5", "legal representative of a minor", (("guardian.name",),)),
    ("4.12.5", "guardian's written consent (abroad)", (("consent.document", "consent.date"),)),
)

# Terms that are the template's own text (rights and obligations, amending and ending, disputes):
# check-template looks for their section in the template's text, in either language.
TEXT_TERMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Lisa 7 1.4.6", "student's rights and obligations",
     (r"õpilase\s+õigused", r"õpilase\s+kohustused", r"rights\s+and\s+obligations\s+of\s+the\s+student",
      r"student'?s\s+rights")),
    ("Lisa 7 1.4.7", "host's rights and obligations",
     (r"(praktikaettevõtte|praktikakoha)\s+õigused", r"(praktikaettevõtte|praktikakoha)\s+kohustused",
      r"rights\s+and\s+obligations\s+of\s+the\s+host", r"host'?s\s+rights")),
    ("Lisa 7 1.4.8", "school's rights and obligations",
     (r"kooli\s+õigused", r"kooli\s+kohustused", r"rights\s+and\s+obligations\s+of\s+the\s+school",
      r"school'?s\s+rights")),
    ("Lisa 7 1.4.10", "amending and ending the contract",
     (r"lepingu\s+muutmine", r"lepingu\s+lõpetamine", r"amend\w*\s+and\s+(end|terminat)\w*",
      r"terminat\w+\s+of\s+the\s+agreement")),
    ("Lisa 7 1.4.11", "dispute resolution", (r"vaidlus\w*", r"disput\w*")),
)


# The two-party agreement of a mobility project (Lisa 7 12.7.2) is between the school and the
# student: the host's data, its supervisor and rights and the practice plan belong to the
# tripartite English project agreement beside it, so its required terms are the two parties',
# the practice's time and place, and the general terms of a contract.
TWO_PARTY_VARIABLE_TERMS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    VARIABLE_TERMS[0], VARIABLE_TERMS[1], VARIABLE_TERMS[2],
    ("Lisa 7 12.7.2", "school data", (("school.name", "school.registry_code", "school.address"),)),
    ("Lisa 7 12.7.2", "student data", (("student.name", "student.id_code"),)),
    VARIABLE_TERMS[6],
    ("4.11.5", "legal representative of a minor", (("guardian.name",),)),
    ("4.12.5", "guardian's written consent (abroad)", (("consent.document", "consent.date"),)),
)
TWO_PARTY_TEXT_TERMS = tuple(term for term in TEXT_TERMS if term[0] != "Lisa 7 1.4.7")

THREE_PARTY, TWO_PARTY = "three-party", "two-party"
KINDS = (THREE_PARTY, TWO_PARTY)
TERMS = {THREE_PARTY: (VARIABLE_TERMS, TEXT_TERMS), TWO_PARTY: (TWO_PARTY_VARIABLE_TERMS, TWO_PARTY_TEXT_TERMS)}


def template_kind(path: Path) -> str:
    """Which contract a template is, when not told: the two-party agreement (Lisa 7 12.7.2) when its
    file is named as the shipped one (`valispraktikaleping…`) or its document properties call it
    two-party (`kahepoolne` / `two-party` in the title or subject); otherwise the tripartite one."""
    if path.name.lower().startswith("valispraktikaleping"):
        return TWO_PARTY
    try:
        from docx import Document

        props = Document(str(path)).core_properties
        said = f"{props.title or ''} {props.subject or ''}".lower()
    except Exception:  # not a .docx: template_problem says so
        return THREE_PARTY
    return TWO_PARTY if ("kahepoolne" in said or "two-party" in said or "bilateral" in said) else THREE_PARTY


# --- check-template ---------------------------------------------------------------------------


@dataclass
class TemplateReport:
    variables: list[str]  # docxtpl's undeclared variables (top level)
    paths: list[str]  # every variable path the template reads, e.g. hosts[].supervisor.name
    unknown: list[str]
    missing_terms: list[tuple[str, str]]  # (clause, term)
    syntax_error: str = ""
    refusals: list[str] = field(default_factory=list)  # what rendering would refuse (sandbox, runtime)
    numbering: list[str] = field(default_factory=list)  # clause numbers that jump when an optional part is left out


def _schema_has(path: str) -> bool:
    node: Any = CONTEXT_SCHEMA
    for part in re.findall(r"[^.\[\]]+|\[\]", path):
        if part == "[]":
            if not isinstance(node, list):
                return False
            node = node[0]
            continue
        if isinstance(node, str):  # past a leaf: a string's own methods
            return True
        if isinstance(node, list):
            return False
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _used_paths(ast) -> set[str]:
    """Every context path the template reads, loop variables resolved (`h.name` in
    ``{% for h in hosts %}`` is ``hosts[].name``)."""
    from jinja2 import nodes

    used: set[str] = set()

    def path_of(node, scope) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            return node.name
        if isinstance(node, nodes.Getattr):
            base = path_of(node.node, scope)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            base = path_of(node.node, scope)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return f"{base}[]"
        if isinstance(node, nodes.Filter) and node.name in ("first", "last", "random"):
            base = path_of(node.node, scope) if node.node is not None else None
            return None if base is None else f"{base}[]"
        if isinstance(node, nodes.Filter) and node.name in ("sort", "reverse", "unique", "list", "select",
                                                             "reject", "selectattr", "rejectattr", "batch"):
            return path_of(node.node, scope) if node.node is not None else None
        return None

    def visit(node, scope):
        if isinstance(node, nodes.For):
            visit_expr(node.iter, scope)
            inner = dict(scope)
            base = path_of(node.iter, scope)
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = f"{base}[]" if base else None
            else:
                for n in node.target.find_all(nodes.Name):
                    inner[n.name] = None
            inner["loop"] = None
            for child in node.body + node.else_:
                visit(child, inner)
            if node.test is not None:
                visit_expr(node.test, inner)
            return
        if isinstance(node, nodes.Assign):
            visit_expr(node.node, scope)
            for n in node.target.find_all(nodes.Name):
                scope[n.name] = path_of(node.node, scope)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for a in getattr(node, "args", []):
                inner[a.name] = None
            inner["caller"] = None
            for child in node.body:
                visit(child, inner)
            return
        if isinstance(node, nodes.Expr):
            visit_expr(node, scope)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    def visit_expr(node, scope):
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            p = path_of(node, scope)
            if p is not None:
                used.add(p)
                if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
                    visit_expr(node.arg, scope)
                return
            if isinstance(node, nodes.Name):
                return
        for child in node.iter_child_nodes():
            visit_expr(child, scope)

    visit(ast, {})
    return {u for u in used if u is not None}


def _covers(used: set[str], needed: str) -> bool:
    return any(u == needed or u.startswith(needed + ".") or u.startswith(needed + "[") for u in used)


def _template_source(raw: bytes):
    """(python-docx document, the Jinja source docxtpl renders: body, headers and footers)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(raw))
    doc = Document(io.BytesIO(raw))
    xml = tpl.patch_xml(tpl.xml_to_string(doc._element.body))
    for rel in doc.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and not rel.is_external:
            xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(rel.target_part.blob)))
    return doc, xml


def template_problem(raw: bytes) -> str:
    """Why a template cannot be used at all ('' when it can): not a DOCX, or a Jinja syntax error."""
    from jinja2 import TemplateSyntaxError

    try:
        _, xml = _template_source(raw)
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        return f"not a .docx file ({type(exc).__name__})"
    try:
        environment().parse(xml)
    except TemplateSyntaxError as exc:
        return f"TemplateSyntaxError: {exc.message} (line {exc.lineno})"
    return ""


def check_template(path: Path, kind: str = THREE_PARTY) -> TemplateReport:
    """A template's variables (docxtpl's undeclared variables), the unknown ones (not in
    CONTEXT_SCHEMA, down to attributes: `student.nmae`), and the mandatory terms of its `kind` of
    contract (`TERMS`) it never uses."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    raw = path.read_bytes()
    env = environment()
    try:
        variables = sorted(DocxTemplate(io.BytesIO(raw)).get_undeclared_template_variables(env))
        doc, xml = _template_source(raw)
        used = _used_paths(env.parse(xml))
    except TemplateSyntaxError as exc:
        return TemplateReport([], [], [], [], syntax_error=f"{exc.message} (line {exc.lineno})")
    unknown = {p for p in used if not _schema_has(p)} | {v for v in variables if v not in CONTEXT_SCHEMA}
    missing: list[tuple[str, str]] = []
    variable_terms, text_terms = TERMS[kind]
    for clause, term, alternatives in variable_terms:
        if not any(all(_covers(used, n) for n in alt) for alt in alternatives):
            missing.append((clause, term))
    text = _document_text(doc).lower()
    for clause, term, patterns in text_terms:
        if not any(re.search(p, text) for p in patterns):
            missing.append((clause, term))
    return TemplateReport(variables, sorted(used), sorted(unknown), missing, refusals=trial_render(raw, env.parse(xml)),
                          numbering=numbering_jumps(raw))


def sample_context(node: Any = None, path: str = "") -> Any:
    """A context with every CONTEXT_SCHEMA value present (a short sample text; one item per
    list), for the trial render of check-template."""
    node = CONTEXT_SCHEMA if node is None else node
    if isinstance(node, dict):
        return {k: sample_context(v, f"{path}.{k}" if path else k) for k, v in node.items()}
    if isinstance(node, list):
        return [sample_context(node[0], f"{path}[0]")]
    return f"<{path}>"


def trial_render(raw: bytes, ast) -> list[str]:
    """What rendering would refuse in this template, found before any contract is made: an
    attribute the sandbox never allows (``''.__class__``, ``x.__globals__``, ``cycler.__init__`` —
    in any branch), and what a render of a sample context through the same sandbox, with the same
    bounds, refuses (a runtime error, a sandbox refusal, a time or size bound)."""
    from jinja2 import nodes

    refusals = []
    env = environment()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else (
            node.arg.value if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) else None)
        if name is not None and (name.startswith("_") or not env.is_safe_attribute("", name, None)):
            refusals.append(f"line {node.lineno}: the sandbox refuses the attribute '{name}'")
    try:
        render_docx(raw, sample_context(), "check-template", "0" * 64)
    except RenderError as exc:
        if exc.kind == "template":
            refusals.append(f"{exc.where}: {exc.detail}" if exc.where else exc.detail)
    return refusals


OPTIONAL_PARTS = ("placement.joint", "consent", "guardian", "placement.school_is_host", "placement.abroad",
                  "placement.mobility_project", "plan.special_needs_notes", "ekap", "school.representative")
"""The context's parts a contract may lack: a clause shown only with one of them must not leave
a gap in the numbering when it is left out."""


def numbering_jumps(raw: bytes) -> list[str]:
    """Clause numbers (``3.4.`` at a paragraph's start) that jump in a trial render of sample
    data — with every optional part, and with each left out (or all of them): ``3.3 → 3.5
    without placement.joint``. A render that fails is `trial_render`'s to report."""
    import copy

    from docx import Document

    variants: list[tuple[str, tuple[str, ...]]] = [("", ())] + [(part, (part,)) for part in OPTIONAL_PARTS]
    variants.append(("any optional part", OPTIONAL_PARTS))
    found: dict[str, str] = {}  # each jump once, with the first variant that shows it
    for label, parts in variants:
        context = copy.deepcopy(sample_context())
        for part in parts:
            *path, last = part.split(".")
            node = context
            for step in path:
                node = node[step]
            node[last] = None
        try:
            rendered = render_docx(raw, context, "check-template", "0" * 64)
        except RenderError:
            continue
        previous: dict[int, int] = {}
        for paragraph in Document(io.BytesIO(rendered)).paragraphs:
            m = re.match(r"\s*(\d+)\.(\d+)\.?\s", paragraph.text)
            if m is None:
                continue
            section, number = int(m.group(1)), int(m.group(2))
            before = previous.get(section, 0)
            if number != before + 1:
                jump = f"{section}.{before} → {section}.{number}"
                found.setdefault(jump, jump + (f" without {label}" if label else ""))
            previous[section] = number
    return list(found.values())


def _document_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)
