"""Training, cross-validation and saved models."""

import hashlib
import json

import pytest

import toolkit
from toolkit.persistence import FORMAT_VERSION, METADATA_FILE, MODEL_FILE  # noqa: F401


@pytest.fixture
def colour_model(colour_host, colour_labels, tmp_path):
    labeller = colour_host.labeller("colour")
    trained = toolkit.train(labeller, toolkit.load_labels(labeller, colour_labels), folds=4)
    folder = toolkit.save_model(trained, tmp_path / "models")
    return labeller, folder


@pytest.mark.parametrize("name", ["domain", "stance_west", "claim_type"])
def test_builtin_labellers_beat_the_majority_baseline_on_held_out_articles(builtin_host, name):
    labeller = builtin_host.labeller(name)
    cv = toolkit.cross_validate(labeller, toolkit.load_labels(labeller), folds=3)  # benchmarks/accuracy.py runs 5
    assert cv.folds == 3
    assert cv.macro_f1 > cv.baseline["macro_f1"] + 0.2
    assert cv.scores["micro_f1"] > cv.baseline["micro_f1"]


def test_folds_keep_each_article_on_one_side(colour_host, colour_labels):
    from toolkit.training import _splits, encode_targets

    labeller = colour_host.labeller("colour")
    data = toolkit.load_labels(labeller, colour_labels)
    groups = data.groups
    for train_idx, test_idx in _splits(data, encode_targets(labeller, data.targets), 4, False):
        assert not {groups[i] for i in train_idx} & {groups[i] for i in test_idx}


def test_saved_model_has_a_full_manifest(colour_model, colour_labels):
    labeller, folder = colour_model
    meta = json.loads((folder / METADATA_FILE).read_text())
    assert meta["format_version"] == FORMAT_VERSION
    assert meta["labels"] == ["red", "blue"]
    assert meta["labels_sha256"] == hashlib.sha256((colour_labels / "colour.csv").read_bytes()).hexdigest()
    assert set(meta["libraries"]) >= {"scikit-learn", "joblib", "numpy", "pandas", "python", "toolkit"}
    assert meta["cv"]["model"]["macro_f1"] >= meta["cv"]["majority_baseline"]["macro_f1"]
    assert meta["trained_at"]


def test_same_labels_give_the_same_model(colour_host, colour_labels, tmp_path):
    import numpy as np

    labeller = colour_host.labeller("colour")
    data = toolkit.load_labels(labeller, colour_labels)
    texts = ["a red rose", "the blue sea", "a crimson kite", "red and blue", "nothing at all"]
    probabilities = []
    for run in ("a", "b"):
        toolkit.save_model(toolkit.train(labeller, data, validate=False), tmp_path / run)
        probabilities.append(toolkit.load_model(labeller, tmp_path / run).estimator.predict_proba(texts))
    np.testing.assert_array_equal(probabilities[0], probabilities[1])


def test_saved_model_round_trips(colour_model):
    labeller, folder = colour_model
    model = toolkit.load_model(labeller, folder.parent)
    assert list(model.estimator.predict(["a red rose", "the blue sea"])) == ["red", "blue"]


def test_missing_model_says_how_to_train(colour_host, tmp_path):
    with pytest.raises(toolkit.ModelNotFoundError, match=r"no trained model for labeller 'colour'.*toolkit train"):
        toolkit.load_model(colour_host.labeller("colour"), tmp_path)


def test_tampered_model_file_is_refused(colour_model):
    labeller, folder = colour_model
    with (folder / MODEL_FILE).open("ab") as f:
        f.write(b"extra")
    with pytest.raises(toolkit.ModelError, match="does not match the checksum"):
        toolkit.load_model(labeller, folder.parent)


def test_model_for_other_labels_is_refused(colour_model):
    _, folder = colour_model
    changed = toolkit.Labeller(name="colour", labels=("red", "blue", "green"), description="c")
    with pytest.raises(toolkit.ModelError, match=r"trained for labels \['red', 'blue'\].*retrain"):
        toolkit.load_model(changed, folder.parent)


def test_model_from_a_newer_format_is_refused(colour_model):
    labeller, folder = colour_model
    meta = json.loads((folder / METADATA_FILE).read_text())
    meta["format_version"] = FORMAT_VERSION + 1
    (folder / METADATA_FILE).write_text(json.dumps(meta))
    with pytest.raises(toolkit.ModelError, match="newer than this toolkit reads"):
        toolkit.load_model(labeller, folder.parent)


