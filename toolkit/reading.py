"""Reading articles: finding files under the paths given, and decoding them.

A folder is searched recursively for files matching a glob (``*.txt`` by
default).  Files are decoded whatever their encoding: UTF-8 with or without a
byte-order mark, UTF-16, and the Windows code pages of legacy news archives.
A file that is empty, binary, unreadable or gone is not an error for the whole
run: it is returned as :class:`Skipped` with the reason, and the rest are still
read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, ToolkitError

__all__ = ["Article", "Skipped", "find_articles", "read_article", "read_articles", "articles_in", "read_bytes",
           "article_text", "decode"]


@dataclass(frozen=True)
class Article:
    """One article's text and the id it is reported under.

    ``meta`` holds what a reader knows besides the text (outlet, date, URL);
    the article table carries it as columns.
    """

    id: str
    text: str
    path: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A file that was not scored, and why."""

    path: str
    reason: str


class UnreadableArticle(ToolkitError, ValueError):
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


#: Encodings worth trying on legacy news archives, in the order they are guessed.
LEGACY_ENCODINGS = ("cp1251", "cp1252")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes of an article file as text.

    With ``encoding`` given, that codec is used.  Otherwise a byte-order mark
    decides (UTF-8, UTF-16), then strict UTF-8, then UTF-16 without a mark
    (every other byte zero), then the legacy code pages of news archives:
    Windows-1251 when high bytes dominate the letters (Cyrillic text),
    otherwise Windows-1252.

    Raises
    ------
    UnreadableArticle
        Binary content, or bytes the named encoding cannot decode.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableArticle(f"cannot decode as {encoding}: {exc}") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _or_unreadable(data, "utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return _or_unreadable(data, "utf-8-sig")
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) * 4 >= len(head) * 3 // 2 and min(even, odd) * 10 <= len(head):
            return _or_unreadable(data, "utf-16-le" if odd > even else "utf-16-be")
    if b"\x00" in head:
        raise UnreadableArticle("not a text file (binary content)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:65536] if b >= 0xC0)
    letters = sum(1 for b in data[:65536] if b >= 0xC0 or 65 <= (b | 32) <= 122)
    codec = "cp1251" if letters and high / letters > 0.3 else "cp1252"
    return data.decode(codec, errors="replace")


def _or_unreadable(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableArticle(f"not valid {codec} text (invalid byte at offset {exc.start})") from exc


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The raw content of an article file.

    Raises
    ------
    UnreadableArticle
        The file vanished or cannot be read.
    """
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableArticle("file vanished before it was read") from None
    except OSError as exc:
        raise UnreadableArticle(f"cannot read: {exc.strerror or exc}") from exc


def article_text(data: bytes, encoding: str | None = None) -> str:
    """The text of an article file's bytes, decoded as :func:`decode` explains.

    Raises
    ------
    UnreadableArticle
        The content is binary, undecodable, or empty.
    """
    text = decode(data, encoding).lstrip("\ufeff")
    if not text.strip():
        raise UnreadableArticle("empty file")
    return text


def read_article(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The text of one article file (see :func:`article_text`)."""
    return article_text(read_bytes(path), encoding)


#: A reader plugin: (path, bytes) -> articles, or None to pass (see hookspecs.read_articles).
Reader = Callable[[Path, bytes], "list[Article] | None"]


def articles_in(path: Path, article_id: str, data: bytes, encoding: str | None = None,
                reader: Reader | None = None) -> list[Article]:
    """The articles of one file: what a reader plugin makes of it, else its text.

    Articles a reader returns are reported as ``<file id>#<their id>``.

    Raises
    ------
    UnreadableArticle
        The file cannot be decoded or holds nothing, or the reader refused it.
    """
    found = None
    if reader is not None:
        try:
            found = reader(path, data)
        except ToolkitError as exc:
            raise UnreadableArticle(str(exc)) from exc
    if found is None:
        return [Article(article_id, article_text(data, encoding), str(path))]
    if not found:
        raise UnreadableArticle("no article in the file")
    return [Article(f"{article_id}#{a.id}", a.text, str(path), dict(a.meta)) for a in found]


def read_articles(
    files: Iterable[tuple[Path, str]], encoding: str | None = None, reader: Reader | None = None
) -> Iterator[Article | Skipped]:
    """The articles of each file, or a :class:`Skipped` with the reason."""
    for path, article_id in files:
        try:
            yield from articles_in(Path(path), article_id, read_bytes(path), encoding, reader)
        except UnreadableArticle as exc:
            yield Skipped(str(path), str(exc))
