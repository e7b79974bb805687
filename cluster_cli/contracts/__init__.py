"""Placement contracts (praktikaleping, 4.11.5, Lisa 7 1.4): the pipeline behind `cluster
contracts render` and `cluster contracts check-template`, one module per step::

    placements ──select──▶ plan (validation refusals, context, inputs hash, destination)   plan.py
               ──decide──▶ created / unchanged / updated / conflict (stored hash)         verdicts.py
               ──render──▶ DOCX bytes in memory (serial, or a fork pool when many)        docx.py
               ──write───▶ temp file + os.replace, in one transaction that a failure
                           rolls back, under the output folder's lock                    folder.py
               ──record──▶ manifest.json and manifest.csv                                  manifest.py

`context.py` builds each contract's context (`CONTEXT_SCHEMA`), `sandbox.py` is the sandboxed
Jinja environment with its time and size bounds, `template_check.py` checks a template, `pdf.py`
converts written contracts with LibreOffice.

Nothing here prints or exits; the CLI (`cli/contracts.py`) turns the results into words and
exit codes. The modules are imported one by one (no re-exports): jinja2, docxtpl and babel load
only when a step needs them.
"""
