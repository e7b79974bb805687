"""`cluster init DIR` (issue 17): a new data folder that validates clean, the sample cluster, a
synthetic cluster; never an overwrite, never a half-made folder."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import AS_OF

ROOT = Path(__file__).resolve().parents[1]
VVTTK = "vvttk,70003715,Vana-Vigala Tehnika- ja Teeninduskool"
NEW = ("--name", "Lääne-Eesti IT-klaster", "--school", VVTTK, "--year", "2026/2027")


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path → sha256), hidden ones included — but the lock
    file an editing command leaves in a data folder (edit/write.py; .gitignore'd, never packaged)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".cluster.lock"}


def errors(cli, folder: Path) -> list[str]:
    code, doc = cli.validate_json(folder)
    found = [f"{f['file']}:{f['line']}: {f['code']}: {f['message']}" for f in doc["findings"]
             if f["severity"] == "error"]
    assert code == (1 if found else 0), found
    return found


def uncomment(path: Path) -> None:
    """Take the file's commented examples in, as its comments tell the user: drop `[]` (or `{}`
    after `parameters:`) and the `# ` before the lines of each example block (the lines after
    `# Näide…`, up to the first line that is no comment)."""
    out, in_block = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line == "[]":
            in_block = True
        elif line == "parameters: {}":
            out.append("parameters:")
            in_block = True
        elif line.startswith(("# Näide", "# Näited")):
            out.append(line)
            in_block = True
        elif in_block and line.startswith("# "):
            out.append(line[2:])
        elif in_block and line == "#":
            out.append("")
        else:
            in_block = False
            out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# --- a new cluster ---------------------------------------------------------------------------------


def test_new_cluster_has_every_file_and_validates_clean(cli, tmp_path):
    folder = tmp_path / "uus"
    result = cli("init", folder, *NEW)
    assert result.exit_code == 0, result.output
    assert "Loodud" in result.stderr and "cluster validate --data" in result.stderr
    assert sorted(tree(folder)) == ["cluster.yaml", "courses.yaml", "curricula.yaml", "groups.yaml", "members.yaml",
                                    "placements/vvttk.yaml", "profile.yaml", "students/vvttk/NAIDIS-26.yaml",
                                    "tasks.yaml"]
    assert errors(cli, folder) == []
    cluster = yaml.safe_load((folder / "cluster.yaml").read_text(encoding="utf-8"))
    assert cluster["name"] == "Lääne-Eesti IT-klaster" and cluster["language"] == "et"
    [school] = yaml.safe_load((folder / "members.yaml").read_text(encoding="utf-8"))
    assert school == {"id": "vvttk", "kind": "vocational_school", "name": "Vana-Vigala Tehnika- ja Teeninduskool",
                      "registry_code": "70003715"}
    assert "school_holidays:" in (folder / "cluster.yaml").read_text(encoding="utf-8")  # commented examples
    assert "school_holidays" not in cluster


@pytest.mark.parametrize("year, autumn_start, year_end", [
    ("2026/2027", date(2026, 8, 31), date(2027, 8, 31)),  # 1.9.2026 is a Tuesday: back to Monday
    ("2027/2028", date(2027, 8, 30), date(2028, 8, 31)),  # a Wednesday: back two days
    ("2028/2029", date(2028, 9, 4), date(2029, 8, 31)),   # a Friday: forward to Monday
    ("2029/2030", date(2029, 9, 3), date(2030, 8, 30)),   # a Saturday: forward; 31.8.2030 is a Saturday
    ("2030", date(2030, 9, 2), date(2031, 8, 29)),        # a Sunday: forward; 31.8.2031 is a Sunday
])
def test_periods_follow_4_3_1_and_2_43(cli, tmp_path, year, autumn_start, year_end):
    """4.3.1: the study year starts on 1 September or the Monday nearest to it and ends on 31
    August or the working day before; 2.43: two half-years, autumn to 31 Jan, spring 1 Feb–30 Jun."""
    folder = tmp_path / "uus"
    result = cli("init", folder, "--name", "K", "--school", VVTTK, "--year", year)
    assert result.exit_code == 0, result.output
    text = (folder / "cluster.yaml").read_text(encoding="utf-8")
    first = autumn_start.year
    assert yaml.safe_load(text)["periods"] == [
        {"id": f"{first}-autumn", "start": autumn_start, "end": date(first + 1, 1, 31)},
        {"id": f"{first + 1}-spring", "start": date(first + 1, 2, 1), "end": date(first + 1, 6, 30)},
    ]
    assert f"{autumn_start:%d.%m.%Y} – {year_end:%d.%m.%Y}" in text


def test_the_current_study_year_is_the_one_that_has_started():
    from cluster_cli.regulation.profile import load_profile
    from cluster_cli.regulation.study_year import current_first_year

    profile, _ = load_profile("vvttk", None, "")
    assert current_first_year(profile, date(2026, 8, 30)) == 2025
    assert current_first_year(profile, date(2026, 8, 31)) == 2026  # the Monday nearest 1.9.2026
    assert current_first_year(profile, date(2027, 3, 1)) == 2026


def test_the_study_year_days_come_from_the_profile(cli, tmp_path):
    """The days are the profile's parameters with their clause, not numbers in the code."""
    import json

    result = cli("init", tmp_path / "uus", *NEW)
    assert result.exit_code == 0, result.output
    rows = json.loads(cli("profile", "--data", tmp_path / "uus", "--format", "json").stdout)
    by_name = {row["parameter"]: row for row in rows}
    assert by_name["study_year_start"]["clause"] == "4.3.1"
    assert by_name["study_year_end"]["clause"] == "4.3.1"
    assert "2.43" in by_name["study_periods"]["clause"]


