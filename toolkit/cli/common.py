"""Options every command shares, and the plugin host they build."""

from __future__ import annotations

import argparse

from ..host import PluginHost, load_plugins


def shared_options() -> argparse.ArgumentParser:
    """``--plugin``, ``--models`` and ``--labels``, for every sub-command."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("plugins and data")
    group.add_argument(
        "--plugin", action="append", default=[], metavar="PATH",
        help="load a plugin from a Python file (repeatable)",
    )
    group.add_argument(
        "--models", metavar="DIR", default=None,
        help="folder of trained models (default: $TOOLKIT_MODELS or the models shipped with toolkit)",
    )
    group.add_argument(
        "--labels", metavar="DIR", default=None,
        help="folder of labels CSV files (default: $TOOLKIT_LABELS or the labels shipped with toolkit)",
    )
    return parent


def host_from(args: argparse.Namespace) -> PluginHost:
    """Load the installed plugins plus any given with ``--plugin``."""
    return load_plugins(args.plugin)
