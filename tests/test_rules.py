"""Rule labellers: rules only (no training), rules as features, rules as a fallback."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.cli import main
from toolkit.testing import check_labeller

from .conftest import EXAMPLES, ROOT, colour_rows, write_labels

ACTORS = ROOT / "examples" / "plugins" / "actors" / "toolkit_actors" / "__init__.py"
RULES = {"red": [r"red", r"crimson", r"scarlet"], "blue": [r"blue", r"navy", r"azure"]}


def test_the_actors_example_labels_the_sample_articles_with_no_training(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    host = toolkit.load_plugins([ACTORS], entry_points=False)
    check_labeller(host.labeller("actors"))
    result = toolkit.score_paths(EXAMPLES, host=host, models_dir=tmp_path / "no-models-here")
    by_text = result.sentences.set_index("text")["actors"]
    assert by_text["Russia built Iran’s first nuclear plant that was launched in 2013 and is building two more "
                   "nuclear reactors there."] == "russia;iran"
    assert "united_states" in by_text[by_text.index.str.contains("apparent reference to the U.S.")].iloc[0]
    assert by_text["By Tamilla Hasanova"] == ""
    assert main(["labels", "coverage", "--labeller", "actors", str(EXAMPLES), "--plugin", str(ACTORS)]) == 0
    assert "russia" in capsys.readouterr().out


def rule_labeller(mode: str) -> toolkit.Labeller:
    return toolkit.Labeller(name="colour", labels=("red", "blue"), description="c", rules=RULES, rule_mode=mode,
                            default_label="blue" if mode == "only" else None)


def test_rules_only_give_the_first_firing_label_or_the_default():
    model = toolkit.load_model(rule_labeller("only"))
    assert model.estimator.predict(["a crimson kite", "navy and red", "nothing"]).tolist() == ["red", "red", "blue"]


def test_rules_as_features_become_cue_columns(colour_labels):
    labeller = rule_labeller("features")
    estimator = labeller.build_estimator()
    assert set(estimator.get_params()["features__cues__cues"]) == {"rule_red", "rule_blue"}
    check_labeller(labeller)
    trained = toolkit.train(labeller, toolkit.load_labels(labeller, colour_labels), validate=False)
    assert trained.estimator.predict(["a scarlet flower"]).tolist() == ["red"]  # 'scarlet' is in no labelled row


def test_rules_decide_where_the_model_is_uncertain(colour_labels, tmp_path):
    labeller = rule_labeller("fallback")
    toolkit.save_model(toolkit.train(labeller, toolkit.load_labels(labeller, colour_labels), validate=False), tmp_path)
    model = toolkit.load_model(labeller, tmp_path)
    model.metadata["thresholds"] = {"min_probability": 1.01}  # the model is never sure: rules decide
    from toolkit.scoring import predict

    out = predict(model, ["an azure wall", "a scarlet wall", "a plain wall"])
    assert out["colour"].tolist()[:2] == ["blue", "red"]
    assert out["colour_uncertain"].tolist() == [False, False, True]


@pytest.mark.parametrize("kwargs,problem", [
    ({"rules": {"green": ["x"]}}, "rules name labels it does not declare"),
    ({"rules": {"red": ["(unclosed"]}}, "rules do not compile"),
    ({"rules": RULES, "rule_mode": "sometimes"}, "rule_mode 'sometimes'"),
])
def test_bad_rules_are_refused(kwargs, problem):
    labeller = toolkit.Labeller(name="colour", labels=("red", "blue"), description="c", **kwargs)
    assert any(problem in p for p in labeller.problems())


def test_train_skips_rules_only_labellers(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    write_labels(tmp_path / "labels" / "colour.csv", colour_rows())
    assert main(["train", "--plugin", str(ACTORS), "--labels", str(tmp_path / "labels"),
                 "--models", str(tmp_path / "models")]) == 0
    assert "actors: rules only, nothing to train" in capsys.readouterr().out
