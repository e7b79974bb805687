#!/usr/bin/env python
"""Build the shipped contract templates (python-docx, real Word styles, headings and tables):

    python templates/make_templates.py [OUT_DIR]

writes, by default, the packaged templates (`cluster_cli/templates/`, what `cluster contracts`
renders with unless told otherwise) and the same bytes into this folder (the copy to edit and to
point `CLUSTER_TEMPLATES` at); with OUT_DIR, only there:

    praktikaleping_et.docx        the Estonian tripartite placement contract (4.11.5, Lisa 7 1.4)
                                   with the individual practice plan as annex "Lisa 1" (Lisa 7 5.7)
    placement_agreement_en.docx   the English tripartite agreement for placements abroad (Lisa 7
                                   12.7.1; in a mobility project the project agreement of 12.7.2)
    valispraktikaleping_et.docx   the Estonian bilateral school–student agreement that a placement
                                   abroad within a mobility project needs beside it (Lisa 7 12.7.2)
    lepingu_lisa_et.docx,         the amendment (lepingu lisa) to a signed contract, Estonian and
    amendment_en.docx             English: the changed terms old → new (`cluster contracts amend`)

Both are docxtpl templates: ``{{ … }}`` variables of the context documented in
`cluster_cli/contracts/context.py` (CONTEXT_SCHEMA), ``{%p … %}`` paragraph tags and
``{%tr … %}`` table-row tags (a row per host of a joint placement; a signature row for the
legal representative of a minor and for every host). A secretary edits them in Word or
LibreOffice; `cluster contracts check-template FILE` checks an edited copy.

One module per template (`template_et.py`, `template_en.py`, `template_two_party.py`,
`template_amendment.py`), built
with the helpers of `docx_builders.py`; this script only writes them.

The output is byte-for-byte reproducible (fixed document dates, pinned zip timestamps): the
template's bytes are part of every contract's inputs hash, so rebuilding must not change them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx_builders import save_reproducibly
from template_amendment import amendment_en, amendment_et
from template_en import english
from template_et import estonian
from template_two_party import two_party


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    outs = [Path(argv[0])] if argv else [here.parent / "cluster_cli" / "templates", here]
    for out in outs:
        out.mkdir(parents=True, exist_ok=True)
        save_reproducibly(estonian(), out / "praktikaleping_et.docx")
        save_reproducibly(english(), out / "placement_agreement_en.docx")
        save_reproducibly(two_party(), out / "valispraktikaleping_et.docx")
        save_reproducibly(amendment_et(), out / "lepingu_lisa_et.docx")
        save_reproducibly(amendment_en(), out / "amendment_en.docx")
        print(f"wrote praktikaleping_et.docx, placement_agreement_en.docx, valispraktikaleping_et.docx, "
              f"lepingu_lisa_et.docx and amendment_en.docx to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
