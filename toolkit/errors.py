"""Errors toolkit raises on bad input.

Each error says what was wrong and how to fix it, and also inherits the builtin
exception a Python caller would expect, so ``except KeyError`` still works for
an unknown labeller.  The command line turns any :class:`ToolkitError` into one
line on stderr and exit status 1.
"""

from __future__ import annotations

__all__ = [
    "ToolkitError",
    "PluginError",
    "UnknownLabellerError",
    "LabelsError",
    "ModelError",
    "ModelNotFoundError",
    "InputError",
]


class ToolkitError(Exception):
    """Base class of every error toolkit reports to its user."""


class PluginError(ToolkitError, RuntimeError):
    """A plugin failed to load, to register, or registered something invalid."""


class UnknownLabellerError(ToolkitError, KeyError):
    """A labeller name that no loaded plugin registered."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


class LabelsError(ToolkitError, ValueError):
    """A labels file is missing, malformed, or holds an invalid row."""


class ModelError(ToolkitError, ValueError):
    """A saved model is unreadable or does not match its labeller."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No trained model exists for a labeller."""


class InputError(ToolkitError, FileNotFoundError):
    """An input path does not exist or holds nothing to score."""
