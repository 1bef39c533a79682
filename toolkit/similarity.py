"""Near-duplicate texts: the same sentence lightly reworded or re-punctuated.

Wire copies repeat sentences across outlets; a sentence in a test fold whose
near-twin sits in the training fold would make cross-validation flatter the
model, so such sentences are left out of the fold's scores.  Texts are compared by cosine similarity of word 1-2 gram TF-IDF vectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["NEAR_DUPLICATE", "near_duplicate_pairs", "leaks"]

#: Cosine similarity at or above which two sentences count as the same sentence.
NEAR_DUPLICATE = 0.8


def near_duplicate_pairs(texts: Sequence[str], threshold: float = NEAR_DUPLICATE) -> np.ndarray:
    """Index pairs ``(i, j)``, ``i < j``, of texts at least ``threshold`` similar."""
    if len(texts) < 2:
        return np.empty((0, 2), dtype=int)
    vectors = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
    similar = (vectors @ vectors.T).tocoo()
    keep = (similar.row < similar.col) & (similar.data >= threshold - 1e-9)
    return np.column_stack([similar.row[keep], similar.col[keep]])


def leaks(pairs: np.ndarray, train_idx: np.ndarray, test_idx: np.ndarray, n: int) -> np.ndarray:
    """Test indices with a near-duplicate among the training indices."""
    in_train = np.zeros(n, dtype=bool)
    in_train[train_idx] = True
    in_test = np.zeros(n, dtype=bool)
    in_test[test_idx] = True
    i, j = pairs[:, 0], pairs[:, 1]
    return np.union1d(i[in_test[i] & in_train[j]], j[in_test[j] & in_train[i]])