def test_model_from_other_library_versions_warns(colour_model):
    labeller, folder = colour_model
    meta = json.loads((folder / METADATA_FILE).read_text())
    meta["libraries"]["scikit-learn"] = "0.1.0"
    (folder / METADATA_FILE).write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="saved with scikit-learn 0.1.0"):
        toolkit.load_model(labeller, folder.parent)


def test_shipped_models_are_trained_on_the_shipped_labels(builtin_host):
    for labeller in builtin_host.labellers():
        model = toolkit.load_model(labeller)
        assert model.metadata["labels_sha256"] == toolkit.load_labels(labeller).sha256, (
            f"models/{labeller.name} is stale: run toolkit train --labeller {labeller.name}"
        )


def test_near_duplicates_of_training_sentences_are_not_scored(colour_host, tmp_path):
    from .conftest import colour_rows, write_labels

    rows = colour_rows() + [("red roses bloom!", "red", "copy"), ("Red roses bloom.", "red", "copy2")]
    write_labels(tmp_path / "colour.csv", rows)
    labeller = colour_host.labeller("colour")
    cv = toolkit.cross_validate(labeller, toolkit.load_labels(labeller, tmp_path), folds=3)
    assert cv.near_duplicates_left_out >= 2
    assert cv.scores["n"] == len(rows) - cv.near_duplicates_left_out


def test_near_duplicate_pairs():
    from toolkit.similarity import near_duplicate_pairs

    pairs = near_duplicate_pairs(["The deal was signed on Friday.", "the deal was signed on friday",
                                  "Oil prices rose sharply."])
    assert pairs.tolist() == [[0, 1]]


def test_calibration_error_is_zero_for_honest_probabilities_and_large_for_overconfident_ones():
    import numpy as np

    from toolkit.metrics import calibration_error

    y = np.array(["a", "a", "b", "b"])
    honest = np.array([[0.5, 0.5]] * 4)  # right half the time at 50%
    assert calibration_error(y, honest, ["a", "b"]) == pytest.approx(0.0)
    overconfident = np.array([[1.0, 0.0]] * 4)  # says "a" for sure, right half the time
    assert calibration_error(y, overconfident, ["a", "b"]) == pytest.approx(0.5)
    assert calibration_error(np.array([[1, 0], [0, 1]]), np.array([[0.9, 0.1], [0.1, 0.9]])) == pytest.approx(0.1)


def test_cross_validation_compares_any_estimator_on_the_same_folds(colour_host, colour_labels):
    from sklearn.dummy import DummyClassifier

    labeller = colour_host.labeller("colour")
    data = toolkit.load_labels(labeller, colour_labels)
    own = toolkit.cross_validate(labeller, data, folds=4)
    dummy = toolkit.cross_validate(labeller, data, folds=4, estimator=DummyClassifier(strategy="prior"))
    assert own.macro_f1 > dummy.macro_f1
    assert dummy.scores["macro_f1"] == pytest.approx(dummy.baseline["macro_f1"])
    assert 0 <= own.scores["calibration_error"] <= 1


def test_a_pickled_model_of_format_1_is_refused(colour_model):
    labeller, folder = colour_model
    meta = json.loads((folder / METADATA_FILE).read_text())
    meta["format_version"] = 1
    (folder / METADATA_FILE).write_text(json.dumps(meta))
    with pytest.raises(toolkit.ModelError, match="a pickle, which runs code when loaded"):
        toolkit.load_model(labeller, folder.parent)


def text_lengths(texts):
    """A plugin's own feature function, which a saved model then refers to."""
    return [[len(t)] for t in texts]


def test_model_types_nobody_trusted_are_refused_until_declared(colour_labels, tmp_path):
    from sklearn.dummy import DummyClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    def build():
        return make_pipeline(FunctionTransformer(text_lengths), DummyClassifier())

    labeller = toolkit.Labeller(name="colour", labels=("red", "blue"), description="c", estimator=build)
    trained = toolkit.train(labeller, toolkit.load_labels(labeller, colour_labels), validate=False)
    folder = toolkit.save_model(trained, tmp_path)
    with pytest.raises(toolkit.ModelError, match="types toolkit does not trust: .*test_training"):
        toolkit.load_model(labeller, tmp_path)
    needed = __import__("skops.io").io.get_untrusted_types(file=folder / "model.skops")
    trusting = toolkit.Labeller(name="colour", labels=("red", "blue"), description="c", estimator=build,
                                trusted_types=needed)
    assert toolkit.load_model(trusting, tmp_path).estimator.predict(["a"]).tolist() == [trained.estimator.predict(["a"])[0]]
