"""Minors' consents and notices (issue 21, item 8): academic leave (6.7.3) and study abroad
(4.12.5) with the legal representative's consent; a removal announced to them and its documents
given to them (6.8.6–6.8.7); every influence measure notified (6.9.4–6.9.5). Liis of the base
data is a minor; an adult student is never judged."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ADULT_CODE, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(status=None, measures=None, adult=False):
        files = base_data()
        liis = files[STUDENTS][1]
        if status is not None:
            liis["status"] = [{"status": "active", "start": date(2026, 9, 1), "end": date(2026, 9, 30)}, status]
        if measures is not None:
            liis["measures"] = measures
        if adult:
            liis["personal_code"] = ADULT_CODE
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root)

    return _run


LEAVE = {"status": "academic_leave", "start": date(2026, 10, 1), "end": date(2027, 1, 31), "reason": "health",
         "evidence": "tõend"}


def test_clause_6_7_3_a_minors_academic_leave_has_the_parents_consent(run):
    [v] = findings_of(run(LEAVE)[1], "minor-consent")
    assert (v["clause"], v["severity"]) == ("6.7.3", "warning") and "guardian_consent" in v["hint"]
    assert findings_of(run({**LEAVE, "guardian_consent": date(2026, 9, 20)})[1], "minor-consent") == []
    [late] = findings_of(run({**LEAVE, "guardian_consent": date(2026, 10, 5)})[1], "minor-consent")
    assert late["path"].endswith("guardian_consent")
    assert findings_of(run(LEAVE, adult=True)[1], "minor-consent") == []


def test_clause_4_12_5_a_minor_studying_abroad_has_written_consent(run):
    abroad = {"status": "abroad", "start": date(2026, 10, 1)}
    [v] = findings_of(run(abroad)[1], "minor-consent")
    assert v["clause"] == "4.12.5"
    assert findings_of(run({**abroad, "guardian_consent": date(2026, 9, 1)})[1], "minor-consent") == []


def test_clause_6_8_6_6_8_7_a_minors_removal_is_announced_and_documents_go_to_the_parent(run):
    removed = {"status": "expelled", "start": date(2026, 10, 1)}
    found = sorted(v["clause"] for v in findings_of(run(removed)[1], "minor-notice"))
    assert found == ["6.8.6", "6.8.7"]
    told = {**removed, "guardian_notified": date(2026, 9, 20), "documents_to": "guardian"}
    assert findings_of(run(told)[1], "minor-notice") == []
    to_student = {**told, "documents_to": "student"}
    [v] = findings_of(run(to_student)[1], "minor-notice")
    assert v["clause"] == "6.8.7" and v["path"].endswith("documents_to")
    assert findings_of(run({**to_student, "guardian_consent": date(2026, 9, 25)})[1], "minor-notice") == []
    assert findings_of(run(removed, adult=True)[1], "minor-notice") == []


def test_clause_6_9_4_6_9_5_every_measure_is_notified_to_a_minors_legal_representative(run):
    measures = [{"date": date(2026, 10, 16), "kind": "department_discussion"},
                {"date": date(2026, 11, 2), "kind": "reprimand", "directive": True}]
    found = [(v["clause"], v["message"]) for v in findings_of(run(measures=measures)[1], "minor-notice")]
    assert [c for c, _ in found] == ["6.9.4", "6.9.5"] and "käskkirjaline noomitus" in found[1][1]
    measures[0]["guardian_notified"] = date(2026, 10, 16)
    assert [v["clause"] for v in findings_of(run(measures=measures)[1], "minor-notice")] == ["6.9.5"]
    assert findings_of(run(measures=measures, adult=True)[1], "minor-notice") == []
