"""Does dedup keep its promises on real corpora (BBC and Reuters from ../shared/data)?

1. Chaining: every member of a cluster should itself be a near copy (exact shingle Jaccard ≥
   threshold) or a contained copy (exact containment of the smaller shingle set in the larger ≥
   containment) of its representative. Counted: members that are neither, and the clusters holding
   them (with Reuters headlines, e.g. daily Fed reports chained into one cluster); members whose
   ``similarity`` is under the threshold of their ``kind``, or differs from the exact reference.
2. Missed updates: Reuters articles with the same headline whose exact containment is ≥ 0.9 but
   which dedup leaves in different clusters (and, of those, the pairs missing from its pairs
   table), and the pair reut-15650 / reut-15658 (the first is word for word the first half of the
   second).
3. Order and batches: 300 reprints of one BBC article, as outlets reprint a wire story (the
   generator of benchmarks/reprint_dedup.py: their own header and footer chrome, a cut tail keeping
   60–100% of the words, re-wrapped lines, a few small edits), and 300 near copies of it (each
   keeps 60–100% of its words, then has 0–20% of them replaced by other words of the article),
   deduplicated in order, reversed (without ids, and with each copy's original position as its
   id), on one thread, and through ``DedupIndex.add`` in batches of 10 and in one batch: clusters,
   verified pairs, whether the grouping of the copies and the pairs (as original positions) are
   the same as in order, and the pairs meeting the definition on exact shingles.
4. Cost: CPU seconds of ``DedupIndex.add`` on 20,000 BBC articles (the 2,225 articles cycled) in
   one batch and in batches of 10, on one thread. The machine may be shared: times are indicative.

Exact similarities come from the slow Python reference ``_shingling.shingles`` (word shingles
tokenised as tidings does; see benchmarks/ecbplus_groups.py). tidings runs with default options.

    python benchmarks/dedup_invariance.py [--show 10] [--copies 300] [--cost-docs 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import bbc_articles, reuters_articles, reuters_titles  # noqa: E402
from _shingling import exact_similarity, shingles  # noqa: E402
from reprint_dedup import reprint  # noqa: E402

THRESHOLD = 0.8
CONTAINMENT = 0.6
SAME_HEADLINE_CONTAINMENT = 0.9
UPDATE_PAIR = ("reut-15650", "reut-15658")


def load() -> tuple[list[str], list[str], dict[str, str]]:
    """Ids (``bbc/<path>``, ``reut-<NEWID>``), texts, and Reuters headlines by id."""
    bbc, reuters, headlines = bbc_articles(), reuters_articles(), reuters_titles()
    if not bbc or not reuters or headlines is None:
        sys.exit("../shared/data/bbc-news and reuters21578 are needed for this benchmark")
    ids = [f"bbc/{name}" for name, _ in bbc] + [f"reut-{newid}" for newid, _, _ in reuters]
    texts = [text for _, text in bbc] + [body for _, _, body in reuters]
    titles = {f"reut-{newid}": title for newid, title in headlines.items()}
    return ids, texts, titles


def chaining(frame: pd.DataFrame, sets: dict[str, set[str]], titles: dict[str, str], show: int) -> None:
    members = frame[(frame["cluster_size"] > 1) & ~frame["is_representative"] & (frame["kind"] != "empty")]
    below: list[tuple[str, str, float, float]] = []
    wrong_similarity = 0
    for doc, representative, kind, similarity in zip(members.index, members["representative"], members["kind"],
                                                     members["similarity"]):
        jaccard, containment = exact_similarity(sets[doc], sets[representative])
        if jaccard < THRESHOLD and containment < CONTAINMENT:
            below.append((doc, representative, jaccard, containment))
        by_kind = {"near": (jaccard, THRESHOLD), "contained": (containment, CONTAINMENT)}.get(kind)
        if by_kind is not None and (abs(similarity - by_kind[0]) > 1e-9 or similarity < by_kind[1]):
            wrong_similarity += 1
    by_cluster = Counter(frame.loc[doc, "cluster"] for doc, *_ in below)
    under_jaccard = sum(exact_similarity(sets[d], sets[r])[0] < THRESHOLD
                        for d, r in zip(members.index, members["representative"]))
    kinds = Counter(members["kind"].tolist())
    print(f"1. chaining: {len(members):,} cluster members besides representatives "
          f"({', '.join(f'{n} {k}' for k, n in kinds.most_common())}); {len(below)} are neither a near "
          f"copy (exact Jaccard >= {THRESHOLD}) nor a contained copy (exact containment >= {CONTAINMENT}) of their "
          f"representative, in {len(by_cluster)} clusters ({sum(d.startswith('reut-') for d, *_ in below)} Reuters, "
          f"{sum(d.startswith('bbc/') for d, *_ in below)} BBC); {under_jaccard} have exact Jaccard < {THRESHOLD}; "
          f"{wrong_similarity} have a similarity under their kind's threshold or unlike the exact reference")
    for cluster, count in by_cluster.most_common(show):
        size = int(frame.loc[cluster, "cluster_size"])
        docs = [d for d, *_ in below if frame.loc[d, "cluster"] == cluster]
        similarities = [j for d, _, j, _ in below if frame.loc[d, "cluster"] == cluster]
        headlines = Counter(titles.get(d, "") for d in [cluster, *docs])
        print(f"   {cluster}: {count} of {size} members below (exact Jaccard {min(similarities):.2f}-"
              f"{max(similarities):.2f}); headlines: {'; '.join(f'{t!r} x{n}' for t, n in headlines.most_common(3))}")
    fed = [d for d, t in titles.items() if t.startswith("FED ADDS RESERVES VIA CUSTOMER")]
    fed_clusters = Counter(frame.loc[d, "cluster"] for d in fed)
    print(f"   daily Fed customer-repurchase reports: {len(fed)} in {len(fed_clusters)} clusters "
          f"(largest {max(fed_clusters.values()) if fed_clusters else 0})")


def missed_updates(frame: pd.DataFrame, verified: set[tuple[str, str]], sets: dict[str, set[str]],
                   titles: dict[str, str], show: int) -> None:
    by_title: dict[str, list[str]] = defaultdict(list)
    for doc, title in titles.items():
        if title:
            by_title[title].append(doc)
    same_headline = [(a, b) for docs in by_title.values() for a, b in combinations(docs, 2)]
    contained = []
    for a, b in same_headline:
        jaccard, containment = exact_similarity(sets[a], sets[b])
        if containment >= SAME_HEADLINE_CONTAINMENT:
            contained.append((a, b, jaccard, containment))
    apart = [p for p in contained if frame.loc[p[0], "cluster"] != frame.loc[p[1], "cluster"]]
    unlisted = [p for p in contained if (p[0], p[1]) not in verified and (p[1], p[0]) not in verified]
    print(f"\n2. updates: {len(same_headline):,} Reuters pairs share a headline; {len(contained)} of them have exact "
          f"containment >= {SAME_HEADLINE_CONTAINMENT}; dedup leaves {len(apart)} of those apart (each is then a "
          f"copy of another representative), and {len(unlisted)} out of its pairs table")
    for a, b, jaccard, containment in sorted(apart, key=lambda p: -p[3])[:show]:
        print(f"   {a} ({frame.loc[a, 'cluster']}) / {b} ({frame.loc[b, 'cluster']}): exact J {jaccard:.2f} "
              f"C {containment:.2f}, {len(sets[a])} and {len(sets[b])} shingles, {titles[a]!r}")
    a, b = UPDATE_PAIR
    jaccard, containment = exact_similarity(sets[a], sets[b])
    joined = frame.loc[a, "cluster"] == frame.loc[b, "cluster"]
    print(f"   {a} / {b}: {len(sets[a])} and {len(sets[b])} shingles, exact J {jaccard:.2f} C {containment:.2f}; "
          f"{'one cluster' if joined else 'apart'} (kinds {frame.loc[a, 'kind']}, {frame.loc[b, 'kind']})")


def near_copies(text: str, count: int, seed: int) -> list[str]:
    """``count`` copies of ``text``: each keeps 60–100% of its words, then has 0–20% of them
    replaced by other words of the text."""
    rng = random.Random(seed)
    words = text.split()
    vocabulary = sorted(set(words))
    out = []
    for _ in range(count):
        copy = words[:max(10, int(rng.uniform(0.6, 1.0) * len(words)))]
        for _ in range(int(rng.uniform(0.0, 0.2) * len(copy))):
            copy[rng.randrange(len(copy))] = rng.choice(vocabulary)
        out.append(" ".join(copy))
    return out


def grouping(clusters: list[object], positions: list[int]) -> frozenset[frozenset[int]]:
    """The groups of original positions, whatever the cluster labels."""
    groups: dict[object, set[int]] = defaultdict(set)
    for position, cluster in zip(positions, clusters):
        groups[cluster].add(position)
    return frozenset(frozenset(g) for g in groups.values())


def pair_set(pairs: pd.DataFrame, positions: list[int]) -> frozenset[tuple[int, int]]:
    """The pairs as original positions, smaller first."""
    return frozenset((min(positions[a], positions[b]), max(positions[a], positions[b]))
                     for a, b in zip(pairs["doc_a"].tolist(), pairs["doc_b"].tolist()))


def order_and_batches(name: str, copies: list[str]) -> None:
    count = len(copies)
    forward = list(range(count))
    backward = forward[::-1]
    # Without ids, documents are decided in an order of their own (longest first), with ids by id,
    # and DedupIndex in arrival order: each kind of run is compared with its own first run.
    runs: dict[str, tuple[str, frozenset[frozenset[int]], frozenset[tuple[int, int]]]] = {}

    def run(label: str, reference: str, texts: list[str], positions: list[int], **options: object) -> None:
        result, pairs = tidings.dedup(texts, return_pairs=True, progress=False, **options)  # type: ignore[arg-type]
        # With ids (the original positions), pairs name documents by id; else by row.
        named = forward if "ids" in options else positions
        runs[label] = (reference, grouping(result["cluster"].tolist(), positions), pair_set(pairs, named))

    run("in order", "in order", copies, forward)
    run("reversed", "in order", copies[::-1], backward)
    run("in order, one thread", "in order", copies, forward, workers=1)
    run("in order, ids = positions", "in order, ids = positions", copies, forward, ids=forward)
    run("reversed, ids = original positions", "in order, ids = positions", copies[::-1], backward, ids=backward)
    for batch in (count, 10):
        index = tidings.DedupIndex()
        for start in range(0, count, batch):
            index.add(copies[start:start + batch], progress=False)
        runs[f"DedupIndex.add, batches of {batch}"] = ("in order, ids = positions",
                                                       grouping(index.clusters()["cluster"].tolist(), forward),
                                                       pair_set(index.pairs(), forward))
    sets = [shingles(t) for t in copies]
    meeting = sum(1 for a, b in combinations(range(count), 2)
                  if (lambda j, c: j >= THRESHOLD or c >= CONTAINMENT)(*exact_similarity(sets[a], sets[b])))
    print(f"   {name}: {meeting} pairs meet the definition on exact shingles")
    print(f"   {'run':36s} {'clusters':>8s} {'pairs':>7s}  same grouping and pairs as")
    for label, (reference, groups, pair_found) in runs.items():
        _, reference_groups, reference_pairs = runs[reference]
        same = groups == reference_groups and pair_found == reference_pairs
        print(f"   {label:36s} {len(groups):8d} {len(pair_found):7d}  {reference}: {'yes' if same else 'NO'}")


def add_cost(texts: list[str], documents: int) -> None:
    corpus = [texts[i % len(texts)] for i in range(documents)]
    timings = {}
    start = time.process_time()
    tidings.DedupIndex().add(corpus, workers=1, progress=False)
    timings["one batch"] = time.process_time() - start
    index = tidings.DedupIndex()
    per_batch = []
    for first in range(0, documents, 10):
        begin = time.process_time()
        index.add(corpus[first:first + 10], workers=1, progress=False)
        per_batch.append(time.process_time() - begin)
    timings["batches of 10"] = sum(per_batch)
    early = sum(per_batch[:100]) / 100 * 1000
    late = sum(per_batch[-100:]) / 100 * 1000
    print(f"\n4. cost of DedupIndex.add on {documents:,} BBC articles (the corpus cycled), one thread, CPU seconds "
          f"(indicative: the machine may be shared):")
    print(f"   one batch {timings['one batch']:.2f} s; batches of 10 {timings['batches of 10']:.2f} s "
          f"({timings['batches of 10'] / timings['one batch']:.0f}x); a batch costs {early:.2f} ms among the first "
          f"100 and {late:.2f} ms among the last 100")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=10, help="examples to print")
    parser.add_argument("--copies", type=int, default=300, help="reprints and near copies for the order test")
    parser.add_argument("--cost-docs", type=int, default=20000, help="documents for the cost test (0 skips it)")
    args = parser.parse_args()
    ids, texts, titles = load()
    print(f"BBC + Reuters: {len(texts):,} articles; tidings {tidings.__version__} ({tidings.build_profile}); "
          f"dedup with default options (threshold {THRESHOLD}, containment {CONTAINMENT}), ids given\n")
    frame, pairs = tidings.dedup(texts, ids=ids, return_pairs=True, progress=False)
    frame.index = ids
    verified = set(zip(pairs["doc_a"].tolist(), pairs["doc_b"].tolist()))
    sets = dict(zip(ids, (shingles(t) for t in texts)))
    chaining(frame, sets, titles, args.show)
    missed_updates(frame, verified, sets, titles, args.show)
    bbc = [t for i, t in zip(ids, texts) if i.startswith("bbc/")]
    print(f"\n3. order and batches, one BBC article ({len(bbc[0].split())} words):")
    rng = random.Random(1)
    order_and_batches(f"{args.copies} reprints", [reprint(rng, bbc[0]) for _ in range(args.copies)])
    order_and_batches(f"{args.copies} near copies", near_copies(bbc[0], args.copies, seed=1))
    if args.cost_docs:
        add_cost(bbc, args.cost_docs)


if __name__ == "__main__":
    main()
