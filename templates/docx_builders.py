"""The small python-docx builders the contract templates are made of (paragraphs with **bold**,
template tags, bullets, tables with loop rows, page-number footers, the document's styles and
properties) and the reproducible save: fixed document dates and pinned zip timestamps, so that
rebuilding a template never changes its bytes. Used by `make_templates.py`."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

STAMP = datetime(2026, 11, 23, 0, 0, 0)

# --- small builders ----------------------------------------------------------------------------

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def para(doc_or_cell, text: str = "", style: str | None = None, align=None, size: float | None = None):
    """A paragraph; ``**bold**`` marks bold runs (never inside a Jinja tag)."""
    p = doc_or_cell.add_paragraph(style=style)
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            p.add_run(text[pos:m.start()])
        p.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        p.add_run(text[pos:])
    if align is not None:
        p.alignment = align
    if size is not None:
        for r in p.runs:
            r.font.size = Pt(size)
    return p


def tag(doc, text: str):
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %}); docxtpl removes it."""
    return doc.add_paragraph(text)


def bullets(doc, items: list[str]):
    for item in items:
        para(doc, item, style="List Bullet")


def loop_bullets(doc, loop: str, item: str = "{{ x }}"):
    tag(doc, "{%p for x in " + loop + " %}")
    para(doc, item, style="List Bullet")
    tag(doc, "{%p endfor %}")


def cell_lines(cell, lines: list[str], bold_first: bool = False):
    """Fill a table cell with one paragraph per line (the cell's first paragraph reused)."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        if bold_first and i == 0:
            run.bold = True


def header_row(table, titles: list[str]):
    row = table.rows[0]
    for cell, title in zip(row.cells, titles):
        cell_lines(cell, [title], bold_first=True)
        _shade(cell, "D9E2F3")
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")  # repeat the header row on every page
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _shade(cell, fill: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def table(doc, titles: list[str] | None, rows: list[list[list[str] | str]], widths: list[float]):
    """A grid table: a header row (unless `titles` is None), then rows of cells (a cell is a
    string or a list of lines)."""
    first = 0 if titles is None else 1
    t = doc.add_table(rows=first + len(rows), cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if titles is not None:
        header_row(t, titles)
    for r, cells in enumerate(rows, start=first):
        for c, value in enumerate(cells):
            cell_lines(t.rows[r].cells[c], value if isinstance(value, list) else [value])
    for row in t.rows:
        for c, w in enumerate(widths):
            row.cells[c].width = Cm(w)
    return t


def keep_with_next(paragraph):
    """The paragraph stays on the page of the one after it (a heading above its table)."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def signature_heading(doc, text: str, level: int = 1):
    """The heading of a signature table, kept on the table's page."""
    return keep_with_next(doc.add_heading(text, level=level))


def signature_table(doc, titles: list[str] | None, rows: list[list[list[str] | str]], widths: list[float]):
    """A `table` of signatures that never splits across a page: no row breaks (``w:cantSplit``),
    and each row's paragraphs keep with the next row (every row but the last)."""
    t = table(doc, titles, rows, widths)
    for i, row in enumerate(t.rows):
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        tr_pr.insert(0, el)  # CT_TrPr: cantSplit comes before tblHeader
        if i < len(t.rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    keep_with_next(paragraph)
    return t


def loop_table(doc, titles, loop_open: str, cells: list[list[str] | str], widths, before=(), after=()):
    """A table whose body row repeats: ``{%tr for … %}`` row, the body row, ``{%tr endfor %}`` row."""
    rows = [list(r) for r in before]
    rows.append([loop_open] + [""] * (len(titles) - 1))
    rows.append(cells)
    rows.append(["{%tr endfor %}"] + [""] * (len(titles) - 1))
    rows += [list(r) for r in after]
    return table(doc, titles, rows, widths)


def page_number_footer(doc, text: str, page_word: str):
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"{text} · {page_word} ")
    run.font.size = Pt(8)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def new_document(lang_tag: str, title: str, subject: str):
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")  # spelling and hyphenation in the contract's language
    lang.set(qn("w:val"), lang_tag)
    rpr.append(lang)
    for name, size in (("Heading 1", 13), ("Heading 2", 11.5)):
        doc.styles[name].font.size = Pt(size)
    props = doc.core_properties
    props.title = title
    props.subject = subject
    props.author = "cluster_cli"
    props.last_modified_by = "cluster_cli"
    props.keywords = "praktikaleping; placement contract; docxtpl"
    # docxtpl renders core properties with Jinja too: no braces here.
    props.comments = "Contract template: edit the text freely, keep the template tags. Check: cluster contracts check-template FILE"
    props.language = lang_tag
    props.created = STAMP
    props.modified = STAMP
    props.revision = 1
    props.identifier = ""
    return doc


def save_reproducibly(doc, path: Path) -> None:
    raw = io.BytesIO()
    doc.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            pinned = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            dst.writestr(pinned, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --- signature blocks: digital (DigiDoc) or paper (wet ink), as the context's `signatures` says ---

def signature_lines(digital: str, signature: str, day: str, width: int = 28) -> list[str]:
    """A signature cell's lines after the signer's name: `digital` when signed with DigiDoc;
    with ``--signatures paper`` a signature line and a date line (`width` characters) to fill
    in by hand."""
    line = "_" * width
    return ["{%p if signatures == 'paper' %}", f"{signature}: {line}", f"{day}: {line}",
            "{%p else %}", digital, "{%p endif %}"]


# --- person lines (a None is never printed: optional parts sit inside {% if %}) -----------------

def person(var: str) -> str:
    return ("{{ " + var + ".name }}{% if " + var + ".role %}, {{ " + var + ".role }}{% endif %}"
            "{% if " + var + ".email %}, {{ " + var + ".email }}{% endif %}"
            "{% if " + var + ".phone %}, {{ " + var + ".phone }}{% endif %}")
