"""The labeller contract: what a plugin hands to the core.

A labeller names itself, declares its labels and whether a sentence may carry
several of them, and builds an *unfitted* scikit-learn estimator that maps raw
sentence strings to labels.  The core does everything else: it clones, fits,
cross-validates, saves, loads and predicts, so a plugin never touches files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sklearn.base import BaseEstimator

__all__ = ["Labeller", "text_pipeline"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")


def text_pipeline(
    *,
    multi_label: bool = False,
    cues: Mapping[str, Sequence[str]] | None = None,
    chars: bool = True,
    article_cues: bool = False,
    C: float = 10.0,
) -> "BaseEstimator":
    """The core's default estimator for sentence labelling.

    Word 1-2 gram TF-IDF, character 2-5 gram TF-IDF within word boundaries
    (robust to inflection, spelling variants and names never seen in
    training), and one feature per cue group when ``cues`` is given (a
    mapping of group name to regular expressions, matched case-insensitively
    at word boundaries) and, with ``article_cues``, one per cue group for its
    density in the sentence's whole article, feeding a class-balanced logistic
    regression (one per label when ``multi_label``).  Linear models keep
    training and scoring fast and give probabilities that read well.  The settings were chosen by
    grouped cross-validation on the built-in labels (``benchmarks/accuracy.py``).

    Parameters
    ----------
    multi_label : bool
        Return a one-vs-rest model that takes a label-indicator matrix as ``y``.
    cues : mapping of str to sequence of str, optional
        Readable cue vocabularies the plugin contributes beside the words.
    chars : bool
        Add the character n-gram features (about 4x slower to score, and more
        accurate on text from new outlets).
    article_cues : bool
        Add one feature per cue group measured over the sentence's whole
        article (:class:`toolkit.features.ArticleCues`), for labels that
        annotators decide in context.
    C : float
        Inverse regularisation strength of the logistic regressions.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    from .features import ArticleCues, CueFeatures, TfidfFeatures

    parts: list[tuple[str, Any]] = [
        ("words", TfidfFeatures(ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode")),
    ]
    if chars:
        parts.append(
            ("chars", TfidfFeatures(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2))
        )
    if cues:
        parts.append(("cues", CueFeatures(cues=dict(cues))))
        if article_cues:
            parts.append(("article", ArticleCues(cues=dict(cues))))
    classifier: Any = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    if multi_label:
        classifier = OneVsRestClassifier(classifier)
    return Pipeline([("features", FeatureUnion(parts)), ("classifier", classifier)])


@dataclass(frozen=True)
class Labeller:
    """One axis of sentence labels, as a plugin registers it.

    Parameters
    ----------
    name : str
        Lower-case identifier (``[a-z][a-z0-9_]*``); keys ``labels/<name>.csv``,
        ``models/<name>/`` and the output columns.
    labels : sequence of str
        Every label the labeller can give, in the order reports show them.
    description : str
        One line for ``toolkit plugins``.
    multi_label : bool
        Whether a sentence may carry zero, one or several labels.
    estimator : callable, optional
        Builds a fresh unfitted scikit-learn estimator over raw sentence strings.
        Single-label estimators get label strings as ``y``; multi-label ones get
        an indicator matrix with one column per label, in ``labels`` order.
        Defaults to :func:`text_pipeline`.
    trusted_types : sequence of str
        Fully qualified names of the plugin's own estimator classes that its
        saved models contain; toolkit refuses to load any type it was not told
        to trust (scikit-learn, numpy and scipy types are trusted already).
    rules : mapping of str to sequence of str, optional
        Label to regular expressions (readable keyword lists); see
        :mod:`toolkit.rules`.
    rule_mode : {"only", "features", "fallback"}
        Rules as the whole model (no labels needed), as cue features of the
        default pipeline, or deciding where the trained model is uncertain.
    default_label : str, optional
        For a single-label rules-only labeller, the label when no rule fires.
    """

    name: str
    labels: tuple[str, ...]
    description: str
    multi_label: bool = False
    estimator: Callable[[], "BaseEstimator"] | None = field(default=None, compare=False)
    trusted_types: tuple[str, ...] = ()
    rules: Mapping[str, Sequence[str]] | None = field(default=None, compare=False)
    rule_mode: str = "only"
    default_label: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", tuple(self.labels))
        object.__setattr__(self, "trusted_types", tuple(self.trusted_types))

    @property
    def rules_only(self) -> bool:
        """Whether the rules are the whole model (no training, no saved model)."""
        return bool(self.rules) and self.rule_mode == "only"

    def problems(self) -> list[str]:
        """Everything wrong with this declaration, as readable phrases."""
        found = []
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            found.append(f"name {self.name!r} is not a lower-case identifier")
        if not self.labels:
            found.append("it declares no labels")
        if len(set(self.labels)) != len(self.labels):
            found.append("its labels repeat")
        bad = [label for label in self.labels if not isinstance(label, str) or not _NAME.fullmatch(label)]
        if bad:
            found.append(f"labels {bad!r} are not lower-case identifiers")
        if not self.multi_label and len(self.labels) == 1:
            found.append("a single-label labeller needs at least two labels")
        if self.estimator is not None and not callable(self.estimator):
            found.append("estimator is not callable")
        if self.rules:
            from .rules import RULE_MODES, compile_rules

            if self.rule_mode not in RULE_MODES:
                found.append(f"rule_mode {self.rule_mode!r} is not one of {', '.join(RULE_MODES)}")
            unknown = [l for l in self.rules if l not in self.labels]
            if unknown:
                found.append(f"its rules name labels it does not declare: {unknown}")
            try:
                compile_rules(self.rules)
            except Exception as exc:
                found.append(f"its rules do not compile: {exc}")
        if self.default_label is not None and self.default_label not in self.labels:
            found.append(f"default_label {self.default_label!r} is not one of its labels")
        return found

    def build_estimator(self) -> "BaseEstimator":
        """A fresh, unfitted estimator for this labeller."""
        if self.rules_only:
            from .rules import RuleClassifier

            return RuleClassifier(dict(self.rules), self.labels, self.multi_label, self.default_label)
        if self.estimator is None:
            cues = {f"rule_{label}": patterns for label, patterns in (self.rules or {}).items()}
            return text_pipeline(multi_label=self.multi_label, cues=cues if self.rule_mode == "features" else None)
        return self.estimator()
