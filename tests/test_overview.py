"""`cluster overview`: the static site of the sample cluster — its pages exist and parse as HTML,
show the figures of the reports' JSON documents, link nowhere outside the folder, and mask
personal data unless --show-pii; the folder is written atomically and a foreign one refused."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import pytest
from typer.testing import CliRunner

from cluster_cli.cli.app import app
from cluster_cli.render.numbers import number_text

DATA = Path(__file__).resolve().parent.parent / "data"
AS_OF = "2026-11-23"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_LEAVES = {"rect", "line", "path", "circle", "text", "title", "desc", "g", "svg", "defs", "style", "polyline",
              "clippath", "use", "tspan", "a"}


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample's site (masked), its --show-pii twin, and the reports' JSON the pages must agree with."""
    root = tmp_path_factory.mktemp("overview")
    with mock.patch.dict(os.environ, {"CLUSTER_CACHE_DIR": str(root / "cache"), "COLUMNS": "200"}):
        for name, extra in (("masked", ()), ("pii", ("--show-pii",))):
            result = run("overview", "--data", DATA, "--as-of", AS_OF, "--output", root / name, *extra)
            assert result.exit_code == 0, result.output
        docs = {}
        for name, args in {"members": ("members", "list"), "debts": ("debts",), "contracts": ("contracts", "list"),
                           "calendar": ("calendar", "--days", "60"), "special": ("allowances", "special")}.items():
            month = ("--month", "11.2026") if name == "special" else ("--as-of", AS_OF)
            result = run(*args, "--data", DATA, *month, "--format", "json")
            assert result.exit_code == 0, result.output
            docs[name] = json.loads(result.stdout)
    return root, docs


