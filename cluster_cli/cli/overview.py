"""`cluster overview`: the cluster at a glance as a static HTML site (render/overview/)."""

from __future__ import annotations

from pathlib import Path

import typer

from cluster_cli.cli.common import AsOf, Data, Lang, NoCache, Quiet, ShowPii, Verbose
from cluster_cli.cli.common import fail, language, load_or_exit, note, parse_date, print_timings, refuse_if_unusable


def overview(
    data: Data = None, as_of: AsOf = None,
    # named `site`, not `output`: the other commands' `--output` file checks are not for a folder
    site: Path = typer.Option(..., "--output", "-o", metavar="DIR", help="help.overview.output"),
    force: bool = typer.Option(False, "--force", help="help.overview.force"),
    quiet: Quiet = False, lang: Lang = None, show_pii: ShowPii = False, verbose: Verbose = False,
    no_cache: NoCache = False,
) -> None:
    """The cluster as a static site: an index, placements, debts and attendance, allowances, the
    next 60 days' calendar and a page per member.

    Example: cluster overview --as-of 2026-11-23 --output overview
    """
    from cluster_cli.pipeline import Timings
    from cluster_cli.render.overview.collect import collect
    from cluster_cli.render.overview.site import SiteFolderError, build_site, write_site, wrote_text

    day = parse_date(as_of, language(lang))
    timings = Timings()
    loaded = load_or_exit(data, lang, timings, no_cache)
    used = language(lang, loaded.dataset.cluster.language if loaded.dataset.cluster else None)
    refuse_if_unusable(loaded, used)
    with timings.stage("overview"):
        files = build_site(collect(loaded.dataset, loaded.profile, day, used, show_pii), used, show_pii)
    try:
        write_site(site, files, force)
    except SiteFolderError as exc:
        fail(exc.key, used, code=1 if exc.key == "overview.not-empty" else 2, **exc.args_)
    note(wrote_text(site, files, used))
    if verbose:
        print_timings(timings, used)
