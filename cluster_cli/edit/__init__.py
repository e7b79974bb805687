"""Writes to the data folder's own files, in one room: `write.py` (the data folder's lock, the
re-check against a snapshot, atomic writes keeping the mode) and what is written through it —
`drafts.py` (`match --write`'s draft placements, as YAML via ruamel); and new folders —
`init.py` (`cluster init`, with `init_examples.py` and the synthetic generator `synthetic.py`).
The coming import and status commands write here too. May import reports, load, model and the
base; nothing here prints or exits.
"""
