"""Probabilities of every label, in the labeller's own label order."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["label_probabilities"]


def label_probabilities(labels: Sequence[str], multi_label: bool, classes: Sequence[str] | None, proba: np.ndarray) -> np.ndarray:
    """``proba`` from ``predict_proba`` as one column per label of ``labels``.

    Multi-label models already give one column per label in order.  A
    single-label model orders its columns by ``classes`` and knows only the
    labels it saw in training; the others get probability 0.
    """
    proba = np.asarray(proba, dtype=float)
    if multi_label:
        return proba
    out = np.zeros((proba.shape[0], len(labels)))
    out[:, [list(labels).index(c) for c in classes]] = proba
    return out
