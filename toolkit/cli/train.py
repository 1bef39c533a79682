"""``toolkit train``: fit labellers on ``labels/`` and save them in ``models/``."""

from __future__ import annotations

import argparse

from .common import host_from, shared_options

#: A new model whose cross-validated macro-F1 falls more than this below the
#: current one's is not saved without --force.
MAX_DROP = 0.02


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "train", parents=[shared_options()], help="train labellers from their labels",
        description="Cross-validate each labeller on labels/<name>.csv (folds keep each article on one side), "
        "print its scores beside a majority-class baseline, then fit on all rows and save models/<name>/.",
    )
    p.add_argument("--labeller", action="append", default=[], metavar="NAME", help="only this labeller (repeatable)")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default: %(default)s)")
    p.add_argument("--force", action="store_true",
                   help=f"save even when macro-F1 drops more than {MAX_DROP} below the current model's")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..labels import load_labels
    from ..persistence import save_model
    from ..training import train

    host = host_from(args)
    labellers = host.labellers(args.labeller or None)
    for labeller in [l for l in labellers if l.rules_only]:
        print(f"{labeller.name}: rules only, nothing to train\n")
    labellers = [l for l in labellers if not l.rules_only]
    data = {l.name: load_labels(l, args.labels) for l in labellers}  # fail on bad labels before any work
    refused = []
    for labeller in labellers:
        trained = train(labeller, data[labeller.name], folds=args.folds)
        print(render_cv(trained.cv))
        previous = _current_scores(labeller.name, args.models)
        if previous is not None:
            version, macro = previous
            change = trained.cv.macro_f1 - macro
            print(f"previous model (version {version}): macro-F1 {macro:.3f}; change {change:+.3f}")
            if change < -MAX_DROP and not args.force:
                refused.append(labeller.name)
                print(f"NOT saved: macro-F1 drops by more than {MAX_DROP}; check the new labels "
                      f"(toolkit labels stats) or save anyway with --force\n")
                continue
        print(f"saved {save_model(trained, args.models)}\n")
    if refused:
        from ..errors import ModelError

        raise ModelError(f"kept the current model of {', '.join(refused)}: the new one scores worse (use --force)")
    return 0


def _current_scores(name: str, models_dir) -> tuple[int, float] | None:
    """Version and cross-validated macro-F1 of the current model, if any."""
    from ..errors import ModelError
    from ..persistence import METADATA_FILE, model_dir, read_metadata

    folder = model_dir(name, models_dir)
    if not (folder / METADATA_FILE).is_file():
        return None
    try:
        metadata = read_metadata(folder, name)
    except ModelError:  # a model of another format: nothing comparable to guard
        return None
    macro = ((metadata.get("cv") or {}).get("model") or {}).get("macro_f1")
    return None if macro is None else (int(metadata.get("version", 1)), float(macro))


def render_cv(cv) -> str:
    """Per-label precision/recall/F1 and macro-F1 beside the majority baseline."""
    table = cv.scores["per_label"].copy()
    table["baseline_f1"] = cv.baseline["per_label"]["f1"]
    lines = [
        f"{cv.labeller}: {cv.scores['n']} sentences scored, {cv.folds}-fold cross-validation grouped by article"
        + (f" ({cv.near_duplicates_left_out} near-duplicates of training sentences left out)"
           if cv.near_duplicates_left_out else ""),
        table.to_string(float_format=lambda v: f"{v:.2f}"),
        f"macro-F1 {cv.scores['macro_f1']:.3f}  (majority baseline {cv.baseline['macro_f1']:.3f})"
        f"   micro-F1 {cv.scores['micro_f1']:.3f}  (baseline {cv.baseline['micro_f1']:.3f})",
    ]
    return "\n".join(lines)
