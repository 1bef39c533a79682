"""``toolkit plugin new``: start a plugin package."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plugin", help="start a new labeller plugin",
                       description="Write plugin packages; see docs/plugins.md.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new", help="write an installable plugin package",
        description="Write NAME/ with pyproject.toml (the toolkit entry point), the hook implementation, an "
        "empty labels CSV, a test running toolkit's conformance checks, and a README. "
        "Then: pip install -e ./NAME && toolkit plugins",
    )
    new.add_argument("name", metavar="NAME", help="labeller and plugin name, a lower-case identifier")
    new.add_argument("--labels", default="yes,no", help="comma-separated labels (default: %(default)s)")
    new.add_argument("--multi-label", action="store_true", help="a sentence may carry several labels")
    new.add_argument("--rules", action="store_true", help="a rules-only labeller: keyword lists, no training")
    new.add_argument("--dir", default=".", help="where to create NAME/ (default: here)")
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace) -> int:
    from ..scaffold import new_plugin

    folder = new_plugin(args.name, [l.strip() for l in args.labels.split(",") if l.strip()],
                        multi_label=args.multi_label, rules=args.rules, where=args.dir)
    print(f"wrote {folder}/: pip install -e {folder} && toolkit plugins")
    return 0
