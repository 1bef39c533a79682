"""Shared fixtures: hermetic plugin hosts and small labelled data sets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import toolkit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


class ColourPlugin:
    """A third-party plugin registered as a class, as a notebook user might."""

    __name__ = "colour_plugin"

    @staticmethod
    @toolkit.hookimpl
    def register_labellers(register):
        register(toolkit.Labeller(name="colour", labels=("red", "blue"), description="Colour words"))


#: The same test plugin as a file's source, for --plugin PATH.
COLOUR_PLUGIN_SOURCE = '''
import toolkit

@toolkit.hookimpl
def register_labellers(register):
    register(toolkit.Labeller(name="colour", labels=("red", "blue"), description="Colour words"))
'''


def write_labels(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label", "source"])
        writer.writerows(rows)
    return path


def colour_rows() -> list[tuple[str, str, str]]:
    """Sentences that are plainly about red or blue things, from six 'articles'."""
    red = ["red roses bloom", "a red fire truck", "red apples in autumn", "the red flag waved", "blood is red",
           "red wine was served", "a red brick wall", "red lipstick shines"]
    blue = ["the blue sea glitters", "a clear blue sky", "blue jeans again", "the blue whale swims",
            "blue ink on paper", "a blue police box", "deep blue ocean", "blue berries ripen"]
    rows = []
    for i, (r, b) in enumerate(zip(red, blue)):
        rows.append((r, "red", f"art{i % 4}"))
        rows.append((b, "blue", f"art{i % 4}"))
    return rows


@pytest.fixture
def colour_host():
    """A host with only the class-registered test plugin: no entry points."""
    return toolkit.load_plugins(objects=[ColourPlugin()], entry_points=False)


@pytest.fixture
def colour_labels(tmp_path) -> Path:
    folder = tmp_path / "labels"
    write_labels(folder / "colour.csv", colour_rows())
    return folder


@pytest.fixture(scope="session")
def builtin_host():
    return toolkit.load_plugins()
