"""Grouping articles on ECB+ (../shared/data/ecbplus: 772 articles of topics 1–35, 66 real
events; each topic holds two different events of the same kind, reported by several outlets).

(a) Duplicates. The truth is dedup's own definition computed exactly: a pair is a near copy when
the exact Jaccard similarity of its word 5-gram shingle sets is ≥ 0.8, or a contained copy when
the shorter set is ≥ 0.6 contained in the longer (|A ∩ B| / min(|A|, |B|)), whatever the length
ratio. Shingles are built by the slow Python reference ``_shingling.shingles``, which tokenises as
tidings does: Unicode NFC; words are runs of letters and digits, joined across an apostrophe or
hyphen that sits between two of them; words lower-cased, typographic apostrophes read as ``'``;
a shingle is 5 consecutive words (a text of 1–4 words has one shingle of all its words). Reported:
the within-topic pairs meeting the definition; the recall of ``tidings.dedup``'s pairs table
(default options, ``return_pairs=True``; an exact copy is listed with the first document with its
text only, so a pair counts as found when it is listed or when it is listed for an exact copy of
one of its documents) and how many pairs it puts in one cluster (clusters join members to a
representative, never to each other, and the definition is not transitive, so some pairs must
stay apart); and every pair of articles it puts in one cluster or in its pairs table although
they report two different events (must be 0).

(b) Stories. B-cubed precision, recall and F1 and the adjusted Rand index of the grouping of all
772 articles at once (no topic given) against the events, for ``tidings.stories`` (default
options) when the package has it, beside two baselines in the same run:
- TF-IDF: lower-cased words (the tokenisation above) minus a short English stop list and pure
  numbers; weight (1 + log tf) · idf with idf = ln((1 + N) / (1 + df)) + 1 over these articles;
  vectors L2-normalised; cosine similarity.
- TF-IDF + entities: 0.7 · the word cosine + 0.3 · the cosine of TF-IDF vectors of the canonical
  PERSON, ORG, LOC and NORP entities that ``tidings.tag`` finds (one term per label and entity).
Both group by agglomerative average linkage (order-free, deterministic), cut where the average
similarity between two groups falls below the threshold; thresholds are chosen once for the
whole corpus, never per topic. A third row is the reference the stories design follows:
- shared nearest neighbours: one TF-IDF vector per article over its words and its entity terms;
  each article's 6 most similar articles (cosine; ties to the earlier article); the similarity of
  two articles is the share of those 6 they have in common (Jarvis and Patrick 1973), plus 0.01
  times their cosine so that ties (frequent: the share takes 7 values) do not depend on the input
  order; average linkage on it, cut at 0.25 (two groups merge while their articles share on
  average 1.5 of their 6 nearest neighbours). Neighbourhoods, not one absolute cosine threshold,
  decide.
The metrics are checked against known values before use.

    python benchmarks/ecbplus_groups.py [--show 10]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import EcbArticle, ecbplus_articles  # noqa: E402
from _shingling import exact_similarity, shingles, words  # noqa: E402

NEAR_JACCARD = 0.8
CONTAINED = 0.6
NGRAM = 5
WORD_WEIGHT = 0.7
ENTITY_LABELS = ("PERSON", "ORG", "LOC", "NORP")
THRESHOLDS = {"TF-IDF": 0.2, "TF-IDF + entities": 0.2, "shared nearest neighbours": 0.25}
NEIGHBOURS = 6
COSINE_TIE_BREAK = 0.01
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours s t said says say told one two new year years last first people us mr mrs ms
""".split())


# --- metrics ---------------------------------------------------------------------------------

def b_cubed(gold: Sequence[object], predicted: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per item, the share of its
    predicted group in its gold group and the reverse, averaged over items."""
    gold_members: dict[object, set[int]] = defaultdict(set)
    predicted_members: dict[object, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        gold_members[g].add(i)
        predicted_members[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted):
        shared = len(gold_members[g] & predicted_members[p])
        precision += shared / len(predicted_members[p])
        recall += shared / len(gold_members[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def adjusted_rand_index(gold: Sequence[object], predicted: Sequence[object]) -> float:
    """Hubert and Arabie's adjusted Rand index, from the contingency table."""
    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    together = sum(pairs(c) for c in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs = sum(pairs(c) for c in Counter(gold).values())
    predicted_pairs = sum(pairs(c) for c in Counter(predicted).values())
    expected = gold_pairs * predicted_pairs / pairs(len(gold))
    best = (gold_pairs + predicted_pairs) / 2
    return 1.0 if best == expected else (together - expected) / (best - expected)


def check_metrics() -> None:
    """Known values: scikit-learn's documented ARI examples and a B-cubed case worked by hand."""
    assert math.isclose(adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]), 0.5714285714285715)
    assert math.isclose(adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]), -0.5)
    assert math.isclose(adjusted_rand_index([0, 0, 1, 1], [1, 1, 0, 0]), 1.0)
    assert adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
    # gold {0,1,2}{3,4}, predicted {0,1}{2,3,4}: precision (1+1+1/3+2/3+2/3)/5, recall the same.
    p, r, f = b_cubed([0, 0, 0, 1, 1], [0, 0, 1, 1, 1])
    assert math.isclose(p, 11 / 15) and math.isclose(r, 11 / 15) and math.isclose(f, 11 / 15)
    assert b_cubed([0, 0, 1], [5, 5, 7]) == (1.0, 1.0, 1.0)


