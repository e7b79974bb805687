"""Each regulation check, a violating and a passing case, named after its clause.

Every test starts from the valid sample (`base_data()`), changes what the rule is about, runs
`cluster validate --format json` on real files and reads the findings back.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ADULT2_CODE, MINOR_CODE, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(validate_changed):
    return validate_changed


def curriculum(files):
    return files["curricula.yaml"][0]


def student(files, i=0):
    return files[STUDENTS][i]


def placement(files, i=0):
    return files["placements.yaml"][i]


# --- curricula ------------------------------------------------------------------------------


def test_clause_3_4_7_volume_of_vocational_secondary_must_be_180(run):
    def change(f):
        curriculum(f)["ekap"] = 150
        curriculum(f)["modules"][0]["ekap"] = 10

    code, doc = run(change)
    assert code == 1
    [v] = findings_of(doc, "curriculum-volume")
    assert "3.4.7" in v["clause"] and "180" in v["message"]


def test_clause_3_4_4_continuing_level_4_between_15_and_60(run):
    def change(f):
        c = curriculum(f)
        c.update(kind="continuing", ekap=60)
        c["modules"] = [
            {"id": "M1", "name": "Praktiline töö", "type": "core", "ekap": 30, "practical_work_ekap": 20},
            {"id": "M3", "name": "Praktika", "type": "core", "ekap": 30, "practice_ekap": 20},
        ]
        for s in f[STUDENTS]:
            s.pop("grades", None)

    code, doc = run(change)
    assert findings_of(doc, "curriculum-volume") == []
    assert code == 0, doc

    def too_big(f):
        change(f)
        curriculum(f)["ekap"] = 61
        curriculum(f)["modules"][0]["ekap"] = 31

    code, doc = run(too_big)
    assert code == 1 and findings_of(doc, "curriculum-volume")


def test_clause_3_2_3_level_2_has_no_continuing_kind(run):
    def change(f):
        curriculum(f).update(level=2, kind="continuing")

    code, doc = run(change)
    [v] = findings_of(doc, "curriculum-volume")
    assert "initial" in v["hint"] and v["path"] == "curricula[0].kind"


def test_clause_2_21_modules_must_add_up_to_the_curriculum(run):
    code, doc = run(lambda f: curriculum(f)["modules"][0].update(ekap=39))
    [v] = findings_of(doc, "curriculum-volume")
    assert v["severity"] == "warning" and v["clause"] == "2.21"


def test_clause_3_4_4_practice_share_at_least_half(run):
    # A level-4 initial curriculum: 30 + 35 + 30 = 95 of 180 is 53 %: passes; removing 10 EKAP of
    # practical work makes 47 %.
    def initial(f, practical=35):
        curriculum(f)["kind"] = "initial"
        curriculum(f)["ekap"] = 150
        curriculum(f)["modules"][1]["practical_work_ekap"] = practical
        curriculum(f)["modules"][3].update(type="core", ekap=30)

    code, doc = run(initial)
    assert findings_of(doc, "practice-share") == []
    code, doc = run(lambda f: initial(f, practical=9))  # 30 + 9 + 30 = 69 of 150 = 46 %
    assert code == 1
    [v] = findings_of(doc, "practice-share")
    assert "3.4.4" in v["clause"] and "50 %" in v["message"]


def test_clause_3_2_3_level_2_needs_70_percent(run):
    def change(f, practical):
        c = curriculum(f)
        c.update(level=2, kind="initial", ekap=60)
        c["modules"] = [
            {"id": "M1", "name": "Töö", "type": "core", "ekap": 30, "practical_work_ekap": practical},
            {"id": "M3", "name": "Praktika", "type": "core", "ekap": 30, "practice_ekap": 20},
        ]
        for s in f[STUDENTS]:
            s.pop("grades", None)

    code, doc = run(lambda f: change(f, 22))  # 42 / 60 = 70 %
    assert findings_of(doc, "practice-share") == []
    code, doc = run(lambda f: change(f, 21))  # 41 / 60 < 70 %
    [v] = findings_of(doc, "practice-share")
    assert "70 %" in v["message"]


def test_clause_3_4_7_key_competences_at_least_60(run):
    code, doc = run(lambda f: None)
    assert findings_of(doc, "key-competences") == []

    def change(f):
        mods = curriculum(f)["modules"]
        mods[3]["ekap"] = 50
        mods[0]["ekap"] = 50

    code, doc = run(change)
    [v] = findings_of(doc, "key-competences")
    assert v["clause"] == "3.4.7" and "50" in v["message"]


def test_clause_3_6_2_2_workplace_based_practice_two_thirds(run):
    def change(f, practice):
        c = curriculum(f)
        c.update(kind="initial", study_form="workplace_based", ekap=120)
        c["modules"] = [
            {"id": "M1", "name": "Teooria", "type": "core", "ekap": 120 - practice, "practical_work_ekap": 10},
            {"id": "M3", "name": "Praktika", "type": "core", "ekap": practice, "practice_ekap": practice},
        ]
        for s in f[STUDENTS]:
            s.pop("grades", None)

    code, doc = run(lambda f: change(f, 80))  # exactly 2/3
    assert findings_of(doc, "workplace-practice-share") == []
    code, doc = run(lambda f: change(f, 79))
    [v] = findings_of(doc, "workplace-practice-share")
    assert v["clause"] == "3.6.2.2" and v["severity"] == "error"


def test_clause_3_6_2_1_school_based_practice_at_most_half(run):
    def change(f):
        mods = curriculum(f)["modules"]
        mods[2].update(ekap=100, practice_ekap=100)
        mods[0].update(ekap=10, practical_work_ekap=5)
        mods[1].update(ekap=10, practical_work_ekap=5)

    code, doc = run(change)
    [v] = findings_of(doc, "workplace-practice-share")
    assert v["clause"] == "3.6.2.1" and v["severity"] == "warning"


# --- codes ----------------------------------------------------------------------------------


def test_personal_code_checksum_with_stdnum(run):
    code, doc = run(lambda f: student(f).update(personal_code="50801012232"))
    assert code == 1
    [v] = findings_of(doc, "personal-code")
    assert "kontrollnumber" in v["message"]
    assert "50801012232" not in v["message"]  # masked without --show-pii


def test_personal_code_shown_with_show_pii(run):
    code, doc = run(lambda f: student(f).update(personal_code="50801012232"), "--show-pii")
    [v] = findings_of(doc, "personal-code")
    assert "50801012232" in v["message"]


def test_personal_code_birth_date_must_agree(run):
    code, doc = run(lambda f: student(f).update(birth_date=date(2008, 1, 2)))
    [v] = findings_of(doc, "personal-code")
    assert "2008-01-01" in v["message"]


def test_foreign_student_needs_birth_date_and_document(run):
    def change(f):
        del student(f)["personal_code"]

    code, doc = run(change)
    assert findings_of(doc, "personal-code")

    def with_document(f):
        change(f)
        student(f)["birth_date"] = date(2005, 4, 1)
        student(f)["foreign_document"] = {"country": "LV", "number": "LV1234567"}
        student(f)["residence"] = "temporary"

    code, doc = run(with_document)
    assert findings_of(doc, "personal-code") == [] and code == 0, doc


def test_registry_code_checked_for_estonian_members_only(run):
    code, doc = run(lambda f: f["members.yaml"][1].update(registry_code="10123458"))
    [v] = findings_of(doc, "registry-code")
    assert v["path"] == "members[1].registry_code"
    code, doc = run(lambda f: f["members.yaml"][1].update(registry_code="FI1234567-8", country="FI"))
    assert findings_of(doc, "registry-code") == []


def test_iban_checksum(run):
    code, doc = run(lambda f: student(f).update(iban="EE382200221020145684"))
    [v] = findings_of(doc, "iban")
    assert v["severity"] == "error" and "EE382200221020145684" not in v["message"]


def test_email_and_phone(run):
    def change(f):
        student(f)["email"] = "mart.tamm@@example"
        student(f)["phone"] = "+372 12"

    code, doc = run(change)
    assert [v["path"] for v in findings_of(doc, "email")] == ["students[0].email"]
    assert [v["path"] for v in findings_of(doc, "phone")] == ["students[0].phone"]


# --- students -------------------------------------------------------------------------------


def test_clause_6_1_8_minor_needs_guardian(run):
    code, doc = run(lambda f: student(f, 1).pop("guardian"))
    assert code == 1
    [v] = findings_of(doc, "minor-guardian")
    assert "6.1.8" in v["clause"] and "16" in v["message"]


def test_clause_6_1_8_adult_needs_no_guardian_and_age_follows_as_of(run, cli, tmp_path):
    files = base_data()
    student(files, 1).pop("guardian")
    root = write_data(tmp_path / "d", files)
    # Born 2009-12-31: a minor on 2027-12-30, an adult on 2027-12-31.
    result = cli("validate", "--data", root, "--as-of", "2027-12-30", "--format", "json", "--select", "minor-guardian")
    assert result.exit_code == 1
    result = cli("validate", "--data", root, "--as-of", "2027-12-31", "--format", "json", "--select", "minor-guardian")
    assert result.exit_code == 0, result.stdout


def leave(reason, start, end, **extra):
    return {"status": "academic_leave", "reason": reason, "start": start, "end": end, **extra}


def _with_leave(f, entry, i=0):
    s = student(f, i)
    s["status"] = [
        {"status": "active", "start": s["start"], "end": date(2025, 1, 31)},
        entry,
        {"status": "active", "start": date.fromordinal(entry["end"].toordinal() + 1)},
    ]
    s["nominal_end"] = date(2030, 6, 30)


def test_clause_6_7_2_1_health_leave_up_to_two_years(run):
    ok = leave("health", date(2025, 2, 1), date(2027, 1, 31), evidence="arstitõend 12")
    code, doc = run(lambda f: _with_leave(f, ok))
    assert findings_of(doc, "academic-leave") == []
    bad = leave("health", date(2025, 2, 1), date(2027, 2, 1), evidence="arstitõend 12")
    code, doc = run(lambda f: _with_leave(f, bad))
    [v] = findings_of(doc, "academic-leave")
    assert v["clause"] == "6.7.2.1" and "2027-01-31" in v["message"]


def test_clause_6_7_2_2_military_leave_up_to_one_year(run):
    code, doc = run(lambda f: _with_leave(f, leave("military", date(2025, 2, 1), date(2026, 1, 31))))
    assert findings_of(doc, "academic-leave") == []
    code, doc = run(lambda f: _with_leave(f, leave("military", date(2025, 2, 1), date(2026, 3, 1))))
    [v] = findings_of(doc, "academic-leave")
    assert v["clause"] == "6.7.2.2"


def test_clause_6_7_2_3_child_care_until_child_is_three(run):
    entry = leave("child_care", date(2025, 2, 1), date(2027, 1, 10), child_birth_date=date(2024, 1, 10))
    code, doc = run(lambda f: _with_leave(f, entry))
    assert findings_of(doc, "academic-leave") == []
    entry = leave("child_care", date(2025, 2, 1), date(2027, 1, 11), child_birth_date=date(2024, 1, 10))
    code, doc = run(lambda f: _with_leave(f, entry))
    [v] = findings_of(doc, "academic-leave")
    assert v["clause"] == "6.7.2.3"
    entry = leave("child_care", date(2025, 2, 1), date(2026, 1, 11))
    code, doc = run(lambda f: _with_leave(f, entry))
    assert "child_birth_date" in findings_of(doc, "academic-leave")[0]["hint"]


def test_clause_6_7_2_4_other_reasons_only_for_adults(run):
    def change(f):
        s = student(f)
        s["personal_code"] = MINOR_CODE
        s["guardian"] = {"name": "Ema", "phone": "+372 5234 5678"}
        _with_leave(f, leave("other", date(2025, 2, 1), date(2025, 12, 1)))

    code, doc = run(change)
    [v] = findings_of(doc, "academic-leave")
    assert v["clause"] == "6.7.2.4" and "täisealine" in v["message"]

    def adult(f):
        student(f)["personal_code"] = ADULT2_CODE
        _with_leave(f, leave("other", date(2025, 2, 1), date(2025, 12, 1)))

    code, doc = run(adult)
    assert findings_of(doc, "academic-leave") == []


def test_clause_6_7_2_4_other_reasons_need_60_ekap_curriculum(run):
    def change(f):
        c = curriculum(f)
        c.update(kind="continuing", ekap=50)
        c["modules"] = [
            {"id": "M1", "name": "Praktiline töö", "type": "core", "ekap": 25, "practical_work_ekap": 20},
            {"id": "M3", "name": "Praktika", "type": "core", "ekap": 25, "practice_ekap": 20},
        ]
        student(f)["personal_code"] = ADULT2_CODE
        student(f).pop("grades")
        _with_leave(f, leave("other", date(2025, 2, 1), date(2025, 12, 1)))

    code, doc = run(change)
    [v] = findings_of(doc, "academic-leave")
    assert v["clause"] == "6.7.2.4" and "60" in v["message"]


def test_clause_6_7_4_health_leave_without_evidence_warns(run):
    code, doc = run(lambda f: _with_leave(f, leave("health", date(2025, 2, 1), date(2025, 6, 1))))
    [v] = findings_of(doc, "academic-leave")
    assert v["severity"] == "warning" and v["clause"] == "6.7.4"


ENDED_LEAVE = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 9, 30)},
               {"status": "academic_leave", "start": date(2026, 10, 1), "end": date(2027, 1, 31),
                "reason": "health", "evidence": "tõend"}]


def test_clause_6_7_10_6_8_2_5_validate_warns_of_a_leave_ended_without_a_return(run):
    def change(f):
        student(f)["status"] = [dict(e) for e in ENDED_LEAVE]

    # A week after Sunday 31 Jan 2027 is Sunday 7 Feb, two weeks Sunday 14 Feb: each moves to Monday.
    code, doc = run(change, "--as-of", "2027-02-03", "--lang", "en")
    [v] = findings_of(doc, "leave-return")
    assert (v["severity"], v["clause"], v["line"] > 0) == ("warning", "6.7.10, 6.8.2.5", True)
    assert v["path"].endswith("status[1].end")
    assert "2027-02-08" in v["message"] and "2027-02-15" in v["message"] and "has passed" not in v["message"]
    code, doc = run(change, "--as-of", "2027-02-09", "--lang", "en")
    [v] = findings_of(doc, "leave-return")
    assert "has passed" in v["message"] and "expulsion" in v["hint"]
    # During the leave, and once the return is recorded, nothing to say.
    assert findings_of(run(change, "--as-of", "2027-01-15")[1], "leave-return") == []

    def back(f):
        change(f)
        student(f)["status"].append({"status": "active", "start": date(2027, 2, 4)})

    assert findings_of(run(back, "--as-of", "2027-02-09")[1], "leave-return") == []


def test_status_history_overlap(run):
    def change(f):
        s = student(f)
        s["status"] = [
            {"status": "active", "start": date(2024, 9, 2), "end": date(2025, 3, 1)},
            {"status": "abroad", "start": date(2025, 2, 1), "end": date(2025, 5, 1)},
        ]

    code, doc = run(change)
    [v] = findings_of(doc, "status-history")
    assert v["path"] == "students[0].status[1].start"


def test_clause_lisa_6_ii_2_practice_subgroup_at_most_15(run):
    code, doc = run(lambda f: f["groups.yaml"][0].update(practice_subgroup_size=15))
    assert findings_of(doc, "practice-group-size") == []
    code, doc = run(lambda f: f["groups.yaml"][0].update(practice_subgroup_size=16))
    [v] = findings_of(doc, "practice-group-size")
    assert v["clause"] == "Lisa 6 II.2"


def test_clause_lisa_6_ii_3_special_needs_subgroup_at_most_8(run):
    code, doc = run(lambda f: f["groups.yaml"][0].update(special_needs=True, practice_subgroup_size=8))
    assert findings_of(doc, "practice-group-size") == []
    code, doc = run(lambda f: f["groups.yaml"][0].update(special_needs=True, practice_subgroup_size=9))
    [v] = findings_of(doc, "practice-group-size")
    assert v["clause"] == "Lisa 6 II.3" and code == 1


def test_clause_lisa_6_ii_2_large_group_without_subgroups_warns(run):
    def change(f):
        template = student(f)
        for n in range(15):
            s = dict(template, id=f"X{n}")
            f[STUDENTS].append(s)

    code, doc = run(lambda f: (change(f), f.update()))
    [v] = findings_of(doc, "practice-group-size")
    assert v["severity"] == "warning" and "17" in v["message"]


# --- identity -------------------------------------------------------------------------------


def test_dangling_references(run):
    def change(f):
        student(f)["group"] = "TA-99"
        placement(f)["hosts"][0]["member"] = "nobody"
        placement(f)["tasks"][0]["catalogue"] = "T-NONE"

    code, doc = run(change)
    paths = sorted(v["path"] for v in findings_of(doc, "unknown-reference"))
    assert paths == ["placements[0].hosts[0].member", "placements[0].tasks[0].catalogue", "students[0].group"]


def test_grade_module_must_be_in_curriculum(run):
    code, doc = run(lambda f: student(f)["grades"][0].update(module="ZZ"))
    [v] = findings_of(doc, "unknown-reference")
    assert "150001" in v["message"]


def test_student_school_must_be_a_school(run):
    code, doc = run(lambda f: student(f).update(school="koodikoda"))
    kinds = [v for v in findings_of(doc, "unknown-reference") if "company" in v["message"]]
    assert kinds


# --- placements -----------------------------------------------------------------------------


def test_clause_lisa_7_1_4_contract_terms_required_from_review(run):
    def change(f):
        p = placement(f)
        del p["hours"], p["ekap"], p["address"], p["school_supervisor"], p["tasks"]
        del p["hosts"][0]["supervisor"]
        f["members.yaml"][1].pop("address")

    code, doc = run(change)
    clauses = sorted(v["clause"] for v in findings_of(doc, "contract-terms"))
    assert clauses == ["Lisa 7 1.4.3", "Lisa 7 1.4.4", "Lisa 7 1.4.5", "Lisa 7 1.4.9", "Lisa 7 1.4.9, 2.2"]

    def draft(f):
        change(f)
        placement(f)["status"] = "draft"

    code, doc = run(draft)
    assert findings_of(doc, "contract-terms") == []


def test_clause_lisa_7_1_4_4_address_from_host_member(run):
    code, doc = run(lambda f: placement(f).pop("address"))
    assert findings_of(doc, "contract-terms") == []


def test_clause_lisa_7_5_7_individual_practice_plan(run):
    code, doc = run(lambda f: placement(f).pop("plan"))
    [v] = findings_of(doc, "practice-plan")
    assert v["clause"] == "Lisa 7 5.7"
    code, doc = run(lambda f: placement(f)["plan"].update(expected_outcomes=[]))
    [v] = findings_of(doc, "practice-plan")
    assert "expected_outcomes" in v["message"]


def test_clause_lisa_7_10_1_special_needs_plan_notes(run):
    code, doc = run(lambda f: student(f).update(special_needs="düsleksia"))
    [v] = findings_of(doc, "practice-plan")
    assert v["clause"] == "Lisa 7 10.1"
    code, doc = run(lambda f: (student(f).update(special_needs="düsleksia"),
                               placement(f)["plan"].update(special_needs_notes="Juhendamisel kirjalikud juhised")))
    assert findings_of(doc, "practice-plan") == []


def joint(f, second_start=date(2027, 3, 1), hours=(160, 152)):
    p = placement(f)
    first = p["hosts"][0]
    first.update(end=date(2027, 2, 26), hours=hours[0])
    p["hosts"].append({
        "member": "andmesild", "start": second_start, "end": date(2027, 3, 26), "hours": hours[1],
        "supervisor": {"name": "Ülle Ülem", "email": "ylle@andmesild.ee"},
    })


def test_joint_placement_valid(run):
    code, doc = run(joint)
    assert findings_of(doc, "joint-placement") == [] and code == 0, doc


def test_joint_placement_overlap_and_hours(run):
    code, doc = run(lambda f: joint(f, second_start=date(2027, 2, 20)))
    [v] = findings_of(doc, "joint-placement")
    assert "kattuvad" in v["message"] and v["path"] == "placements[0].hosts[1].start"
    code, doc = run(lambda f: joint(f, hours=(160, 150)))
    [v] = findings_of(doc, "joint-placement")
    assert v["clause"] == "Lisa 7 1.4.3" and "310" in v["message"]


def test_joint_placement_host_outside_placement(run):
    def change(f):
        joint(f)
        placement(f)["hosts"][1]["end"] = date(2027, 4, 2)

    code, doc = run(change)
    [v] = findings_of(doc, "joint-placement")
    assert v["clause"] == "Lisa 7 1.4.2"


def test_joint_placement_host_not_offering_warns(run):
    def change(f):
        joint(f)
        f["members.yaml"][2]["offers"]["joint_placements"] = False

    code, doc = run(change)
    [v] = findings_of(doc, "joint-placement")
    assert v["severity"] == "warning" and code == 0


def abroad(f, minor=False):
    p = placement(f)
    p.update(kind="abroad", country="FI", language="en")
    if minor:
        p["student"] = "S2"
        s = student(f, 1)
        s["nominal_end"] = date(2029, 6, 30)


def test_clause_lisa_7_12_7_1_abroad_contract_in_english(run):
    code, doc = run(abroad)
    assert findings_of(doc, "abroad") == []
    code, doc = run(lambda f: (abroad(f), placement(f).update(language="et")))
    [v] = findings_of(doc, "abroad")
    assert v["clause"] == "Lisa 7 12.7.1" and v["path"] == "placements[0].language"


def test_clause_4_12_5_minor_abroad_needs_written_consent(run):
    code, doc = run(lambda f: abroad(f, minor=True))
    [v] = findings_of(doc, "abroad")
    assert v["clause"] == "4.12.5"
    code, doc = run(lambda f: (abroad(f, minor=True), placement(f).update(
        guardian_consent={"date": date(2027, 1, 5), "document": "nõusolek 5"})))
    assert findings_of(doc, "abroad") == []


def test_clause_2_27_unrecognised_host_warns(run):
    code, doc = run(lambda f: f["members.yaml"][1].pop("recognition"))
    [v] = findings_of(doc, "host-recognition")
    assert v["severity"] == "warning" and code == 0
    code, doc = run(lambda f: f["members.yaml"][1]["recognition"].update(date=date(2027, 2, 2)))
    assert findings_of(doc, "host-recognition")


def test_clause_6_7_6_placement_inside_studies(run):
    code, doc = run(lambda f: student(f).update(nominal_end=date(2027, 3, 1)))
    [v] = findings_of(doc, "study-period")
    assert v["clause"] == "6.7.6"


def test_clause_6_7_6_leave_extends_studies(run):
    def change(f):
        s = student(f)
        s["nominal_end"] = date(2027, 3, 1)
        s["status"] = [
            {"status": "active", "start": date(2024, 9, 2), "end": date(2025, 1, 31)},
            {"status": "academic_leave", "reason": "military", "start": date(2025, 2, 1), "end": date(2025, 3, 1)},
            {"status": "active", "start": date(2025, 3, 2)},
        ]

    code, doc = run(change)
    assert findings_of(doc, "study-period") == []


def test_clause_6_7_5_no_placement_after_expulsion(run):
    def change(f):
        student(f)["status"] = [
            {"status": "active", "start": date(2024, 9, 2), "end": date(2026, 12, 31)},
            {"status": "expelled", "start": date(2027, 1, 1)},
        ]

    code, doc = run(change)
    [v] = findings_of(doc, "study-period")
    assert "expelled" in v["message"]


def test_clause_2_3_hours_match_ekap(run):
    code, doc = run(lambda f: placement(f).update(hours=300))
    [v] = findings_of(doc, "placement-volume")
    assert v["clause"] == "2.3, 4.5.1" and "312" in v["message"]


def test_clause_lisa_7_4_1_contract_data_a_week_before(run):
    code, doc = run(lambda f: placement(f).update(data_received=date(2027, 1, 25)))
    assert findings_of(doc, "contract-data-timing") == []
    code, doc = run(lambda f: placement(f).update(data_received=date(2027, 1, 26)))
    [v] = findings_of(doc, "contract-data-timing")
    assert v["clause"] == "Lisa 7 4.1" and v["severity"] == "warning"


def finished(f, **grade):
    p = placement(f)
    p.update(status="finished", start=date(2026, 9, 7), end=date(2026, 10, 30))
    p["hosts"][0].update(start=date(2026, 9, 7), end=date(2026, 10, 30))
    p["data_received"] = date(2026, 8, 20)
    p["grade"] = {"diary": True, "host_grade": 5, "report": True, "defense_date": date(2026, 11, 13),
                  "committee": ["Kati Kask", "Peeter Paju"], "final": 5, **grade}


def test_clause_lisa_7_5_9_defense_within_two_weeks(run):
    code, doc = run(finished)
    assert findings_of(doc, "defense") == []
    code, doc = run(lambda f: finished(f, defense_date=date(2026, 11, 14)))
    [v] = findings_of(doc, "defense")
    assert "5.9" in v["clause"]


def test_clause_lisa_7_9_3_2_committee_of_two(run):
    code, doc = run(lambda f: finished(f, committee=["Kati Kask"]))
    [v] = findings_of(doc, "defense")
    assert v["clause"] == "Lisa 7 9.3.2" and v["severity"] == "error"


def test_select_and_ignore(run):
    def change(f):
        student(f)["iban"] = "EE382200221020145684"
        f["members.yaml"][1].pop("recognition")

    code, doc = run(change, "--ignore", "iban")
    assert findings_of(doc, "iban") == [] and code == 0
    code, doc = run(change, "--select", "iban")
    assert [v["code"] for v in doc["findings"]] == ["iban"] and code == 1


# --- issue 16: a started placement needs a signed contract (4.11.5) ------------------------------


def _starting(f, start, status):
    p = placement(f)
    p.update(status=status, start=start, end=date(2027, 1, 29))
    p["hosts"][0].update(start=start, end=date(2027, 1, 29))


def test_clause_4_11_5_placement_started_without_a_signed_contract_is_an_error(run):
    # As of 2026-11-23: started on the 16th while still in review — no valid contract.
    code, doc = run(lambda f: _starting(f, date(2026, 11, 16), "review"))
    [v] = findings_of(doc, "signed-contract")
    assert (v["clause"], v["severity"], code) == ("4.11.5, Lisa 7 1.4", "error", 1)
    assert "P1" in v["message"] and "2026-11-16" in v["message"] and v["hint"]
    code, doc = run(lambda f: _starting(f, date(2026, 11, 23), "draft"))  # starts today: started
    assert len(findings_of(doc, "signed-contract")) == 1
    # Signed (valid), or starting tomorrow: no finding.
    code, doc = run(lambda f: _starting(f, date(2026, 11, 16), "valid"))
    assert findings_of(doc, "signed-contract") == []
    code, doc = run(lambda f: _starting(f, date(2026, 11, 24), "review"))
    assert findings_of(doc, "signed-contract") == []
