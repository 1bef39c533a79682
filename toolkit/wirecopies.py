"""Wire copies: the same story republished by several outlets.

Outlets rewrite a wire story lightly (a headline, a verb, the quotes), so whole
articles rarely match; long runs of words do.  Each article is fingerprinted by
a consistent sample of its hashed word 3-shingles (those whose hash falls in
one residue class), and two articles are copies when a large share of the
smaller one's sampled shingles also occur in the other.  Pairs are found
through an inverted index of shingles, skipping shingles so common that they
are stock phrases, so the cost grows linearly with the number of articles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

__all__ = ["fingerprint", "find_copies", "COPY_CONTAINMENT"]

SHINGLE = 3
SAMPLE = 4  # keep shingles whose hash % SAMPLE == 0
MIN_SHINGLES = 8  # fingerprints smaller than this are too short to judge
COMMON = 50  # a shingle in more articles than this is a stock phrase
#: Share of the smaller article's shingles found in the other: 0.47 for the
#: two sample articles that reprint one interview, under 0.1 for articles
#: that only share a topic.
COPY_CONTAINMENT = 0.3
_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> np.ndarray:
    """Sorted sample of the hashed word 3-shingles of ``text``."""
    words = _WORD.findall(text.lower())
    hashes = {zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}
    return np.array(sorted(h for h in hashes if h % SAMPLE == 0), dtype=np.uint32)


def find_copies(items: Sequence[tuple[str, np.ndarray]]) -> dict[str, str]:
    """Map each article that copies an earlier one to the id of the first copy.

    ``items`` are ``(article_id, fingerprint)`` in reading order; the first
    article of a group of copies is taken as the original.
    """
    sizes = np.array([len(fp) for _, fp in items])
    usable = [i for i, n in enumerate(sizes) if n >= MIN_SHINGLES]
    if len(usable) < 2:
        return {}
    doc = np.concatenate([np.full(sizes[i], i) for i in usable])
    sh = np.concatenate([items[i][1] for i in usable])
    order = np.lexsort((doc, sh))
    doc, sh = doc[order], sh[order]
    starts = np.flatnonzero(np.r_[True, sh[1:] != sh[:-1]])
    ends = np.r_[starts[1:], len(sh)]
    left, right = [], []
    shared_by = ends - starts
    for g in np.flatnonzero((shared_by > 1) & (shared_by <= COMMON)):
        group = doc[starts[g] : ends[g]]
        i, j = np.triu_indices(len(group), 1)
        left.append(group[i])
        right.append(group[j])
    if not left:
        return {}
    n = len(items)
    pairs, shared = np.unique(np.concatenate(left) * n + np.concatenate(right), return_counts=True)
    a, b = pairs // n, pairs % n
    copies = shared / np.minimum(sizes[a], sizes[b]) >= COPY_CONTAINMENT
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(a[copies], b[copies]):
        rx, ry = root(int(x)), root(int(y))
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)  # the earlier article stays the original
    return {items[i][0]: items[root(i)][0] for i in range(n) if root(i) != i}
