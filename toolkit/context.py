"""Sentences as the models see them: each one carries its article.

Annotators label a sentence by what it says *read in its article* (the
labelling guide): "the project" in a pipeline story is about energy.  A model
that sees the sentence alone cannot know that.  So the core hands estimators
:class:`InArticle` strings: ordinary ``str`` sentences (every text vectoriser
works on them unchanged) that also hold their article's text as ``.article``,
for features that look at the whole article, such as
:class:`toolkit.features.ArticleCues`.

Training and scoring build the article the same way, from the article's
sentences joined in order, so a model sees the same context in both.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["InArticle", "article_of", "in_articles"]


class InArticle(str):
    """A sentence's text that also knows its article's text (``.article``)."""

    article: str

    def __new__(cls, text: str, article: str) -> "InArticle":
        sentence = super().__new__(cls, text)
        sentence.article = article
        return sentence

    def __reduce__(self) -> tuple:
        return InArticle, (str(self), self.article)


def in_articles(texts: Sequence[str], articles: Sequence[Hashable]) -> list[InArticle]:
    """``texts`` as :class:`InArticle`, ``articles`` naming each one's article.

    An article's text is its sentences here joined in order, one string
    shared by all of them (features computed per article can then be computed
    once per article).
    """
    if len(texts) != len(articles):
        raise ValueError(f"{len(texts)} sentences but {len(articles)} article keys")
    joined: dict[Hashable, list[str]] = {}
    for text, key in zip(texts, articles):
        joined.setdefault(key, []).append(str(text))
    article_text = {key: " ".join(parts) for key, parts in joined.items()}
    return [InArticle(text, article_text[key]) for text, key in zip(texts, articles)]


def article_of(text: str) -> str:
    """The article ``text`` comes from, or ``text`` itself when it carries none."""
    return getattr(text, "article", text)
