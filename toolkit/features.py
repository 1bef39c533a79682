"""Cue features: readable keyword and pattern lists turned into model features.

Plugins keep their domain knowledge as plain data (``{"hedge": ["might",
"sources suggest"]}``); :class:`CueFeatures` turns each group into one column
that counts matches, so a few dozen labelled sentences already teach the model
that a hedge signals speculation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

__all__ = ["ArticleCues", "CueFeatures", "TfidfFeatures"]


class TfidfFeatures(TfidfVectorizer):
    """scikit-learn's ``TfidfVectorizer``, saved compactly.

    Identical in use; when saved, its vocabulary is stored as one array of
    terms instead of a dictionary of a hundred thousand entries, which makes
    a model load in milliseconds through ``skops.io`` (see
    ``toolkit.persistence``) instead of seconds.
    """

    def __getstate__(self) -> dict:
        state = dict(super().__getstate__())
        vocabulary = state.pop("vocabulary_", None)
        if vocabulary is not None:
            terms = [""] * len(vocabulary)
            for term, index in vocabulary.items():
                terms[index] = term
            state["vocabulary_terms_"] = np.array(terms, dtype=str)
        return state

    def __setstate__(self, state: dict) -> None:
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        super().__setstate__(state)
        if terms is not None:
            self.vocabulary_ = {term: index for index, term in enumerate(terms.tolist())}


class CueFeatures(TransformerMixin, BaseEstimator):
    """Count, per cue group, how often its patterns occur in each text.

    Parameters
    ----------
    cues : mapping of str to sequence of str
        Group name to regular expressions; each is matched case-insensitively
        between word boundaries.  Plain words and phrases are valid patterns.
    """

    def __init__(self, cues: Mapping[str, Sequence[str]] | None = None):
        self.cues = cues

    def fit(self, X: Iterable[str], y: object = None) -> "CueFeatures":
        """Compile the cue patterns; the texts themselves are not needed."""
        groups = dict(self.cues or {})
        self.feature_names_ = np.array([f"cue_{name}" for name in groups], dtype=object)
        # Plain strings, not compiled patterns: a saved model then holds only
        # data that loads without running code (see toolkit.persistence).
        self.regexes_ = [r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b" for patterns in groups.values()]
        for regex in self.regexes_:
            re.compile(regex, re.IGNORECASE)  # fail at fit time on a bad pattern
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        """One row per text, one column per group: log-scaled match counts."""
        check_is_fitted(self, "regexes_")
        patterns = [re.compile(regex, re.IGNORECASE) for regex in self.regexes_]
        rows = [[len(p.findall(text)) for p in patterns] for text in X]
        counts = np.asarray(rows, dtype=float).reshape(len(rows), len(patterns))
        return sp.csr_matrix(np.log1p(counts))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_")
        return self.feature_names_


class ArticleCues(CueFeatures):
    """How densely each cue group occurs in the sentence's whole article.

    Annotators read a sentence in its article ("the project" in a pipeline
    story is about energy); these columns give the model the article's
    profile.  Each text is expected to carry its article as ``.article`` (see
    :mod:`toolkit.context`); a plain string is its own article.  Counts are
    per 1,000 characters, log-scaled, so long and short articles compare, and
    each article is matched once however many of its sentences are scored.

    Parameters
    ----------
    cues : mapping of str to sequence of str
        As for :class:`CueFeatures`.
    """

    def fit(self, X: Iterable[str], y: object = None) -> "ArticleCues":
        super().fit(X, y)
        self.feature_names_ = np.array([f"article_{name}" for name in dict(self.cues or {})], dtype=object)
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        """One row per text, one column per group: the article's cue density."""
        check_is_fitted(self, "regexes_")
        from .context import article_of

        patterns = [re.compile(regex, re.IGNORECASE) for regex in self.regexes_]
        density: dict[str, list[float]] = {}
        rows = []
        for text in X:
            article = article_of(text)
            if article not in density:
                per_kchar = 1000 / max(len(article), 200)
                density[article] = [len(p.findall(article)) * per_kchar for p in patterns]
            rows.append(density[article])
        values = np.asarray(rows, dtype=float).reshape(len(rows), len(patterns))
        return sp.csr_matrix(np.log1p(values))
