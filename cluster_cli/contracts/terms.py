"""A contract's terms — what the parties agree to — and the snapshot of them stored in each
rendered document (the contract, then each amendment), so a signed document is its own record of
what was signed.

A term has a stable name (``period``, ``hours``, ``host.<member>.supervisor`` …) and a value as
the contract writes it (``2. veebruar 2026 – 12. juuni 2026``). `changed_terms(old, new)` lists
what differs, term by term; `term_label` names a term in a language.

The snapshot is a custom XML data part (``customXml/itemN.xml``, namespace `TERMS_NS`): Word
keeps such parts as they are and shows them nowhere in the text; its bytes are a pure function
of the terms.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from cluster_cli.i18n import N_

TERMS_NS = "urn:cluster-cli:contract-terms"
"""The namespace of the custom XML part that holds the terms."""
_ITEM_ID = "{6C1F3A52-7E0B-4C1B-9A43-2B5D0E1C7A18}"  # fixed: the bytes stay reproducible
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_RT_ITEM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_RT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"

TERM_LABEL = {
    "period": N_("term.period"),
    "hours": N_("term.hours"),
    "ekap": N_("term.ekap"),
    "place": N_("term.place"),
    "address": N_("term.address"),
    "host": N_("term.host"),
    "host.period": N_("term.host.period"),
    "host.hours": N_("term.host.hours"),
    "host.supervisor": N_("term.host.supervisor"),
    "school_supervisor": N_("term.school-supervisor"),
    "tasks": N_("term.tasks"),
    "modules": N_("term.modules"),
    "language": N_("term.language"),
}
"""The catalogue key of each kind of term (a host's terms carry the host's name, too)."""


def _person(p: dict | None) -> str | None:
    if not p:
        return None
    return p["name"] + (f", {p['role']}" if p.get("role") else "")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def contract_terms(context: dict) -> dict[str, str | None]:
    """The terms of a contract, from its render context (`context.build_context`), in the
    contract's order: name → the value as the contract writes it (None when it has none)."""
    terms: dict[str, str | None] = {
        "period": f"{context['start']} – {context['end']}",
        "hours": _text(context.get("hours")),
        "ekap": _text(context.get("ekap")),
        "place": _text(context.get("place")),
        "address": _text(context.get("address")),
    }
    for h in context.get("hosts") or []:
        key = f"host.{h['id']}"
        terms[key] = h["name"]
        terms[key + ".period"] = f"{h['start']} – {h['end']}"
        terms[key + ".hours"] = _text(h.get("hours"))
        terms[key + ".supervisor"] = _person(h.get("supervisor"))
    terms["school_supervisor"] = _person(context.get("school_supervisor"))
    terms["tasks"] = "; ".join(t["title"] for t in context.get("tasks") or [] if t.get("title")) or None
    terms["modules"] = "; ".join(f"{m['name']} ({m['id']})" for m in context.get("modules") or []) or None
    terms["language"] = context.get("language")
    return terms


def changed_terms(old: dict[str, str | None], new: dict[str, str | None]) -> list[tuple[str, str | None, str | None]]:
    """(term, old value, new value) for every term that differs: the new contract's order, then
    the terms it no longer has (a host removed)."""
    out = [(k, old.get(k), v) for k, v in new.items() if old.get(k) != v]
    out += [(k, v, None) for k, v in old.items() if k not in new and v is not None]
    return out


def term_label(term: str, lang: str, hosts: dict[str, str] | None = None) -> str:
    """A term's name for people in `lang`: ``Periood``, ``Bits & Bytes OÜ: juhendaja``. `hosts`
    maps a member id to its name (a host no longer in the contract is shown by its id)."""
    from cluster_cli.i18n import t

    m = re.fullmatch(r"host\.(.+?)(\.(period|hours|supervisor))?", term)
    if m is None:
        key = TERM_LABEL.get(term)
        return t(key, lang) if key else term
    host = (hosts or {}).get(m.group(1), m.group(1))
    what = t(TERM_LABEL["host." + m.group(3)], lang) if m.group(3) else t(TERM_LABEL["host"], lang)
    return t("term.of-host", lang, host=host, term=what)


# --- the snapshot in the document --------------------------------------------------------------


def terms_xml(terms: dict[str, str | None]) -> bytes:
    """The custom XML part: one ``<term name="…">value</term>`` per term, in the contract's
    order (a term without a value has no text and ``none="1"``)."""
    rows = []
    for name, value in terms.items():
        if value is None:
            rows.append(f'<term name="{escape(name, _ATTR)}" none="1"/>')
        else:
            rows.append(f'<term name="{escape(name, _ATTR)}">{escape(value)}</term>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<terms xmlns="{TERMS_NS}" version="1">' + "".join(rows) + "</terms>").encode("utf-8")


_ATTR = {'"': "&quot;"}


def _props_xml() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<ds:datastoreItem xmlns:ds="{_DS}" ds:itemID="{_ITEM_ID}"><ds:schemaRefs>'
            f'<ds:schemaRef ds:uri="{TERMS_NS}"/></ds:schemaRefs></ds:datastoreItem>').encode("utf-8")


def store_terms(document, terms: dict[str, str | None]) -> None:
    """Put the terms into a python-docx `Document` before it is saved, as a custom XML data part
    (``customXml/itemN.xml`` with its properties part; Word keeps such parts as they are and
    shows them nowhere in the text). A template that already holds one has it replaced."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    blob = terms_xml(terms)
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == _RT_ITEM and not rel.is_external and _is_terms(rel.target_part.blob):
            rel.target_part._blob = blob  # noqa: SLF001 - python-docx's generic Part keeps its bytes here
            return
    package = main.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = item_name.idx
    item = Part(item_name, "application/xml", blob, package)
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), _CT_PROPS, _props_xml(), package)
    item.relate_to(props, _RT_PROPS)
    main.relate_to(item, _RT_ITEM)


def _is_terms(blob: bytes) -> bool:
    return f'<terms xmlns="{TERMS_NS}"'.encode() in blob[:300]


def stored_terms(path: Path) -> dict[str, str | None] | None:
    """The terms stored in a rendered document, or None (not ours, older than the snapshot, or
    not a DOCX)."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not re.fullmatch(r"customXml/item\d+\.xml", name):
                    continue
                root = ET.fromstring(z.read(name))
                if root.tag != f"{{{TERMS_NS}}}terms":
                    continue
                return {t.get("name", ""): (None if t.get("none") == "1" else (t.text or ""))
                        for t in root.iter(f"{{{TERMS_NS}}}term")}
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, ET.ParseError):
        return None
    return None


def amendment_path(contract: Path, number: int) -> Path:
    """`<contract stem>-lisa-N.docx` next to the contract."""
    return contract.with_name(f"{contract.stem}-lisa-{number}.docx")


def amendment_files(contract: Path) -> list[tuple[int, Path]]:
    """The amendments written next to a contract, by number."""
    found = []
    pattern = re.compile(re.escape(contract.stem) + r"-lisa-(\d+)\.docx")
    if contract.parent.is_dir():
        for p in contract.parent.iterdir():
            m = pattern.fullmatch(p.name)
            if m:
                found.append((int(m.group(1)), p))
    return sorted(found)


def latest_snapshot(contract: Path) -> tuple[Path, dict[str, str | None]] | None:
    """The terms in force: those of the latest amendment that stores them, else the contract's;
    with the file they come from. None when no document holds them."""
    for _, path in reversed(amendment_files(contract)):
        terms = stored_terms(path)
        if terms is not None:
            return path, terms
    terms = stored_terms(contract)
    return None if terms is None else (contract, terms)
