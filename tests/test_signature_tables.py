"""The shipped templates' signature tables never split across a page (issue 18): each signature
row is `w:cantSplit` and keeps with the next, the heading above the table keeps with it. Read
back from templates rebuilt by templates/make_templates.py (the same bytes as the shipped ones)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

SIGNATURE_HEADINGS = {
    "praktikaleping_et.docx": ("12. Poolte allkirjad", "Praktikakava on kokku lepitud:"),
    "placement_agreement_en.docx": ("12. Signatures", "The practice plan has been agreed by:"),
    "valispraktikaleping_et.docx": ("7. Poolte allkirjad",),
    "lepingu_lisa_et.docx": ("4. Poolte allkirjad",),
    "amendment_en.docx": ("4. Signatures",),
}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("templates")
    subprocess.run([sys.executable, str(TEMPLATES / "make_templates.py"), str(out)], check=True, capture_output=True,
                   cwd=TEMPLATES)
    return out


def _table_after(doc, heading: str):
    """The paragraph `heading` and the table that follows it in the body."""
    body = list(doc.element.body.iterchildren())
    for i, el in enumerate(body):
        if el.tag == qn("w:p") and "".join(t.text or "" for t in el.iter(qn("w:t"))) == heading:
            table = next(x for x in body[i + 1:] if x.tag == qn("w:tbl"))
            return el, table
    raise AssertionError(f"no heading {heading!r}")


@pytest.mark.parametrize("name", sorted(SIGNATURE_HEADINGS))
def test_signature_rows_cannot_split_and_keep_with_their_heading(rebuilt, name):
    assert (rebuilt / name).read_bytes() == (TEMPLATES / name).read_bytes()  # the shipped ones are rebuilt
    doc = Document(str(rebuilt / name))
    for heading in SIGNATURE_HEADINGS[name]:
        p, table = _table_after(doc, heading)
        assert p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, heading
        rows = table.findall(qn("w:tr"))
        assert rows
        for row in rows:
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None, heading
        for row in rows[:-1]:  # every row but the last keeps with the next: the table stays on one page
            for para in row.iter(qn("w:p")):
                assert para.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, heading
