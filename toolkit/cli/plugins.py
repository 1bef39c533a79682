"""``toolkit plugins``: what was loaded, from where, and what it registered."""

from __future__ import annotations

import argparse
import json

from .common import shared_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "plugins", parents=[shared_options()], help="list loaded plugins and their labellers",
        description="List every loaded plugin, its source and version, and the labellers it registered; "
        "a plugin that fails to load is listed with the reason, and the exit status is then 1.",
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
    for info, error in host.failed:
        plugins.append({"name": info.name, "source": info.source, "version": info.version, "labellers": [],
                        "error": error})
    return plugins


def run(args: argparse.Namespace) -> int:
    from ..host import load_plugins

    host = load_plugins(args.plugin, errors="collect")  # list the healthy plugins even when one is broken
    plugins = describe(host)
    status = 1 if host.failed else 0
    if args.json:
        print(json.dumps(plugins, indent=2))
        return status
    for plugin in plugins:
        version = f" {plugin['version']}" if plugin["version"] else ""
        print(f"{plugin['name']}{version}  ({plugin['source']})")
        if "error" in plugin:
            print(f"  FAILED: {plugin['error']}")
        for l in plugin["labellers"]:
            kind = "multi-label" if l["multi_label"] else "single-label"
            print(f"  {l['name']} [{kind}]: {l['description']}")
            print(f"    labels: {', '.join(l['labels'])}")
    return status
