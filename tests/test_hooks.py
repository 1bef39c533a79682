"""Every hook, exercised through the same scoring path users take."""

from __future__ import annotations

import json
import re

import pytest

import toolkit
from toolkit import hookspecs

from .conftest import ColourPlugin

HTML = """<!DOCTYPE html><html><head><title>Iran and Russia sign treaty</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2025-01-17"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Iran and Russia sign treaty</h1>
<p>Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a comprehensive strategic
partnership treaty in Moscow on Friday, covering trade, energy and defence cooperation.</p>
<p>The agreement does not create a military alliance, officials in both capitals said after the talks.</p>
<p>Trade between the two countries grew last year, and both governments promised to expand it further.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. All rights reserved.</footer></body></html>"""


def test_register_labellers_hook_registers_a_labeller():
    host = toolkit.load_plugins(objects=[ColourPlugin()], entry_points=False)
    assert host.labeller("colour").labels == ("red", "blue")


def test_read_articles_hook_reads_json_lines_with_their_metadata(tmp_path):
    lines = [{"id": "a1", "text": "Iran and Russia signed a treaty. It covers trade.", "outlet": "Wire",
              "date": "2025-01-17", "url": "https://example.org/a1"},
             {"id": "a2", "text": "The deal is not a military alliance.", "outlet": "Daily"}]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(l) for l in lines) + "\n", encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"id": 1, "text": "Fine."}\n{not json\n', encoding="utf-8")
    result = toolkit.score_paths(tmp_path, glob="*.jsonl")
    articles = result.articles.set_index("article_id")
    assert articles.index.tolist() == ["news.jsonl#a1", "news.jsonl#a2"]
    assert articles.loc["news.jsonl#a1", ["outlet", "date", "url"]].tolist() == [
        "Wire", "2025-01-17", "https://example.org/a1"]
    assert articles.loc["news.jsonl#a1", "n_sentences"] == 2
    assert [r for _, r in result.skipped.itertuples(index=False)] == ["line 2 is not JSON (Expecting property name "
                                                                       "enclosed in double quotes)"]


def test_read_articles_hook_reads_the_main_text_of_a_saved_page(tmp_path):
    pytest.importorskip("trafilatura", reason="the html extra (trafilatura) is not installed")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    result = toolkit.score_paths(tmp_path, glob="*.html")
    texts = " ".join(result.sentences["text"])
    assert "signed a comprehensive strategic partnership treaty" in texts
    assert not re.search(r"Subscribe|Cookie|Home|Sport", texts), "menus and footers are not sentences"
    assert result.articles.loc[0, "outlet"] == "Example News"


class MarkdownReader:
    """A third-party reader: '.md' files, one article per '# ' heading."""

    __name__ = "markdown_reader"

    @staticmethod
    @toolkit.hookimpl
    def read_articles(path, data):
        if path.suffix != ".md":
            return None
        parts = [p for p in data.decode().split("# ") if p.strip()]
        return [toolkit.Article(str(i), p) for i, p in enumerate(parts)]


def test_read_articles_hook_of_a_plugin_takes_precedence_over_plain_text(tmp_path):
    (tmp_path / "two.md").write_text("# Iran signs a treaty.\n# Russia ratifies it.\n", encoding="utf-8")
    host = toolkit.load_plugins(objects=[MarkdownReader()])
    result = toolkit.score_paths(tmp_path, glob="*.md", host=host)
    assert result.articles["article_id"].tolist() == ["two.md#0", "two.md#1"]


class LineSplitter:
    """A third-party splitter: one sentence per line, whatever the punctuation."""

    __name__ = "line_splitter"

    @staticmethod
    @toolkit.hookimpl
    def split_sentences(text):
        out, offset = [], 0
        for line in text.split("\n"):
            if line.strip():
                out.append(toolkit.Sentence(offset, offset + len(line), line.strip()))
            offset += len(line) + 1
        return out


def test_split_sentences_hook_replaces_the_splitter():
    text = "Iran and Russia. Signed a deal\nThe West. Reacted"
    default = toolkit.score_texts([text])
    replaced = toolkit.score_texts([text], host=toolkit.load_plugins(objects=[LineSplitter()]))
    assert len(default.sentences) == 4
    assert replaced.sentences["text"].tolist() == ["Iran and Russia. Signed a deal", "The West. Reacted"]


def test_every_hook_has_a_test():
    hooks = [name for name, f in vars(hookspecs).items() if callable(f) and hasattr(f, "toolkit_spec")]
    tested = set(re.findall(r"def test_(\w+?)_hook_", open(__file__, encoding="utf-8").read()))
    assert set(hooks) <= tested, f"hooks without a test here: {sorted(set(hooks) - tested)}"
