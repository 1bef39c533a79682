"""``toolkit evaluate``: score a saved model on a labelled CSV."""

from __future__ import annotations

import argparse
import json

from .common import host_from, shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", parents=[shared_options()], help="evaluate a saved model on labelled sentences",
        description="Predict the sentences of a CSV in the labels/ format (text,label[,source]) with the saved "
        "model and print per-label precision, recall, F1 and support, macro-F1 and micro-F1.",
    )
    p.add_argument("--labeller", required=True, metavar="NAME", help="labeller to evaluate")
    p.add_argument("--data", required=True, metavar="FILE", help="labelled CSV (text,label[,source])")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluation import evaluate
    from ..persistence import load_model

    model = load_model(host_from(args).labeller(args.labeller), args.models)
    result = evaluate(model, args.data)
    per_label = result["per_label"]
    if args.json:
        payload = {**result, "per_label": per_label.round(4).to_dict(orient="index")}
        print(json.dumps(payload, indent=2))
    else:
        print(f"{result['labeller']}: {result['n']} sentences from {args.data}")
        print(per_label.to_string(float_format=lambda v: f"{v:.2f}"))
        print(f"macro-F1 {result['macro_f1']:.3f}   micro-F1 {result['micro_f1']:.3f}")
    return 0
