"""The plugin contract: every hook a toolkit plugin may implement.

Plugins mark their implementations with ``toolkit.hookimpl`` and are found
through the ``toolkit`` entry-point group, or loaded from a file with
``--plugin PATH``.  See ``docs/plugins.md`` for a ten-line example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pluggy

if TYPE_CHECKING:
    from .labeller import Labeller

PROJECT = "toolkit"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_labellers(register: Callable[["Labeller"], None]) -> None:
    """Register the labellers this plugin provides.

    Called once when the plugins are loaded.  Call ``register(labeller)`` for
    each :class:`toolkit.Labeller`; the host checks it, records which plugin
    gave it, and refuses a name that another plugin already registered, since
    ``labels/<name>.csv`` and ``models/<name>/`` are keyed by that name.
    The return value is ignored.
    """
