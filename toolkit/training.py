"""Training: one path from labelled rows to a fitted model and honest scores.

The core clones the labeller's estimator, cross-validates it with folds that
keep each article on one side (and leave out of a fold's scores any sentence
whose near-duplicate was trained on), scores a majority-class baseline on the
same folds, and then fits on every row.  Seeds are fixed: the same labels give the
same model.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold
from sklearn.preprocessing import MultiLabelBinarizer

from .errors import LabelsError
from .labeller import Labeller
from .labels import LabelledData
from .metrics import calibration_error, score_predictions
from .probabilities import label_probabilities
from .similarity import leaks, near_duplicate_pairs

__all__ = ["CrossValidation", "TrainedModel", "cross_validate", "train", "encode_targets"]

SEED = 0


@dataclass(frozen=True)
class CrossValidation:
    """Out-of-fold scores of a labeller and of the majority-class baseline.

    ``near_duplicates_left_out`` counts test sentences not scored because a
    near-duplicate of theirs was in the training fold; ``proba`` holds the
    out-of-fold probabilities (for label audits).
    """

    labeller: str
    folds: int
    scores: dict
    baseline: dict
    near_duplicates_left_out: int = 0
    #: Out-of-fold probability of every label for every row, in data order.
    proba: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def macro_f1(self) -> float:
        return self.scores["macro_f1"]

    def as_dict(self) -> dict:
        """Plain data for the model's metadata file and ``--json`` output."""
        def plain(s: dict) -> dict:
            return {
                "n": s["n"],
                "macro_f1": round(s["macro_f1"], 4),
                "micro_f1": round(s["micro_f1"], 4),
                **({"calibration_error": round(s["calibration_error"], 4)} if "calibration_error" in s else {}),
                "per_label": s["per_label"].round(4).to_dict(orient="index"),
            }
        return {
            "folds": self.folds,
            "near_duplicates_left_out": self.near_duplicates_left_out,
            "model": plain(self.scores),
            "majority_baseline": plain(self.baseline),
        }


@dataclass(frozen=True)
class TrainedModel:
    """A fitted estimator with the data fingerprint and scores it came from."""

    labeller: Labeller
    estimator: BaseEstimator
    data: LabelledData
    cv: CrossValidation | None = field(default=None)

    @property
    def thresholds(self) -> dict[str, float] | None:
        """Below these, predictions are reported uncertain (see toolkit.abstention)."""
        if self.cv is None or self.cv.proba is None:
            return None
        from .abstention import choose_thresholds

        y = encode_targets(self.labeller, self.data.targets)
        return choose_thresholds(self.labeller.labels, self.labeller.multi_label, y, self.cv.proba)


def encode_targets(labeller: Labeller, targets: list) -> np.ndarray:
    """Labels as the estimator sees them: strings, or an indicator matrix."""
    if labeller.multi_label:
        return MultiLabelBinarizer(classes=list(labeller.labels)).fit_transform(targets)
    return np.asarray(targets, dtype=object)


def _splits(data: LabelledData, y: np.ndarray, folds: int, multi_label: bool):
    groups = np.asarray(data.groups)
    n_groups = len(set(groups))
    k = min(folds, n_groups)
    if k < 2:
        raise LabelsError(
            f"{data.path}: {len(data)} rows from {n_groups} article(s) are too few to cross-validate; "
            "label sentences from at least two articles"
        )
    if multi_label:
        splitter = GroupKFold(n_splits=k)
    else:
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=SEED)
    return list(splitter.split(np.zeros(len(y)), y, groups))


def cross_validate(
    labeller: Labeller, data: LabelledData, *, folds: int = 5, estimator: BaseEstimator | None = None
) -> CrossValidation:
    """Out-of-fold predictions, grouped by article, for the labeller and a baseline.

    ``estimator`` replaces the labeller's own (to compare configurations on
    exactly the same folds).
    """
    estimator = labeller.build_estimator() if estimator is None else estimator
    texts = np.empty(len(data), dtype=object)
    texts[:] = data.inputs
    y = encode_targets(labeller, data.targets)
    pred = np.empty_like(y)
    base = np.empty_like(y)
    proba: np.ndarray | None = None
    scored = np.ones(len(y), dtype=bool)
    twins = near_duplicate_pairs(data.texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # labels absent from a fold are expected on small data
        splits = _splits(data, y, folds, labeller.multi_label)
        for train_idx, test_idx in splits:
            model = clone(estimator).fit(texts[train_idx].tolist(), y[train_idx])
            pred[test_idx] = model.predict(texts[test_idx].tolist())
            proba = _collect_proba(labeller, model, texts[test_idx].tolist(), test_idx, proba, len(y))
            dummy = DummyClassifier(strategy="most_frequent").fit(texts[train_idx], y[train_idx])
            base[test_idx] = dummy.predict(texts[test_idx])
            scored[leaks(twins, train_idx, test_idx, len(y))] = False
    if not scored.any():
        raise LabelsError(f"{data.path}: every sentence has a near-duplicate in another article; "
                          "cross-validation needs sentences of their own")
    labels, multi = labeller.labels, labeller.multi_label
    scores = score_predictions(y[scored], pred[scored], labels, multi)
    if proba is not None:
        scores["calibration_error"] = calibration_error(y[scored], proba[scored], None if multi else labels)
    return CrossValidation(
        labeller.name,
        len(splits),
        scores,
        score_predictions(y[scored], base[scored], labels, multi),
        int((~scored).sum()),
        proba,
    )


def _collect_proba(
    labeller: Labeller, model: BaseEstimator, texts: list[str], test_idx: np.ndarray, proba: np.ndarray | None, n: int
) -> np.ndarray | None:
    """Out-of-fold probabilities, one column per label in the labeller's order."""
    if not hasattr(model, "predict_proba"):
        return None
    if proba is None:
        proba = np.zeros((n, len(labeller.labels)))
    proba[test_idx] = label_probabilities(
        labeller.labels, labeller.multi_label, getattr(model, "classes_", None), model.predict_proba(texts)
    )
    return proba


def train(labeller: Labeller, data: LabelledData, *, folds: int = 5, validate: bool = True) -> TrainedModel:
    """Cross-validate (unless ``validate`` is false), then fit on every row."""
    if len(data) == 0:
        raise LabelsError(f"{data.path} has no labelled rows to train {labeller.name!r} on")
    y = encode_targets(labeller, data.targets)
    if not labeller.multi_label and len(set(y)) < 2:
        raise LabelsError(f"{data.path}: every row has the label {y[0]!r}; a classifier needs two labels or more")
    cv = cross_validate(labeller, data, folds=folds) if validate else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator = clone(labeller.build_estimator()).fit(data.inputs, y)
    return TrainedModel(labeller, estimator, data, cv)
