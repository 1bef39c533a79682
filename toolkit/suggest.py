"""What to label next: the sentences a model is least sure of, without repeats.

Uncertainty sampling: for a single-label model, the smallest margin between
its two most probable labels; for a multi-label one, the label whose
probability is closest to the 0.5 decision threshold.  Sentences already
labelled, their near-duplicates, and near-duplicates of sentences already
picked are skipped, so every suggestion teaches the model something new.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .context import in_articles
from .labels import SEPARATOR, LabelledData
from .persistence import SavedModel
from .probabilities import label_probabilities
from .scoring import _predict_proba, score_paths
from .similarity import near_duplicate_pairs

__all__ = ["suggest", "SUGGEST_COLUMNS"]

SUGGEST_COLUMNS = ["text", "label", "source", "guess", "probability", "uncertain_label"]


def suggest(
    model: SavedModel,
    paths: Sequence[str | os.PathLike[str]],
    *,
    labelled: LabelledData | None = None,
    n: int = 50,
    glob: str = "*.txt",
    encoding: str | None = None,
) -> pd.DataFrame:
    """The ``n`` most uncertain, mutually distinct, unlabelled sentences under ``paths``.

    Returns a table in the ``labels/`` format (``text``, ``label``, ``source``)
    with ``label`` pre-filled with the model's guess for a person to correct,
    plus ``guess``, ``probability`` (of the least certain label) and
    ``uncertain_label``.
    """
    labeller = model.labeller
    sentences = score_paths(paths, models=[model], glob=glob, encoding=encoding).sentences
    texts = in_articles(sentences["text"].tolist(), sentences["article_id"].tolist())
    if not texts:
        return pd.DataFrame(columns=SUGGEST_COLUMNS)
    proba = label_probabilities(labeller.labels, labeller.multi_label,
                                getattr(model.estimator, "classes_", None),
                                _predict_proba(model.estimator, texts, {}))
    labels = np.asarray(labeller.labels, dtype=object)
    if labeller.multi_label:
        closest = np.abs(proba - 0.5).argmin(axis=1)
        certainty = np.abs(proba[np.arange(len(texts)), closest] - 0.5)
    else:
        top2 = np.sort(proba, axis=1)[:, -2:]
        certainty = top2[:, 1] - top2[:, 0]
        closest = proba.argmax(axis=1)
    known = [] if labelled is None else labelled.texts
    known_set = set(known)
    order = [i for i in np.argsort(certainty, kind="stable") if texts[i] not in known_set][: max(20 * n, 500)]
    pool = known + [texts[i] for i in order]
    blocked: set[int] = set()
    twins: dict[int, set[int]] = {}
    for a, b in near_duplicate_pairs(pool):
        if a < len(known) <= b:
            blocked.add(b - len(known))
        elif a >= len(known):
            twins.setdefault(a - len(known), set()).add(b - len(known))
            twins.setdefault(b - len(known), set()).add(a - len(known))
    picked: list[int] = []
    chosen: set[int] = set()  # positions in ``order``
    taken: set[str] = set()
    for k, i in enumerate(order):
        if len(picked) >= n:
            break
        if k in blocked or texts[i] in taken or twins.get(k, set()) & chosen:
            continue
        picked.append(i)
        chosen.add(k)
        taken.add(texts[i])
    rows = []
    for i in picked:
        if labeller.multi_label:
            guess = SEPARATOR.join(labels[proba[i] >= 0.5])
        else:
            guess = labels[proba[i].argmax()]
        rows.append((texts[i], guess, sentences.at[i, "article_id"], guess,
                     round(float(proba[i, closest[i]]), 3), labels[closest[i]]))
    return pd.DataFrame(rows, columns=SUGGEST_COLUMNS)
