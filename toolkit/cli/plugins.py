"""``toolkit plugins``: what was loaded, from where, and what it registered."""

from __future__ import annotations

import argparse
import json

from .common import host_from, shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plugins", parents=[shared_options()], help="list loaded plugins and their labellers",
        description="List every loaded plugin, its source and version, and the labellers it registered.",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def describe(host) -> list[dict]:
    """Plugins with the labellers each registered, as plain data."""
    plugins = []
    for info in host.plugins:
        labellers = [
            {"name": l.name, "multi_label": l.multi_label, "labels": list(l.labels), "description": l.description}
            for l, owner in host.registered.values()
            if owner is info
        ]
        plugins.append({"name": info.name, "source": info.source, "version": info.version, "labellers": labellers})
    return plugins


def run(args: argparse.Namespace) -> int:
    plugins = describe(host_from(args))
    if args.json:
        print(json.dumps(plugins, indent=2))
        return 0
    for plugin in plugins:
        version = f" {plugin['version']}" if plugin["version"] else ""
        print(f"{plugin['name']}{version}  ({plugin['source']})")
        for l in plugin["labellers"]:
            kind = "multi-label" if l["multi_label"] else "single-label"
            print(f"  {l['name']} [{kind}]: {l['description']}")
            print(f"    labels: {', '.join(l['labels'])}")
    return 0