def test_several_schools_repeated_or_single_options(cli, tmp_path):
    folder = tmp_path / "uus"
    result = cli("init", folder, "--name", "K", "--school-id", "ptk", "--school-name", "Pärnu Tehnoloogiakool",
                 "--registry-code", "70005111", "--school", "hkk,70006435,Haapsalu Kutseõppekeskus, Lääne maakond")
    assert result.exit_code == 0, result.output
    members = yaml.safe_load((folder / "members.yaml").read_text(encoding="utf-8"))
    assert [(m["id"], m["registry_code"], m["name"]) for m in members] == [
        ("ptk", "70005111", "Pärnu Tehnoloogiakool"), ("hkk", "70006435", "Haapsalu Kutseõppekeskus, Lääne maakond")]
    assert errors(cli, folder) == []


def test_every_commented_example_is_valid_when_taken_in(cli, tmp_path):
    folder = tmp_path / "uus"
    assert cli("init", folder, *NEW).exit_code == 0
    for name in ("curricula.yaml", "members.yaml", "tasks.yaml", "groups.yaml", "students/vvttk/NAIDIS-26.yaml",
                 "placements/vvttk.yaml", "courses.yaml", "cluster.yaml"):
        before = (folder / name).read_text(encoding="utf-8")
        uncomment(folder / name)
        assert (folder / name).read_text(encoding="utf-8") != before, name
        assert errors(cli, folder) == [], name
    cluster = yaml.safe_load((folder / "cluster.yaml").read_text(encoding="utf-8"))
    assert len(cluster["school_holidays"]) == 4 and cluster["coordinators"][0]["member"] == "vvttk"


