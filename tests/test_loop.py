"""The labelling loop: add labels safely, retrain, compare versions, roll back."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.cli import main
from toolkit.persistence import list_versions

from .conftest import colour_rows, write_labels

PLUGIN = '''
import toolkit

@toolkit.hookimpl
def register_labellers(register):
    register(toolkit.Labeller(name="colour", labels=("red", "blue"), description="Colour words"))
'''


@pytest.fixture
def loop(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    (tmp_path / "colour.py").write_text(PLUGIN)
    write_labels(tmp_path / "labels" / "colour.csv", colour_rows())
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("A red kite flies. The blue lagoon is calm.", encoding="utf-8")
    common = ["--plugin", str(tmp_path / "colour.py"), "--labels", str(tmp_path / "labels"),
              "--models", str(tmp_path / "models")]
    return tmp_path, common


def test_labels_add_appends_only_new_rows_and_keeps_the_rest(loop, capsys):
    tmp, common = loop
    path = tmp / "labels" / "colour.csv"
    before = path.read_bytes()
    new = write_labels(tmp / "new.csv", [("a red balloon", "red", "n1"), ("red roses bloom", "red", "art0")])
    assert main(["labels", "add", str(new), "--labeller", "colour", *common]) == 0
    out = capsys.readouterr().out
    assert "added 1 rows" in out and "(1 already there)" in out
    after = path.read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
    assert b"a red balloon,red,n1" in after


@pytest.mark.parametrize("rows,message", [
    ([("ok sentence", "red", ""), ("", "blue", "")], "new.csv:3: empty text"),
    ([("ok sentence", "purple", "")], "new.csv:2: unknown label 'purple'"),
    ([("blue jeans again", "red", "")], "labelled 'red' here but 'blue' in"),
])
def test_labels_add_merges_nothing_from_a_bad_file(loop, capsys, rows, message):
    tmp, common = loop
    before = (tmp / "labels" / "colour.csv").read_bytes()
    new = write_labels(tmp / "new.csv", rows)
    assert main(["labels", "add", str(new), "--labeller", "colour", *common]) == 1
    assert message in capsys.readouterr().err
    assert (tmp / "labels" / "colour.csv").read_bytes() == before


def test_labels_stats_counts_and_warns(loop, capsys):
    _, common = loop
    assert main(["labels", "stats", *common]) == 0
    out = capsys.readouterr().out
    assert "colour: 16 rows from 4 articles" in out and "red                 8  <- few examples" in out


def test_retrain_keeps_history_refuses_a_worse_model_and_rolls_back(loop, capsys):
    tmp, common = loop
    assert main(["train", *common, "--folds", "4"]) == 0
    assert main(["train", *common, "--folds", "4"]) == 0
    out = capsys.readouterr().out
    assert "previous model (version 1): macro-F1" in out
    assert [v["version"] for v in list_versions("colour", tmp / "models")] == [1, 2]

    # Half the labels flipped: the new model is worse and is not saved without --force.
    rows = [(t, {"red": "blue", "blue": "red"}[l] if (i // 2) % 2 else l, s) for i, (t, l, s) in enumerate(colour_rows())]
    write_labels(tmp / "labels" / "colour.csv", rows)
    assert main(["train", *common, "--folds", "4"]) == 1
    assert "NOT saved" in capsys.readouterr().out
    assert [v["version"] for v in list_versions("colour", tmp / "models")] == [1, 2]
    assert main(["train", *common, "--folds", "4", "--force"]) == 0
    assert [v["version"] for v in list_versions("colour", tmp / "models")] == [1, 2, 3]

    capsys.readouterr()
    assert main(["models", "diff", "colour", str(tmp / "articles"), *common]) == 0
    assert "sentences change colour label from version 2 to 3" in capsys.readouterr().out

    assert main(["models", "use", "colour", "2", *common]) == 0
    current = [v["version"] for v in list_versions("colour", tmp / "models") if v["current"]]
    assert current == [2]
    assert main(["models", *common]) == 0
    listing = capsys.readouterr().out
    assert "colour               2*" in listing and "colour               3 " in listing
    assert main(["models", "use", "colour", "9", *common]) == 1
