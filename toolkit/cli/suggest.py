"""``toolkit suggest``: the sentences most worth labelling next."""

from __future__ import annotations

import argparse
import sys

from .common import host_from, shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest", parents=[shared_options()], help="pick uncertain sentences to label next",
        description="Score the articles under PATH and write the sentences the model is least sure of, "
        "without near-duplicates of each other or of labelled sentences, as a CSV in the labels/ format with "
        "the model's guess pre-filled in `label` for you to correct; then: toolkit labels add FILE.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--labeller", required=True, metavar="NAME")
    p.add_argument("-n", type=int, default=50, help="how many sentences (default: %(default)s)")
    p.add_argument("--out", required=True, metavar="FILE.csv")
    p.add_argument("--glob", default="*.txt")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..labels import labels_path, load_labels
    from ..persistence import load_model
    from ..suggest import suggest
    from ..tables import write_table

    labeller = host_from(args).labeller(args.labeller)
    model = load_model(labeller, args.models)
    labelled = load_labels(labeller, args.labels) if labels_path(labeller, args.labels).is_file() else None
    table = suggest(model, args.paths, labelled=labelled, n=args.n, glob=args.glob)
    write_table(table, args.out)
    print(f"{len(table)} sentences to label -> {args.out} (correct the `label` column, then: "
          f"toolkit labels add {args.out} --labeller {labeller.name})", file=sys.stderr)
    return 0
