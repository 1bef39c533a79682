"""Label audits: rows whose label is probably wrong, and contradictory duplicates.

Uses confident learning on out-of-fold probabilities: a row is suspect when the
model, trained without it, gives its label less probability than that label
usually gets on its own rows and prefers another label; rows are ranked by how
much more probability the other label gets.  Near-duplicate texts with different labels are
reported first: one of the two is wrong whatever the model thinks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .labeller import Labeller
from .labels import LabelledData
from .similarity import near_duplicate_pairs
from .training import CrossValidation, cross_validate, encode_targets

__all__ = ["audit_labels", "AUDIT_COLUMNS"]

AUDIT_COLUMNS = ["line", "text", "label", "suspicion", "reason", "model_guess"]


def _show(label: object) -> str:
    return ";".join(label) if isinstance(label, tuple) else str(label)


def audit_labels(
    labeller: Labeller, data: LabelledData, *, folds: int = 5, cv: CrossValidation | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """Suspect rows, most suspect first, and the labels no row uses.

    Returns
    -------
    (DataFrame, list of str)
        Columns ``line`` (in the labels file), ``text``, ``label``,
        ``suspicion`` (0-1; 1 for contradictory duplicates), ``reason`` and
        ``model_guess``; and the declared labels that no row carries.
    """
    cv = cv or cross_validate(labeller, data, folds=folds)
    if cv.proba is None:
        raise ValueError(f"labeller {labeller.name!r} gives no probabilities to audit with")
    proba, labels = cv.proba, list(labeller.labels)
    y = encode_targets(labeller, data.targets)
    frame = data.frame.reset_index(drop=True)
    found = []
    if labeller.multi_label:
        wrong = np.abs(y - proba)
        for i in np.flatnonzero(wrong.max(axis=1) > 0.5):
            missing = [labels[j] for j in range(len(labels)) if y[i, j] == 0 and proba[i, j] > 0.5]
            extra = [labels[j] for j in range(len(labels)) if y[i, j] == 1 and proba[i, j] < 0.5]
            reason = "; ".join(filter(None, [
                f"probably also {', '.join(missing)}" if missing else "",
                f"probably not {', '.join(extra)}" if extra else "",
            ]))
            guess = ";".join(l for l, p in zip(labels, proba[i]) if p >= 0.5)
            found.append((i, float(wrong[i].max()), reason, guess))
    else:
        given = np.array([labels.index(t) for t in y])
        own = np.array([proba[given == j, j].mean() if (given == j).any() else 1.0 for j in range(len(labels))])
        for i in range(len(y)):
            p = proba[i].copy()
            p_given = p[given[i]]
            p[given[i]] = -1
            other = int(p.argmax())
            if p_given < own[given[i]] and p[other] > p_given:
                found.append((i, float(p[other] - p_given), f"probably {labels[other]} (p={p[other]:.2f}, "
                              f"given label p={p_given:.2f})", labels[other]))
    rows = [(int(frame.at[i, "line"]), frame.at[i, "text"], _show(frame.at[i, "label"]), round(s, 3), r, g)
            for i, s, r, g in found]
    for a, b in near_duplicate_pairs(frame["text"].tolist()):
        if frame.at[a, "label"] != frame.at[b, "label"]:
            for i, j in ((a, b), (b, a)):
                rows.append((int(frame.at[i, "line"]), frame.at[i, "text"], _show(frame.at[i, "label"]), 1.0,
                             f"near-duplicate of line {frame.at[j, 'line']}, labelled {_show(frame.at[j, 'label'])!r}",
                             ""))
    table = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    table = table.sort_values(["suspicion", "line"], ascending=[False, True], ignore_index=True)
    table = table.drop_duplicates(subset=["line", "reason"], ignore_index=True)
    used = {l for t in data.targets for l in (t if labeller.multi_label else [t])}
    return table, [l for l in labels if l not in used]
