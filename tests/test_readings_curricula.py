"""Issue 16, 3.4.4 with 3.4.7: a vocational secondary (KKH) curriculum's practice share is measured
against its vocational part ("kutseõppe mahust"), a profile setting; a volume above 180 EKAP leaves
room for the national curriculum's exception."""

from __future__ import annotations

from datetime import date

from tests.conftest import base_data, findings_of, write_data


def _validate(cli, tmp_path, name, change, profile=None):
    files = base_data()
    change(files["curricula.yaml"][0])
    if profile:
        files["profile.yaml"] = {"parameters": {k: {"values": {date(2022, 8, 25): v}} for k, v in profile.items()}}
    return cli.validate_json(write_data(tmp_path / name, files))


def _practice(practical_work_m2):
    """KKH 180 EKAP: 60 of key competences; practice = 0 + M2's practical work + 30 of M3."""
    def change(cur):
        cur["modules"][0]["practical_work_ekap"] = 0
        cur["modules"][1]["practical_work_ekap"] = practical_work_m2
    return change


def test_3_4_4_kkh_practice_share_is_measured_against_the_vocational_part(cli, tmp_path):
    # 65 EKAP of practice: 54 % of the 120 vocational EKAP (36 % of all 180) — passes.
    code, doc = _validate(cli, tmp_path, "ok", _practice(35))
    assert findings_of(doc, "practice-share") == [], doc
    # 59 EKAP: 49 % of the vocational part — an error citing 3.4.4 with 3.4.7.
    code, doc = _validate(cli, tmp_path, "low", _practice(29))
    [v] = findings_of(doc, "practice-share")
    assert code == 1 and v["clause"] == "3.4.4, 3.4.7"
    assert "59 / 120" in v["message"] and "49 %" in v["message"]


def test_3_4_4_kkh_whole_curriculum_denominator_is_a_setting(cli, tmp_path):
    code, doc = _validate(cli, tmp_path, "whole", _practice(35), {"practice_share_kkh_denominator": "whole"})
    [v] = findings_of(doc, "practice-share")
    assert code == 1 and "65 / 180" in v["message"]


def test_3_4_7_a_larger_kkh_volume_is_a_warning_for_the_national_curriculum_exception(cli, tmp_path):
    def bigger(cur):
        cur["ekap"] = 190
        cur["modules"][0]["ekap"] = 50

    code, doc = _validate(cli, tmp_path, "big", bigger)
    [v] = findings_of(doc, "curriculum-volume")
    assert (v["severity"], v["clause"]) == ("warning", "3.4.7") and "190" in v["message"]
    code, doc = _validate(cli, tmp_path, "small", lambda cur: cur.update(ekap=170))
    assert [v["severity"] for v in findings_of(doc, "curriculum-volume") if v["clause"] != "2.21"] == ["error"]
