"""Rule labellers: keyword and pattern lists per label, as readable data.

A labeller may declare ``rules`` (label -> regular expressions, matched
case-insensitively between word boundaries) and use them in one of three ways
(``rule_mode``):

- ``"only"``: the rules are the model; it needs no labelled data at all;
- ``"features"``: each label's rules become a cue feature of the default
  text pipeline, and the classifier learns how much to trust them;
- ``"fallback"``: a trained model labels the sentence, and where it is
  uncertain a firing rule decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

__all__ = ["RuleClassifier", "compile_rules", "rule_hits", "RULE_MODES"]

RULE_MODES = ("only", "features", "fallback")


def compile_rules(rules: Mapping[str, Sequence[str]]) -> dict[str, re.Pattern]:
    """One case-insensitive pattern per label; raises ``re.error`` on a bad pattern."""
    return {
        label: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)
        for label, patterns in rules.items()
        if patterns
    }


def rule_hits(rules: Mapping[str, Sequence[str]], texts: Iterable[str]) -> list[list[str]]:
    """For each text, the labels whose rules fire on it, in rule order."""
    compiled = compile_rules(rules)
    return [[label for label, pattern in compiled.items() if pattern.search(text)] for text in texts]


class RuleClassifier(ClassifierMixin, BaseEstimator):
    """A classifier whose knowledge is its rules; fitting learns nothing.

    Parameters
    ----------
    rules : mapping of str to sequence of str
        Label to regular expressions.
    labels : sequence of str
        Every label, in order (columns of the multi-label output).
    multi_label : bool
        Give every label whose rules fire, or (single-label) the first one.
    default : str, optional
        Single-label answer when no rule fires.
    """

    def __init__(self, rules=None, labels=(), multi_label=False, default=None):
        self.rules = rules
        self.labels = labels
        self.multi_label = multi_label
        self.default = default

    def fit(self, X: Iterable[str] | None = None, y: object = None) -> "RuleClassifier":
        """Check the rules compile; the data, if any, is not needed."""
        compile_rules(self.rules or {})
        self.classes_ = np.asarray(self.labels, dtype=object)
        return self

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """1 for the labels the rules give, 0 for the others."""
        hits = rule_hits(self.rules or {}, X)
        labels = list(self.labels)
        out = np.zeros((len(hits), len(labels)))
        for i, fired in enumerate(hits):
            chosen = fired if self.multi_label else (fired[:1] or ([self.default] if self.default else []))
            for label in chosen:
                out[i, labels.index(label)] = 1.0
        return out

    def predict(self, X: Iterable[str]) -> np.ndarray:
        proba = self.predict_proba(X)
        if self.multi_label:
            return (proba >= 0.5).astype(int)
        return np.asarray(self.labels, dtype=object)[proba.argmax(axis=1)]
