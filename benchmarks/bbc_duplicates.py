"""What dedup finds in the real BBC corpus (../shared/data/bbc-news), checked against exact
shingle similarities computed in Python from the words (the silver labels of the data set's
SOURCE.md): the exact copies, the clusters with near (Jaccard >= threshold) or contained
(containment >= containment) members and whether each stays within one category, the pairs of each
Jaccard band that dedup puts in one cluster and in its pairs table, the pairs meeting the
definition that the pairs table misses, and tidings' similarities against the reference ones
(they are computed on 32-bit shingle hashes: any difference is a hash collision).

    python benchmarks/bbc_duplicates.py [--show 15] [--clean]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import bbc_articles  # noqa: E402
from _shingling import exact_similarity, shingles  # noqa: E402

THRESHOLD = 0.8
CONTAINMENT = 0.6


def exact_pairs(sets: list[set[str]], minimum: float) -> dict[tuple[int, int], tuple[float, float]]:
    """Exact (Jaccard, containment) of every pair with Jaccard ≥ minimum. Pairs are found through
    shingles shared by fewer than 60 articles (a pair with Jaccard ≥ 0.3 always shares some)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    candidates: set[tuple[int, int]] = set()
    for docs in postings.values():
        if len(docs) < 60:
            for x in range(len(docs)):
                for y in range(x + 1, len(docs)):
                    candidates.add((docs[x], docs[y]))
    out = {}
    for a, b in candidates:
        n = len(sets[a] & sets[b])
        union = len(sets[a]) + len(sets[b]) - n
        if n / union >= minimum:
            out[a, b] = (n / union, n / min(len(sets[a]), len(sets[b])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=15, help="near-duplicate pairs to print")
    parser.add_argument("--clean", action="store_true", help="dedup with clean=True")
    args = parser.parse_args()
    articles = bbc_articles()
    if not articles:
        sys.exit("../shared/data/bbc-news is absent")
    names = [name for name, _ in articles]
    texts = [text for _, text in articles]
    d, pairs = tidings.dedup(texts, return_pairs=True, clean=args.clean, progress=False)
    d.index = names
    kinds = d["kind"].value_counts()
    multi = d[d["cluster_size"] > 1]
    print(f"BBC: {len(texts):,} articles{' (clean=True)' if args.clean else ''}; {multi['cluster'].nunique()} "
          f"clusters with copies hold {len(multi)} articles ({kinds['exact']} exact, {kinds['near']} near, "
          f"{kinds['contained']} contained); {int(d['is_representative'].sum()):,} remain")
    exact_groups = d[d["kind"] == "exact"].groupby("cluster").size()
    print(f"exact: {len(exact_groups)} clusters, sizes {dict(Counter(exact_groups.tolist()))}")
    copies = d[d["kind"].isin(["near", "contained"])]["cluster"].unique()
    sizes = Counter(d[d["cluster"].isin(copies)].groupby("cluster").size().tolist())
    same_category = all(len({n.split("/")[0] for n in g.index}) == 1 for _, g in d[d["cluster_size"] > 1].groupby("cluster"))
    print(f"clusters with near or contained copies: {len(copies)}, sizes {dict(sizes)}; "
          f"every cluster within one category: {same_category}")

    sets = [shingles(t, 5) for t in (texts if not args.clean else [c.text or t for c, t in zip(
        tidings.clean_many(texts, progress=False), texts)])]
    truth = exact_pairs(sets, 0.3)
    cluster = d["cluster"].to_numpy()
    found = {(int(a), int(b)): (j, c) for a, b, j, c in zip(pairs["doc_a"], pairs["doc_b"], pairs["jaccard"],
                                                             pairs["containment"])}
    print("\nexact word-5-gram Jaccard of pairs (silver) and whether dedup put them in one cluster or its pairs table:")
    for low, high in ((1.0, 1.01), (0.8, 1.0), (0.5, 0.8), (0.3, 0.5)):
        band = [p for p, (j, _) in truth.items() if low <= j < high]
        joined = sum(cluster[a] == cluster[b] for a, b in band)
        listed = sum(p in found for p in band)
        print(f"  Jaccard in [{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}: {len(band):4d} pairs, "
              f"{joined:4d} in one cluster, {listed:4d} in the pairs table")
    meeting = [p for p, (j, c) in truth.items() if j >= THRESHOLD or c >= CONTAINMENT]
    exact_copy = {p for p in meeting if " ".join(texts[p[0]].split()) == " ".join(texts[p[1]].split())}
    missed = [p for p in meeting if p not in found and p not in exact_copy]
    print(f"pairs meeting the definition (J >= {THRESHOLD} or C >= {CONTAINMENT}, of those with J >= 0.3): "
          f"{len(meeting)}; in the pairs table {len(meeting) - len(missed)} (exact copies count through the first "
          f"with their text); missed {len(missed)}")
    differ = [p for p, (j, c) in found.items() if abs(j - exact_similarity(sets[p[0]], sets[p[1]])[0]) > 1e-9
              or abs(c - exact_similarity(sets[p[0]], sets[p[1]])[1]) > 1e-9]
    print(f"verified pairs: {len(found)}; similarities differing from the reference: {len(differ)}")

    print(f"\nnear and contained pairs (first {args.show}, lowest Jaccard first):")
    near = pairs[pairs["jaccard"] < 1.0].sort_values("jaccard")
    for a, b, j, c in near.head(args.show).itertuples(index=False):
        print(f"  {names[a]:22s} {names[b]:22s} J {j:.2f} C {c:.2f} | {texts[a].splitlines()[0][:40]!r} / "
              f"{texts[b].splitlines()[0][:40]!r}")


if __name__ == "__main__":
    main()
