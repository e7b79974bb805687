"""Round 7, the tester's findings on the rules' logic and wording (task N): each test breaks the
base data as the secretary did, runs `cluster validate --format json --lang et` on real files and
reads the findings back."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data
from tests.test_prior_learning import COMMITTEE, work
from tests.test_support import IOK, TALK

STUDENTS = "students/TA-24.yaml"
CARD = {"number": "V-26-001", "issued": date(2026, 9, 3), "valid_until": date(2027, 9, 30)}


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(code, change, as_of=AS_OF):
        files = base_data()
        files["cluster.yaml"]["prior_learning_committees"] = [COMMITTEE]
        change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        result = cli("validate", "--data", root, "--as-of", as_of, "--format", "json", "--lang", "et",
                     "--select", code)
        doc = json.loads(result.stdout)
        return [f for c in code.split(",") for f in findings_of(doc, c)]

    return _run


def mart(**fields):
    def change(files):
        files[STUDENTS][0].update(fields)
    return change


def vota(*applications):
    """Mart's VÕTA applications, each credited one with its grade in the journal."""
    grades = [{"module": a["module"], "kind": "prior_learning", "value": a["result"], "date": a["decided"]}
              for a in applications]
    return mart(prior_learning=list(applications), grades=grades)


def orders(found):
    return [(f["path"].rsplit(".", 1)[-1], f["message"]) for f in found if f["message"].startswith("Kontrollige kuup")]


# item 6: impossible date orders
def test_vota_decided_before_submitted(run):
    a = work(decided=date(2026, 9, 1), notified=date(2026, 9, 1))
    grade = {"module": "M2", "kind": "prior_learning", "value": "A", "date": date(2026, 9, 1)}
    found = run("prior-learning", mart(prior_learning=[a], grades=[grade]))
    assert orders(found) == [("decided", "Kontrollige kuupäevi: otsus (decided: 2026-09-01) on enne taotluse "
                                         "esitamist (submitted: 2026-09-14).")]
    assert found[0]["severity"] == "error"


def test_iok_end_before_start_and_approval_before_the_support_group(run):
    iok = {**IOK, "end": date(2026, 9, 1), "approved": {"number": "1-2/7", "date": date(2026, 8, 28)}}
    found = orders(run("individual-curriculum", mart(individual_curriculum=[iok])))
    assert sorted(found) == [
        ("approved", "Kontrollige kuupäevi: kinnitamine (approved: 2026-08-28) on enne tugirühma "
                     "otsust (support_group_decision: 2026-09-02)."),
        ("end", "Kontrollige kuupäevi: lõpp (end: 2026-09-01) on enne algust (start: 2026-09-07).")]


def test_talk_announced_after_it_and_memo_before_it(run):
    talk = {**TALK, "announced": date(2026, 10, 9), "memo": {"date": date(2026, 10, 1), "folder": "TA-24"}}
    found = run("development-talk", mart(development_talks=[talk]))
    assert [p for p, _ in orders(found)] == ["date", "date"]
    assert "vestlus (date: 2026-10-05) on enne vestluse määramist (announced: 2026-10-09)" in found[0]["message"]
    assert "memo (memo: 2026-10-01) on enne vestlust (date: 2026-10-05)" in found[1]["message"]
    # no advice to set the next talk earlier
    assert not any("varem" in f["hint"] for f in found) and len(found) == 2


def test_card_valid_until_before_issued(run):
    found = run("student-card,card-validity", mart(student_card={**CARD, "valid_until": date(2026, 6, 30)}))
    assert orders(found) == [("valid_until", "Kontrollige kuupäevi: kehtivuse lõpp (valid_until: 2026-06-30) on "
                                             "enne väljaandmist (issued: 2026-09-03).")]
    assert not any("Pikendage" in f["hint"] for f in found)


# item 7: more EKAP credited than the module has
def test_vota_credits_more_than_the_module_has(run):
    [f] = run("prior-learning", vota(work(ekap=500)))
    assert f["severity"] == "warning" and f["path"].endswith("prior_learning[0].ekap")
    assert f["message"] == "S1: VÕTA otsusega arvestatakse moodulile M2 500 EKAP, mooduli maht on 50 EKAP."
    assert run("prior-learning", vota(work(ekap=50))) == []


# item 11: one study-year start — cluster.yaml's periods (2026-09-01), not the profile's Monday
def test_vota_application_month_counts_from_the_clusters_study_year_start(run):
    on_time = work(submitted=date(2026, 10, 1), decided=date(2026, 10, 8))
    assert run("prior-learning", vota(on_time)) == []
    [f] = run("prior-learning", vota({**on_time, "submitted": date(2026, 10, 2)}))
    assert f["clause"] == "Lisa 5 II.1" and "2026-10-01" in f["message"] and "2026-09-01" in f["message"]


