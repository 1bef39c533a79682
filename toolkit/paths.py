"""Where toolkit finds labels and models unless told otherwise.

The defaults are the ``labels/`` and ``models/`` folders that ship with
toolkit: inside the installed package after ``pip install .``, or at the top of
the source tree when running from a checkout or an editable install.  The
environment variables ``TOOLKIT_LABELS`` and ``TOOLKIT_MODELS``, and the
``--labels``/``--models`` options, point elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["default_labels_dir", "default_models_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / name  # pip install . puts labels/ and models/ here
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name  # source checkout or editable install


def default_labels_dir() -> Path:
    """``$TOOLKIT_LABELS``, else the labels shipped with toolkit."""
    return Path(os.environ.get("TOOLKIT_LABELS") or _shipped("labels"))


def default_models_dir() -> Path:
    """``$TOOLKIT_MODELS``, else the models shipped with toolkit."""
    return Path(os.environ.get("TOOLKIT_MODELS") or _shipped("models"))
