"""``toolkit report``: one offline HTML page from a scoring run's tables."""

from __future__ import annotations

import argparse
import sys

from .common import shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", parents=[shared_options()], help="write an HTML report of a scoring run",
        description="Read the sentence table written by `toolkit score --out SCORES` (and the article table "
        "beside it) and write one self-contained HTML page: charts, a filterable table of articles, and each "
        "article's verdict with the sentences behind it.",
    )
    p.add_argument("scores", metavar="SCORES", help="sentence table written by toolkit score --out")
    p.add_argument("--out", required=True, metavar="FILE", help="HTML file to write")
    p.add_argument("--title", help="page title")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..report import write_report

    path = write_report(args.scores, args.out, title=args.title)
    print(f"report -> {path}", file=sys.stderr)
    return 0
