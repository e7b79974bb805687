"""`cluster overview`: the static site — jinja2 templates in this package, the CSS inline, the
charts inline SVG; no script and no link out of the folder, so the pages open from disk,
offline. `build_site` returns the files ({relative path: bytes}); `write_site` puts them in place
atomically (written into a temporary folder beside the target, then renamed)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from cluster_cli.i18n import N_, t, tn
from cluster_cli.render.overview import pages
from cluster_cli.render.overview.collect import Documents

MARKER = ".cluster-overview"
"""The file that marks a folder as an overview this command wrote (it may be replaced)."""


class SiteFolderError(Exception):
    """The output folder cannot be written: a catalogue key and its arguments."""

    def __init__(self, key: str, **args) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def member_file(member_id: str) -> str:
    return "members/" + re.sub(r"[^A-Za-z0-9_.-]", "_", member_id) + ".html"


def labels(lang: str, d: Documents) -> dict[str, str]:
    """Every fixed text of the pages, in the user's language."""
    return {
        "nav_index": t("overview.nav.index", lang), "nav_placements": t("overview.nav.placements", lang),
        "nav_debts": t("overview.nav.debts", lang), "nav_allowances": t("overview.nav.allowances", lang),
        "nav_calendar": t("overview.nav.calendar", lang), "nav_members": t("overview.nav.members", lang),
        "as_of": t("overview.as-of", lang, date=d.as_of),
        "members_by_kind": t("overview.members-by-kind", lang), "members_by_form": t("overview.members-by-form", lang),
        "coordinators": t("overview.coordinators", lang), "capacity": t("overview.capacity", lang),
        "places": t("overview.series.places", lang), "placements": t("overview.series.placements", lang),
        "count": t("overview.col.count", lang), "timeline_groups": t("overview.timeline-groups", lang),
        "timeline_hosts": t("overview.timeline-hosts", lang), "contracts": t("overview.contracts", lang),
        "debts_chart": t("overview.debts-chart", lang), "attendance": t("overview.attendance", lang),
        "attendance_note": t("overview.attendance.note", lang), "actions": t("overview.actions", lang),
        "allowances_chart": t("overview.allowances-chart", lang), "fund": t("overview.fund", lang),
        "series_fund": t("overview.series.fund", lang), "series_awarded": t("overview.series.awarded", lang),
        "remaining": t("overview.col.remaining", lang), "travel": t("overview.col.travel", lang),
        "lunch": t("overview.col.lunch", lang), "total": t("overview.col.total", lang),
        "calendar": t("overview.calendar", lang, start=d.as_of), "offers": t("overview.member.offers", lang),
        "hosted": t("overview.member.hosted", lang), "supervisors": t("overview.member.supervisors", lang),
        "contacts": t("overview.member.contacts", lang), "tasks": t("overview.member.tasks", lang),
        "pii_masked": t("overview.pii-masked", lang), "joint": t("members.col.joint", lang),
        "id": t("members.col.id", lang), "name": t("col.name", lang), "kind": t("members.col.kind", lang),
        "partnership": t("members.col.partnership", lang), "areas": t("members.col.areas", lang),
        "member": t("members.col.member", lang), "email": t("members.col.email", lang),
        "phone": t("members.col.phone", lang), "role": t("overview.col.role", lang),
        "personal_code": t("overview.col.personal-code", lang),
        "group": t("col.group", lang), "student": t("col.student", lang), "status": t("contract.col.status", lang),
        "start": t("contract.col.start", lang), "end": t("contract.col.end", lang),
        "hosts": t("contract.col.hosts", lang), "waiting": t("contract.col.waiting", lang),
        "students": t("overview.col.students", lang), "with_debts": t("overview.col.with-debts", lang),
        "curriculum": t("overview.col.curriculum", lang), "date": t("calendar.col.date", lang),
        "event": t("calendar.col.kind", lang), "subject": t("calendar.col.subject", lang),
        "message": t("col.message", lang), "clause": t("col.clause", lang), "due": t("overview.col.due", lang),
        "month": t("overview.col.month", lang), "unexcused": t("overview.col.unexcused", lang),
        "rate": t("overview.col.rate", lang), "below": t("overview.col.below-duty", lang),
        "none": t("overview.none", lang), "title": t("overview.title", lang, name=d.cluster_name),
    }


def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("cluster_cli.render.overview", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def build_site(d: Documents, lang: str, show_pii: bool) -> dict[str, bytes]:
    """The site's files: index, placements, debts, allowances, calendar, one page per member."""
    from markupsafe import Markup

    env = _environment()
    words = labels(lang, d)
    members = [(m["id"], m["name"], member_file(m["id"])) for m in d.members["members"]]
    common = {"w": words, "lang": lang, "show_pii": show_pii, "cluster": d.cluster_name, "members_nav": members,
              "svg": Markup}

    def page(template: str, root: str, **context) -> bytes:
        return env.get_template(template).render(root=root, **common, **context).encode("utf-8")

    files = {
        "index.html": page("index.html", "", p=pages.index_page(d, lang), page_title=words["nav_index"]),
        "placements.html": page("placements.html", "", p=pages.placements_page(d, lang, show_pii),
                                page_title=words["nav_placements"]),
        "debts.html": page("debts.html", "", p=pages.debts_page(d, lang), page_title=words["nav_debts"]),
        "allowances.html": page("allowances.html", "", p=pages.allowances_page(d, lang),
                                page_title=words["nav_allowances"]),
        "calendar.html": page("calendar.html", "", p=pages.calendar_page(d, lang, show_pii),
                              page_title=words["nav_calendar"]),
    }
    for member_id, name, path in members:
        files[path] = page("member.html", "../", p=pages.member_page(d, member_id, lang, show_pii), page_title=name)
    files[MARKER] = b"cluster overview\n"
    return files


def write_site(folder: Path, files: dict[str, bytes], force: bool) -> None:
    """Write `files` as the folder `folder`: into a temporary folder beside it, then renamed into
    place. An existing folder is replaced only when it is empty, an earlier overview, or `force`."""
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise SiteFolderError(N_("overview.not-a-folder"), path=str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file() and not force:
        raise SiteFolderError(N_("overview.not-empty"), path=str(folder))
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as exc:
        raise SiteFolderError(N_("overview.write-failed"), path=str(folder), reason=exc.strerror or str(exc)) from exc
    old = None
    try:
        for rel, blob in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
        staging.chmod(0o755)
        if folder.exists():
            old = folder.with_name(staging.name + ".old")
            folder.rename(old)
        staging.rename(folder)
    except OSError as exc:
        if old is not None and not folder.exists():
            old.rename(folder)
            old = None
        raise SiteFolderError(N_("overview.write-failed"), path=str(folder), reason=exc.strerror or str(exc)) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def wrote_text(folder: Path, files: dict[str, bytes], lang: str) -> str:
    count = sum(1 for rel in files if rel.endswith(".html"))
    return tn("overview.wrote", count, lang, path=str(folder))