def test_profile_lists_every_parameter_commented_with_default_unit_and_clause(cli, tmp_path):
    import json

    folder = tmp_path / "uus"
    assert cli("init", folder, *NEW).exit_code == 0
    text = (folder / "profile.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {"parameters": {}}
    rows = json.loads(cli("profile", "--data", folder, "--format", "json").stdout)
    for row in rows:
        assert f"#   {row['parameter']}:" in text, row["parameter"]
        assert f"punkt {row['clause']}" in text, row["parameter"]
    assert "— tundi; punkt 2.3, 4.5.1" in text  # ekap_hours: its unit and clause
    uncomment(folder / "profile.yaml")
    overrides = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8"))["parameters"]
    assert sorted(overrides) == sorted(row["parameter"] for row in rows)
    assert errors(cli, folder) == []  # every default taken in as an override is still valid


# --- refusals ------------------------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(cli, tmp_path):
    folder = tmp_path / "olemas"
    folder.mkdir()
    (folder / "cluster.yaml").write_text("name: Vana\n", encoding="utf-8")
    (folder / "märkmed.txt").write_text("minu märkmed\n", encoding="utf-8")
    before = tree(folder)
    result = cli("init", folder, *NEW)
    assert result.exit_code == 1, result.output
    assert str(folder / "cluster.yaml") in result.stderr and str(folder / "märkmed.txt") in result.stderr
    assert "midagi ei kirjutatud" in result.stderr and "Traceback" not in result.output
    assert tree(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cluster-cache") == ["olemas"]  # no temporary


def test_a_file_in_place_of_the_folder_is_refused(cli, tmp_path):
    target = tmp_path / "fail"
    target.write_text("x\n", encoding="utf-8")
    result = cli("init", target, "--example", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert f"{target} exists and is not an empty folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "x\n"


def test_an_empty_folder_is_filled(cli, tmp_path):
    folder = tmp_path / "tühi"
    folder.mkdir()
    result = cli("init", folder, *NEW)
    assert result.exit_code == 0, result.output
    assert (folder / "cluster.yaml").is_file()


@pytest.mark.parametrize("args, key_text", [
    (("--name", "K", "--school", "vvttk,70003716,Kool"), "kontrollnumber ei klapi"),
    (("--name", "K", "--school", "vvttk,70003715"), "ID,REGISTRIKOOD,NIMI"),
    (("--name", "K", "--school", "vv/ttk,70003715,Kool"), "kausta nimi"),
    (("--name", "K", "--school", VVTTK, "--school", VVTTK), "kaks korda"),
    (("--name", "K", "--school-id", "vvttk"), "käivad koos"),
    (("--name", "K"), "vähemalt üks kool"),
    (("--school", VVTTK), "peab olema nimi"),
    (("--name", "K", "--school", VVTTK, "--year", "2026/2028"), "kaks järjestikust aastat"),
    (("--example", "--synthetic", "5"), "--example, --synthetic"),
    (("--example", "--name", "K"), "--example, --name"),
])
def test_options_that_cannot_make_a_folder_are_usage_errors(cli, tmp_path, args, key_text):
    folder = tmp_path / "uus"
    result = cli("init", folder, *args)
    assert result.exit_code == 2, result.output
    assert key_text in result.stderr and "Traceback" not in result.output
    assert not folder.exists()


def test_a_failed_write_leaves_nothing_behind(cli, tmp_path, monkeypatch):
    import errno

    import cluster_cli.edit.init as init_module

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(init_module.os, "rename", full)
    target = tmp_path / "a" / "b" / "uus"
    result = cli("init", target, *NEW)
    assert result.exit_code == 2, result.output
    assert str(target) in result.stderr and "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cluster-cache"] == []  # its parents went too


# --- the sample and a synthetic cluster ----------------------------------------------------------


def test_example_copies_the_sample_cluster(cli, tmp_path):
    folder = tmp_path / "näide"
    result = cli("init", folder, "--example")
    assert result.exit_code == 0, result.output
    assert tree(folder) == tree(ROOT / "data")
    assert errors(cli, folder) == []


def test_the_packaged_sample_is_the_data_folder():
    """`cluster_cli/sample/` ships in the wheel (`init --example` from an installed package); it
    must be the same bytes as the checkout's `data/` (after editing data/, run
    `rm -r cluster_cli/sample && cp -r data cluster_cli/sample`)."""
    assert tree(ROOT / "cluster_cli" / "sample") == tree(ROOT / "data")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["cluster_cli"]
    for path in tree(ROOT / "data"):
        depth = path.count("/")
        suffix = path.rsplit(".", 1)[1]
        assert "sample/" + "*/" * depth + "*." + suffix in globs, path


def test_synthetic_is_deterministic_and_validates(cli, tmp_path):
    one, two, other = tmp_path / "s1", tmp_path / "s2", tmp_path / "s3"
    for folder, seed in ((one, "1"), (two, "1"), (other, "2")):
        result = cli("init", folder, "--synthetic", "60", "--seed", seed)
        assert result.exit_code == 0, result.output
    assert tree(one) == tree(two)
    assert tree(one) != tree(other)
    assert len([p for p in tree(one) if p.startswith("students/")]) == 3
    assert "23.11.2026" in result.stderr  # the day the data is meant to be judged at
    assert errors(cli, one) == []


def test_bench_uses_the_packaged_generator(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    counts = synth.generate(tmp_path / "b", 30)
    from cluster_cli.edit.synthetic import synthetic_files

    files, expected = synthetic_files(30)
    assert counts == expected
    assert {p: (tmp_path / "b" / p).read_text(encoding="utf-8") for p in files} == files


def test_as_of_of_the_synthetic_cluster_is_the_tests_day():
    from cluster_cli.edit.synthetic_catalogue import AS_OF as SYNTHETIC_AS_OF

    assert SYNTHETIC_AS_OF.isoformat() == AS_OF
