"""The plugin contract: every hook a toolkit plugin may implement.

Plugins mark their implementations with ``toolkit.hookimpl`` and are found
through the ``toolkit`` entry-point group, or loaded from a file with
``--plugin PATH``.  See ``docs/plugins.md`` for a ten-line example.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pluggy

if TYPE_CHECKING:
    from .labeller import Labeller
    from .reading import Article
    from .sentences import Sentence

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


@hookspec(firstresult=True)
def read_articles(path: Path, data: bytes) -> "list[Article] | None":
    """Read the articles in one input file, for formats beyond plain text.

    Called for every file found under the paths given to ``toolkit score``,
    with its path and raw bytes.  Return a list of :class:`toolkit.Article`
    (a JSON Lines file may hold many; give each an ``id`` unique within the
    file, and optional ``meta`` such as outlet, date or URL, which the article
    table carries), or ``None`` to let the next reader try.  The first list
    returned wins; when every reader passes, the file is read as one
    plain-text article.  Raise :class:`toolkit.ToolkitError` with a reason to
    have the file reported as skipped.
    """


@hookspec(firstresult=True)
def split_sentences(text: str) -> "list[Sentence] | None":
    """Split an article's text into sentences, replacing toolkit's splitter.

    Return :class:`toolkit.Sentence` objects whose ``start``/``end`` index
    into ``text``, or ``None`` to leave it to the next plugin; the first
    result wins, and toolkit's regular-expression splitter is the default.
    """