class Page(HTMLParser):
    """The page's tags checked for balance, its links, and its table rows (attributes, cell texts)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[str] = []
        self.rows: list[tuple[dict, list[str]]] = []
        self.tables: dict[str, list[tuple[dict, list[str]]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None
        self.text: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"not closed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src", "xlink:href", "action"):
            if a.get(key):
                self.links.append(a[key])
        if tag == "table":
            self._table = a.get("id", "")
            self.tables[self._table] = []
        elif tag == "tr":
            self.tables.setdefault(self._table or "", []).append((a, []))
        elif tag in ("td", "th"):
            self._cell = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        for key in ("href", "src", "xlink:href"):
            if dict(attrs).get(key):
                self.links.append(dict(attrs)[key])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._table or ""][-1][1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def rows_by(self, table: str, key: str) -> dict[str, list[str]]:
        return {a[key]: cells for a, cells in self.tables[table] if key in a}


def page(folder: Path, rel: str) -> Page:
    text = (folder / rel).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    return Page(text)


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_every_page_is_written_and_parses_as_html(site):
    root, docs = site
    folder = root / "masked"
    expected = {"index.html", "placements.html", "debts.html", "allowances.html", "calendar.html"}
    expected |= {f"members/{m['id']}.html" for m in docs["members"]["members"]}
    assert {str(p.relative_to(folder)) for p in html_files(folder)} == expected
    for path in html_files(folder):
        parsed = page(folder, str(path.relative_to(folder)))
        assert parsed.errors == [], (path, parsed.errors)
        assert "<svg" in path.read_text(encoding="utf-8") or path.parent.name == "members" or \
            path.name == "calendar.html"


def test_links_stay_inside_the_folder_and_nothing_is_fetched(site):
    root, _ = site
    folder = root / "masked"
    for path in html_files(folder):
        text = path.read_text(encoding="utf-8")
        parsed = Page(text)
        for link in parsed.links:
            assert not re.match(r"^(https?:)?//", link), (path, link)
            assert (path.parent / link).resolve().is_file(), (path, link)
        assert "<script" not in text and "@import" not in text and "url(" not in text
        outside = set(re.findall(r"https?://[^\s\"'<>)]+", text))
        assert outside <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, (path, outside)


def test_the_index_shows_each_members_places_and_placements_from_members_json(site):
    root, docs = site
    rows = page(root / "masked", "index.html").rows_by("members", "data-member")
    assert set(rows) == {m["id"] for m in docs["members"]["members"]}
    for m in docs["members"]["members"]:
        assert rows[m["id"]][-2:] == [str(m["places"]), str(m["placements"])], m["id"]
    kinds = page(root / "masked", "index.html").tables["by-kind"]
    assert sum(int(cells[1]) for _, cells in kinds[1:]) == len(docs["members"]["members"])


def test_the_debts_page_shows_the_debt_counts_of_debts_json(site):
    root, docs = site
    rows = page(root / "masked", "debts.html").rows_by("debt-groups", "data-group")
    assert set(rows) == {g["group"] for g in docs["debts"]["groups"]}
    for g in docs["debts"]["groups"]:
        assert rows[g["group"]][1:] == [str(g[k]) for k in ("students", "with_debts", "open", "overdue", "expired",
                                                            "actions")]


def test_the_placements_page_lists_each_contract_with_its_status(site):
    root, docs = site
    parsed = page(root / "masked", "placements.html")
    rows = {a["data-contract"]: a["data-status"] for a, _ in parsed.tables["contracts"] if "data-contract" in a}
    assert rows == {c["id"]: c["status"] for c in docs["contracts"]["contracts"]}


def test_the_calendar_page_has_the_next_60_days_events(site):
    root, docs = site
    dates = [a["data-date"] for a, _ in page(root / "masked", "calendar.html").tables["events"] if "data-date" in a]
    assert dates == [e["date"] for e in docs["calendar"]["events"]]
    assert dates


def test_the_allowances_page_shows_the_special_allowance_fund_of_the_month(site):
    root, docs = site
    fund = page(root / "masked", "allowances.html").rows_by("fund", "data-month")["2026-11"]
    special = docs["special"]["fund"]
    assert fund[1:4] == [number_text(Decimal(special[k]), "et") for k in ("total", "awarded", "remaining")]


def test_a_member_page_shows_what_it_hosts_and_masks_personal_codes(site):
    root, docs = site
    result = run("members", "show", "koodikoda", "--data", DATA, "--as-of", AS_OF, "--format", "json", "--show-pii")
    member = json.loads(result.stdout)
    code = next(c["personal_code"] for c in member["contacts"] if c.get("personal_code"))
    masked = page(root / "masked", "members/koodikoda.html")
    hosted = [cells[0] for a, cells in masked.tables["hosted"][1:]]
    assert hosted == [p["id"] for p in member["placements"]]
    text = (root / "masked" / "members/koodikoda.html").read_text(encoding="utf-8")
    assert code not in text and code[-4:] in text
    assert code in (root / "pii" / "members/koodikoda.html").read_text(encoding="utf-8")


def test_student_names_only_with_show_pii(site):
    root, docs = site
    name = next(c["student_name"] for c in docs["contracts"]["contracts"] if c["student_name"])
    for rel in ("placements.html", "calendar.html", "debts.html", "index.html"):
        assert name not in (root / "masked" / rel).read_text(encoding="utf-8"), rel
    assert name in (root / "pii" / "placements.html").read_text(encoding="utf-8")


def test_english_pages_with_lang_en(cli, tmp_path):
    result = cli("overview", "--data", DATA, "--as-of", AS_OF, "--output", tmp_path / "en", "--lang", "en")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Members by kind" in text and "Liikmed liigi järgi" not in text


def test_a_foreign_folder_is_refused_an_earlier_overview_replaced(cli, tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("overview", "--data", DATA, "--as-of", AS_OF, "--output", target)
    assert result.exit_code == 1
    assert "--force" in result.output and "Traceback" not in result.output
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    forced = cli("overview", "--data", DATA, "--as-of", AS_OF, "--output", target, "--force")
    assert forced.exit_code == 0 and "(22 lehte)" in forced.output
    assert not (target / "notes.txt").exists() and (target / "index.html").is_file()
    (target / "index.html").write_text("old", encoding="utf-8")
    assert cli("overview", "--data", DATA, "--as-of", AS_OF, "--output", target).exit_code == 0
    assert (target / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    quiet = cli("overview", "--data", DATA, "--as-of", AS_OF, "--output", target, "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []  # no temporaries left
