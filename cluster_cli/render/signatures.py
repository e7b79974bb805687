"""`contracts signatures`: the signatures read back from DigiDoc containers as a table (80
columns), the problems with their fixes, and the JSON document. Takes the results of
`contracts/signing.py` (by their fields: render does not import the contract pipeline).
"""

from __future__ import annotations

from typing import Any

from cluster_cli.findings import Pii, mask
from cluster_cli.i18n import hint_for, t
from cluster_cli.i18n.words import PARTY_WORD, word
from cluster_cli.render.table import Line, format_value, view_lines
from cluster_cli.render.views import View

def party_text(party: Any, lang: str) -> str:
    """`praktikakoht (bits-bytes)` for a host, else the party's word."""
    text = word(PARTY_WORD, party.party, lang)
    return f"{text} ({party.member})" if party.member else text


def view(results: list, lang: str) -> View:
    """One row per party of each contract: who signs, their code, signed when (or missing)."""
    rows = []
    for r in results:
        first = True
        for party in r.parties:
            if party.signed is None:
                state = t("signatures.missing", lang)
            else:
                state = format_value(party.signed, "date", lang) + (
                    "" if party.method == "digital" else " " + t("signatures.paper", lang))
            rows.append({"placement": r.placement if first else "", "party": party_text(party, lang),
                         "name": party.name or "", "code": party.code, "signed": state})
            first = False
    return View("signatures", "signatures.view", [
        ("placement", "signatures.col.placement"), ("party", "signatures.col.party"), ("name", "col.name"),
        ("code", "signatures.col.code"), ("signed", "signatures.col.signed"),
    ], rows, kinds={"placement": "id", "party": "text", "name": "text", "code": "code", "signed": "text"})


def _args(issue: Any, show_pii: bool) -> dict:
    return {k: (mask(v) if isinstance(v, Pii) and not show_pii else v) for k, v in issue.args.items()
            if v is not None} | {k: "" for k, v in issue.args.items() if v is None}


def lines(results: list, lang: str, show_pii: bool, width: int, folder: str) -> list[Line]:
    """The table, then each problem with its fix, then what was not checked."""
    out = [Line(line.text, "title") for line in _wrapped(t("signatures.title", lang, folder=folder), width, "")]
    if not results:
        return out + [Line("  " + t("signatures.none", lang, folder=folder), "dim")]
    out += view_lines(view(results, lang), lang, show_pii, width)[1:]
    issues = [(r, i) for r in results for i in r.problems]
    if issues:
        out.append(Line(""))
    for _, issue in issues:
        args = _args(issue, show_pii)
        label = t("severity.error" if issue.error else "severity.warning", lang)
        out += _wrapped(f"{label}: {t(issue.key, lang, **args)}", width, "")
        fix = hint_for(issue.key, lang, args)
        if fix:
            out += _wrapped(f"  {t('ui.fix', lang)}: {fix}", width, "dim")
    out.append(Line(""))
    out += _wrapped(t("signatures.offline", lang), width, "dim")
    return out


def _wrapped(text: str, width: int, style: str) -> list[Line]:
    """A sentence wrapped at `width`, its later lines indented; a path or a word is never cut."""
    import textwrap

    return [Line(line, style) for line in textwrap.wrap(text, width, subsequent_indent="    ",
                                                         break_long_words=False, break_on_hyphens=False)]


def document(results: list, lang: str, show_pii: bool, folder: str, written: list | None = None) -> dict:
    """The JSON document: each container, its parties and problems (message and fix)."""
    def code(value):
        return None if value is None else (str(value) if show_pii else mask(value))

    return {
        "folder": folder,
        "certificates_checked_online": False,
        "contracts": [{
            "file": r.file, "placement": r.placement, "status": r.status, "complete": r.complete,
            "consent_missing": r.consent_missing,
            "parties": [{"party": p.party, "member": p.member, "name": p.name, "personal_code": code(p.code),
                         "signed": p.signed.isoformat() if p.signed else None, "method": p.method,
                         "signer": p.signer, "new": p.new} for p in r.parties],
            "problems": [{"severity": "error" if i.error else "warning",
                          "message": t(i.key, lang, **_args(i, show_pii)),
                          "fix": hint_for(i.key, lang, _args(i, show_pii)) or None} for i in r.problems],
        } for r in results],
        "written": written or [],
    }
