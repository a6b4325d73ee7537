"""Reprint benchmark: does dedup put every reprint of an article in the article's cluster?

A seeded generator takes real articles (BBC and Reuters from ../shared/data), reprints each
1–5 times the way aggregators and partner sites do (their own header and footer chrome, a cut
tail keeping 60–100% of the words, re-wrapped lines, a few small edits), and mixes originals and
reprints with unrelated real articles. Truth: all pairs within one article's group. Reported:
pairwise precision, recall and F1 of the clusters for tidings (default options: exact Jaccard
and containment; on the raw texts, cleaned first, and with Jaccard only), and for datasketch and
rensa at equal settings (threshold, ngram; the anchors use MinHash with num_perm permutations
and verify by estimated Jaccard, as they have no containment test), in the same run. The anchors
are also shown at the threshold that suits them best on this data, for reference.

tidings clusters without chaining (a reprint joins the original or another representative it is
a copy of, never a reprint of a reprint), so recall counts the reprints that are themselves
copies of their group's representative.

    python benchmarks/reprint_dedup.py [--seed 1] [--articles 400] [--unrelated 3000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import bbc_articles, reuters_articles  # noqa: E402
from _shingling import datasketch_clusters, rensa_clusters, shingles  # noqa: E402

HEADERS = [
    "HOME | NEWS | {topic} | {place}",
    "Advertisement",
    "By {name}, {outlet} correspondent",
    "{outlet} » {topic} » {place}",
    "Published {day} {month} 2024, updated {hour}:{minute}",
    "Skip to main content",
    "{topic} news from {outlet}",
    "LIVE: follow our {topic} coverage",
]
FOOTERS = [
    "Share this article: Facebook Twitter Email",
    "No comments:",
    "Read {n} times",
    "(With reporting by {name}; editing by {name2})",
    "Copyright {outlet} 2024. All rights reserved.",
    "Related stories: {topic} in {place}",
    "Sign up for the {outlet} newsletter",
    "Tags: {topic}, {place}",
    "Click here to subscribe",
]
FILL = {
    "topic": ["Business", "Politics", "World", "Markets", "Sport", "Technology", "Economy"],
    "place": ["London", "Tehran", "New York", "Paris", "Lagos", "Delhi", "Tokyo"],
    "name": ["Anna Smith", "J. Okafor", "Li Wei", "Maria Rossi", "Tom Hart", "Priya Nair"],
    "name2": ["Ed Stone", "Kate Moss", "R. Gupta", "Ana Diaz"],
    "outlet": ["Daily Post", "NewsNow", "The Ledger", "WireWatch", "Metro Online", "Herald"],
    "day": [str(d) for d in range(1, 29)],
    "month": ["January", "March", "June", "October"],
    "hour": [f"{h:02d}" for h in range(24)],
    "minute": [f"{m:02d}" for m in range(0, 60, 7)],
    "n": [str(n) for n in range(12, 2000, 37)],
}


def chrome(rng: random.Random, lines: list[str], count: int) -> list[str]:
    return [rng.choice(lines).format(**{k: rng.choice(v) for k, v in FILL.items()}) for _ in range(count)]


def edit(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(words))
        action = rng.choice(["replace", "delete", "insert", "quote"])
        if action == "replace":
            words[i] = rng.choice(["said", "told", "also", "new", "reported", "very"])
        elif action == "delete" and len(words) > 10:
            del words[i]
        elif action == "insert":
            words.insert(i, rng.choice(["however", "meanwhile", "reportedly"]))
        else:
            words[i] = words[i].replace("'", "’").replace('"', "“")
    return words


def wrap(rng: random.Random, paragraphs: list[str]) -> str:
    style = rng.choice(["hard", "joined", "keep"])
    if style == "joined":
        return " ".join(paragraphs)
    if style == "keep":
        return "\n\n".join(paragraphs)
    width = rng.randint(55, 80)
    out = []
    for paragraph in paragraphs:
        line, lines = "", []
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def reprint(rng: random.Random, text: str) -> str:
    words = text.split()
    keep = max(10, int(len(words) * rng.uniform(0.6, 1.0)))
    body = " ".join(edit(rng, words[:keep]))
    # Split the body into a few paragraphs again before re-wrapping.
    tokens = body.split(" ")
    cuts = sorted(rng.sample(range(1, len(tokens)), k=min(len(tokens) - 1, rng.randint(1, 5))))
    paragraphs = [" ".join(tokens[a:b]) for a, b in zip([0, *cuts], [*cuts, len(tokens)])]
    head = chrome(rng, HEADERS, rng.randint(1, 3))
    tail = chrome(rng, FOOTERS, rng.randint(1, 3))
    return "\n".join(head) + "\n\n" + wrap(rng, paragraphs) + "\n\n" + "\n".join(tail)


def distinct_pool(texts: list[str], ngram: int = 5) -> list[str]:
    """Drop every article sharing ≥ 20% of its shingles with an earlier one (exact count via an
    inverted index), so real duplicates in the source corpora do not blur the truth."""
    postings: dict[str, list[int]] = defaultdict(list)
    sets = [shingles(t, ngram) for t in texts]
    kept = []
    for i, s in enumerate(sets):
        if len(s) < 20:
            continue
        shared: dict[int, int] = defaultdict(int)
        for sh in s:
            for j in postings.get(sh, ())[:50]:
                shared[j] += 1
        if any(c >= 0.2 * min(len(s), len(sets[j])) for j, c in shared.items()):
            continue
        kept.append(i)
        for sh in s:
            postings[sh].append(i)
    return [texts[i] for i in kept]


def build(seed: int, articles: int, unrelated: int) -> tuple[list[str], list[int]]:
    """Texts and their true group (the original's number; unrelated articles their own)."""
    rng = random.Random(seed)
    bbc = [t for _, t in bbc_articles() or []]
    reuters = [t for *_, t in reuters_articles() or [] if len(t.split()) >= 60]
    if not bbc or not reuters:
        sys.exit("../shared/data/bbc-news and reuters21578 are needed for this benchmark")
    rng.shuffle(bbc)
    rng.shuffle(reuters)
    pool = distinct_pool(bbc[:1500] + reuters[:6000])
    rng.shuffle(pool)
    need = articles + unrelated
    if len(pool) < need:
        sys.exit(f"only {len(pool)} distinct articles for {need}")
    originals = [t for t in pool[:articles]]
    items: list[tuple[str, int]] = []
    for group, text in enumerate(originals):
        items.append((text, group))
        for _ in range(rng.randint(1, 5)):
            items.append((reprint(rng, text), group))
    for k, text in enumerate(pool[articles:need]):
        items.append((text, articles + k))
    rng.shuffle(items)
    return [t for t, _ in items], [g for _, g in items]


def pair_set(labels: list[int]) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(labels):
        groups[g].append(i)
    return {p for members in groups.values() for p in combinations(members, 2)}


def score(truth: set[tuple[int, int]], clusters: list[int]) -> tuple[float, float, float]:
    predicted = pair_set(clusters)
    hits = len(truth & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--unrelated", type=int, default=3000)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--num-perm", type=int, default=128, help="MinHash permutations of the anchors")
    parser.add_argument("--ngram", type=int, default=5)
    args = parser.parse_args()
    if tidings.build_profile != "release":
        print(f"warning: tidings is a {tidings.build_profile} build")
    texts, groups = build(args.seed, args.articles, args.unrelated)
    truth = pair_set(groups)
    print(f"reprint benchmark (seed {args.seed}): {args.articles} articles reprinted 1-5 times, "
          f"{args.unrelated} unrelated; {len(texts):,} documents, {len(truth):,} true pairs")
    print(f"settings: threshold {args.threshold}, ngram {args.ngram}; anchors num_perm {args.num_perm}\n")
    print(f"{'method':44s} {'precision':>9s} {'recall':>7s} {'F1':>7s} {'seconds':>8s}")

    def report(name: str, clusters: list[int], seconds: float) -> None:
        p, r, f = score(truth, clusters)
        print(f"{name:44s} {p:9.4f} {r:7.4f} {f:7.4f} {seconds:8.2f}")

    options = {"threshold": args.threshold, "ngram": args.ngram}
    anchors = {**options, "num_perm": args.num_perm}
    start = time.perf_counter()
    d = tidings.dedup(texts, progress=False, **options)
    report("tidings (Jaccard or containment)", d["cluster"].tolist(), time.perf_counter() - start)
    if hasattr(tidings, "clean_many"):  # the cleaner strips the reprints' chrome first
        start = time.perf_counter()
        d = tidings.dedup(texts, clean=True, progress=False, **options)
        report("tidings (clean=True)", d["cluster"].tolist(), time.perf_counter() - start)
    start = time.perf_counter()
    d = tidings.dedup(texts, containment=None, progress=False, **options)
    report("tidings (Jaccard only)", d["cluster"].tolist(), time.perf_counter() - start)

    sets = [shingles(t, args.ngram) for t in texts]
    start = time.perf_counter()
    report("datasketch MinHashLSH", datasketch_clusters(texts, sets=sets, **anchors), time.perf_counter() - start)
    start = time.perf_counter()
    report("rensa RMinHashLSH", rensa_clusters(texts, sets=sets, **anchors), time.perf_counter() - start)

    best: dict[str, tuple[float, float]] = {}
    for threshold in (0.7, 0.6, 0.5, 0.4):
        for name, run in (("datasketch", datasketch_clusters), ("rensa", rensa_clusters)):
            f = score(truth, run(texts, sets=sets, threshold=threshold, num_perm=args.num_perm, ngram=args.ngram))[2]
            if f > best.get(name, (0.0, 0.0))[0]:
                best[name] = (f, threshold)
    print()
    for name, (f, threshold) in best.items():
        print(f"{name} at its best threshold on this data ({threshold}): F1 {f:.4f}")


if __name__ == "__main__":
    main()
