"""Conformance checks for plugin authors: is this labeller something toolkit can use?

Call :func:`check_labeller` from a plugin's own tests (the scaffold of
``toolkit plugin new`` does)::

    from toolkit.testing import check_plugin

    def test_my_plugin_conforms():
        check_plugin(my_plugin)

Each check fails with an ``AssertionError`` that says what is wrong.
"""

from __future__ import annotations

import numpy as np

from .labeller import Labeller

__all__ = ["check_labeller", "check_plugin", "synthetic_examples"]


def synthetic_examples(labeller: Labeller, per_label: int = 6) -> tuple[list[str], list]:
    """A tiny training set where each label has sentences of its own words."""
    texts, targets = [], []
    fillers = ["the report said", "officials noted", "according to the text", "the statement added",
               "observers wrote", "the ministry said", "a spokesman said", "the agency reported"]
    for i, label in enumerate(labeller.labels):
        for k in range(per_label):
            texts.append(f"{fillers[(i + k) % len(fillers)]} {label} {label} number {k} about {label}")
            targets.append((label,) if labeller.multi_label else label)
    return texts, targets


def check_labeller(labeller: Labeller) -> None:
    """Assert that ``labeller`` declares valid labels and hands over a usable estimator.

    Checks: a valid name and unique labels; rules, if any, name declared
    labels and compile; the factory returns a fresh,
    unfitted estimator each time that survives ``sklearn.base.clone``; fitting
    and predicting on a tiny synthetic set round-trips with the right output
    shape and labels; probabilities, where given, lie in [0, 1].
    """
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    from .training import encode_targets

    assert isinstance(labeller, Labeller), f"{labeller!r} is not a toolkit.Labeller"
    problems = labeller.problems()
    assert not problems, f"labeller {labeller.name!r}: {'; '.join(problems)}"
    first, second = labeller.build_estimator(), labeller.build_estimator()
    assert first is not second, f"labeller {labeller.name!r}: the estimator factory must build a new estimator each call"
    try:
        check_is_fitted(first)
    except (NotFittedError, TypeError):
        pass
    else:
        raise AssertionError(f"labeller {labeller.name!r}: the estimator factory returned an already fitted estimator")
    cloned = clone(first)
    assert type(cloned) is type(first), f"labeller {labeller.name!r}: clone() changed the estimator's type"

    texts, targets = synthetic_examples(labeller)
    y = encode_targets(labeller, targets)
    model = clone(first).fit(texts, y)
    predicted = np.asarray(model.predict(texts))
    if labeller.multi_label:
        assert predicted.shape == (len(texts), len(labeller.labels)), (
            f"labeller {labeller.name!r}: a multi-label estimator must predict one column per label, "
            f"got shape {predicted.shape}")
        assert set(np.unique(predicted)) <= {0, 1}, f"labeller {labeller.name!r}: predictions are not 0/1"
    else:
        assert predicted.shape == (len(texts),), f"labeller {labeller.name!r}: predictions have shape {predicted.shape}"
        assert set(predicted) <= set(labeller.labels), (
            f"labeller {labeller.name!r}: predicted labels {sorted(set(predicted) - set(labeller.labels))} "
            "that it does not declare")
    if not labeller.rules_only:  # rules know their own words, not the synthetic ones
        assert (predicted == y).mean() > 0.5, f"labeller {labeller.name!r}: cannot even learn its own synthetic examples"
    if hasattr(model, "predict_proba"):
        proba = np.asarray(model.predict_proba(texts))
        assert proba.shape[0] == len(texts) and np.all((proba >= 0) & (proba <= 1)), (
            f"labeller {labeller.name!r}: predict_proba gives values outside [0, 1] or the wrong number of rows")


def check_plugin(plugin: object) -> list[str]:
    """Load ``plugin`` (a module or object with hook implementations) alone and check every labeller it registers.

    Returns the names of the labellers checked.
    """
    from .host import load_plugins

    host = load_plugins(objects=[plugin], entry_points=False)
    assert host.names, f"plugin {plugin!r} registers no labeller"
    for labeller in host.labellers():
        check_labeller(labeller)
    return host.names
