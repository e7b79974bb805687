"""`cluster overview` in a real browser: headless Chromium opens each main page of the sample's
site from disk, the DOM it built shows the reports' figures, nothing is logged to its console
(no failed load, no error), and a screenshot is taken. Skipped where no Chromium is installed
(Debian: `apt-get install chromium`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_overview import AS_OF, DATA, Page, run, site  # noqa: F401  (the module's site fixture)

BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (chromium, chromium-browser or "
                                "google-chrome on PATH); on Debian: apt-get install -y chromium")
PAGES = ("index.html", "placements.html", "debts.html", "allowances.html", "calendar.html", "members/koodikoda.html")


def browse(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Chromium headless with a profile of its own; its console goes to stderr."""
    flags = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return subprocess.run([BROWSER, *flags, *args], capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line
            or "ERR_FILE_NOT_FOUND" in line or "Failed to load" in line]


@pytest.fixture(scope="module")
def dom(site, tmp_path_factory):  # noqa: F811
    root, docs = site
    profile = tmp_path_factory.mktemp("chromium")
    shots = tmp_path_factory.mktemp("shots")
    pages = {}
    for rel in PAGES:
        url = (root / "masked" / rel).resolve().as_uri()
        done = browse(profile, "--dump-dom", url)
        assert done.returncode == 0, done.stderr[-2000:]
        assert console_lines(done.stderr) == [], (rel, console_lines(done.stderr))
        shot = shots / (rel.replace("/", "-") + ".png")
        taken = browse(profile, "--window-size=412,915", f"--screenshot={shot}", url)  # a phone's width
        assert taken.returncode == 0 and console_lines(taken.stderr) == [], (rel, taken.stderr[-2000:])
        pages[rel] = (Page(done.stdout), shot)
    return pages, docs


def test_each_page_renders_and_a_screenshot_is_taken(dom):
    pages, _ = dom
    for rel, (parsed, shot) in pages.items():
        assert "".join(parsed.text).strip(), rel
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000, rel


def test_the_browsers_dom_shows_the_reports_figures(dom):
    pages, docs = dom
    members = pages["index.html"][0].rows_by("members", "data-member")
    assert {k: v[-1] for k, v in members.items()} == {m["id"]: str(m["placements"]) for m in docs["members"]["members"]}
    groups = pages["debts.html"][0].rows_by("debt-groups", "data-group")
    assert {k: v[5] for k, v in groups.items()} == {g["group"]: str(g["expired"]) for g in docs["debts"]["groups"]}
    contracts = [a["data-contract"] for a, _ in pages["placements.html"][0].tables["contracts"] if "data-contract" in a]
    assert contracts == [c["id"] for c in docs["contracts"]["contracts"]]
    events = [a["data-date"] for a, _ in pages["calendar.html"][0].tables["events"] if "data-date" in a]
    assert events == [e["date"] for e in docs["calendar"]["events"]]
