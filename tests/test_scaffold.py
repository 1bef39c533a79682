"""A new plugin in minutes: the scaffold installs, registers and passes its own test."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from toolkit.cli import main


def test_scaffold_installs_into_a_fresh_environment_and_is_listed(tmp_path):
    assert main(["plugin", "new", "tone", "--labels", "calm,alarmed", "--dir", str(tmp_path)]) == 0
    plugin = tmp_path / "tone"
    assert (plugin / "labels" / "tone.csv").read_text() == "text,label,source\n"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", str(plugin)],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-2000:]
    listed = subprocess.run([str(python), "-m", "toolkit", "plugins", "--json"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert listed.returncode == 0, listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)}
    assert plugins["tone"]["labellers"][0]["labels"] == ["calm", "alarmed"]
    assert plugins["tone"]["source"] == "entry point toolkit_tone in toolkit-tone"
    tested = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(plugin / "tests")],
                            capture_output=True, text=True, cwd=plugin, timeout=300)
    assert tested.returncode == 0, tested.stdout[-2000:]


@pytest.mark.parametrize("argv,message", [
    (["plugin", "new", "Bad-Name"], "must be a lower-case identifier"),
    (["plugin", "new", "tone", "--labels", "only"], "two or more distinct"),
])
def test_scaffold_refuses_bad_names(argv, message, tmp_path, capsys):
    assert main([*argv, "--dir", str(tmp_path)]) == 1
    assert message in capsys.readouterr().err


def test_scaffold_never_overwrites(tmp_path, capsys):
    (tmp_path / "tone").mkdir()
    assert main(["plugin", "new", "tone", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_rules_scaffold_is_a_working_labeller_without_training(tmp_path, monkeypatch):
    import toolkit
    from toolkit.testing import check_plugin

    assert main(["plugin", "new", "mood", "--labels", "happy,sad", "--rules", "--dir", str(tmp_path)]) == 0
    monkeypatch.syspath_prepend(str(tmp_path / "mood"))
    import toolkit_mood

    assert check_plugin(toolkit_mood) == ["mood"]
    host = toolkit.load_plugins(objects=[toolkit_mood], entry_points=False)
    result = toolkit.score_texts(["A happy day. A grey one."], host=host, models_dir=tmp_path / "none")
    assert result.sentences["mood"].tolist() == ["happy", "sad"]
