"""Loading `cluster.yaml` part by part: a mistake in one exam, committee or period must not throw
away the whole file (and with it every rule that reads the cluster). The parts that fail their
shape check — an item of a list, or a whole section that is not a list — are left out, each with
an info line saying it was not checked; the rest is loaded. The dataset remembers which sections
are incomplete (`Dataset.cluster_unchecked`), so that a rule that concludes from an absence (no
committee, no exam) does not do so on a section it has not fully seen."""

from __future__ import annotations

from pydantic import ValidationError

from cluster_cli.findings import Finding, make
from cluster_cli.i18n import N_
from cluster_cli.load.yaml_loader import YDict, YList
from cluster_cli.model.cluster import Cluster
from cluster_cli.model.common import Origin

# Fields the cluster cannot do without: a mistake in them leaves the whole file unused.
_REQUIRED = frozenset(name for name, info in Cluster.model_fields.items() if info.is_required())


def salvage(data: dict, error: ValidationError,
            origin: Origin) -> tuple[Cluster | None, Origin, set[str], list[Finding]]:
    """The cluster without the parts that failed `error`: (cluster or None, the origin of what was
    loaded, the sections left incomplete, info findings naming what was left out)."""
    drops: dict[str, set[int] | None] = {}
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        if not loc or not isinstance(loc[0], str):
            return None, origin, set(), []
        section = loc[0]
        if section in _REQUIRED:
            return None, origin, set(), []
        if section not in Cluster.model_fields:
            drops[section] = None  # an unknown key: its error says so; nothing of it is read
            continue
        value = data.get(section)
        whole = drops.get(section, set()) is None
        if len(loc) > 1 and isinstance(loc[1], int) and isinstance(value, list) and not whole:
            drops.setdefault(section, set()).add(loc[1])
        else:
            drops[section] = None
    kept = YDict((k, v) for k, v in data.items() if drops.get(k, ()) is not None)
    kept.line, kept.key_lines = getattr(data, "line", 1), dict(getattr(data, "key_lines", {}))
    notes = []
    for section, items in drops.items():
        if section not in Cluster.model_fields:
            continue
        if items is None:
            notes.append(make("info", "cluster-part-unchecked", "", origin.file, origin.line_of((section,)),
                              section, N_("cluster-part-unchecked.section"), section=section))
            continue
        value = data[section]
        left = YList(item for i, item in enumerate(value) if i not in items)
        left.line = getattr(value, "line", 0)
        left.item_lines = [line for i, line in enumerate(getattr(value, "item_lines", [])) if i not in items]
        kept[section] = left
        for i in sorted(items):
            notes.append(make("info", "cluster-part-unchecked", "", origin.file, origin.line_of((section, i)),
                              origin.path_text((section, i)), section=section, item=_name(value[i], i)))
    try:
        cluster = Cluster.model_validate(kept)
    except ValidationError:
        return None, origin, set(), []
    unchecked = {s for s in drops if s in Cluster.model_fields}
    return cluster, Origin(origin.file, "", kept), unchecked, notes


def _name(item, index: int) -> str:
    """How an item left out is named: its id, school, student or name, else its number (from 1)."""
    if isinstance(item, dict):
        for key in ("id", "school", "student", "name", "round"):
            value = item.get(key)
            if isinstance(value, (str, int)) and str(value).strip():
                return str(value)
    return str(index + 1)
