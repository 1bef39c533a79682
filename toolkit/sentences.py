"""Sentence splitting: a fast regular-expression splitter tuned for news text.

News copy scraped from the web often loses the space after a full stop
(``said.At the same time``) or glues a heading to the next sentence
(``Iran-Russia DealThe new agreement``).  The splitter keeps character offsets
into the original text so every sentence can be traced back to its article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

#: Words that end with a full stop but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st mt jr sr
    inc ltd co corp plc dept univ approx est vs etc al no nos vol fig art
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e u.s u.k u.n e.u u.s.a
    """.split()
)

#: Domain endings that look like a glued sentence start (``Caliber.Az``).
_DOMAIN_ENDINGS = frozenset("az ru ir com cn uk org net tr kz ua de fr info news tv by am ge".split())

# A sentence-final mark, optionally followed by closing quotes or brackets.
_END = r"[.!?…]+[\"”’')\]]*"
# Boundary with whitespace: the next sentence starts with a capital, a digit
# or an opening quote.
_SPACED = re.compile(_END + r"(?=\s+[“\"‘'(\[]?[A-Z0-9])")
# Glued boundary: a lower-case letter or digit, a full stop, then straight
# into a capitalised word or an opening quote and a capital.
_GLUED = re.compile(r"(?<=[a-z0-9%])[.!?]+[”’)]*(?=[“\"]?[A-Z][a-z])")
# A heading glued to its sentence without punctuation: ``DealThe new``.
_GLUED_HEADING = re.compile(
    r"(?<=[a-z])(?=(?:The|A|An|In|On|At|It|He|She|They|This|These|Its|Their)\s)"
)
_TOKEN_BEFORE = re.compile(r"(\S+?)[.!?…]+[\"”’')\]]*$")

#: Longest sentence kept whole.  Text with no sentence punctuation (a table,
#: a scraped menu, a 50 MB dump) is cut into pieces of at most this many
#: characters, at a space where possible, so one bad file cannot exhaust memory.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its character span in the article and its tidied text."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop ending at ``end`` belongs to an abbreviation."""
    match = _TOKEN_BEFORE.search(text, max(0, end - 24), end)
    if match is None:
        return False
    token = match.group(1).lstrip("(\"“‘'").lower()
    if token in ABBREVIATIONS:
        return True
    # Initials such as "J." or "U.S.A" and decimal-looking tokens.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", token))


def _glued_domain(text: str, end: int) -> bool:
    """True for web addresses such as ``Caliber.Az`` that look like a glued start."""
    word = re.match(r"[A-Za-z]+", text[end : end + 8])
    return bool(word) and word.group(0).lower() in _DOMAIN_ENDINGS and (
        end + len(word.group(0)) >= len(text) or not text[end + len(word.group(0))].isalpha()
    )


def _boundaries(line: str) -> list[int]:
    cuts: set[int] = set()
    for match in _SPACED.finditer(line):
        if line[match.start()] == "." and _is_abbreviation(line, match.end()):
            continue
        cuts.add(match.end())
    for match in _GLUED.finditer(line):
        if _glued_domain(line, match.end()) or _is_abbreviation(line, match.end()):
            continue
        cuts.add(match.end())
    for match in _GLUED_HEADING.finditer(line):
        cuts.add(match.start())
    return sorted(cuts)


# A hard line break inside a sentence: the line ends mid-phrase and the next
# line goes on in lower case or with a number ("...Soviet Union in\n\n1991, ...").
_CONTINUED = re.compile(r"(?<=[a-z,;])[^\S\r\n]*(?:\r?\n[^\S\r\n]*)+(?=[a-z0-9])")
_LINE = re.compile(r"[^\n\r]+")
_SPACES = re.compile(r"\s+")


def _blocks(text: str) -> list[tuple[int, str]]:
    """Lines of ``text`` with their offsets; wrapped sentences are rejoined.

    Rejoined lines keep their original length (line breaks become spaces), so
    offsets into a block map straight back onto ``text``.
    """
    joined = _CONTINUED.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.start(), m.group(0)) for m in _LINE.finditer(joined)]


def _capped(cuts: list[int], line: str) -> list[int]:
    """``cuts`` with extra cuts so no piece is longer than MAX_SENTENCE_CHARS."""
    out, prev = [], 0
    for cut in cuts:
        while cut - prev > MAX_SENTENCE_CHARS:
            space = line.rfind(" ", prev + MAX_SENTENCE_CHARS // 2, prev + MAX_SENTENCE_CHARS)
            prev = space + 1 if space > prev else prev + MAX_SENTENCE_CHARS
            out.append(prev)
        out.append(cut)
        prev = cut
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences.

    Line breaks always end a sentence (headlines, bylines and datelines stand on
    lines of their own in news copy); within a line, sentences end at ``.``,
    ``!`` or ``?`` followed by a capitalised word, with or without a space.
    ``text[s.start:s.end]`` is the sentence as it stands in the article;
    ``s.text`` is the same with every run of whitespace made one space.
    """
    sentences: list[Sentence] = []
    for start, line in _blocks(text):
        prev = 0
        for cut in _capped([*_boundaries(line), len(line)], line):
            chunk = line[prev:cut]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                s = start + prev + lead
                sentences.append(Sentence(s, s + len(stripped), _SPACES.sub(" ", stripped)))
            prev = cut
    return sentences
