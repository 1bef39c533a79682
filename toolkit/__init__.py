"""toolkit: label news about international cooperation, sentence by sentence.

The public API, for notebooks and scripts::

    import toolkit
    result = toolkit.score_paths("examples/articles")
    result.sentences      # one row per sentence, a label and probability per labeller
    result.articles       # one row per article: label shares and counts

Plugins import :data:`hookimpl` and :class:`Labeller` from here.  Heavy
modules (scikit-learn, pandas) load on first use, so ``import toolkit`` and
``toolkit plugins`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import (
    InputError,
    LabelsError,
    ModelError,
    ModelNotFoundError,
    PluginError,
    ToolkitError,
    UnknownLabellerError,
)
from .hookspecs import hookimpl
from .labeller import Labeller, text_pipeline
from .sentences import Sentence, split_sentences

__version__ = "0.1.0"

_LAZY = {
    "PluginHost": "host",
    "load_plugins": "host",
    "LabelledData": "labels",
    "load_labels": "labels",
    "read_labels": "labels",
    "CrossValidation": "training",
    "TrainedModel": "training",
    "cross_validate": "training",
    "train": "training",
    "SavedModel": "persistence",
    "save_model": "persistence",
    "load_model": "persistence",
    "ScoreResult": "scoring",
    "load_models": "scoring",
    "score_paths": "scoring",
    "score_texts": "scoring",
    "summarize": "scoring",
    "evaluate": "evaluation",
    "Article": "reading",
    "read_article": "reading",
    "CueFeatures": "features",
    "write_table": "tables",
    "read_table": "tables",
}

__all__ = [
    "__version__",
    "hookimpl",
    "Labeller",
    "text_pipeline",
    "Sentence",
    "split_sentences",
    "ToolkitError",
    "PluginError",
    "UnknownLabellerError",
    "LabelsError",
    "ModelError",
    "ModelNotFoundError",
    "InputError",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
