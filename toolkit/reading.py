"""Reading articles: finding files under the paths given, and decoding them.

A folder is searched recursively for files matching a glob (``*.txt`` by
default).  A file that is empty, binary or not UTF-8 is not an error for the
whole run: it is returned as :class:`Skipped` with the reason, and the rest are
still read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Article", "Skipped", "find_articles", "read_article", "read_articles"]


@dataclass(frozen=True)
class Article:
    """One article's text and the id it is reported under."""

    id: str
    text: str
    path: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file that was not scored, and why."""

    path: str
    reason: str


class UnreadableArticle(Exception):
    """Raised by :func:`read_article` for a file to skip; the message is the reason."""


def find_articles(paths: Sequence[str | os.PathLike[str]], glob: str = "*.txt") -> list[tuple[Path, str]]:
    """Every article file under ``paths`` with the id it will be reported under.

    A file given directly is taken whatever its name; a folder contributes the
    files under it (recursively) whose names match ``glob``, in sorted order,
    with ids relative to that folder.

    Raises
    ------
    InputError
        A path does not exist, or no file was found at all.
    """
    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob(glob) if p.is_file())
            pairs = [(p, p.relative_to(path).as_posix()) for p in files]
        elif path.exists():
            pairs = [(path, path.name)]
        else:
            raise InputError(f"no such file or folder: {str(path)!r}")
        for file, article_id in pairs:
            unique, n = article_id, 2
            while unique in seen:
                unique, n = f"{article_id}#{n}", n + 1
            seen.add(unique)
            found.append((file, unique))
    if not found:
        raise InputError(f"no files matching {glob!r} under {', '.join(map(str, paths)) or 'no path'}")
    return found


def read_article(path: str | os.PathLike[str]) -> str:
    """The text of one article file.

    Raises
    ------
    UnreadableArticle
        The file is unreadable, empty, binary, or not UTF-8.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:8192]:
        raise UnreadableArticle("not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"not UTF-8 text (invalid byte at offset {exc.start})") from exc
    if not text.strip():
        raise UnreadableArticle("empty file")
    return text


def read_articles(files: Iterable[tuple[Path, str]]) -> Iterator[Article | Skipped]:
    """Each file read as an :class:`Article`, or as :class:`Skipped` with the reason."""
    for path, article_id in files:
        try:
            yield Article(article_id, read_article(path), str(path))
        except UnreadableArticle as exc:
            yield Skipped(str(path), str(exc))