# --- (a) duplicates --------------------------------------------------------------------------

def is_copy(jaccard: float, containment: float) -> bool:
    return jaccard >= NEAR_JACCARD or containment >= CONTAINED


def duplicates(articles: list[EcbArticle], show: int) -> None:
    texts = [a.text for a in articles]
    sets = [shingles(t, NGRAM) for t in texts]
    truth = {}
    for i, j in combinations(range(len(articles)), 2):
        if articles[i].topic == articles[j].topic:
            jaccard, containment = exact_similarity(sets[i], sets[j])
            if is_copy(jaccard, containment):
                truth[i, j] = (jaccard, containment)
    across = sum(articles[i].event != articles[j].event for i, j in truth)
    result, pairs = tidings.dedup(texts, return_pairs=True, progress=False)
    cluster = result["cluster"].to_numpy()
    verified = set(zip(pairs["doc_a"].tolist(), pairs["doc_b"].tolist()))
    # An exact copy is listed with the first document with its text: it stands for the copy.
    first_with_text: dict[str, int] = {}
    stand_in = [first_with_text.setdefault(" ".join(t.split()), i) for i, t in enumerate(texts)]
    listed = {(min(stand_in[a], stand_in[b]), max(stand_in[a], stand_in[b])) for a, b in verified}

    def found(i: int, j: int) -> bool:
        a, b = stand_in[i], stand_in[j]
        return a == b or (min(a, b), max(a, b)) in listed

    together = [p for p in truth if cluster[p[0]] == cluster[p[1]]]
    in_table = [p for p in truth if found(*p)]
    print(f"(a) duplicates: {len(truth)} within-topic pairs meet the definition on exact shingles "
          f"({sum(j >= NEAR_JACCARD for j, _ in truth.values())} by Jaccard, the rest by containment only; "
          f"{across} of them across two events)")
    print(f"    tidings.dedup pairs table: {len(in_table)} of them, recall {len(in_table) / len(truth):.3f}; "
          f"in one cluster: {len(together)} ({len(together) / len(truth):.3f})")
    members: dict[int, list[int]] = defaultdict(list)
    for doc, c in enumerate(cluster):
        members[c].append(doc)
    joined_across = [(i, j) for docs in members.values() for i, j in combinations(docs, 2)
                     if articles[i].event != articles[j].event]
    listed_across = [(a, b) for a, b in verified if articles[a].event != articles[b].event]
    print(f"    pairs across two events: in one cluster {len(joined_across)}, in the pairs table {len(listed_across)}")
    for i, j in (joined_across + listed_across)[:show]:
        jaccard, containment = exact_similarity(sets[i], sets[j])
        print(f"      {articles[i].id} ({articles[i].event}) / {articles[j].id} ({articles[j].event}): "
              f"exact J {jaccard:.2f} C {containment:.2f}")
    missed = sorted((p for p in truth if not found(*p)), key=lambda p: -truth[p][1])
    if missed:
        print(f"    missing from the pairs table (first {min(show, len(missed))} of {len(missed)}, most contained "
              f"first):")
    for i, j in missed[:show]:
        jaccard, containment = truth[i, j]
        print(f"      {articles[i].id} / {articles[j].id}: exact J {jaccard:.2f} C {containment:.2f}, "
              f"{len(sets[i])} and {len(sets[j])} shingles")


# --- (b) stories ------------------------------------------------------------------------------

def terms(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and not w.isdigit()]