# item 20: a mistyped result is one finding, not three
def test_vota_mistyped_result_skips_the_journal_cross_checks(run):
    grade = {"module": "M2", "kind": "prior_learning", "value": "A", "date": date(2026, 10, 8)}
    found = run("prior-learning", mart(prior_learning=[work(result="4")], grades=[grade]))
    assert [f["clause"] for f in found] == ["Lisa 5 III.14"]


# item 21: a card issued in August for the coming study year needs no extension mark
def test_card_issued_over_the_summer_for_the_year_is_not_chased(run):
    august = {**CARD, "issued": date(2026, 8, 4), "valid_until": date(2027, 9, 30)}
    assert run("card-validity", mart(student_card=august)) == []
    # valid only until the year's middle: the mark is still due
    [f] = run("card-validity", mart(student_card={**august, "valid_until": date(2027, 1, 31)}))
    assert f["path"].endswith("issued")
    # a card of an earlier year keeps needing the yearly mark
    [f] = run("card-validity", mart(student_card={**august, "issued": date(2025, 9, 4)}))
    assert f["path"].endswith("issued")


# item 8: the committee counted by people; Lisa 3 III.2.3 when the leading teacher examines
def test_exam_committee_counts_people_and_the_examining_leading_teacher_does_not_chair(cli, tmp_path):
    def committee_findings(committee, name):
        files = base_data()
        files["cluster.yaml"]["exams"] = [{
            "id": "UE-1", "kind": "transition", "group": "TA-24", "module": "M1", "date": date(2026, 6, 12),
            "scheduled": date(2026, 5, 25), "committee_formed": date(2026, 5, 25), "committee": committee,
            "students": []}]
        root = write_data(tmp_path / name, files)
        result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et",
                     "--select", "exam-committee")
        return [f["message"] for f in findings_of(json.loads(result.stdout), "exam-committee")]

    kati = {"name": "Kati Kask", "role": "chair", "position": "leading_teacher"}
    juhan = {"name": "Juhan Juhataja", "role": "member", "position": "management"}
    mari = {"name": "Mari Maasikas", "role": "examiner", "position": "teacher"}
    assert committee_findings([kati, juhan, mari], "ok") == []
    twice = committee_findings([kati, juhan, {**kati, "role": "examiner"}], "twice")
    assert twice == ["Eksami UE-1 komisjonis on 2 liiget, vaja on vähemalt 3.",
                     "Üleminekueksami UE-1 komisjoni esimees Kati Kask on juhtivõpetaja, kuid eksamineerib "
                     "juhtivõpetaja Kati Kask; siis on esimees juhtkonna liige."]
    # another leading teacher examines: the management member chairs
    lead_examines = {"name": "Tiina Tamm", "role": "examiner", "position": "leading_teacher"}
    assert len(committee_findings([kati, juhan, lead_examines], "lead")) == 1
    assert committee_findings([{**juhan, "role": "chair"}, {**kati, "role": "member"}, lead_examines], "mgmt") == []


# item 17: a protocol received late says when it came
def test_exam_protocol_received_late_says_when(validate_changed):
    from tests.test_exams import final_exam, with_exams

    exam = final_exam()
    exam["protocol"]["received"] = date(2026, 11, 16)
    _, doc = validate_changed(with_exams(exam), "--select", "exam-protocol", "--lang", "et")
    [f] = findings_of(doc, "exam-protocol")
    assert f["message"] == ("Lõpueksami LE-1 (2026-11-02) protokoll jõudis sekretärini 2026-11-16, tähtaeg oli "
                            "2026-11-04 (2 tööpäeva).")
    del exam["protocol"]["received"]
    exam["protocol"]["archived"] = None
    _, doc = validate_changed(with_exams(exam), "--select", "exam-protocol", "--lang", "et")
    [f] = findings_of(doc, "exam-protocol")
    assert "saabumise kuupäev on märkimata" in f["message"]


# item 18: a cancellation names its kind and the start it was for
@pytest.mark.parametrize("kind, word", [("cancelled", "ärajäämisest"), ("postponed", "edasilükkamisest")])
def test_course_cancellation_names_its_kind(validate_changed, kind, word):
    from tests.test_courses import RULES, complete_course

    def build(files):
        course = complete_course()
        course["cancellation"] = {"kind": kind, "notified": course["start"]}
        files["courses.yaml"] = [course]

    _, doc = validate_changed(build, "--select", RULES, "--lang", "et")
    [f] = findings_of(doc, "course-registration")
    assert f["message"].startswith("Kursuse ") and f" {word} teatati " in f["message"]
    assert "alates" not in f["message"] and "kursus pidi algama" in f["message"]
    assert ("ärajäämisest" in f["message"]) != ("edasilükkamisest" in f["message"])


def sample_messages(cli, tmp_path, rules: str) -> list[dict]:
    """`cluster validate` on a copy of the sample data, the findings of `rules`."""
    import shutil
    from pathlib import Path

    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", root)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et", "--select", rules)
    doc = json.loads(result.stdout)
    return [f for code in rules.split(",") for f in findings_of(doc, code)]


