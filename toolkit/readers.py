"""toolkit's built-in readers: JSON Lines archives and saved web pages.

An ordinary plugin (entry point ``readers`` in toolkit's own pyproject) that
implements the ``read_articles`` hook:

- ``.jsonl``: one article per line, ``{"id": ..., "text": ..., "outlet": ...,
  "date": ..., "url": ...}``; ``text`` is required, ``id`` defaults to the line
  number, every other string field is carried into the article table.
- ``.html``/``.htm``: the main text of a saved page, found by trafilatura (an
  optional extra: ``pip install 'toolkit[html]'``), with its title, date and
  URL when the page states them.  Naive tag stripping would keep menus,
  footers and cookie notices as "sentences"; toolkit refuses to guess.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .hookspecs import hookimpl
from .reading import Article, decode

__version__ = "0.1.0"


def read_jsonl(data: bytes) -> list[Article]:
    """Articles of a JSON Lines file, one object per line."""
    articles = []
    for number, line in enumerate(decode(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} is not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            raise InputError(f"line {number} has no \"text\"")
        meta = {k: str(v) for k, v in record.items() if k not in ("id", "text") and isinstance(v, (str, int, float))}
        articles.append(Article(str(record.get("id", number)), str(record["text"]), meta=meta))
    return articles


def read_html(data: bytes) -> list[Article]:
    """The main text of a saved web page."""
    try:
        import trafilatura
    except ImportError:
        raise InputError("reading HTML needs trafilatura: pip install 'toolkit[html]'") from None
    html = decode(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError("no main text found in the page")
    found = trafilatura.extract_metadata(html)
    meta = {}
    for key, value in (("title", getattr(found, "title", None)), ("date", getattr(found, "date", None)),
                       ("url", getattr(found, "url", None)), ("outlet", getattr(found, "sitename", None))):
        if value:
            meta[key] = str(value)
    return [Article("page", text, meta=meta)]


@hookimpl
def read_articles(path: Path, data: bytes) -> list[Article] | None:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return read_jsonl(data)
    if suffix in (".html", ".htm"):
        return read_html(data)
    return None
