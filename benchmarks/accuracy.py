"""How accurate are the built-in labellers?  Grouped cross-validation on labels/.

For each labeller, on the same folds (grouped by article, near-duplicates of
training sentences left out of the scores):

- the shipped configuration (the plugin's own estimator);
- a majority-class baseline;
- a plain TF-IDF + logistic regression pipeline (scikit-learn defaults);
- the shipped configuration without each of its cue-feature groups in turn
  (ablation: the gain each group brings), without any cues, without the
  article's cues (the sentence's context) and without the character n-grams.

Run from the repository root:  python benchmarks/accuracy.py [--labeller NAME]...
Prints Markdown tables (the README's accuracy section is this output).
"""

from __future__ import annotations

import argparse
import time
import warnings

from joblib import Parallel, delayed
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline

import toolkit

CUES_PARAM = "features__cues__cues"
ARTICLE_PARAM = "features__article__cues"


def plain_pipeline(multi_label: bool):
    """TF-IDF with default settings and a default logistic regression."""
    classifier = LogisticRegression(max_iter=2000)
    return make_pipeline(TfidfVectorizer(), OneVsRestClassifier(classifier) if multi_label else classifier)


def configurations(labeller: toolkit.Labeller) -> dict[str, object]:
    """Name -> estimator: shipped, plain, and the shipped one minus each cue group.

    A cue group is removed from the sentence's cues and from its article's
    (``article_cues``) alike.
    """
    shipped = labeller.build_estimator()
    found = {"shipped": shipped, "plain TF-IDF + LR": plain_pipeline(labeller.multi_label)}
    params = shipped.get_params() if hasattr(shipped, "get_params") else {}
    cues = params.get(CUES_PARAM)
    with_article = ARTICLE_PARAM in params

    def without(groups: dict) -> dict:
        return {CUES_PARAM: groups, **({ARTICLE_PARAM: groups} if with_article else {})}

    if cues:
        for group in cues:
            found[f"without cues: {group}"] = clone(shipped).set_params(
                **without({g: p for g, p in cues.items() if g != group})
            )
        found["without any cues"] = clone(shipped).set_params(**without({}))
    if with_article:
        found["without cues: the article's cues (context)"] = clone(shipped).set_params(features__article="drop")
    if "features__chars" in params:
        found["without cues: character n-grams"] = clone(shipped).set_params(features__chars="drop")
    return found


def evaluate(labeller, data, name, estimator, folds):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return name, toolkit.cross_validate(labeller, data, folds=folds, estimator=estimator)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labeller", action="append", default=[], metavar="NAME")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2, help="configurations evaluated in parallel")
    args = parser.parse_args()

    host = toolkit.load_plugins()
    summary = ["| labeller | sentences | shipped macro-F1 | shipped micro-F1 | majority macro / micro | "
               "plain TF-IDF+LR macro / micro | gain over plain (macro) | calibration error |",
               "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    ablation = ["| labeller | feature group removed | macro-F1 | change | micro-F1 | change |",
                "| --- | --- | ---: | ---: | ---: | ---: |"]
    started = time.perf_counter()
    for labeller in host.labellers(args.labeller or None):
        data = toolkit.load_labels(labeller)
        results = dict(Parallel(n_jobs=args.jobs)(
            delayed(evaluate)(labeller, data, name, est, args.folds)
            for name, est in configurations(labeller).items()
        ))
        shipped, plain = results.pop("shipped"), results.pop("plain TF-IDF + LR")
        s, b, p = shipped.scores, shipped.baseline, plain.scores
        summary.append(
            f"| `{labeller.name}` | {s['n']} | **{s['macro_f1']:.3f}** | **{s['micro_f1']:.3f}** | "
            f"{b['macro_f1']:.3f} / {b['micro_f1']:.3f} | {p['macro_f1']:.3f} / {p['micro_f1']:.3f} | "
            f"{s['macro_f1'] - p['macro_f1']:+.3f} | {s.get('calibration_error', float('nan')):.3f} |"
        )
        for name, cv in results.items():
            a = cv.scores
            ablation.append(
                f"| `{labeller.name}` | {name.removeprefix('without cues: ')} | {a['macro_f1']:.3f} | "
                f"{a['macro_f1'] - s['macro_f1']:+.3f} | {a['micro_f1']:.3f} | {a['micro_f1'] - s['micro_f1']:+.3f} |"
            )
    print("\n".join(summary))
    print()
    print("\n".join(ablation))
    print(f"\n{args.folds}-fold cross-validation grouped by article; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