def tfidf(documents: list[list[str]]) -> np.ndarray:
    """Rows: L2-normalised (1 + log tf) · smoothed idf vectors (dense; the corpus is small)."""
    vocabulary: dict[str, int] = {}
    counts = [Counter(doc) for doc in documents]
    for doc in counts:
        for term in doc:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(documents), len(vocabulary)))
    for row, doc in enumerate(counts):
        for term, count in doc.items():
            matrix[row, vocabulary[term]] = 1 + math.log(count)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(documents)) / (1 + df)) + 1
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def average_linkage(similarity: np.ndarray, threshold: float) -> list[int]:
    """Groups of agglomerative average linkage, merged while the average similarity between two
    groups is ≥ ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage  # scipy comes with datasketch (bench extra)
    from scipy.spatial.distance import squareform

    distance = np.clip(1 - (similarity + similarity.T) / 2, 0, None)
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return fcluster(tree, 1 - threshold, criterion="distance").tolist()


def shared_neighbours(similarity: np.ndarray, neighbours: int) -> np.ndarray:
    """Share of their ``neighbours`` nearest neighbours (themselves excluded) two rows have in
    common; ties go to the lower row."""
    others = similarity.copy()
    np.fill_diagonal(others, -np.inf)
    nearest = np.argsort(-others, axis=1, kind="stable")[:, :neighbours]
    membership = np.zeros_like(similarity)
    np.put_along_axis(membership, nearest, 1.0, axis=1)
    return membership @ membership.T / neighbours


def entity_terms(texts: list[str]) -> list[list[str]]:
    mentions = tidings.tag(texts, labels=ENTITY_LABELS, progress=False)
    out: list[list[str]] = [[] for _ in texts]
    for doc, label, entity in zip(mentions["doc"], mentions["label"], mentions["entity"]):
        out[doc].append(f"{label}:{entity}")
    return out


def stories(articles: list[EcbArticle]) -> None:
    texts = [a.text for a in articles]
    gold = [a.event for a in articles]
    word_terms = [terms(t) for t in texts]
    named = entity_terms(texts)
    word_vectors = tfidf(word_terms)
    entities = tfidf(named)
    word_similarity = word_vectors @ word_vectors.T
    entity_similarity = entities @ entities.T
    methods: dict[str, Sequence[object] | str] = {}
    if hasattr(tidings, "stories"):
        methods["tidings.stories (defaults)"] = tidings.stories(texts)["story"].tolist()
    else:
        methods["tidings.stories (defaults)"] = "skipped: this tidings has no stories()"
    methods["TF-IDF"] = average_linkage(word_similarity, THRESHOLDS["TF-IDF"])
    methods["TF-IDF + entities"] = average_linkage(
        WORD_WEIGHT * word_similarity + (1 - WORD_WEIGHT) * entity_similarity, THRESHOLDS["TF-IDF + entities"])
    joint = tfidf([w + e for w, e in zip(word_terms, named)])
    cosine = joint @ joint.T
    methods["shared nearest neighbours"] = average_linkage(
        shared_neighbours(cosine, NEIGHBOURS) + COSINE_TIE_BREAK * cosine, THRESHOLDS["shared nearest neighbours"])
    print(f"\n(b) stories: {len(articles)} articles, {len(set(gold))} events, grouped all at once")
    print(f"    {'method':34s} {'groups':>6s} {'B3 P':>6s} {'B3 R':>6s} {'B3 F1':>6s} {'ARI':>6s}")
    for name, labels in methods.items():
        if isinstance(labels, str):
            print(f"    {name:34s} {labels}")
            continue
        p, r, f = b_cubed(gold, labels)
        print(f"    {name:34s} {len(set(labels)):6d} {p:6.3f} {r:6.3f} {f:6.3f} {adjusted_rand_index(gold, labels):6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=10, help="examples of each kind of error to print")
    args = parser.parse_args()
    check_metrics()
    articles = ecbplus_articles()
    if not articles:
        sys.exit("../shared/data/ecbplus is absent")
    print(f"ECB+ topics 1-35: {len(articles)} articles; tidings {tidings.__version__} ({tidings.build_profile})")
    print(f"settings: dedup definition Jaccard >= {NEAR_JACCARD} or containment >= {CONTAINED} on word "
          f"{NGRAM}-gram shingles; tidings.dedup and tidings.stories with default options; baselines average "
          f"linkage at similarity {THRESHOLDS}, entities {'/'.join(ENTITY_LABELS)} weighted "
          f"{1 - WORD_WEIGHT:.1f} against words {WORD_WEIGHT:.1f}, {NEIGHBOURS} nearest neighbours\n")
    duplicates(articles, args.show)
    stories(articles)


if __name__ == "__main__":
    main()
