"""The command line, end to end in temporary folders."""

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from toolkit.cli import main

from .conftest import COLOUR_PLUGIN_SOURCE, EXAMPLES, ROOT, colour_rows, write_labels



@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A user's own labels and models folders, and a plugin file, outside the package."""
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")  # only the plugin file: fast and hermetic
    plugin = tmp_path / "colour.py"
    plugin.write_text(COLOUR_PLUGIN_SOURCE)
    write_labels(tmp_path / "labels" / "colour.csv", colour_rows())
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Red roses bloom. The blue sea glitters.\nA red fire truck", encoding="utf-8")
    (articles / "b.txt").write_text("Deep blue ocean.", encoding="utf-8")
    common = ["--plugin", str(plugin), "--labels", str(tmp_path / "labels"), "--models", str(tmp_path / "models")]
    return tmp_path, common


def test_train_score_evaluate_with_a_plugin_file(workspace, capsys):
    tmp, common = workspace
    assert main(["train", *common, "--folds", "4"]) == 0
    out = capsys.readouterr().out
    assert "colour: 16 sentences scored, 4-fold cross-validation grouped by article" in out
    assert "majority baseline" in out and (tmp / "models" / "colour" / "model.skops").is_file()

    assert main(["score", str(tmp / "articles"), *common, "--out", str(tmp / "out" / "s.csv")]) == 0
    assert "2 articles (4 sentences), 0 skipped" in capsys.readouterr().err
    sentences = pd.read_csv(tmp / "out" / "s.csv")
    assert sentences["colour"].tolist() == ["red", "blue", "red", "blue"]
    articles = pd.read_csv(tmp / "out" / "s.articles.csv")
    assert articles[["article_id", "n_sentences", "colour_red"]].values.tolist() == [["a.txt", 3, 2], ["b.txt", 1, 0]]

    held_out = write_labels(tmp / "held_out.csv", [("a red balloon", "red", ""), ("blue paint", "blue", "")])
    assert main(["evaluate", *common, "--labeller", "colour", "--data", str(held_out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["labeller"] == "colour" and report["n"] == 2
    assert report["macro_f1"] == 1.0 and report["micro_f1"] == 1.0
    assert set(report["per_label"]["red"]) == {"precision", "recall", "f1", "support"}


def test_score_without_out_prints_a_summary(capsys):
    assert main(["score", str(EXAMPLES / "004_80c7d17c42638990.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("004_80c7d17c42638990.txt  (12 sentences)")
    assert "  domain: " in out and "  stance_west: " in out and "  claim_type: " in out


def test_evaluate_builtin_on_an_article_left_out_of_training(tmp_path, capsys):
    """Train on the shipped labels minus one article, evaluate on that article."""
    held = "003_8796687a21e2af44"
    labels, test = tmp_path / "labels", tmp_path / "test"
    for name in ("stance_west", "claim_type", "domain"):
        table = pd.read_csv(ROOT / "labels" / f"{name}.csv", keep_default_na=False)
        labels.mkdir(exist_ok=True), test.mkdir(exist_ok=True)
        table[table["source"] != held].to_csv(labels / f"{name}.csv", index=False)
        table[table["source"] == held].to_csv(test / f"{name}.csv", index=False)
    common = ["--labels", str(labels), "--models", str(tmp_path / "models")]
    assert main(["train", *common, "--labeller", "claim_type", "--labeller", "domain", "--folds", "2"]) == 0
    capsys.readouterr()
    for name in ("claim_type", "domain"):
        assert main(["evaluate", *common, "--labeller", name, "--data", str(test / f"{name}.csv"), "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["n"] == (pd.read_csv(test / f"{name}.csv")["source"] == held).sum()
        assert report["micro_f1"] > 0.4, report


def test_plugins_json_lists_sources_and_labels(capsys):
    assert main(["plugins", "--json"]) == 0
    plugins = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert set(plugins) >= {"domain", "stance_west", "claim_type"}
    domain = plugins["domain"]["labellers"][0]
    assert domain["multi_label"] and "humanitarian" in domain["labels"]
    assert plugins["domain"]["source"].startswith("entry point") and plugins["domain"]["version"]


@pytest.mark.parametrize("argv,message", [
    (["score", "no/such/folder"], "no such file or folder"),
    (["score", "--labeller", "nope", str(EXAMPLES)], "no labeller named 'nope'"),
    (["train", "--labels", "{tmp}", "--labeller", "domain"], "no labels for labeller 'domain'"),
    (["score", "--models", "{tmp}", str(EXAMPLES)], "no trained model for labeller"),
    (["score", "--plugin", "{tmp}/missing.py", str(EXAMPLES)], "plugin file"),
    (["evaluate", "--labeller", "domain", "--data", "{tmp}/none.csv"], "cannot read labels file"),
    (["score", str(EXAMPLES), "--out", "{tmp}/x.xlsx"], "use one of the extensions"),
])
def test_bad_input_is_one_line_and_exit_status_1(argv, message, tmp_path, capsys):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("toolkit: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_skipped_files_are_named_and_change_the_exit_status(tmp_path, capsys):
    shutil.copy(EXAMPLES / "002_051408f71aba761c.txt", tmp_path)
    (tmp_path / "empty.txt").write_text("")
    assert main(["score", str(tmp_path), "--out", str(tmp_path / "out.jsonl")]) == 3
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "empty.txt: empty file" in captured.err
    assert len(pd.read_json(tmp_path / "out.articles.jsonl", lines=True)) == 1


@pytest.mark.parametrize("command", [["toolkit"], [sys.executable, "-m", "toolkit"]])
def test_installed_command_runs_from_any_folder(command, tmp_path):
    if command == ["toolkit"] and shutil.which("toolkit") is None:
        pytest.fail("the toolkit console script is not installed")
    done = subprocess.run([*command, "plugins"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "stance_west [single-label]" in done.stdout
