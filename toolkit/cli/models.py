"""``toolkit models``: the saved versions of each labeller's model; roll back; compare."""

from __future__ import annotations

import argparse

from .common import host_from, shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "models", parents=[shared_options()], help="list, compare and roll back model versions",
        description="Every `toolkit train` keeps the model it replaces in models/<name>/history/. "
        "List the versions, compare two on a folder of articles, or make an earlier one current again.",
    )
    p.add_argument("--labeller", action="append", default=[], metavar="NAME", help="only this labeller (repeatable)")
    p.set_defaults(run=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", parents=[shared_options()], help="list versions (the default)")
    listing.add_argument("--labeller", action="append", default=[], metavar="NAME")
    listing.set_defaults(run=run_list)
    use = actions.add_parser("use", parents=[shared_options()], help="make an earlier version current")
    use.add_argument("name", metavar="NAME")
    use.add_argument("version", type=int, metavar="VERSION")
    use.set_defaults(run=run_use)
    diff = actions.add_parser("diff", parents=[shared_options()],
                              help="sentences whose label differs between two versions")
    diff.add_argument("name", metavar="NAME")
    diff.add_argument("paths", nargs="+", metavar="PATH", help="articles to compare on")
    diff.add_argument("--old", type=int, help="version to compare against (default: the previous one)")
    diff.add_argument("--new", type=int, help="version to compare (default: the current one)")
    diff.set_defaults(run=run_diff)


def run_list(args: argparse.Namespace) -> int:
    from ..persistence import list_versions

    host = host_from(args)
    print(f"{'labeller':<14} {'version':>7}  {'trained (UTC)':<25} {'rows':>6}  {'labels sha256':<14} {'macro-F1':>8}")
    for labeller in host.labellers(args.labeller or None):
        for v in list_versions(labeller.name, args.models):
            macro = ((v.get("cv") or {}).get("model") or {}).get("macro_f1")
            print(
                f"{labeller.name:<14} {v['version']:>7}{'*' if v['current'] else ' '} {v.get('trained_at', '?'):<25} "
                f"{v.get('training_rows', '?'):>6}  {str(v.get('labels_sha256', ''))[:12]:<14} "
                f"{'' if macro is None else f'{macro:.3f}':>8}"
            )
    print("* current version")
    return 0


def run_use(args: argparse.Namespace) -> int:
    from ..persistence import use_version

    host_from(args).labeller(args.name)
    metadata = use_version(args.name, args.version, args.models)
    print(f"{args.name}: version {args.version} (trained {metadata.get('trained_at')}) is current again")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from ..errors import ModelNotFoundError
    from ..persistence import list_versions, load_model
    from ..scoring import predict, score_paths

    labeller = host_from(args).labeller(args.name)
    versions = list_versions(args.name, args.models)
    current = next((v["version"] for v in versions if v["current"]), None)
    new = args.new or current
    older = [v["version"] for v in versions if v["version"] < (new or 0)]
    old = args.old or (older[-1] if older else None)
    if new is None or old is None:
        raise ModelNotFoundError(f"labeller {args.name!r} needs two model versions to compare; it has "
                                 f"{', '.join(str(v['version']) for v in versions) or 'none'}")
    models = [load_model(labeller, args.models, version=v) for v in (old, new)]
    result = score_paths(args.paths, models=[models[1]])
    before = predict(models[0], result.sentences["text"].tolist())[args.name]
    after = result.sentences[args.name]
    changed = result.sentences[before.values != after.values]
    for row, was in zip(changed.itertuples(), before[before.values != after.values]):
        print(f"{row.article_id} #{row.sentence}: {was or '-'} -> {getattr(row, args.name) or '-'}   {row.text[:100]}")
    print(f"{len(changed)} of {len(after)} sentences change {args.name} label from version {old} to {new}")
    return 0
