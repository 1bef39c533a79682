"""``toolkit score``: label every sentence of a folder of articles."""

from __future__ import annotations

import argparse
import sys

from .common import host_from, shared_options

#: Exit status when the run finished but some files were skipped.
EXIT_SKIPPED = 3


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score", parents=[shared_options()], help="score article files or folders",
        description="Split articles into sentences and label each with every labeller. "
        f"Exit status {EXIT_SKIPPED} means some files were skipped (listed on stderr).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, or folders searched recursively")
    p.add_argument("--out", metavar="FILE", help="write the sentence table to FILE (.csv, .jsonl or .parquet) "
                   "and the article table beside it as FILE's name + .articles")
    p.add_argument("--labeller", action="append", default=[], metavar="NAME", help="only this labeller (repeatable)")
    p.add_argument("--glob", default="*.txt", help="file-name pattern inside folders (default: %(default)s)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..scoring import score_paths
    from ..tables import companion_path, write_table

    result = score_paths(
        args.paths, labellers=args.labeller or None, models_dir=args.models, host=host_from(args), glob=args.glob
    )
    for path, reason in result.skipped.itertuples(index=False):
        print(f"toolkit: skipped {path}: {reason}", file=sys.stderr)
    if args.out:
        sentences = write_table(result.sentences, args.out)
        articles = write_table(result.articles, companion_path(args.out, "articles"))
        print(f"{len(result.articles)} articles, {len(result.sentences)} sentences -> {sentences}, {articles}")
    else:
        print(render_summary(result.articles))
    return EXIT_SKIPPED if len(result.skipped) else 0


def render_summary(articles) -> str:
    """A readable per-article summary: sentence count and each labeller's mix."""
    blocks = []
    label_columns = [c for c in articles.columns if c not in ("article_id", "path", "n_sentences")]
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
