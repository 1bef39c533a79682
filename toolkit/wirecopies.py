"""Wire copies: the same story republished by several outlets.

Outlets rewrite a wire story lightly (a headline, a verb, the quotes), so whole
articles rarely match; long runs of words do.  Each article is fingerprinted by
a consistent sample of its hashed word 3-shingles (those whose hash falls in
one residue class), and two articles are copies when a large share of the
smaller one's sampled shingles also occur in the other.  Pairs are found
through an inverted index of shingles, skipping shingles so common that they
are stock phrases, so the cost grows linearly with the number of articles.

Memory does not grow with the archive: fingerprints wait on disk in a
:class:`FingerprintFile` (4 bytes per article stay in memory), and the index
is built one range of shingle hashes at a time, each range holding at most
``INDEX_ENTRIES`` shingles.  What remains in memory is one count (12 bytes)
per pair of articles that share a shingle that is not a stock phrase.
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
import zlib
from array import array
from collections.abc import Iterator

import numpy as np

__all__ = ["fingerprint", "find_copies", "FingerprintFile", "COPY_CONTAINMENT"]

SHINGLE = 3
SAMPLE = 4  # keep shingles whose hash % SAMPLE == 0
MIN_SHINGLES = 8  # fingerprints smaller than this are too short to judge
COMMON = 50  # a shingle in more articles than this is a stock phrase
#: Share of the smaller article's shingles found in the other: 0.47 for the
#: two sample articles that reprint one interview, under 0.1 for articles
#: that only share a topic.
COPY_CONTAINMENT = 0.3
#: Shingles indexed at once (8 bytes each): about 800 articles' worth per MB.
INDEX_ENTRIES = 1 << 20
#: Shingles read back from disk at once (8 bytes each with their article numbers).
READ_BLOCK = 1 << 18
#: Article pairs generated at once before they are counted (8 bytes each).
PAIR_BATCH = 1 << 19
_WORD = re.compile(r"\w+")


def fingerprint(text: str) -> np.ndarray:
    """Sorted sample of the hashed word 3-shingles of ``text``."""
    words = _WORD.findall(text.lower())
    hashes = {zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}
    return np.array(sorted(h for h in hashes if h % SAMPLE == 0), dtype=np.uint32)


class FingerprintFile:
    """Fingerprints of many articles in a temporary file, numbered in the order added.

    Only each fingerprint's size stays in memory, so a whole archive's
    fingerprints (about 600 bytes an article) cost 4 bytes an article; the
    index reads them back in blocks as often as it needs.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None):
        self._file = tempfile.TemporaryFile(dir=folder)
        self._sizes = array("I")

    def __enter__(self) -> FingerprintFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Delete the file."""
        self._file.close()

    def __len__(self) -> int:
        return len(self._sizes)

    def add(self, fp: np.ndarray) -> None:
        """Append the next article's fingerprint (also after reading blocks)."""
        self._file.seek(0, os.SEEK_END)
        self._file.write(np.asarray(fp, dtype="<u4").tobytes())
        self._sizes.append(len(fp))

    def sizes(self) -> np.ndarray:
        """Number of sampled shingles of each article."""
        return np.frombuffer(self._sizes, dtype=np.uint32).astype(np.int64)

    def blocks(self, entries: int = READ_BLOCK) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """``(article numbers, shingles)`` of whole articles, about ``entries`` shingles a block."""
        self._file.flush()
        self._file.seek(0)
        sizes = self.sizes()
        ends = np.cumsum(sizes)
        first = 0
        while first < len(sizes):
            last = max(first + 1, int(np.searchsorted(ends, ends[first] - sizes[first] + entries, side="right")))
            count = int(sizes[first:last].sum())
            shingles = np.frombuffer(self._file.read(4 * count), dtype="<u4")
            yield np.repeat(np.arange(first, last, dtype=np.uint32), sizes[first:last]), shingles
            first = last


