"""The ``toolkit`` command: a thin layer over the Python API.

Each sub-command lives in its own module with ``add_parser`` and ``run``.  All
errors toolkit knows about end here as one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import ToolkitError
from . import evaluate, labels, models, plugin, plugins, report, score, suggest, train

COMMANDS = (score, train, evaluate, suggest, labels, models, plugins, plugin, report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Label news about international cooperation: cooperation domain, "
        "stance toward the West and claim type, sentence by sentence.",
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ToolkitError as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("toolkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`toolkit score ... | head`): stop quietly, and
        # point stdout at /dev/null so Python's final flush does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
