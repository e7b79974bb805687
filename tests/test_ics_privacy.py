"""The calendar file (`cluster calendar --ics`) is often shared: students' names only with
`--show-pii`; otherwise a student is named by id. Read back with the icalendar package."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

SAMPLE = Path(__file__).resolve().parents[1] / "data"


def _students() -> dict[str, str]:
    """Every student of the sample: id → "first last"."""
    found = {}
    for path in sorted((SAMPLE / "students").rglob("*.yaml")):
        for s in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found[s["id"]] = f"{s['first_name']} {s['last_name']}"
    return found


def _events(path: Path) -> list:
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def _texts(event) -> str:
    return " ".join(str(event.get(name, "")) for name in ("summary", "description", "categories", "location"))


@pytest.mark.parametrize("lang", ["et", "en"])
def test_no_names_without_show_pii(cli, tmp_path, lang):
    ics = tmp_path / "tahtajad.ics"
    result = cli("calendar", "--data", SAMPLE, "--as-of", "2026-11-23", "--days", "400", "--lang", lang,
                 "--ics", ics, "--output", tmp_path / "table.txt")
    assert result.exit_code == 0, result.output
    students = _students()
    events = _events(ics)
    named = [e for e in events if str(e["uid"]).split("-")[0] in ("debt", "leave")]
    assert named, "the sample has debts and academic leaves in the window"
    for event in events:
        text = _texts(event)
        for name in students.values():
            assert name not in text, (name, text)
    for event in named:  # the student is named by id instead
        assert any(str(event["description"]).startswith(f"{sid}: ") for sid in students), event["description"]
    # and nowhere else in the file either (a folded line would hide a name from a plain search)
    unfolded = ics.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert not [n for n in students.values() if n in unfolded]


def test_names_with_show_pii_and_the_file_is_private(cli, tmp_path):
    ics = tmp_path / "tahtajad.ics"
    result = cli("calendar", "--data", SAMPLE, "--as-of", "2026-11-23", "--days", "400", "--show-pii",
                 "--ics", ics, "--output", tmp_path / "table.txt")
    assert result.exit_code == 0, result.output
    students = _students()
    descriptions = [str(e["description"]) for e in _events(ics)]
    shown = {sid for sid, name in students.items() if any(d.startswith(f"{sid} {name}: ") for d in descriptions)}
    assert shown
    assert stat.S_IMODE(ics.stat().st_mode) == 0o600


def test_the_same_events_either_way(cli, tmp_path):
    """Privacy changes the words, never which events there are or their dates and ids."""
    plain, shown = tmp_path / "a.ics", tmp_path / "b.ics"
    for path, extra in ((plain, ()), (shown, ("--show-pii",))):
        result = cli("calendar", "--data", SAMPLE, "--as-of", "2026-11-23", "--days", "400", *extra,
                     "--ics", path, "--output", tmp_path / f"{path.stem}.txt")
        assert result.exit_code == 0, result.output

    def key(e):
        return str(e["uid"]), e.decoded("dtstart"), str(e["summary"])

    assert [key(e) for e in _events(plain)] == [key(e) for e in _events(shown)]