def find_copies(prints: FingerprintFile, index_entries: int = INDEX_ENTRIES) -> dict[int, int]:
    """Map the number of each article that copies an earlier one to the number of the first copy.

    Articles are numbered in the order their fingerprints were added; the
    first article of a group of copies is taken as the original.  Shingle
    hashes are split into ranges of at most about ``index_entries`` shingles,
    indexed one after the other, so the index never holds the whole archive.
    """
    sizes = prints.sizes()
    usable = sizes >= MIN_SHINGLES
    if usable.sum() < 2:
        return {}
    bits = max(0, math.ceil(math.log2(max(1, int(sizes[usable].sum())) / index_entries)))
    counts = _PairCounts()
    for part in range(1 << bits):
        for pairs in _shared_pairs(_index(prints, usable, part, bits)):
            counts.add(pairs)
    pairs, shared = counts.totals()
    enough = shared >= COPY_CONTAINMENT * MIN_SHINGLES  # fewer cannot be a copy: sizes are MIN_SHINGLES or more
    a, b = (half[enough].astype(np.int64) for half in _halves(pairs))
    copies = shared[enough] / np.minimum(sizes[a], sizes[b]) >= COPY_CONTAINMENT
    return _first_copies(len(sizes), a[copies], b[copies])


def _index(prints: FingerprintFile, usable: np.ndarray, part: int, bits: int) -> np.ndarray:
    """Sorted ``shingle << 32 | article`` of the usable articles' shingles in hash range ``part``."""
    keys = []
    for docs, shingles in prints.blocks():
        keep = usable[docs]
        if bits:
            keep &= (shingles >> np.uint32(32 - bits)) == part
        keys.append((shingles[keep].astype(np.uint64) << np.uint64(32)) | docs[keep])
    index = np.concatenate(keys) if keys else np.empty(0, dtype=np.uint64)
    index.sort()
    return index


def _shared_pairs(index: np.ndarray) -> Iterator[np.ndarray]:
    """``a << 32 | b`` (a < b) once per shingle articles a and b share, in batches.

    Shingles of one article only, or of more than ``COMMON`` (stock phrases),
    give no pair.  Groups of shingles shared by the same number of articles
    are expanded together, at most ``PAIR_BATCH`` pairs at a time.
    """
    shingles, docs = _halves(index)
    starts = np.flatnonzero(np.r_[True, shingles[1:] != shingles[:-1]])
    shared_by = np.diff(np.r_[starts, len(index)])
    for m in range(2, COMMON + 1):
        firsts = starts[shared_by == m]
        left, right = np.triu_indices(m, 1)
        step = max(1, PAIR_BATCH // len(left))
        for k in range(0, len(firsts), step):
            group = docs[firsts[k : k + step, None] + np.arange(m)]  # one row of articles per shingle
            yield ((group[:, left].astype(np.uint64) << np.uint64(32)) | group[:, right]).ravel()


def _halves(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The high and low 32 bits of uint64 ``keys``, as views rather than copies."""
    words = keys.view(np.uint32).reshape(-1, 2)
    high = 1 if sys.byteorder == "little" else 0
    return words[:, high], words[:, 1 - high]


class _PairCounts:
    """How many shingles each pair of articles shares, as sorted compact arrays (12 bytes a pair)."""

    def __init__(self) -> None:
        self.pairs = np.empty(0, dtype=np.uint64)
        self.counts = np.empty(0, dtype=np.uint32)
        self._pending: list[np.ndarray] = []
        self._pending_size = 0

    def add(self, pairs: np.ndarray) -> None:
        """Count one more shared shingle for each pair in ``pairs``."""
        self._pending.append(pairs)
        self._pending_size += len(pairs)
        if self._pending_size >= max(PAIR_BATCH, len(self.pairs) // 4):  # a merge costs len(self.pairs)
            self._merge()

    def totals(self) -> tuple[np.ndarray, np.ndarray]:
        """Every pair that shares a shingle, and how many it shares."""
        self._merge()
        return self.pairs, self.counts

    def _merge(self) -> None:
        """Fold the pending pairs into the sorted arrays: counts in place, new pairs inserted."""
        if not self._pending:
            return
        new, new_counts = np.unique(np.concatenate(self._pending), return_counts=True)
        self._pending, self._pending_size = [], 0
        at = np.searchsorted(self.pairs, new)
        known = at < len(self.pairs)
        known[known] = self.pairs[at[known]] == new[known]
        self.counts[at[known]] += new_counts[known].astype(np.uint32)
        fresh = ~known
        self.pairs = np.insert(self.pairs, at[fresh], new[fresh])
        self.counts = np.insert(self.counts, at[fresh], new_counts[fresh].astype(np.uint32))


def _first_copies(n: int, a: np.ndarray, b: np.ndarray) -> dict[int, int]:
    """Group articles linked by copy pairs ``(a, b)``; map each to its group's first article."""
    if not len(a):
        return {}
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, group = connected_components(graph, directed=False)
    _, first = np.unique(group, return_index=True)  # articles are numbered in reading order
    original = first[group]
    return {int(i): int(original[i]) for i in np.flatnonzero(original != np.arange(n))}
