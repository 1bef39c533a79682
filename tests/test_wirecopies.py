"""Wire copies: found the same way whatever the memory budget of the index."""

from __future__ import annotations

import numpy as np
import pytest

from toolkit import wirecopies
from toolkit.wirecopies import FingerprintFile, find_copies


def planted_copies(seed: int = 0) -> tuple[list[np.ndarray], dict[int, int]]:
    """Random fingerprints, some followed later by a partial copy; the copies expected."""
    rng = np.random.default_rng(seed)
    stock = rng.integers(0, 2**30, 20, dtype=np.uint32) * 4  # in every article: never evidence
    prints, expected = [], {}
    for _ in range(200):
        own = np.unique(rng.integers(0, 2**30, 40, dtype=np.uint32) * 4)
        prints.append(np.union1d(own, stock))
        if rng.random() < 0.3:
            kept = own[rng.random(len(own)) < 0.7]
            extra = rng.integers(0, 2**30, 10, dtype=np.uint32) * 4
            expected[len(prints)] = len(prints) - 1
            prints.append(np.union1d(np.union1d(kept, extra), stock))
    return prints, expected


@pytest.mark.parametrize(("entries", "batch"), [(wirecopies.INDEX_ENTRIES, wirecopies.PAIR_BATCH), (300, 1)])
def test_copies_point_to_the_first_whatever_the_budget(monkeypatch, entries, batch):
    monkeypatch.setattr(wirecopies, "PAIR_BATCH", batch)
    prints, expected = planted_copies()
    with FingerprintFile() as stored:
        for fp in prints:
            stored.add(fp)
        assert len(stored) == len(prints)
        assert find_copies(stored, index_entries=entries) == expected


def test_too_few_or_too_short_fingerprints_give_no_copies():
    with FingerprintFile() as stored:
        assert find_copies(stored) == {}
        stored.add(np.arange(0, 20, 4, dtype=np.uint32))  # shorter than MIN_SHINGLES
        stored.add(np.arange(0, 20, 4, dtype=np.uint32))
        assert find_copies(stored) == {}
