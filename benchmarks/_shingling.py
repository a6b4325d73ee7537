"""Python shingling and clustering shared by the dedup benchmarks, to feed datasketch and rensa
the same word 5-shingles tidings uses (lower-cased words, apostrophes and hyphens joining), and to
compute exact shingle similarities as a slow reference."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")


def words(text: str | None) -> list[str]:
    """The words of ``text`` as tidings reads them: NFC; runs of letters and digits joined across
    an apostrophe or hyphen between two of them; lower-cased, typographic apostrophes as ``'``."""
    if not text:
        return []
    return [w.lower().replace("’", "'").replace("‘", "'") for w in _WORD.findall(unicodedata.normalize("NFC", text))]


def shingles(text: str | None, ngram: int = 5) -> set[str]:
    """The set of word ``ngram``-shingles; a text of 1 to ``ngram - 1`` words has one shingle of
    all its words."""
    found = words(text)
    if not found:
        return set()
    if len(found) < ngram:
        return {" ".join(found)}
    return {" ".join(found[i:i + ngram]) for i in range(len(found) - ngram + 1)}


def exact_similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """Exact Jaccard similarity and containment (of the smaller set in the larger) of two sets."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


def union_find_clusters(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Cluster id (smallest member) of each of ``n`` documents joined by ``pairs``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def datasketch_clusters(texts: list[str | None], *, threshold: float, num_perm: int, ngram: int,
                        sets: list[set[str]] | None = None) -> list[int]:
    """datasketch MinHash + MinHashLSH candidates, verified by estimated Jaccard, union-find."""
    from datasketch import MinHash, MinHashLSH

    sets = sets if sets is not None else [shingles(t, ngram) for t in texts]
    hashes = MinHash.bulk([[s.encode() for s in doc] for doc in sets], num_perm=num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    members = [i for i, s in enumerate(sets) if s]
    with lsh.insertion_session() as session:
        for i in members:
            session.insert(i, hashes[i], check_duplication=False)
    pairs = []
    for i in members:
        for j in lsh.query(hashes[i]):
            if j > i and hashes[i].jaccard(hashes[j]) >= threshold:
                pairs.append((i, j))
    return union_find_clusters(len(texts), pairs)


def rensa_clusters(texts: list[str | None], *, threshold: float, num_perm: int, ngram: int,
                   sets: list[set[str]] | None = None, bands: int | None = None) -> list[int]:
    """rensa RMinHash (bulk) + RMinHashLSH candidates, verified by estimated Jaccard, union-find."""
    from rensa import RMinHash, RMinHashLSH

    sets = sets if sets is not None else [shingles(t, ngram) for t in texts]
    members = [i for i, s in enumerate(sets) if s]
    hashes = RMinHash.from_token_sets([sorted(sets[i]) for i in members], num_perm, 42)
    lsh = RMinHashLSH(threshold, num_perm, bands or _rensa_bands(threshold, num_perm))
    lsh.insert_pairs(list(zip(members, hashes)))
    by_doc = dict(zip(members, hashes))
    pairs = []
    for i, candidates in zip(members, lsh.query_all(hashes)):
        for j in candidates:
            if j > i and by_doc[i].jaccard(by_doc[j]) >= threshold:
                pairs.append((i, j))
    return union_find_clusters(len(texts), pairs)


def _rensa_bands(threshold: float, num_perm: int) -> int:
    """rensa needs the band count: the same rule as tidings (P(candidate at threshold) ≥ 0.9,
    most rows per band)."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if num_perm % rows == 0 and 1 - (1 - threshold ** rows) ** bands >= 0.9:
            return bands
    return num_perm
