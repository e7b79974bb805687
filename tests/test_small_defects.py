"""Small defects a secretary met (round 6 testers' list), each through the real CLI."""

from __future__ import annotations

from tests.conftest import AS_OF, base_data, write_data


# --- calendar --ics: the note counts events, not rows -------------------------------------------

def test_calendar_ics_note_counts_events(cli, tmp_path):
    from icalendar import Calendar

    root = write_data(tmp_path / "d", base_data())
    ics = tmp_path / "tahtajad.ics"
    for lang, word in (("et", "sündmust)"), ("en", "events)")):
        result = cli("calendar", "--data", root, "--as-of", AS_OF, "--days", "180", "--ics", ics, "--lang", lang)
        assert result.exit_code == 0, result.output
        count = len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
        assert count > 1
        assert f"({count} {word}" in result.stderr, result.stderr
        assert "rida" not in result.stderr and "rows" not in result.stderr
