"""Scoring: the one path articles take to become sentence and article tables.

read article -> split sentences -> each labeller's model -> sentence table ->
article summary.  The command line, the tests and notebook users all call
:func:`score_paths` or :func:`score_texts`, which share :func:`score_articles`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .host import PluginHost, load_plugins
from .persistence import SavedModel, load_model
from .reading import Article, Skipped, find_articles, read_articles
from .context import in_articles
from .sentences import split_sentences

__all__ = [
    "ScoreResult",
    "load_models",
    "predict",
    "score_articles",
    "score_paths",
    "score_texts",
    "summarize",
    "uncertain_counts",
    "SENTENCE_COLUMNS",
]

SENTENCE_COLUMNS = ["article_id", "sentence", "start", "end", "text"]
#: The label reported, with ``abstain``, where a labeller is not sure enough.
UNCERTAIN = "uncertain"
#: Articles scored together: large enough to vectorise efficiently, small
#: enough that memory does not grow with the size of the folder.
CHUNK_ARTICLES = 500


@dataclass(frozen=True)
class ScoreResult:
    """What a scoring run produced.

    ``sentences``: one row per sentence (``article_id``, ``sentence``,
    ``start``, ``end``, ``text``, then each labeller's label column and
    probability columns).  ``articles``: one row per article (``article_id``,
    ``path``, ``n_sentences``, then per label its share of sentences for a
    multi-label labeller, or its count for a single-label one).  ``skipped``:
    files that were not scored (``path``, ``reason``).
    """

    sentences: pd.DataFrame
    articles: pd.DataFrame
    skipped: pd.DataFrame


def load_models(
    labellers: Sequence[str] | None = None,
    *,
    models_dir: str | os.PathLike[str] | None = None,
    host: PluginHost | None = None,
) -> list[SavedModel]:
    """Load the saved model of each named labeller (default: all registered)."""
    host = host or load_plugins()
    return [load_model(labeller, models_dir) for labeller in host.labellers(labellers)]


def predict(
    model: SavedModel, texts: Sequence[str], features: dict | None = None, abstain: bool = False
) -> pd.DataFrame:
    """One labeller's output columns for ``texts``.

    Single-label: ``<name>`` (the label) and ``<name>_p`` (its probability).
    Multi-label: ``<name>`` (labels joined by ``;``, empty for none) and
    ``<name>_p_<label>`` for every label; a label is given at probability 0.5
    or more.  Both get ``<name>_uncertain``: whether the best label's
    probability is below the threshold chosen by cross-validation, or the
    labels whose probability is too near 0.5 (see :mod:`toolkit.abstention`);
    with ``abstain``, an uncertain single label is reported as ``uncertain``.
    ``features`` is a cache shared by the models scoring the same texts (see
    :func:`_predict_proba`).
    """
    labeller, estimator = model.labeller, model.estimator
    name = labeller.name
    texts = list(texts)
    if not texts:
        columns = [name, f"{name}_uncertain"] + (
            [f"{name}_p_{l}" for l in labeller.labels] if labeller.multi_label else [f"{name}_p"])
        return pd.DataFrame({c: pd.Series(dtype=float if "_p" in c else object) for c in columns})
    proba = _predict_proba(estimator, texts, {} if features is None else features)
    thresholds = model.metadata.get("thresholds")
    if labeller.multi_label:
        if proba is None:
            chosen = np.asarray(estimator.predict(texts), dtype=bool)
            proba = np.full(chosen.shape, np.nan)
        else:
            proba = np.asarray(proba, dtype=float)
            chosen = proba >= 0.5
        margins = np.array([thresholds.get(l, 0.0) for l in labeller.labels]) if thresholds else None
        unsure = np.abs(proba - 0.5) < margins if margins is not None else np.zeros_like(chosen)
        if labeller.rules and labeller.rule_mode == "fallback":  # uncertain labels: the rules decide
            from .rules import rule_hits

            fired = np.array([[l in hits for l in labeller.labels] for hits in rule_hits(labeller.rules, texts)])
            chosen = np.where(unsure, fired, chosen)
            unsure = np.zeros_like(unsure)
        out = {name: [";".join(l for l, on in zip(labeller.labels, row) if on) for row in chosen]}
        out[f"{name}_uncertain"] = [";".join(l for l, u in zip(labeller.labels, row) if u) for row in unsure]
        out.update({f"{name}_p_{label}": proba[:, i] for i, label in enumerate(labeller.labels)})
        return pd.DataFrame(out)
    if proba is None:
        return pd.DataFrame({name: estimator.predict(texts), f"{name}_p": np.nan, f"{name}_uncertain": False})
    classes = np.asarray(estimator.classes_, dtype=object)
    best = proba.argmax(axis=1)
    top = proba[np.arange(len(texts)), best]
    unsure = top < thresholds["min_probability"] if thresholds else np.zeros(len(texts), dtype=bool)
    label = classes[best]
    if labeller.rules and labeller.rule_mode == "fallback":  # where the model is unsure, a firing rule decides
        from .rules import rule_hits

        fired = np.array([hits[0] if hits else "" for hits in rule_hits(labeller.rules, texts)], dtype=object)
        decided = unsure & (fired != "")
        label = np.where(decided, fired, label)
        unsure = unsure & ~decided
    label = np.where(unsure, UNCERTAIN, label) if abstain else label
    return pd.DataFrame({name: label, f"{name}_p": top, f"{name}_uncertain": unsure})


_FEATURE_KEYS: dict[int, tuple[object, str]] = {}


def _feature_key(transformer: object) -> str:
    """Content hash of a fitted transformer, computed once per object."""
    held = _FEATURE_KEYS.get(id(transformer))
    if held is None or held[0] is not transformer:
        import hashlib

        import joblib

        vocabulary = getattr(transformer, "vocabulary_", None)
        if isinstance(vocabulary, dict):  # a fitted text vectoriser: hashing its vocabulary is the costly part
            idf = getattr(transformer, "idf_", None)
            key = "|".join([
                type(transformer).__qualname__,
                joblib.hash(transformer.get_params()),
                str(hash(tuple(vocabulary.items()))),  # per-process hash: keys never leave the process
                hashlib.sha256(idf.tobytes()).hexdigest() if idf is not None else "",
            ])
        else:
            key = joblib.hash(transformer)
        held = (transformer, key)
        _FEATURE_KEYS[id(transformer)] = held
    return held[1]


def _predict_proba(estimator: object, texts: list[str], features: dict) -> np.ndarray | None:
    """``estimator.predict_proba(texts)``, computing shared features once.

    Labellers trained on the same sentences with the core's text pipeline
    hold identical fitted vectorisers; for a ``Pipeline`` of a
    ``FeatureUnion`` and a classifier, each feature block is looked up in
    ``features`` by the content hash of its transformer, so the costly
    character n-grams are computed once per chunk for all labellers.
    Estimators of any other shape are called as they are.
    """
    from sklearn.pipeline import FeatureUnion, Pipeline

    if not hasattr(estimator, "predict_proba"):
        return None
    steps = getattr(estimator, "steps", None)
    if not (isinstance(estimator, Pipeline) and len(steps) == 2 and isinstance(steps[0][1], FeatureUnion)):
        return estimator.predict_proba(texts)
    import scipy.sparse as sp

    union, classifier = steps[0][1], steps[1][1]
    weights = union.transformer_weights or {}
    blocks = []
    for name, transformer in union.transformer_list:
        if transformer == "drop":
            continue
        key = _feature_key(transformer)
        if key not in features:
            features[key] = sp.csr_matrix(transformer.transform(texts))
        blocks.append(features[key] * weights[name] if name in weights else features[key])
    return classifier.predict_proba(sp.hstack(blocks).tocsr())


def _sentence_rows(articles: Iterable[Article], split: Callable[[str], list] = split_sentences) -> pd.DataFrame:
    rows = [
        (article.id, i, s.start, s.end, s.text)
        for article in articles
        for i, s in enumerate(split(article.text))
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def score_articles(
    articles: Iterable[Article],
    models: Sequence[SavedModel],
    *,
    chunk: int = CHUNK_ARTICLES,
    abstain: bool = False,
    failed: list | None = None,
    split: Callable[[str], list] = split_sentences,
) -> Iterator[pd.DataFrame]:
    """Sentence tables for ``articles``, one per chunk of ``chunk`` articles.

    With ``failed`` (a list), an article on which a labeller raises is left
    out and recorded there instead of stopping the run.  ``split`` is the
    sentence splitter (a plugin's, or toolkit's own).
    """
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= chunk:
            yield _score_chunk(batch, models, abstain, failed, split)
            batch = []
    if batch:
        yield _score_chunk(batch, models, abstain, failed, split)


def _score_chunk(
    articles: list[Article],
    models: Sequence[SavedModel],
    abstain: bool = False,
    failed: list | None = None,
    split: Callable[[str], list] = split_sentences,
) -> pd.DataFrame:
    """The sentence table of ``articles``, all scored together.

    When a labeller raises, the chunk is scored again article by article;
    articles that still fail are left out and recorded in ``failed`` as
    :class:`Skipped` (when given; otherwise the error propagates).
    """
    try:
        table = _sentence_rows(articles, split)
        texts = in_articles(table["text"].tolist(), table["article_id"].tolist())
        features: dict = {}
        return pd.concat([table, *(predict(m, texts, features, abstain) for m in models)], axis=1)
    except Exception as exc:
        if failed is None or len(articles) == 0:
            raise
        if len(articles) == 1:
            failed.append(Skipped(articles[0].path or articles[0].id, f"failed: {type(exc).__name__}: {exc}"))
            return _score_chunk([], models, abstain)
        return pd.concat([_score_chunk([a], models, abstain, failed, split) for a in articles], ignore_index=True)


def summarize(
    sentences: pd.DataFrame, models: Sequence[SavedModel], articles: Mapping[str, Article] | None = None
) -> pd.DataFrame:
    """The article table: sentence count and label mix of every article.

    A multi-label labeller contributes ``<name>_<label>``, the share of the
    article's sentences that carry the label; a single-label one contributes
    ``<name>_<label>``, the number of sentences given that label.  Each adds
    ``<name>_uncertain``, the number of sentences it was not sure of.  Given
    ``articles`` (id to :class:`Article`), the table also has each article's
    path and whatever its reader knew (``meta``: outlet, date, URL...).
    """
    ids = pd.Index(pd.unique(sentences["article_id"]), name="article_id")
    grouped = sentences.groupby("article_id", sort=False)
    parts = [grouped.size().reindex(ids).rename("n_sentences")]
    for model in models:
        name, labels = model.labeller.name, model.labeller.labels
        column = sentences[name].fillna("")
        unsure = sentences.get(f"{name}_uncertain")
        if unsure is not None:
            flags = unsure.astype(bool) if not model.labeller.multi_label else unsure.fillna("").astype(str).ne("")
            parts.append(flags.astype(int).groupby(sentences["article_id"], sort=False).sum()
                         .reindex(ids).rename(f"{name}_uncertain"))
        for label in labels:
            if model.labeller.multi_label:
                hit = column.str.split(";").apply(lambda ls, label=label: label in ls)
                parts.append(hit.groupby(sentences["article_id"], sort=False).mean().reindex(ids).rename(f"{name}_{label}"))
            else:
                hit = (column == label).astype(int)
                parts.append(hit.groupby(sentences["article_id"], sort=False).sum().reindex(ids).rename(f"{name}_{label}"))
    table = pd.concat(parts, axis=1).reset_index()
    known = articles or {}
    table.insert(1, "path", [known[i].path if i in known else None for i in table["article_id"]])
    meta_keys = sorted({k for a in known.values() for k in a.meta})
    for n, key in enumerate(meta_keys):  # what readers know: outlet, date, URL...
        table.insert(2 + n, key, [str(known[i].meta.get(key, "")) if i in known else "" for i in table["article_id"]])
    table.attrs["labellers"] = {m.labeller.name: m.labeller.labels for m in models}
    return table


def uncertain_counts(articles: pd.DataFrame) -> dict[str, int]:
    """Sentences each labeller was not sure of, summed over an article table."""
    return {c.removesuffix("_uncertain"): int(articles[c].sum()) for c in articles.columns if c.endswith("_uncertain")}


def without_sentences(articles: Iterable[Article], sentences: pd.DataFrame, failed: Sequence[Skipped]) -> list[Skipped]:
    """Articles that gave no sentence (and did not fail): reported as skipped.

    Found from the scored table, so each article is split only once.
    """
    scored, failed_keys = set(sentences["article_id"]), {f.path for f in failed}
    return [Skipped(a.path or a.id, "no sentences") for a in articles
            if a.id not in scored and (a.path or a.id) not in failed_keys]


def _run(
    items: Iterable[Article | Skipped], models: Sequence[SavedModel], abstain: bool, host: PluginHost
) -> ScoreResult:
    skipped: list[Skipped] = []
    seen: dict[str, Article] = {}

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                seen[item.id] = item
                yield item

    failed: list[Skipped] = []
    chunks = list(score_articles(articles(), models, abstain=abstain, failed=failed, split=host.split))
    empty = _score_chunk([], models)
    sentences = pd.concat(chunks, ignore_index=True) if chunks else empty
    skipped += failed + without_sentences(seen.values(), sentences, failed)
    return ScoreResult(
        sentences,
        summarize(sentences, models, seen),
        pd.DataFrame([(s.path, s.reason) for s in skipped], columns=["path", "reason"]),
    )


def score_paths(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    labellers: Sequence[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    host: PluginHost | None = None,
    glob: str = "*.txt",
    encoding: str | None = None,
    models: Sequence[SavedModel] | None = None,
    abstain: bool = False,
) -> ScoreResult:
    """Score article files and folders with the saved models.

    Parameters
    ----------
    paths : path or sequence of paths
        Files, or folders searched recursively for files matching ``glob``.
    labellers : sequence of str, optional
        Labellers to apply; default all registered.
    models_dir : path, optional
        Folder of trained models; default the shipped ``models/``.
    host : PluginHost, optional
        Loaded plugins; default :func:`toolkit.load_plugins()`.
    glob : str
        File-name pattern inside folders.
    encoding : str, optional
        Decode every file with this codec instead of detecting it.
    models : sequence of SavedModel, optional
        Already loaded models (skips loading).
    abstain : bool
        Report a single label as ``uncertain`` where the model is not sure
        enough (the ``<name>_uncertain`` columns are there either way).

    Returns
    -------
    ScoreResult
        Sentence table, article table and the files skipped with reasons.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = find_articles(paths, glob)
    host = host or load_plugins()
    models = models if models is not None else load_models(labellers, models_dir=models_dir, host=host)
    return _run(read_articles(files, encoding, host.read), models, abstain, host)


def score_texts(
    texts: Mapping[str, str] | Sequence[str],
    *,
    labellers: Sequence[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    host: PluginHost | None = None,
    models: Sequence[SavedModel] | None = None,
    abstain: bool = False,
) -> ScoreResult:
    """Score article texts held in memory: a list, or a mapping of id to text.

    Articles in a list get ids ``"0"``, ``"1"``, ...; otherwise as
    :func:`score_paths`.
    """
    items = texts.items() if isinstance(texts, Mapping) else ((str(i), t) for i, t in enumerate(texts))
    host = host or load_plugins()
    models = models if models is not None else load_models(labellers, models_dir=models_dir, host=host)
    return _run((Article(str(i), t) for i, t in items), models, abstain, host)
