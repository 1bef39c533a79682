"""Batch scoring of large folders: chunked, parallel, resumable.

Articles are scored in chunks by one pure function, :func:`score_chunk`, that
reads its files, scores them through the same pipeline as
:func:`toolkit.score_paths` and writes the chunk's sentence and article tables
to a parts folder beside the output, each under a temporary name renamed when
complete.  Memory therefore stays flat whatever the size of the folder, the
chunks can run in worker processes (joblib) or on a Dask cluster, and an
interrupted run keeps every finished chunk.  When all chunks are done the parts
are streamed into the final tables, again written under a temporary name.

``--resume`` scores only the articles whose content hash is not yet in the
parts folder: a changed file is scored again, an unchanged one is not.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .reading import Article, UnreadableArticle, articles_in, find_articles, read_bytes
from .tables import companion_path, read_table, table_format, write_table

__all__ = ["ChunkSpec", "ChunkResult", "RunSummary", "score_chunk", "score_folder", "BACKENDS"]

BACKENDS = ("loky", "dask")
#: Articles per chunk: big enough to vectorise efficiently, small enough to
#: keep memory flat and lose little work to an interruption.
CHUNK_ARTICLES = 200
#: Below this many articles, worker processes cost more to start than they save.
MIN_PARALLEL_ARTICLES = 1000


@dataclass(frozen=True)
class ChunkSpec:
    """Everything a worker needs to score one chunk, as plain picklable data."""

    index: int
    files: tuple[tuple[str, str], ...]  # (path, article id)
    parts_dir: str
    suffix: str
    models_dir: str | None
    labellers: tuple[str, ...] | None
    plugin_paths: tuple[str, ...]
    encoding: str | None
    abstain: bool = False


@dataclass(frozen=True)
class ChunkResult:
    """What a chunk produced: counts, skipped files and wire-copy fingerprints."""

    index: int
    articles: int
    sentences: int
    skipped: tuple[tuple[str, str], ...]


@dataclass
class RunSummary:
    """Counts of a finished run and where its tables are."""

    articles: int = 0
    sentences: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    reused: int = 0
    copies: int = 0
    uncertain: dict[str, int] = field(default_factory=dict)  # labeller -> sentences it was not sure of
    seconds: float = 0.0
    outputs: tuple[Path, ...] = ()


_MODELS: dict[tuple, list] = {}


def _models_for(spec: ChunkSpec) -> tuple:
    """Load plugins and models once per worker process and keep them: (host, models)."""
    key = (spec.models_dir, spec.labellers, spec.plugin_paths)
    if key not in _MODELS:
        from .host import load_plugins
        from .scoring import load_models

        host = load_plugins(spec.plugin_paths)
        _MODELS[key] = (host, load_models(spec.labellers, models_dir=spec.models_dir, host=host))
    return _MODELS[key]


def part_paths(parts_dir: str | os.PathLike[str], index: int, suffix: str) -> tuple[Path, Path]:
    """The sentence and article part files of chunk ``index``."""
    base = Path(parts_dir) / f"part-{index:06d}"
    return Path(f"{base}.sentences{suffix}"), Path(f"{base}.articles{suffix}")


def score_chunk(spec: ChunkSpec) -> ChunkResult:
    """Score one chunk of files and write its part tables; a pure function of its input.

    The article part is written last: its presence marks the chunk complete.
    """
    from .scoring import _score_chunk, summarize, without_sentences
    from .wirecopies import fingerprint

    host, models = _models_for(spec)
    articles: list[Article] = []
    hashes: dict[str, str] = {}
    prints: dict[str, str] = {}
    skipped: list[tuple[str, str]] = []
    for path, article_id in spec.files:
        try:
            data = read_bytes(path)
            found = articles_in(Path(path), article_id, data, spec.encoding, host.read)
        except UnreadableArticle as exc:
            skipped.append((path, str(exc)))
            continue
        for article in found:
            articles.append(article)
            hashes[article.id] = hashlib.sha256(data).hexdigest()
            prints[article.id] = " ".join(f"{h:x}" for h in fingerprint(article.text))
    failed: list = []
    sentences = _score_chunk(articles, models, spec.abstain, failed, host.split)
    skipped.extend((f.path, f.reason) for f in [*failed, *without_sentences(articles, sentences, failed)])
    table = summarize(sentences, models, {a.id: a for a in articles})
    table["sha256"] = table["article_id"].map(hashes)
    table["fingerprint"] = table["article_id"].map(prints)
    sentences_path, articles_path = part_paths(spec.parts_dir, spec.index, spec.suffix)
    write_table(sentences, sentences_path)
    write_table(table, articles_path)
    return ChunkResult(spec.index, len(articles), len(sentences), tuple(skipped))


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _done_parts(parts_dir: Path, suffix: str) -> list[tuple[int, Path, Path]]:
    """Complete parts (those with an article table), in chunk order."""
    found = []
    for articles in sorted(parts_dir.glob(f"part-*.articles{suffix}")):
        index = int(articles.name.split(".")[0].removeprefix("part-"))
        sentences, _ = part_paths(parts_dir, index, suffix)
        if sentences.exists():
            found.append((index, sentences, articles))
    return found


def _run_chunks(
    specs: list[ChunkSpec], jobs: int, backend: str, scheduler: str | None
) -> Iterator[ChunkResult]:
    """Results of ``score_chunk`` over ``specs``, as chunks finish."""
    if backend == "dask":
        try:
            from dask.distributed import Client, as_completed
        except ImportError:
            raise InputError("the Dask backend needs dask.distributed: pip install 'toolkit[dask]'") from None
        client = Client(scheduler) if isinstance(scheduler, str) else scheduler
        try:
            for future in as_completed(client.map(score_chunk, specs, pure=False)):
                yield future.result()
        finally:
            if isinstance(scheduler, str):
                client.close()
    elif jobs <= 1:
        for spec in specs:
            yield score_chunk(spec)
    else:
        from joblib import Parallel, delayed

        yield from Parallel(n_jobs=jobs, return_as="generator_unordered")(delayed(score_chunk)(s) for s in specs)


def score_folder(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    labellers: Sequence[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    plugin_paths: Sequence[str | os.PathLike[str]] = (),
    glob: str = "*.txt",
    encoding: str | None = None,
    jobs: int | None = None,
    backend: str = "loky",
    scheduler: object = None,
    resume: bool = False,
    chunk_size: int = CHUNK_ARTICLES,
    progress: Callable[[int], None] | None = None,
    abstain: bool = False,
    on_start: Callable[[int], None] | None = None,
) -> RunSummary:
    """Score every article under ``paths`` into the tables ``out`` and its ``.articles`` companion.

    Parameters
    ----------
    paths : sequence of path
        Files, or folders searched recursively for ``glob``.
    out : path
        Sentence table (``.csv``, ``.jsonl`` or ``.parquet``); the article table
        goes beside it, skipped files in ``<out>.skipped.csv`` and the
        resumable parts in the folder ``<out>.parts``.
    jobs : int, optional
        Worker processes (default: all cores); one process for small folders.
    backend : {"loky", "dask"}
        Run chunks in local processes or on a Dask cluster at ``scheduler``
        (an address, or a ``distributed.Client``).
    resume : bool
        Keep the chunks already in ``<out>.parts`` and score only articles that
        are new or changed since.
    progress : callable, optional
        Called with the number of articles each finished chunk covered.
    abstain : bool
        Report uncertain single labels as ``uncertain`` (see ``toolkit.scoring.predict``).
    on_start : callable, optional
        Called once with the number of files found, before any is scored.
    """
    started = time.perf_counter()
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    out = Path(out)
    suffix = table_format(out)  # fail fast, before any work
    files = [(str(p), i) for p, i in find_articles(paths, glob)]  # str: a Path object costs 3x the memory
    if on_start:
        on_start(len(files))
    parts_dir = out.with_name(out.name + ".parts")
    summary = RunSummary()

    done: dict[str, str] = {}  # path -> sha256 of the files already scored
    if resume and parts_dir.is_dir():
        for _, _, articles in _done_parts(parts_dir, suffix):
            table = read_table(articles)
            done.update(zip(table["path"].astype(str), table["sha256"]))
    elif parts_dir.is_dir():
        for stale in parts_dir.iterdir():
            stale.unlink()
    parts_dir.mkdir(parents=True, exist_ok=True)

    todo = [(p, i) for p, i in files if not (p in done and done[p] == _file_sha256(Path(p)))]
    summary.reused = len(files) - len(todo)
    first = max((i for i, _, _ in _done_parts(parts_dir, suffix)), default=-1) + 1
    specs = [
        ChunkSpec(
            first + n, tuple(todo[k : k + chunk_size]), str(parts_dir), suffix,
            None if models_dir is None else str(models_dir), tuple(labellers) if labellers else None,
            tuple(str(Path(p).resolve()) for p in plugin_paths), encoding, abstain,
        )
        for n, k in enumerate(range(0, len(todo), chunk_size))
    ]
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if len(todo) < MIN_PARALLEL_ARTICLES:
        jobs = 1
    for result in _run_chunks(specs, min(jobs, max(1, len(specs))), backend, scheduler):
        summary.skipped.extend(result.skipped)
        if progress:
            progress(len(specs[result.index - first].files))

    summary.outputs = _merge_parts(parts_dir, suffix, out, [p for p, _ in files], summary)
    skipped_path = out.with_name(out.name + ".skipped.csv")
    write_table(pd.DataFrame(summary.skipped, columns=["path", "reason"]), skipped_path)
    summary.seconds = time.perf_counter() - started
    return summary


def _merge_parts(
    parts_dir: Path, suffix: str, out: Path, current: list[str], summary: RunSummary
) -> tuple[Path, ...]:
    """Stream the parts into the final tables, each file's articles from its newest part.

    ``current`` lists the input files' paths in the order found; articles of
    files no longer among them are left out.  Parts are read one at a time,
    so memory does not grow with the archive: a first pass finds each file's
    newest part and the columns, a second one collects the wire-copy
    fingerprints on disk, a third writes both tables.
    """
    from .scoring import uncertain_counts

    parts = _done_parts(parts_dir, suffix)
    wanted = set(current)
    newest: dict[str, int] = {}
    columns: dict[str, None] = {}
    for index, _, articles in parts:
        table = read_table(articles)
        newest.update(dict.fromkeys(table["path"].astype(str), index))
        columns.update(dict.fromkeys(c for c in table.columns if c != "fingerprint"))

    def kept(index: int, articles: Path) -> pd.DataFrame:
        table = read_table(articles)
        return table[table["path"].astype(str).map(lambda p: p in wanted and newest[p] == index)]

    copies = _wire_copies((kept(index, articles) for index, _, articles in parts), parts_dir)
    summary.copies = len(copies)
    originals = dict.fromkeys(copies.values(), "")  # their ids, met before any of their copies

    sentences_out, articles_out = out, companion_path(out, "articles")
    number = 0  # of the next article, as numbered by _wire_copies
    with _TableAppender(sentences_out) as sentence_sink, _TableAppender(articles_out) as article_sink:
        for index, sentences, articles in parts:
            table = kept(index, articles)
            missing = [c for c in columns if c not in table]  # meta one reader gave and another did not
            table = table.reindex(columns=list(columns)).fillna({c: "" for c in missing})
            numbers = range(number, number + len(table))
            number += len(table)
            originals.update((n, a) for n, a in zip(numbers, table["article_id"]) if n in originals)
            table["copy_of"] = [originals[copies[n]] if n in copies else "" for n in numbers]
            article_sink.append(table)
            for name, n in uncertain_counts(table).items():
                summary.uncertain[name] = summary.uncertain.get(name, 0) + n
            rows = read_table(sentences)
            rows = rows[rows["article_id"].isin(set(table["article_id"]))]
            summary.sentences += len(rows)
            sentence_sink.append(rows)
    summary.articles = number
    return sentences_out, articles_out


def _wire_copies(tables: Iterable[pd.DataFrame], folder: Path) -> dict[int, int]:
    """Wire copies among the articles of ``tables``, numbered in order from 0: copy -> first copy.

    The fingerprints wait in a temporary file in ``folder`` rather than in memory.
    """
    from .wirecopies import FingerprintFile, find_copies

    with FingerprintFile(folder) as prints:
        for table in tables:
            for fp in table["fingerprint"].fillna(""):
                prints.add(_parse_fingerprint(str(fp)))
        return find_copies(prints)


def _parse_fingerprint(text: str) -> np.ndarray:
    """A fingerprint as stored in a part (hexadecimal hashes separated by spaces)."""
    return np.array([int(h, 16) for h in text.split()], dtype=np.uint32)


class _TableAppender:
    """Append DataFrames to one CSV, JSON Lines or Parquet file; rename when closed."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.partial")
        self.suffix = path.suffix.lower()
        self.writer = None
        self.count = 0

    def __enter__(self) -> "_TableAppender":
        self.tmp.unlink(missing_ok=True)
        return self

    def append(self, table: pd.DataFrame) -> None:
        if self.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            batch = pa.Table.from_pandas(table, preserve_index=False,
                                         schema=self.writer.schema if self.writer else None)
            if self.writer is None:
                self.writer = pq.ParquetWriter(self.tmp, batch.schema)
            self.writer.write_table(batch)
        elif self.suffix == ".csv":
            table.to_csv(self.tmp, mode="a", header=self.count == 0, index=False)
        else:
            if len(table):
                text = table.to_json(orient="records", lines=True, force_ascii=False)
                with open(self.tmp, "a", encoding="utf-8") as f:
                    f.write(text if text.endswith("\n") else text + "\n")
        self.count += 1

    def __exit__(self, kind, value, tb) -> None:
        if self.writer is not None:
            self.writer.close()
        if kind is None:
            if not self.tmp.exists():  # nothing was scored: an empty table with the columns
                from .scoring import SENTENCE_COLUMNS

                write_table(pd.DataFrame(columns=SENTENCE_COLUMNS), self.tmp.with_suffix(self.suffix))
                os.replace(self.tmp.with_suffix(self.suffix), self.tmp)
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)
