"""``toolkit score``: label every sentence of a folder of articles."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from .common import host_from, shared_options

#: Exit status when the run finished but some files were skipped.
EXIT_SKIPPED = 3


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score", parents=[shared_options()], help="score article files or folders",
        description="Split articles into sentences and label each with every labeller. "
        f"Exit status {EXIT_SKIPPED} means some files were skipped (listed on stderr and, with --out, "
        "in OUT.skipped.csv).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, or folders searched recursively")
    p.add_argument("--out", metavar="FILE", help="write the sentence table to FILE (.csv, .jsonl or .parquet) "
                   "and the article table beside it as FILE's name + .articles")
    p.add_argument("--labeller", action="append", default=[], metavar="NAME", help="only this labeller (repeatable)")
    p.add_argument("--glob", default="*.txt", help="file-name pattern inside folders (default: %(default)s)")
    p.add_argument("--encoding", help="decode every file with this codec instead of detecting it")
    p.add_argument("--report", metavar="HTML", help="also write an offline HTML report of the run")
    p.add_argument("--abstain", action="store_true",
                   help="report a label as `uncertain` where the model is not sure enough (see <name>_uncertain)")
    big = p.add_argument_group("large folders (with --out)")
    big.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="worker processes (default: all cores; one for fewer than 1,000 articles)")
    big.add_argument("--backend", choices=("loky", "dask"), default="loky",
                     help="run chunks in local processes (loky) or on a Dask cluster (default: %(default)s)")
    big.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    big.add_argument("--resume", action="store_true",
                     help="keep the chunks an earlier run finished; score only new or changed articles")
    big.add_argument("--chunk-size", type=int, default=None, metavar="N", help="articles per chunk (default: 200)")
    big.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.out:
        return _score_to_files(args)
    from ..scoring import score_paths, uncertain_counts

    result = score_paths(
        args.paths, labellers=args.labeller or None, models_dir=args.models, host=host_from(args),
        glob=args.glob, encoding=args.encoding, abstain=args.abstain,
    )
    for path, reason in result.skipped.itertuples(index=False):
        print(f"toolkit: skipped {path}: {reason}", file=sys.stderr)
    print(render_summary(result.articles))
    print(uncertain_line(uncertain_counts(result.articles)))
    if args.report:
        from pathlib import Path

        from ..report import build_report

        Path(args.report).write_text(build_report(result.sentences, result.articles), encoding="utf-8")
        print(f"report -> {args.report}", file=sys.stderr)
    return EXIT_SKIPPED if len(result.skipped) else 0


def _score_to_files(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..batch import CHUNK_ARTICLES, score_folder

    host_from(args)  # report a broken plugin or unknown labeller before any work
    bar = tqdm(unit="article", file=sys.stderr, disable=args.quiet or not sys.stderr.isatty())

    def start(total: int) -> None:
        bar.total = total
        bar.refresh()

    try:
        summary = score_folder(
            args.paths, args.out, labellers=args.labeller or None, models_dir=args.models,
            plugin_paths=args.plugin, glob=args.glob, encoding=args.encoding, jobs=args.jobs,
            backend=args.backend, scheduler=args.scheduler, resume=args.resume,
            chunk_size=args.chunk_size or CHUNK_ARTICLES, progress=bar.update, abstain=args.abstain,
            on_start=start,
        )
    except KeyboardInterrupt:
        bar.close()
        print(f"toolkit: interrupted; finished chunks are kept in {args.out}.parts: "
              "run again with --resume to score the rest", file=sys.stderr)
        return 130
    bar.close()
    for path, reason in summary.skipped:
        print(f"toolkit: skipped {path}: {reason}", file=sys.stderr)
    reused = f", {summary.reused} unchanged from before" if summary.reused else ""
    print(
        f"{summary.articles} articles ({summary.sentences} sentences{reused}), {len(summary.skipped)} skipped, "
        f"{summary.copies} wire copies, in {summary.seconds:.1f} s -> {', '.join(map(str, summary.outputs))}",
        file=sys.stderr,
    )
    print(uncertain_line(summary.uncertain), file=sys.stderr)
    if args.report:
        from ..report import write_report

        print(f"report -> {write_report(args.out, args.report)}", file=sys.stderr)
    return EXIT_SKIPPED if summary.skipped else 0


def uncertain_line(counts: Mapping[str, int]) -> str:
    """How many sentences each labeller was not sure of, over the whole run."""
    return "uncertain sentences: " + ", ".join(f"{name} {n}" for name, n in counts.items())


def render_summary(articles) -> str:
    """A readable per-article summary: sentence count and each labeller's mix."""
    blocks = []
    skip = {"article_id", "path", "n_sentences", "sha256", "copy_of"}
    label_columns = [c for c in articles.columns if c not in skip and not c.endswith("_uncertain")]
    for row in articles.to_dict(orient="records"):
        lines = [f"{row['article_id']}  ({row['n_sentences']} sentences)"]
        by_labeller: dict[str, list[str]] = {}
        for column in label_columns:
            value = row[column]
            if not value:
                continue
            name, _, label = _split_column(column, articles.attrs.get("labellers", {}))
            shown = f"{value:.0%}" if isinstance(value, float) else str(value)
            by_labeller.setdefault(name, []).append((value, f"{label} {shown}"))
        for name, items in by_labeller.items():
            items.sort(key=lambda item: -item[0])
            lines.append(f"  {name}: " + ", ".join(text for _, text in items))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _split_column(column: str, labellers: dict[str, tuple[str, ...]]) -> tuple[str, str, str]:
    for name in labellers:
        if column.startswith(name + "_"):
            return name, "_", column[len(name) + 1 :]
    return column.partition("_")
