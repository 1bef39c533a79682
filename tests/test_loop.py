"""The labelling loop: add labels safely, retrain, compare versions, roll back."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.cli import main
from toolkit.persistence import list_versions

from .conftest import COLOUR_PLUGIN_SOURCE, colour_rows, write_labels



@pytest.fixture
def loop(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    (tmp_path / "colour.py").write_text(COLOUR_PLUGIN_SOURCE)
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


def clean_rows():
    """120 plainly red or blue sentences, varied enough not to be near-duplicates, from twelve articles."""
    import random

    rng = random.Random(0)
    words = ("rose car apple flag brick wine kite door scarf boat lamp chair bike cup pen hat sock ball bird "
             "shoe book tent mug fan tie box bag coat drum vase road hill cloud lake tree wall gate roof").split()
    rows = []
    for i in range(60):
        for colour in ("red", "blue"):
            a, b, c, d = rng.sample(words, 4)
            rows.append((f"{colour} {a} and {colour} {b} beside a {c} with {colour} {d}", colour, f"a{i % 12}"))
    return rows


def test_audit_ranks_planted_label_errors_first(tmp_path):
    from toolkit.audit import audit_labels

    rows = clean_rows()
    planted = {5, 22, 47, 90}
    rows = [(t, {"red": "blue", "blue": "red"}[l] if i in planted else l, s) for i, (t, l, s) in enumerate(rows)]
    rows.append((rows[0][0] + "!", "blue", "dup"))  # a near-duplicate of row 0 with the other label
    write_labels(tmp_path / "colour.csv", rows)
    labeller = toolkit.Labeller(name="colour", labels=("red", "blue", "green"), description="c")
    table, unused = audit_labels(labeller, toolkit.load_labels(labeller, tmp_path), folds=4)
    planted_lines = {i + 2 for i in planted}  # header is line 1
    top = table.head(len(planted) + 2)
    assert top["line"].iloc[:2].tolist() == [2, len(rows) + 1] and top["suspicion"].iloc[0] == 1.0
    assert planted_lines <= set(table.head(len(planted) + 4)["line"])
    assert unused == ["green"]


def test_labels_audit_command(loop, capsys):
    tmp, common = loop
    assert main(["labels", "audit", "--labeller", "colour", "--out", str(tmp / "audit.csv"), *common]) == 0
    assert "rows probably mislabelled" in capsys.readouterr().out and (tmp / "audit.csv").is_file()


def test_suggest_then_add_then_train(loop, capsys):
    from toolkit.similarity import near_duplicate_pairs
    from toolkit.tables import read_table

    tmp, common = loop
    (tmp / "articles" / "b.txt").write_text(
        "Red roses bloom.\nA scarlet sunset glows. The navy ocean waits! A crimson coat hangs. "
        "The azure sky clears. A crimson coat hangs again!", encoding="utf-8")
    assert main(["train", *common, "--folds", "4"]) == 0
    assert main(["suggest", str(tmp / "articles"), "--labeller", "colour", "-n", "4",
                 "--out", str(tmp / "next.csv"), *common]) == 0
    table = read_table(tmp / "next.csv")
    assert list(table.columns[:3]) == ["text", "label", "source"] and 0 < len(table) <= 4
    assert "Red roses bloom." not in set(table["text"])  # already labelled (as a near-duplicate)
    assert not len(near_duplicate_pairs(table["text"].tolist()))
    assert set(table["label"]) <= {"red", "blue"} and table["probability"].between(0, 1).all()
    capsys.readouterr()
    assert main(["labels", "add", str(tmp / "next.csv"), "--labeller", "colour", *common]) == 0
    assert f"added {len(table)} rows" in capsys.readouterr().out
    assert main(["train", *common, "--folds", "4", "--force"]) == 0


def test_thresholds_abstain_where_guesses_were_mostly_wrong():
    import numpy as np

    from toolkit.abstention import choose_thresholds

    labels = ("a", "b")
    confident = np.array([[0.9, 0.1]] * 20)  # right
    unsure = np.array([[0.55, 0.45]] * 10)  # wrong 8 times out of 10
    proba = np.vstack([confident, unsure])
    y = np.array(["a"] * 20 + ["b"] * 8 + ["a"] * 2, dtype=object)
    assert 0.55 < choose_thresholds(labels, False, y, proba)["min_probability"] <= 0.9
    y_right = np.array(["a"] * 30, dtype=object)
    assert choose_thresholds(labels, False, y_right, proba)["min_probability"] <= 0.55
    multi = choose_thresholds(labels, True, np.array([[1, 0]] * 20 + [[0, 1]] * 10), proba)
    assert multi["a"] >= 0.05 and multi["b"] >= 0.05 and multi["a"] < 0.4


def test_uncertain_sentences_are_counted_and_can_be_reported_as_such(loop, capsys):
    tmp, common = loop
    assert main(["train", *common, "--folds", "4"]) == 0
    meta = toolkit.load_model(toolkit.load_plugins([tmp / "colour.py"], entry_points=False).labeller("colour"),
                              tmp / "models").metadata
    assert set(meta["thresholds"]) == {"min_probability"}
    (tmp / "articles" / "vague.txt").write_text("Something happened somewhere.", encoding="utf-8")
    model = toolkit.load_models(models_dir=tmp / "models", host=toolkit.load_plugins([tmp / "colour.py"],
                                                                                       entry_points=False))
    model[0].metadata["thresholds"] = {"min_probability": 0.99}  # be very demanding
    plain = toolkit.score_paths(tmp / "articles", models=model)
    strict = toolkit.score_paths(tmp / "articles", models=model, abstain=True)
    unsure = plain.sentences["colour_uncertain"]
    assert unsure.any()
    assert set(strict.sentences.loc[unsure, "colour"]) == {"uncertain"}
    assert (strict.sentences.loc[~unsure, "colour"] == plain.sentences.loc[~unsure, "colour"]).all()
    assert plain.articles["colour_uncertain"].sum() == unsure.sum()
    capsys.readouterr()
    assert main(["score", str(tmp / "articles"), *common]) == 0
    assert "uncertain sentences: colour " in capsys.readouterr().out
