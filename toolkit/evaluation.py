"""Evaluation: how a saved model does on labelled sentences it has not seen."""

from __future__ import annotations

import os

from .labels import read_labels
from .metrics import score_predictions
from .persistence import SavedModel
from .training import encode_targets

__all__ = ["evaluate"]


def evaluate(model: SavedModel, data_path: str | os.PathLike[str]) -> dict:
    """Score ``model`` on a CSV in the ``labels/`` format.

    Returns
    -------
    dict
        ``labeller``, ``n``, ``macro_f1``, ``micro_f1`` and ``per_label``
        (a DataFrame of precision, recall, F1 and support per label).
    """
    labeller = model.labeller
    data = read_labels(data_path, labeller)
    y_true = encode_targets(labeller, data.targets)
    y_pred = model.estimator.predict(data.inputs)
    return {"labeller": labeller.name, **score_predictions(y_true, y_pred, labeller.labels, labeller.multi_label)}
