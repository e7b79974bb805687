"""Issue 20: a re-run of `validate` answered from the cache prints the text kept from the run
that made it (pipeline.validate's `view`, cli/validate.py) — the same bytes a cold run prints,
for every width, terminal and language — and the code key is memoised by the files' stat
(load/cache.py `key_of_code`) without missing an edit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_cli.load import cache as cache_module
from tests.conftest import AS_OF, base_data, write_data
from tests.test_cache import _missing_guardian


def _shown(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / ".cluster-cache" / "shown").rglob("*") if p.is_file())


def _text(cli, root, *extra):
    result = cli("validate", "--data", root, "--as-of", AS_OF, *extra)
    return result.exit_code, result.stdout


def _no_render(monkeypatch):
    import cluster_cli.render.findings as findings

    def fail(*args, **kwargs):
        raise AssertionError("rendered although the text was kept")

    monkeypatch.setattr(findings, "print_findings_text", fail)


def test_a_rerun_prints_the_kept_text_and_sees_every_change(cli, tmp_path, monkeypatch):
    root = write_data(tmp_path / "data", _missing_guardian())
    cold = _text(cli, root, "--no-cache")
    assert cold[0] == 1 and "guardian" in cold[1]
    assert _text(cli, root) == cold  # answered and rendered: the text is kept
    assert len(_shown(tmp_path)) == 1
    with monkeypatch.context() as m:
        _no_render(m)
        assert _text(cli, root) == cold  # printed as kept, exit code and all
    # What decides the bytes besides the answer is part of the key: each is rendered anew.
    monkeypatch.setenv("COLUMNS", "72")
    narrow = _text(cli, root)
    assert narrow == _text(cli, root, "--no-cache") and narrow != cold
    assert _text(cli, root, "--lang", "en") == _text(cli, root, "--lang", "en", "--no-cache")
    assert len(_shown(tmp_path)) == 3
    monkeypatch.setenv("COLUMNS", "200")
    write_data(root, base_data())  # the data fixed: a new answer, a new text
    fixed = _text(cli, root)
    assert fixed == _text(cli, root, "--no-cache") and fixed[0] == 0


def test_json_and_show_pii_are_not_kept(cli, tmp_path):
    root = write_data(tmp_path / "data", _missing_guardian())
    _text(cli, root, "--format", "json")
    _text(cli, root, "--show-pii")
    assert _shown(tmp_path) == []


def test_a_file_saved_while_the_text_is_made_keeps_no_text(cli, tmp_path, monkeypatch):
    """The text quotes the files' lines, read after loading: a file saved meanwhile must not put
    its new lines under the key of the bytes the findings came from."""
    import cluster_cli.render.findings as findings

    root = write_data(tmp_path / "data", _missing_guardian())
    original = findings.print_findings_text

    def render_then_save(*args, **kwargs):
        original(*args, **kwargs)
        path = root / "cluster.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "# saved meanwhile\n", encoding="utf-8")

    monkeypatch.setattr(findings, "print_findings_text", render_then_save)
    _text(cli, root)
    assert _shown(tmp_path) == []


def test_a_cached_rerun_imports_no_rich(tmp_path):
    env = {"CLUSTER_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c",
           "import sys, cluster_cli.cli.app as a\n"
           "sys.argv = ['cluster', 'validate', '--data', 'data', '--as-of', '2026-11-23']\n"
           "try:\n    a.main()\nexcept SystemExit:\n    pass\n"
           "print(sorted(m for m in ('rich', 'rich.console') if m in sys.modules), file=sys.stderr)"]
    first = subprocess.run(run, capture_output=True, text=True, env=env)
    assert "rich" in first.stderr.splitlines()[-1]
    again = subprocess.run(run, capture_output=True, text=True, env=env)
    assert again.stderr.splitlines()[-1] == "[]", again.stderr[-500:]
    assert again.stdout == first.stdout


# --- the code key's memo ------------------------------------------------------------------------


def _package(root: Path) -> Path:
    for rel, text in (("a.py", "x = 1\n"), ("sub/b.yaml", "k: v\n"), ("sub/__pycache__/c.py", "no\n"),
                      ("i18n/m.mo", "catalogue\n"), ("notes.txt", "not code\n")):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_the_memo_serves_the_key_while_no_file_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # (files just written: trust their stat at once)
    root, memo = _package(tmp_path / "pkg"), tmp_path / "memo.json"
    key = cache_module.key_of_code(root, memo)
    assert key == cache_module.key_of_code(root, None)  # the memo changes nothing
    doc = memo.read_text()
    memo.write_text(doc.replace(key, "0" * 64))
    assert cache_module.key_of_code(root, memo) == "0" * 64  # the stat matched: no file was read
    (root / "notes.txt").write_text("not code, changed\n")
    assert cache_module.key_of_code(root, memo) == "0" * 64  # not a code file


@pytest.mark.parametrize("change", ["same size, mtime put back", "catalogue", "new file", "removed"])
def test_the_memo_notices_an_edited_source_file(tmp_path, monkeypatch, change):
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    root, memo = _package(tmp_path / "pkg"), tmp_path / "memo.json"
    before = cache_module.key_of_code(root, memo)
    if change == "same size, mtime put back":  # what `cp -p`, `rsync -a` or `touch -d` leave
        path = root / "a.py"
        st = path.stat()
        path.write_text("x = 2\n")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    elif change == "catalogue":
        (root / "i18n/m.mo").write_text("catalogue 2\n")
    elif change == "new file":
        (root / "sub/new.py").write_text("")
    else:
        (root / "sub/b.yaml").unlink()
    after = cache_module.key_of_code(root, memo)
    assert after != before
    assert after == cache_module.key_of_code(root, None)  # the key of the bytes, not a stale memo


def test_a_file_changed_just_now_is_hashed_until_its_stat_can_be_trusted(tmp_path):
    root, memo = _package(tmp_path / "pkg"), tmp_path / "memo.json"
    key = cache_module.key_of_code(root, memo)  # every file's ctime is recent: all racy
    doc = memo.read_text()
    assert '"racy":[]' not in doc
    memo.write_text(doc.replace(f'"key":"{key}"', '"key":"' + "0" * 64 + '"'))
    assert cache_module.key_of_code(root, memo) == key  # racy files are read: the memo is not trusted
