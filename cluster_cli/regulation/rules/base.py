"""What every rule needs: the check context and a way to say where a finding is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from cluster_cli.findings import Finding, make
from cluster_cli.i18n import Phrase
from cluster_cli.model.common import Record
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.profile import Profile


@dataclass(frozen=True)
class Context:
    """The date the data is judged at (`--as-of`) and the regulation profile in force."""

    as_of: date
    profile: Profile

    def p(self, name: str, on: date | None = None) -> Any:
        """A parameter's value on `on` (default: the as-of date)."""
        return self.profile.value(name, on or self.as_of)

    def clause(self, name: str) -> str:
        return self.profile.clause(name)


@dataclass(frozen=True)
class Rule:
    """A check: a stable lowercase id users can select or silence, the clause it enforces, its
    usual severity, and a function ``(dataset, context) -> findings``.

    `scope` says what the check reads, which decides what `validate` may reuse (issue 20):
    - ``"record"``: each record of the kinds it iterates (`ds.records`) on its own, with the
      cluster (`ds.cluster`), the profile and the as-of date — and, looked up, records of the
      kinds named in `reads` (through `ds.by_id`, the typed views such as `ds.members`,
      `ds.is_known` and, for "placements", `placements_of`). Never another record of the kind
      it iterates. Its findings about a file's records then depend on that file's bytes and
      on the files holding the `reads` kinds only, so they are kept per file in the cache and
      re-run only for the files that changed (or all of them, when a file of a kind it reads
      changed). A finding may be located in another file (a student's rule reporting on the
      student's placement); what it says about the cluster (cluster.yaml) must come from no
      record it iterates (it may look up its `reads`), and is judged again on every run.
      tests/test_incremental.py checks all of this, also by watching what each rule looks up.
    - ``"joined"`` (the default): anything else — duplicates and counts across files.
      Always re-run on the whole dataset. A rule that is not sure stays joined.

    `across` is a record rule's other half, where one clause has both: what looks across
    records (a group's first grade of a module, numbers unique in a school), run on the whole
    dataset every time after `check`. It reads other files' records through
    `regulation/summaries.py`, so that unchanged files are not built. `run` gives both."""

    id: str
    clause: str
    severity: str
    check: Callable[[Dataset, Context], Iterable[Finding]]
    scope: str = "joined"
    reads: tuple[str, ...] = ()
    across: Callable[[Dataset, Context], Iterable[Finding]] | None = None

    def run(self, ds: Dataset, ctx: Context) -> Iterator[Finding]:
        """Every finding of the rule on the whole dataset."""
        yield from self.check(ds, ctx)
        if self.across is not None:
            yield from self.across(ds, ctx)


def at(
    record: Record,
    path: tuple,
    code: str,
    clause: str,
    *,
    severity: str = "error",
    key: str | None = None,
    **args: Any,
) -> Finding:
    """A finding located at `path` inside `record` (the deepest existing key gives the line)."""
    origin = record.origin
    return make(severity, code, clause, origin.file, origin.line_of(path), origin.path_text(path), key, **args)


def order(record: Record, path: tuple, code: str, clause: str, later: tuple[str, str, Any],
          earlier: tuple[str, str, Any], *, severity: str = "error") -> Finding | None:
    """An impossible order of two dates of one record: `later` — (field, label key in the
    nominative, date) — falls before `earlier` — (field, label key in the partitive, date). None
    when either date is missing or the order is right. The finding is located at `path`."""
    (later_field, later_label, later_date), (earlier_field, earlier_label, earlier_date) = later, earlier
    if later_date is None or earlier_date is None or later_date >= earlier_date:
        return None
    return at(record, path, code, clause, severity=severity, key="date-order", later=Phrase(later_label),
              later_field=later_field, later_date=later_date, earlier=Phrase(earlier_label),
              earlier_field=earlier_field, earlier_date=earlier_date)


def fields(names: Iterable[str]) -> list[Phrase]:
    """Field names as a sentence shows them: each its label with the field in brackets."""
    from cluster_cli.i18n.words_fields import FIELD

    return [Phrase(FIELD[name]) for name in names]



def _likeness(word: str, choice: str) -> tuple[float, bool]:
    """How close `choice` is to `word`: difflib's ratio, then whether it has the same characters
    (two swapped, `TA-42` for `TA-24`)."""
    from difflib import SequenceMatcher

    a, b = word.casefold(), choice.casefold()
    return SequenceMatcher(None, a, b).ratio(), sorted(a) == sorted(b)


def nearest(word: str, choices: Iterable[str]) -> list[str]:
    """`choices` ordered by how close each is to `word` (difflib's ratio, as `unknown-field`
    judges a misspelt field; two characters swapped first among equals), ties alphabetically."""
    return sorted(choices, key=lambda c: (tuple(-x for x in _likeness(word, c)), c))


def close_match(word: str, choices: Iterable[str]) -> str | None:
    """The one choice close enough to be what `word` meant (difflib's cutoff 0.6), else None."""
    ranked = nearest(word, choices)
    return ranked[0] if ranked and _likeness(word, ranked[0])[0] >= 0.6 else None
