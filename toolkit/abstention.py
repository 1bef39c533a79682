"""When to call a prediction uncertain instead of forcing a label.

The thresholds come from out-of-fold probabilities: a prediction is uncertain
in the probability range where, on sentences the model had not seen, its guess
was wrong more often than right.  For a single-label labeller that is a
threshold on the probability of the best label; for a multi-label one, a
margin around 0.5 for each label.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["choose_thresholds", "GRID"]

GRID = np.round(np.arange(0.0, 0.51, 0.05), 2)


def _best_cut(confidence: np.ndarray, right: np.ndarray, grid: np.ndarray) -> float:
    """The cut below which abstaining removes the most (wrong - right) guesses."""
    gains = [((confidence < c) & ~right).sum() - ((confidence < c) & right).sum() for c in grid]
    return float(grid[int(np.argmax(gains))])


def choose_thresholds(
    labels: Sequence[str], multi_label: bool, y: np.ndarray, proba: np.ndarray
) -> dict[str, float]:
    """Thresholds from out-of-fold probabilities ``proba`` and true targets ``y``.

    Single-label: ``{"min_probability": t}``.  Multi-label: ``{label: m}``,
    a label's decision being uncertain when its probability is within ``m``
    of 0.5.
    """
    if multi_label:
        return {
            label: _best_cut(np.abs(proba[:, j] - 0.5), (proba[:, j] >= 0.5) == (y[:, j] == 1), GRID)
            for j, label in enumerate(labels)
        }
    guess = np.asarray(labels, dtype=object)[proba.argmax(axis=1)]
    return {"min_probability": _best_cut(proba.max(axis=1), guess == np.asarray(y, dtype=object), GRID + 0.25)}
