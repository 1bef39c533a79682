"""``toolkit labels``: counts per label, and taking new labelled rows in safely."""

from __future__ import annotations

import argparse

from .common import host_from, shared_options

#: Fewer examples than this and a label is hard to learn.
FEW_EXAMPLES = 20


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("labels", parents=[shared_options()], help="label counts; add labelled rows",
                       description="Inspect and extend the labels/ CSV files.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    stats = actions.add_parser("stats", parents=[shared_options()], help="rows per label per labeller")
    stats.add_argument("--labeller", action="append", default=[], metavar="NAME")
    stats.set_defaults(run=run_stats)
    add = actions.add_parser(
        "add", parents=[shared_options()], help="merge a CSV of labelled rows into labels/<name>.csv",
        description="Validate FILE (text,label[,source]; extra columns are ignored) and append its new rows to "
        "labels/<name>.csv. Nothing is merged unless every row is valid and none contradicts a row already "
        "there; rows already present are skipped; the file is replaced atomically.",
    )
    add.add_argument("file", metavar="FILE")
    add.add_argument("--labeller", metavar="NAME", help="labeller the rows are for (default: FILE's name)")
    add.set_defaults(run=run_add)
    audit = actions.add_parser(
        "audit", parents=[shared_options()], help="rows whose label is probably wrong",
        description="Cross-validate the labeller and rank rows by how strongly the out-of-fold model disagrees "
        "with their label (confident learning); near-duplicates with different labels come first; also lists "
        "labels no row uses.",
    )
    audit.add_argument("--labeller", required=True, metavar="NAME")
    audit.add_argument("--out", metavar="FILE.csv", help="write the ranked rows (default: audit-<NAME>.csv)")
    audit.add_argument("--top", type=int, default=10, help="rows shown on the terminal (default: %(default)s)")
    audit.set_defaults(run=run_audit)
    coverage = actions.add_parser(
        "coverage", parents=[shared_options()], help="how often a rule labeller's rules fire",
        description="For a labeller with rules: on the sentences of PATH (or of its labels file), how many "
        "sentences each label's rules fire on, and, where a trained model exists, how often rules and model "
        "disagree.",
    )
    coverage.add_argument("--labeller", required=True, metavar="NAME")
    coverage.add_argument("paths", nargs="*", metavar="PATH", help="articles (default: the labelled sentences)")
    coverage.set_defaults(run=run_coverage)


def run_stats(args: argparse.Namespace) -> int:
    from ..labels import load_labels

    for labeller in host_from(args).labellers(args.labeller or None):
        data = load_labels(labeller, args.labels)
        counts = {label: 0 for label in labeller.labels}
        for target in data.targets:
            for label in target if labeller.multi_label else [target]:
                counts[label] += 1
        if labeller.multi_label:
            counts["(none)"] = sum(1 for t in data.targets if not t)
        print(f"{labeller.name}: {len(data)} rows from {data.frame['source'].replace('', None).nunique()} articles")
        for label, n in counts.items():
            warn = "  <- few examples: label more" if label != "(none)" and n < FEW_EXAMPLES else ""
            print(f"  {label:<14} {n:>6}{warn}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..labels import add_labels

    host = host_from(args)
    labeller = host.labeller(args.labeller or Path(args.file).stem)
    added, skipped, path = add_labels(labeller, args.file, args.labels)
    print(f"{labeller.name}: added {added} rows to {path} ({skipped} already there)")
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from ..audit import audit_labels
    from ..labels import load_labels
    from ..tables import write_table

    labeller = host_from(args).labeller(args.labeller)
    data = load_labels(labeller, args.labels)
    table, unused = audit_labels(labeller, data)
    out = write_table(table, args.out or f"audit-{labeller.name}.csv")
    duplicates = table["reason"].str.startswith("near-duplicate").sum()
    print(f"{labeller.name}: {len(table) - duplicates} of {len(data)} rows probably mislabelled, "
          f"{duplicates} in near-duplicate pairs with different labels -> {out}")
    for row in table.head(args.top).itertuples():
        print(f"  {data.path.name}:{row.line}  [{row.label}] {row.reason}\n      {row.text[:110]}")
    if unused:
        print(f"labels no row uses: {', '.join(unused)}")
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    from ..errors import InputError, ModelError
    from ..labels import load_labels
    from ..persistence import load_model
    from ..rules import rule_hits
    from ..scoring import predict, score_paths

    labeller = host_from(args).labeller(args.labeller)
    if not labeller.rules:
        raise InputError(f"labeller {labeller.name!r} declares no rules")
    if args.paths:
        texts = score_paths(args.paths, models=[]).sentences["text"].tolist()
    else:
        texts = load_labels(labeller, args.labels).texts
    hits = rule_hits(labeller.rules, texts)
    model_labels = None
    if not labeller.rules_only:
        try:
            column = predict(load_model(labeller, args.models), texts)[labeller.name]
            model_labels = [set(str(v).split(";")) - {""} for v in column]
        except ModelError as exc:
            print(f"(no trained model to compare with: {exc})")
    print(f"{labeller.name}: rules on {len(texts)} sentences")
    header = f"  {'label':<16} {'rule fires':>10}"
    print(header + (f" {'model gives':>12} {'rule only':>10} {'model only':>11}" if model_labels is not None else ""))
    for label in labeller.labels:
        fired = [label in h for h in hits]
        line = f"  {label:<16} {sum(fired):>10}"
        if model_labels is not None:
            given = [label in m for m in model_labels]
            line += (f" {sum(given):>12} {sum(f and not g for f, g in zip(fired, given)):>10} "
                     f"{sum(g and not f for f, g in zip(fired, given)):>11}")
        print(line)
    print(f"  sentences no rule fires on: {sum(1 for h in hits if not h)}")
    return 0