# item 19: cum-laude's sentence and advice; exam-results' modules counted
def test_cum_laude_and_exam_results_wording_on_the_sample(cli, tmp_path):
    found = sample_messages(cli, tmp_path, "cum-laude,exam-results")
    pending = [f for f in found if f["code"] == "cum-laude" and "seni" in f["message"]]
    assert pending and all(f["message"].endswith("jäänud on eriala lõpueksam hindele 5 või kutseeksam.")
                           for f in pending)
    assert all(f["hint"].startswith("Kontrollige enne lõpetamise käskkirja") for f in pending)
    [admission] = [f for f in found if f["clause"] == "Lisa 3 III.1.5"]
    assert "kuid kursuse moodulid TA-M12, TA-M15 on läbimata" in admission["message"]


def test_exam_results_one_module_is_singular(validate_changed):
    from tests.test_exams import transition_exam, with_exams

    def change(f):
        with_exams(transition_exam(students=[{"student": "S1", "grade": 4}]))(f)
        for m in f["curricula.yaml"][0]["modules"]:
            if m["id"] in ("M1", "M2"):
                m["year"] = 2

    _, doc = validate_changed(change, "--select", "exam-results", "--lang", "et")
    [f] = findings_of(doc, "exam-results")
    assert "kuid kursuse moodul M2 on läbimata" in f["message"]


# item 12: the fields a record lacks, named in Estonian with the field in brackets; one is "puudub"
def test_missing_fields_are_named_in_estonian(run):
    talk = {**TALK, "goal_student": None, "goal_supervisor": None}
    [f] = run("development-talk", mart(development_talks=[talk]))
    assert f["message"].endswith("memost puuduvad: õpilase eesmärk (goal_student), rühmajuhendaja eesmärk "
                                 "(goal_supervisor).")
    [f] = run("development-talk", mart(development_talks=[{**TALK, "agreement": None}]))
    assert f["message"].endswith("memost puudub: kokkulepe (agreement).")


# item 13 (references): the closest id is offered, and the list starts with the nearest
def test_wrong_references_get_the_closest_id(cli, tmp_path):
    import shutil
    from pathlib import Path

    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", root)
    students = root / "students" / "vvttk" / "TA-24.yaml"
    students.write_text(students.read_text(encoding="utf-8").replace("  school: vvttk\n", "  school: vvtk\n", 1),
                        encoding="utf-8")
    cluster = root / "cluster.yaml"
    cluster.write_text(cluster.read_text(encoding="utf-8").replace("{student: ITN-24-02,", "{student: ITN-24-2,", 1),
                       encoding="utf-8")
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et",
                 "--select", "unknown-reference,exam-results")
    doc = json.loads(result.stdout)
    [ref] = findings_of(doc, "unknown-reference")
    assert ref["message"] == "Viide 'vvtk' ei leia kirjet (klastri liige, members)."
    assert ref["hint"].startswith("Kas mõtlesite 'vvttk'? Olemas: vvttk, ")
    [exam] = [f for f in findings_of(doc, "exam-results") if "ITN-24-2," in f["message"]]
    assert exam["hint"] == "Kas mõtlesite ITN-24-02? Parandage õpilase id."


# item 13 (choices): a misspelt choice gets the closest one
def test_a_misspelt_choice_gets_the_closest(cli, tmp_path):
    files = base_data()
    files[STUDENTS][1]["admission"] = {"date": date(2026, 8, 20), "directive": "1-3/45", "education": "basic",
                                       "documents": ["id_document", "aplication"]}
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    [f] = findings_of(json.loads(result.stdout), "invalid-choice")
    assert f["hint"].startswith("Kas mõtlesite 'application' (avaldus)? Valige üks: ")


def test_a_choice_written_in_estonian_gets_its_code_and_the_choices_their_meaning(cli, tmp_path):
    from tests.test_exams import final_exam

    files = base_data()
    files[STUDENTS][1]["admission"] = {"date": date(2026, 8, 20), "directive": "1-3/45", "education": "põhiharidus",
                                       "documents": ["id_document"]}
    exam = final_exam()
    exam["committee"][0]["role"] = "esimees"
    files["cluster.yaml"]["exams"] = [exam]
    root = write_data(tmp_path / "data", files)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json", "--lang", "et")
    hints = sorted(f["hint"] for f in findings_of(json.loads(result.stdout), "invalid-choice"))
    assert hints == [
        "Kas mõtlesite 'basic' (põhiharidus)? Valige üks: none (põhihariduseta), basic (põhiharidus), basic_simplified "
        "(lihtsustatud õppekava alusel põhiharidus), secondary (keskharidus)",
        "Kas mõtlesite 'chair' (esimees)? Valige üks: chair (esimees), deputy (aseesimees), member (liige), "
        "examiner (eksamineerija)"]
