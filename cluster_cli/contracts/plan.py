"""Planning a run, before any rendering: which placements (selection), which templates, and
for each placement a refusal (its findings, data that cannot make a contract, a destination
outside the folder or shared) or a context, an inputs hash and a portable destination.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from cluster_cli.contracts.context import ContractDataError, build_context, inputs_hash
from cluster_cli.contracts.docx import unusable_characters
from cluster_cli.contracts.verdicts import decide
from cluster_cli.findings import Finding

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"  # the packaged templates
TWO_PARTY = "two_party_et"
DEFAULT_TEMPLATES = {"et": "praktikaleping_et.docx", "en": "placement_agreement_en.docx",
                     TWO_PARTY: "valispraktikaleping_et.docx"}
"""The shipped templates by the contract's language: Estonian, and English for abroad (Lisa 7
12.7.1); under `TWO_PARTY` the Estonian school–student agreement of a mobility project (12.7.2)."""
TWO_PARTY_SUFFIX = "_kahepoolne"


def needs_two_party(p) -> bool:
    """Lisa 7 12.7.2: a placement abroad within a mobility project (õpirände projekt) has a
    bilateral Estonian agreement between school and student besides the English tripartite
    project agreement."""
    return p.kind == "abroad" and p.mobility_project

NOT_RENDERED = ("draft", "cancelled")
"""Statuses whose contract is never rendered (a draft's data is not final; cancelled is void)."""

STATUSES = ("draft", "review", "valid", "finished", "cancelled")


class ContractUsageError(Exception):
    """The run cannot start as asked (a selection, a template): a catalogue key and its
    arguments; the CLI says it and exits 2."""

    def __init__(self, key: str, **args: Any):
        super().__init__(key)
        self.key = key
        self.args_ = args


# --- selection and templates -----------------------------------------------------------------


def select_placements(ds, ids: list[str], all_: bool, group: str | None, status: str | None,
                      broken: dict) -> list:
    """The placements of this run, in data order (ids: in the order given). A placement the
    loader could not read is its id (a str): it is refused with its errors, when named or
    with --all. Raises ContractUsageError for a selection that makes no sense."""
    if ids and all_:
        raise ContractUsageError(key="usage.contracts-ids-and-all")
    if not ids and not all_ and group is None and status is None:
        raise ContractUsageError(key="usage.contracts-select")
    if status is not None and status not in STATUSES:
        raise ContractUsageError(key="usage.unknown-status", value=status, known=", ".join(STATUSES))
    if group is not None and group not in ds.groups:
        raise ContractUsageError(key="usage.unknown-group", value=group)
    everything = ds.records.get("placements", [])
    if ids:
        for i in ids:
            if i not in ds.placements and i not in broken:
                raise ContractUsageError(key="usage.unknown-placement", value=i)
        chosen = [ds.placements.get(i, i) for i in dict.fromkeys(ids)]
    elif all_:  # drafts are not contracts yet, cancelled ones not any more
        chosen = [p for p in everything if p.status not in ("draft", "cancelled")] + list(broken)
    else:  # --group / --status: drafts and cancelled ones are listed as skipped
        chosen = list(everything)
    if status is not None:
        chosen = [p for p in chosen if isinstance(p, str) or p.status == status]
    if group is not None:
        chosen = [p for p in chosen if isinstance(p, str)
                  or (p.student in ds.students and ds.students[p.student].group == group)]
    return chosen


def load_templates(given: Path | None, placements: list) -> dict[str, tuple[str, bytes]]:
    """(label, bytes) by contract language, or under "*" for a template given with --template.

    Without --template: the files of the default names in $CLUSTER_TEMPLATES (a folder of edited
    copies, e.g. the checkout's templates/) if set, else the templates inside the package — so
    an installed wheel renders as an editable install does. Raises ContractUsageError for a
    missing or unusable template."""
    import os
    from importlib import resources

    from cluster_cli.contracts.template_check import template_problem

    languages = sorted({p.language for p in placements if not isinstance(p, str)})
    # --template replaces the contract of every placement; the bilateral agreement (12.7.2) of a
    # mobility project keeps its own template
    extra = [TWO_PARTY] if any(not isinstance(p, str) and needs_two_party(p) for p in placements) else []
    folder = os.environ.get("CLUSTER_TEMPLATES")
    if folder and not Path(folder).is_dir():
        raise ContractUsageError(key="usage.contracts-templates-folder", path=folder)
    codes = extra if given is not None else languages + extra
    if folder:
        wanted = {code: (Path(folder) / DEFAULT_TEMPLATES[code], str(Path(folder) / DEFAULT_TEMPLATES[code]))
                  for code in codes}
    else:
        packaged = resources.files("cluster_cli") / "templates"
        wanted = {code: (packaged / DEFAULT_TEMPLATES[code], DEFAULT_TEMPLATES[code]) for code in codes}
    if given is not None:
        wanted["*"] = (given, str(given))
    out = {}
    for key, (path, label) in wanted.items():
        if not path.is_file():
            raise ContractUsageError(key="usage.contracts-template-missing", path=str(path))
        raw = path.read_bytes()
        problem = template_problem(raw)
        if problem:
            raise ContractUsageError(key="usage.contracts-template-bad", path=str(path), detail=problem)
        out[key] = (label, raw)
    return out

# --- names and places ------------------------------------------------------------------------


def ascii_name(text: str, limit: int = 60) -> str:
    """An ASCII-safe, portable file-name part: letters with diacritics lose them (õ ä ö ü š ž →
    o a o u s z), anything but letters, digits and '-' becomes '_'. Never '.', '/', '..', empty
    or a name Windows reserves (``CON`` → ``CON_``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    safe = "".join(c if (c.isascii() and (c.isalnum() or c == "-")) else "_" for c in plain)
    safe = safe[:limit].strip("_-") or "_"
    if safe.upper() in _WINDOWS_RESERVED:  # Windows cannot create CON, aux, nul, COM1 … (any case)
        safe += "_"
    return safe


_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                               *(f"{d}{i}" for d in ("COM", "LPT") for i in range(10))})


def relative_destination(context: dict, suffix: str = "") -> str:
    """``<study year>/<group>/<placement>_<student>_<host><suffix>.docx`` (joint placement: first
    host; the suffix names a second document of the placement, e.g. ``_kahepoolne``)."""
    st = context["student"]
    name = "_".join(ascii_name(x) for x in (context["placement"]["id"], f"{st['last_name']} {st['first_name']}",
                                              context["hosts"][0]["name"]))
    return f"{ascii_name(context['study_year'])}/{ascii_name(st['group'])}/{name}{suffix}.docx"


def inside(root: Path, rel: str) -> Path | None:
    """`root/rel` resolved (symlinks followed), or None when it would leave `root`."""
    base = root.resolve()
    dest = (base / rel).resolve()
    return dest if dest != base and dest.is_relative_to(base) else None


# --- planning --------------------------------------------------------------------------------


@dataclass
class Job:
    """One placement of a run and everything decided about it."""

    placement: str
    template: str = ""  # template label (shipped name or the given path)
    template_key: str = ""
    rel: str = ""  # destination relative to the output folder
    path: Path | None = None
    context: dict | None = None
    hash: str = ""
    status: str = ""  # created / unchanged / updated / conflict / changed / refused / skipped
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    override: dict | None = None
    data: bytes | None = None
    changes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    """A signed contract's changed terms: (term, old, new) — verdict `changed`."""

    def row(self) -> dict:
        return {"placement": self.placement, "file": self.rel, "template": self.template, "inputs_hash": self.hash,
                "status": self.status, "reasons": self.reasons + self.warnings, "override": self.override,
                "changes": [{"term": k, "old": a, "new": b} for k, a, b in self.changes]}


def _owner(path: str) -> str:
    m = re.match(r"^[a-z_]+\[\d+\]", path)
    return m.group(0) if m else ""


def findings_by_record(findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """Findings grouped by the top-level record they sit in: (file, ``kind[index]``)."""
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        owner = _owner(f.path)
        if owner:
            out.setdefault((f.file, owner), []).append(f)
    return out


def describe(f: Finding, lang: str) -> str:
    """A finding as a manifest reason: ``code (clause): message [FILE:LINE path]`` — what is
    wrong, which clause, and where."""
    loc = f.localized(lang)
    clause = f" ({f.clause})" if f.clause else ""
    where = f"{f.file}:{f.line}" + (f" {f.path}" if f.path else "")
    return f"{f.code}{clause}: {loc['message']} [{where}]"


def plan_jobs(
    ds,
    profile,
    placements: list,
    findings: list[Finding],
    out_dir: Path,
    templates: dict[str, tuple[str, bytes]],
    lang: str,
    as_of=None,
    signatures: str = "digital",
) -> list["Job"]:
    """Decide what each selected placement gets, before any rendering: skipped (draft,
    cancelled), refused (error findings in the placement, its student or its hosts; data that
    cannot make a contract; a destination outside DIR or shared with another placement), or a
    context, an inputs hash and a destination. `templates` maps a language (or "*" for all) to
    (label, bytes); `as_of` and `signatures` go to the context (`build_context`)."""
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words import PLACEMENT_STATUS

    by_record = findings_by_record(findings)
    # A student or host the loader dropped: its placements are refused with its own errors.
    dropped = {(kind, ident): errors for kind in ("students", "members")
               for ident, errors in dropped_records(ds, findings, kind)}
    jobs: list[Job] = []
    taken: dict[Path, str] = {}
    for p in placements:
        job = Job(placement=p.id)
        jobs.append(job)
        if p.debt_override is not None:
            o = p.debt_override
            job.override = {"by": o.by, "reason": o.reason, "date": o.date.isoformat()}
        if p.status in NOT_RENDERED:
            job.status = "skipped"
            job.reasons.append(t("reason.contracts.status", lang, status=t(PLACEMENT_STATUS[p.status], lang)))
            continue
        records = [p]
        student = ds.students.get(p.student)
        if student is not None:
            records.append(student)
        records += [ds.members[h.member] for h in p.hosts if h.member in ds.members]
        errors: list[Finding] = list(dropped.get(("students", p.student), []))
        for h in p.hosts:
            errors += dropped.get(("members", h.member), [])
        for r in records:
            for f in by_record.get((r.origin.file, r.origin.prefix), []):
                if f.severity == "error":
                    errors.append(f)
                elif r is p and f.severity == "warning":
                    job.warnings.append(describe(f, lang))
        if errors:
            job.status = "refused"
            job.reasons += [describe(f, lang) for f in errors]
            continue
        terms = (as_of, signatures)
        _plan_document(job, ds, profile, p, "*" if "*" in templates else p.language, None, "", out_dir,
                       templates, taken, lang, terms)
        if needs_two_party(p):  # Lisa 7 12.7.2: the school–student agreement in Estonian, too
            second = Job(placement=p.id, override=job.override, warnings=list(job.warnings))
            jobs.append(second)
            _plan_document(second, ds, profile, p, TWO_PARTY, "et", TWO_PARTY_SUFFIX, out_dir, templates, taken,
                           lang, terms)
    return jobs


def _plan_document(job: Job, ds, profile, p, key: str, doc_lang: str | None, suffix: str, out_dir: Path,
                   templates: dict[str, tuple[str, bytes]], taken: dict[Path, str], lang: str,
                   terms: tuple = (None, "digital")) -> None:
    """One document of a placement: its template, context (in `doc_lang`, default the
    placement's language), destination (the contract's name + `suffix`) and inputs hash — or a
    refusal."""
    from cluster_cli.i18n import t

    job.template_key = key
    job.template = templates[key][0]
    try:
        job.context = build_context(ds, profile, p, doc_lang, *terms)
    except ContractDataError as exc:
        job.status = "refused"
        job.reasons.append(t(exc.key, lang, **exc.args_))
        return
    bad = unusable_characters(job.context)
    if bad is not None:
        job.status = "refused"
        job.reasons.append(t("reason.contracts.characters", lang, placement=p.id, term=bad[0], value=bad[1],
                             file=_value_file(ds, p, bad[0])))
        return
    job.rel = relative_destination(job.context, suffix)
    dest = inside(out_dir, job.rel)
    if dest is None:
        job.status = "refused"
        job.reasons.append(t("reason.contracts.outside", lang, path=job.rel))
        return
    if dest in taken:
        job.status = "refused"
        job.reasons.append(t("reason.contracts.same-file", lang, path=job.rel, other=taken[dest]))
        return
    taken[dest] = p.id
    job.path = dest
    job.hash = inputs_hash(job.context, templates[key][1])


def plan_run(ds, profile, placements: list, broken: dict, findings: list[Finding], out_dir: Path,
             templates: dict[str, tuple[str, bytes]], force: bool, lang: str, as_of=None,
             signatures: str = "digital") -> list[Job]:
    """Every job of a run, decided: the placements the loader could not read refused with their
    errors, the others planned (`plan_jobs`, the contracts as of `as_of` with `signatures`
    digital or paper), and each planned file's verdict (`decide`)."""
    jobs = broken_jobs(broken, placements, lang)
    jobs += plan_jobs(ds, profile, [p for p in placements if not isinstance(p, str)], findings, out_dir,
                      templates, lang, as_of, signatures)
    for job in jobs:
        if job.path is not None:
            decide(job, force, lang)
    return jobs


def broken_jobs(broken: dict, placements: list, lang: str) -> list[Job]:
    """Refused jobs for placements the loader could not read: named by id (or FILE:LINE), with
    their errors; the other contracts are still made."""
    jobs = []
    for p in placements:
        if isinstance(p, str):
            job = Job(placement=p, status="refused")
            job.reasons = [describe(f, lang) for f in broken[p]]
            jobs.append(job)
    return jobs


def _value_file(ds, p, term: str) -> str:
    """The data file a context value comes from (its record's file), for a refusal's location."""
    root = re.match(r"[a-z_]+(\[\d+\])?", term)
    head = root.group(0) if root else ""
    record = p
    if head in ("student", "guardian"):
        record = ds.students.get(p.student, p)
    elif head == "school" and p.student in ds.students:
        record = ds.members.get(ds.students[p.student].school, p)
    elif head.startswith("hosts[") and not re.match(r"hosts\[\d+\]\.(supervisor|tasks|start|end|hours)", term):
        index = int(head[6:-1])
        if index < len(p.hosts):
            record = ds.members.get(p.hosts[index].member, p)
    return f"{record.origin.file} ({record.origin.prefix})"


def broken_placements(ds, findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Placement records the loader could not read (their errors dropped them from the data):
    (the placement's id as written, or FILE:LINE when it has none; its errors), in file order."""
    return dropped_records(ds, findings, "placements")


def dropped_records(ds, findings: Iterable[Finding], kind: str) -> list[tuple[str, list[Finding]]]:
    """Records of `kind` whose errors dropped them from the data: (the id as written, or
    FILE:LINE when it has none; the errors), in file order."""
    from cluster_cli.model.kinds import ID_FIELD

    present = {(r.origin.file, r.origin.prefix) for r in ds.records.get(kind, [])}
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        owner = _owner(f.path)
        if f.severity == "error" and owner.startswith(kind + "[") and (f.file, owner) not in present:
            out.setdefault((f.file, owner), []).append(f)
    result = []
    for (file, owner), errors in out.items():
        ident = None
        raw = _raw_file(file)
        index = int(owner[owner.index("[") + 1:-1])
        if isinstance(raw, list) and index < len(raw) and isinstance(raw[index], dict):
            value = raw[index].get(ID_FIELD.get(kind, "id"))
            ident = str(value) if isinstance(value, (str, int)) and str(value) else None
        result.append((ident or f"{file}:{errors[0].line}", errors))
    return result


def _raw_file(file: str) -> Any:
    import yaml

    try:
        with open(file, "rb") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, ValueError):
        return None


def loose_errors(findings: Iterable[Finding]) -> list[Finding]:
    """Errors the loader found outside any record of a list kind (an unreadable file, a broken
    YAML document, `cluster.yaml`): the data may miss what no contract can name, so nothing is
    rendered."""
    from cluster_cli.load.layout import LIST_KINDS

    return [f for f in findings
            if f.severity == "error" and _owner(f.path).partition("[")[0] not in LIST_KINDS]

