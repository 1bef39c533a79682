"""Classification scores shared by cross-validation and evaluation."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

__all__ = ["score_predictions", "calibration_error"]


def score_predictions(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str], multi_label: bool) -> dict:
    """Per-label precision, recall, F1 and support, with macro- and micro-F1.

    ``y_true``/``y_pred`` are label arrays, or indicator matrices (one column
    per label, in ``labels`` order) when ``multi_label``.  Macro-F1 averages
    over the labels that occur in ``y_true``: a label with no example can be
    neither found nor missed.
    """
    index = list(range(len(labels))) if multi_label else list(labels)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=index, zero_division=0)
    per_label = pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": s.astype(int)}, index=list(labels))
    per_label.index.name = "label"
    present = per_label["support"] > 0
    _, _, micro, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=index, average="micro", zero_division=0
    )
    return {
        "per_label": per_label,
        "macro_f1": float(per_label.loc[present, "f1"].mean()) if present.any() else 0.0,
        "micro_f1": float(micro),
        "n": int(len(y_true)),
    }


def calibration_error(y_true: np.ndarray, proba: np.ndarray, classes: Sequence[str] | None = None, bins: int = 10) -> float:
    """Expected calibration error: how far stated probabilities are from hit rates.

    Single-label (``classes`` given, in the column order of ``proba``): the
    probability of the predicted label against how often it is right.
    Multi-label (``y_true`` an indicator matrix): every label's probability
    against whether the sentence carries it.  0 is perfect; 0.05 means stated
    probabilities are off by five points on average.
    """
    proba = np.asarray(proba, dtype=float)
    if classes is not None:
        confidence = proba.max(axis=1)
        hit = np.asarray(classes, dtype=object)[proba.argmax(axis=1)] == np.asarray(y_true, dtype=object)
    else:
        confidence, hit = proba.ravel(), np.asarray(y_true, dtype=float).ravel()
    edges = np.minimum((confidence * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        in_bin = edges == b
        if in_bin.any():
            error += in_bin.mean() * abs(confidence[in_bin].mean() - hit[in_bin].mean())
    return float(error)
