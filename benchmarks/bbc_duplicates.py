"""What dedup finds in the real BBC corpus (../shared/data/bbc-news), checked against exact
shingle Jaccard computed in Python (the silver labels of the data set's SOURCE.md).

    python benchmarks/bbc_duplicates.py [--show 15]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import bbc_articles  # noqa: E402
from _shingling import shingles  # noqa: E402


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
    args = parser.parse_args()
    articles = bbc_articles()
    if not articles:
        sys.exit("../shared/data/bbc-news is absent")
    names = [name for name, _ in articles]
    texts = [text for _, text in articles]
    d, pairs = tidings.dedup(texts, return_pairs=True, progress=False)
    d.index = names
    kinds = d["kind"].value_counts()
    multi = d[d["cluster_size"] > 1]
    print(f"BBC: {len(texts):,} articles; {multi['cluster'].nunique()} clusters with copies hold {len(multi)} "
          f"articles ({kinds['exact']} exact, {kinds['near']} near); {int(d['is_representative'].sum()):,} remain")
    exact_groups = d[d["kind"] == "exact"].groupby("cluster").size()
    print(f"exact: {len(exact_groups)} clusters, sizes {dict(Counter(exact_groups.tolist()))}")
    near_clusters = d[d["kind"] == "near"]["cluster"].unique()
    sizes = Counter(d[d["cluster"].isin(near_clusters)].groupby("cluster").size().tolist())
    same_category = all(len({n.split("/")[0] for n in g.index}) == 1 for _, g in d[d["cluster_size"] > 1].groupby("cluster"))
    print(f"clusters with near copies: {len(near_clusters)}, sizes {dict(sizes)}; "
          f"every cluster within one category: {same_category}")

    sets = [shingles(t, 5) for t in texts]
    truth = exact_pairs(sets, 0.3)
    cluster = d["cluster"].to_numpy()
    print("\nexact word-5-gram Jaccard of pairs (silver) and whether dedup put them in one cluster:")
    for low, high in ((1.0, 1.01), (0.8, 1.0), (0.5, 0.8), (0.3, 0.5)):
        band = [p for p, (j, _) in truth.items() if low <= j < high]
        joined = sum(cluster[a] == cluster[b] for a, b in band)
        print(f"  Jaccard in [{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}: {len(band):4d} pairs, "
              f"{joined:4d} joined")
    found = {(int(a), int(b)) for a, b in zip(pairs["doc_a"], pairs["doc_b"])}
    extra = [(a, b) for a, b in found if (a, b) not in truth]
    print(f"verified pairs: {len(found)}; with exact Jaccard < 0.3: {len(extra)}")

    print(f"\nnear-duplicate pairs (first {args.show}, lowest similarity first):")
    near = pairs[pairs["jaccard"] < 1.0].sort_values("jaccard")
    for a, b, j, c in near.head(args.show).itertuples(index=False):
        exact = truth.get((a, b), (0.0, 0.0))
        print(f"  {names[a]:22s} {names[b]:22s} est. J {j:.2f} C {c:.2f} | exact J {exact[0]:.2f} C {exact[1]:.2f} | "
              f"{texts[a].splitlines()[0][:40]!r} / {texts[b].splitlines()[0][:40]!r}")


if __name__ == "__main__":
    main()
