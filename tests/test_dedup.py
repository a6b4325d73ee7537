"""tidings.dedup, DedupIndex and repeated_paragraphs: behaviour, a slow reference, real data."""

from __future__ import annotations

import random
import time
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings
from tidings.dedup import dedup_documents
from tidings.errors import InputError, InputTypeError, ModelError, TidingsIOError
from tidings.pipeline import run_pipeline, summarize

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

WORDS = [f"w{i}" for i in range(5000)] + [
    "café", "naïve", "Zürich", "Iran’s", "al-Assad", "Москва", "São", "Ünal", "mid-2012", "Ελλάδα",
]


def article(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length))


STORY = (
    "The central bank raised its main interest rate by a quarter point on Tuesday, citing stubborn "
    "inflation in services and a tight labour market. Economists had expected the move after a string "
    "of strong wage figures.\n\nThe governor said further increases could not be ruled out if prices kept "
    "rising faster than the target, but that the committee would watch the effect on mortgages and "
    "business lending closely before acting again in spring."
)
OTHER = (
    "Heavy rain flooded dozens of homes in the valley overnight and closed the main road to the coast. "
    "Fire crews pumped water from basements until dawn while volunteers filled sandbags at the village "
    "hall. Forecasters warned that another band of rain would arrive on Thursday evening."
)


# ---------------------------------------------------------------- the slow, obvious reference

def ref_words(text: str) -> list[str]:
    """Words as the core reads them: alphanumeric runs joined by an apostrophe or hyphen,
    lower-cased, with the typographic apostrophe read as '."""
    text = unicodedata.normalize("NFC", text)
    words = re.findall(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*", text)
    return [w.lower().replace("’", "'").replace("‘", "'") for w in words]


def ref_shingles(text: str, ngram: int) -> set[tuple[str, ...]]:
    words = ref_words(text)
    if not words:
        return set()
    if len(words) < ngram:
        return {tuple(words)}
    return {tuple(words[i:i + ngram]) for i in range(len(words) - ngram + 1)}


def ref_exact_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def ref_similarity(a: set, b: set) -> tuple[float, float]:
    """Exact Jaccard and containment of the smaller set in the larger, as the core computes them."""
    shared = len(a & b)
    if not a or not b:
        return 0.0, 0.0
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


CLOSENESS = {"unique": 0, "contained": 1, "near": 2, "exact": 3}


def ref_decide(texts: list[str], order: list[int], threshold: float = 0.8, containment: float | None = 0.6,
               ngram: int = 5) -> tuple[dict[int, int], dict[int, str], dict[int, float], dict[tuple[int, int], tuple]]:
    """The decision rule, brute force: documents decided in ``order`` (positions); an exact copy
    joins the first document with its text; any other document is compared with every earlier
    new text, and joins the best representative it is a copy of (near before contained, then the
    highest similarity, then the earliest), else becomes one. Returns the representative, kind and
    similarity of each position and the verified pairs ``(earlier, later) -> (jaccard, containment)``."""
    sets = [ref_shingles(t, ngram) for t in texts]
    rep: dict[int, int] = {}
    kind: dict[int, str] = {}
    similarity: dict[int, float] = {}
    pairs: dict[tuple[int, int], tuple[float, float]] = {}
    first: dict[str, int] = {}
    new_texts: list[int] = []

    def join(doc: int, representative: int, how: str, value: float) -> None:
        rep[doc], kind[doc], similarity[doc] = representative, how, value
        if CLOSENESS[how] > CLOSENESS[kind[representative]]:
            kind[representative] = how

    for doc in order:
        if not sets[doc]:
            rep[doc], kind[doc], similarity[doc] = doc, "empty", float("nan")
            continue
        key = ref_exact_key(texts[doc])
        if key in first:
            f = first[key]
            pairs[f, doc] = (1.0, 1.0)
            if rep[f] == f:
                join(doc, f, "exact", 1.0)
            else:
                join(doc, rep[f], kind[f], similarity[f])
            continue
        first[key] = doc
        best = None
        for other in new_texts:
            jaccard, contained = ref_similarity(sets[doc], sets[other])
            if jaccard >= threshold:
                relation = (2, jaccard)
            elif containment is not None and contained >= containment:
                relation = (1, contained)
            else:
                continue
            pairs[other, doc] = (jaccard, contained)
            if rep[other] == other and (best is None or relation > best[0]):
                best = (relation, other)
        new_texts.append(doc)
        rep[doc], kind[doc], similarity[doc] = doc, "unique", 1.0
        if best is not None:
            (level, value), representative = best
            join(doc, representative, "near" if level == 2 else "contained", value)
    return rep, kind, similarity, pairs


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    """Originals of random words and copies of them: exact (re-spaced, sometimes NFD), near (one
    word changed in 200: Jaccard ~0.95), copies of those near copies (chains: a copy of a copy
    need not be a copy), cut (70–100% kept: contained), a brief (40 words out of the middle:
    contained at any length ratio), upper-cased (same shingles, other text), unrelated, empty."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    originals = [article(rng, rng.randint(150, 250)) for _ in range(draw(st.integers(1, 5)))]
    texts = list(originals)
    for _ in range(draw(st.integers(0, 10))):
        source = rng.choice(texts if rng.random() < 0.3 else originals).split()
        if not source:
            continue
        how = rng.choice(["exact", "near", "near", "cut", "brief", "unrelated", "empty", "upper"])
        if how == "exact":  # re-wrapped, and sometimes Unicode-decomposed (NFD): still exact
            copy = "\n".join(" ".join(source[i:i + 12]) for i in range(0, len(source), 12)) + "  "
            texts.append(unicodedata.normalize("NFD", copy) if rng.random() < 0.5 else copy)
        elif how == "near":
            edited = list(source)
            for _ in range(rng.randint(1, 6)):
                edited[rng.randrange(len(edited))] = rng.choice(WORDS)
            texts.append(" ".join(edited))
        elif how == "cut":
            texts.append(" ".join(source[: max(1, int(len(source) * rng.uniform(0.7, 1.0)))]))
        elif how == "brief":
            start = rng.randrange(max(1, len(source) - 40))
            texts.append(" ".join(source[start:start + 40]))
        elif how == "unrelated":
            texts.append(article(rng, rng.randint(3, 250)))
        elif how == "upper":
            texts.append(" ".join(source).upper())
        else:
            texts.append(rng.choice(["", "  ", "--"]))
    rng.shuffle(texts)
    return texts


def check_against_reference(texts: list[str], frame: pd.DataFrame, pairs: pd.DataFrame, ids: list) -> None:
    """``frame`` and ``pairs`` (tidings.dedup with ``ids``, ``sample=1``) are the reference's."""
    position = {doc_id: p for p, doc_id in enumerate(ids)}
    order = sorted(range(len(texts)), key=lambda p: ids[p])
    rep, kind, similarity, ref_pairs = ref_decide(texts, order)
    assert [position[r] for r in frame["representative"]] == [rep[p] for p in range(len(texts))]
    assert frame["kind"].tolist() == [kind[p] for p in range(len(texts))]
    np.testing.assert_array_equal(frame["similarity"].to_numpy(), [similarity[p] for p in range(len(texts))])
    members = {p: [q for q in range(len(texts)) if rep[q] == rep[p]] for p in range(len(texts))}
    assert frame["cluster"].tolist() == [min(ids[q] for q in members[p]) for p in range(len(texts))]
    assert frame["cluster_size"].tolist() == [len(members[p]) for p in range(len(texts))]
    got = {(position[a], position[b]): (j, c) for a, b, j, c in pairs.itertuples(index=False)}
    expected = {(min(a, b, key=lambda q: ids[q]), max(a, b, key=lambda q: ids[q])): v
                for (a, b), v in ref_pairs.items()}
    assert got == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_decisions_match_the_brute_force_reference(texts: list[str]) -> None:
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    frame, pairs = tidings.dedup(texts, ids=ids, sample=1, return_pairs=True, progress=False)
    check_against_reference(texts, frame, pairs, ids)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_every_member_is_a_copy_of_its_representative(texts: list[str]) -> None:
    """With the default sampling: no member under the threshold it joined by, similarities exact,
    and every verified pair a real one (a subset of what comparing every pair finds)."""
    frame, pairs = tidings.dedup(texts, return_pairs=True, progress=False)
    sets = [ref_shingles(t, 5) for t in texts]
    for doc, (rep, kind, similarity) in enumerate(zip(frame["representative"], frame["kind"], frame["similarity"])):
        if rep == doc or kind == "empty":
            continue
        jaccard, contained = ref_similarity(sets[doc], sets[rep])
        expected = {"near": jaccard, "contained": contained}.get(kind, 1.0)
        assert similarity == expected
        assert (kind == "near" and jaccard >= 0.8) or (kind == "contained" and contained >= 0.6) or (
            kind == "exact" and ref_exact_key(texts[doc]) == ref_exact_key(texts[rep]))
    _, every_pair = tidings.dedup(texts, sample=1, return_pairs=True, progress=False)
    found = set(map(tuple, pairs.itertuples(index=False)))
    assert found <= set(map(tuple, every_pair.itertuples(index=False)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False), st.sampled_from([1, 2, 3]))
def test_same_result_whatever_the_order_and_threads(texts: list[str], rng: random.Random, workers: int) -> None:
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    base, base_pairs = tidings.dedup(texts, ids=ids, workers=1, return_pairs=True, progress=False)
    base.index = ids
    order = list(range(len(texts)))
    rng.shuffle(order)
    shuffled, shuffled_pairs = tidings.dedup([texts[i] for i in order], ids=[ids[i] for i in order], workers=workers,
                                             return_pairs=True, progress=False)
    shuffled.index = [ids[i] for i in order]
    pd.testing.assert_frame_equal(shuffled.loc[ids], base)
    pd.testing.assert_frame_equal(shuffled_pairs, base_pairs)
    # Without ids the document id is the position: the partition and the pairs are the same.
    plain = tidings.dedup([texts[i] for i in order], workers=workers, progress=False)
    again = tidings.dedup(texts, workers=1, progress=False)
    groups = {frozenset(order[p] for p in g) for g in plain.groupby("cluster").groups.values()}
    assert groups == {frozenset(g) for g in again.groupby("cluster").groups.values()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.lists(st.integers(0, 14), max_size=4), st.booleans())
def test_index_batches_give_the_one_batch_result(texts: list[str], cuts: list[int], all_pairs: bool) -> None:
    one = tidings.DedupIndex(all_pairs=all_pairs)
    one.add(texts, progress=False)
    index = tidings.DedupIndex(all_pairs=all_pairs)
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    for start, end in zip(bounds, bounds[1:]):
        batch = index.add(texts[start:end], progress=False)
        assert batch["doc"].tolist() == list(range(start, end))
        # A batch's rows are its documents' assignments as of now, never changed later but for
        # the cluster size and a lone representative's kind.
        assert batch["cluster"].tolist() == one.clusters()["cluster"].iloc[start:end].tolist()
    pd.testing.assert_frame_equal(index.clusters(), one.clusters())
    pd.testing.assert_frame_equal(index.pairs(), one.pairs())
    # Arrival order is the decision order of dedup with ids = positions.
    ids = list(range(len(texts)))
    frame, pairs = tidings.dedup(texts, ids=ids, return_pairs=True, progress=False)
    pd.testing.assert_frame_equal(one.clusters().reset_index(drop=True), frame)
    if all_pairs:
        pd.testing.assert_frame_equal(one.pairs(), pairs)


# ---------------------------------------------------------------- behaviour

def test_kinds_columns_dtypes_and_index() -> None:
    reprint = "HOME | NEWS | WORLD\n\n" + STORY[: len(STORY) * 3 // 4] + "\n\nShare this article"
    edited = STORY.replace("Tuesday", "Wednesday")
    texts = pd.Series([STORY, OTHER, STORY.replace(" ", "  \n"), None, reprint, float("nan"), "…", edited],
                      index=list("abcdefgh"), name="body")
    d = tidings.dedup(texts, ids=range(8))
    assert list(d.index) == list("abcdefgh")
    assert list(d.columns) == ["cluster", "cluster_size", "kind", "is_representative", "similarity", "representative"]
    assert d.dtypes.astype(str).tolist() == ["int64", "int64", "category", "bool", "float64", "int64"]
    assert d["cluster"].tolist() == [0, 1, 0, 3, 0, 5, 6, 0]
    assert d["kind"].tolist() == ["exact", "unique", "exact", "empty", "contained", "empty", "empty", "near"]
    assert list(d["kind"].cat.categories) == ["unique", "exact", "near", "contained", "empty"]
    assert d["cluster_size"].tolist() == [4, 1, 4, 1, 4, 1, 1, 4]
    assert d["is_representative"].tolist() == [True, True, False, True, False, True, True, False]
    assert d["similarity"].iloc[[0, 1, 2]].tolist() == [1.0, 1.0, 1.0]
    # Its header and footer are too little chrome to be left out of its shingles.
    jaccard, containment = ref_similarity(ref_shingles(reprint, 5), ref_shingles(STORY, 5))
    assert jaccard < 0.8 and containment >= 0.6 and d["similarity"].iloc[4] == containment
    assert 0.8 <= d["similarity"].iloc[7] < 1.0
    assert np.isnan(d["similarity"].iloc[3])


def test_near_representative_kind_and_case() -> None:
    d = tidings.dedup([STORY, STORY.upper()])
    # Case does not change shingles, so the pair is near (similarity 1) but not exact.
    assert d["kind"].tolist() == ["near", "near"]
    assert d["cluster"].tolist() == [0, 0]
    assert d["similarity"].tolist() == [1.0, 1.0]


def test_no_chaining_a_copy_of_a_member_is_not_a_member() -> None:
    """b is a near copy of a, c of b; c is no copy of a (Jaccard 0.73 and containment off): c
    stays apart although the pair (b, c) is verified."""
    rng = random.Random(5)
    a = article(rng, 200).split()
    b = list(a)
    for i in (20, 80, 140):
        b[i] = "xx"
    c = list(b)
    for i in (50, 110, 170):
        c[i] = "yy"
    texts = [" ".join(w) for w in (a, b, c)]
    d, pairs = tidings.dedup(texts, ids=[1, 2, 3], containment=None, return_pairs=True)
    assert d["cluster"].tolist() == [1, 1, 3]
    assert d["kind"].tolist() == ["near", "near", "unique"]
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [[1, 2], [2, 3]]


def test_a_brief_inside_a_long_report_is_contained() -> None:
    rng = random.Random(6)
    report = article(rng, 5000)
    brief = " ".join(report.split()[2000:2100])
    d = tidings.dedup([report, brief, article(rng, 100)], ids=[1, 2, 3])
    assert d["cluster"].tolist() == [1, 1, 3]
    assert d["kind"].tolist()[:2] == ["contained", "contained"]
    assert d["similarity"].iloc[1] == 1.0


def test_containment_joins_a_cut_reprint_and_can_be_turned_off() -> None:
    rng = random.Random(7)
    original = article(rng, 300)
    cut = "Breaking news from our desk. " + " ".join(original.split()[:190]) + " Read more."
    joined = tidings.dedup([original, cut])
    assert joined["cluster"].tolist() == [0, 0]
    apart = tidings.dedup([original, cut], containment=None)
    assert apart["cluster"].tolist() == [0, 1]


def test_pairs_table() -> None:
    texts = [OTHER, STORY, STORY + " Copyright.", STORY]
    d, pairs = tidings.dedup(texts, return_pairs=True)
    assert list(pairs.columns) == ["doc_a", "doc_b", "jaccard", "containment"]
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [[1, 2], [1, 3]]
    assert pairs["jaccard"].iloc[1] == 1.0
    assert 0.8 < pairs["jaccard"].iloc[0] < 1.0
    _, pairs = tidings.dedup(texts, ids=[40, 30, 20, 10], return_pairs=True)
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [[10, 20], [10, 30]]


def test_user_ids_and_keep() -> None:
    longer = STORY + " The bank's next meeting is in March."
    texts = [STORY, longer, OTHER]
    d = tidings.dedup(texts, ids=["z", "m", "a"])
    assert d["cluster"].tolist() == ["m", "m", "a"]
    assert d["representative"].tolist() == ["m", "m", "a"]
    d = tidings.dedup(texts, keep="longest")
    assert d["is_representative"].tolist() == [False, True, True]
    assert d["cluster"].tolist() == [0, 0, 2]
    dates = ["2024-03-02", "2024-03-01", None]
    d = tidings.dedup(texts, keep="earliest", dates=dates)
    assert d["is_representative"].tolist() == [False, True, True]
    d = tidings.dedup(texts, keep="earliest", dates=[None, "2024-03-01", None])
    assert d["representative"].tolist() == [1, 1, 2]
    d = tidings.dedup(texts, keep="earliest", dates=["2024-03-02", "03/01/2024 10:00", "not a date"])
    assert d["representative"].tolist() == [1, 1, 2]
    stamps = pd.Series(pd.to_datetime(["2024-03-01", "2024-03-02", "2024-01-01"]))
    assert tidings.dedup(texts, keep="earliest", dates=stamps)["representative"].tolist() == [0, 0, 2]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"threshold": 0}, InputError),
        ({"threshold": 1.5}, InputError),
        ({"threshold": float("nan")}, InputError),
        ({"threshold": "high"}, InputError),
        ({"containment": -0.1}, InputError),
        ({"sample": 0}, InputError),
        ({"sample": 65}, InputError),
        ({"sample": 2.5}, InputError),
        ({"num_perm": 128}, TypeError),  # MinHash is gone: an unknown keyword
        ({"ngram": 0}, InputError),
        ({"keep": "last"}, InputError),
        ({"keep": "earliest"}, InputError),
        ({"ids": [1, 2]}, InputError),
        ({"ids": [1, 1, 2]}, InputError),
        ({"ids": [1, "b", 2]}, InputError),
        ({"ids": [1, None, 2]}, InputError),
        ({"workers": 0}, InputError),
    ],
)
def test_bad_options(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        tidings.dedup([STORY, OTHER, STORY], **kwargs)


def test_bad_and_odd_input() -> None:
    with pytest.raises(InputTypeError):
        tidings.dedup(STORY)
    with pytest.raises(InputTypeError):
        tidings.dedup([STORY, 42])
    assert tidings.dedup([]).shape == (0, 6)
    odd = [STORY.encode(), "lone \ud800 surrogate " * 20, "\x00\xff binary junk \x07" * 50, STORY]
    d = tidings.dedup(odd)
    assert len(d) == 4
    assert d["cluster"].tolist()[0] == d["cluster"].tolist()[3] == 0
    big = "word " * 2_000_000
    assert tidings.dedup([big, big])["kind"].tolist() == ["exact", "exact"]


def test_clean_option() -> None:
    if not hasattr(tidings, "clean_many"):
        pytest.skip("tidings.clean_many (the cleaner) is not in this build")
    d = tidings.dedup([STORY, "Share this article\n\n" + STORY + "\n\nNo comments:", None], clean=True)
    assert d["cluster"].tolist()[:2] == [0, 0]


# ---------------------------------------------------------------- the growable index

def test_index_batches_match_one_batch_and_save_load(tmp_path: Path) -> None:
    rng = random.Random(3)
    originals = [article(rng, 200) for _ in range(6)]
    batch_a = originals[:3] + [originals[0]]
    batch_b = [originals[1] + " extra words at the end", originals[4], originals[5], None]
    one_shot = tidings.dedup(batch_a + batch_b, ids=range(8))
    index = tidings.DedupIndex()
    first = index.add(batch_a)
    assert first["doc"].tolist() == [0, 1, 2, 3]
    assert first["cluster"].tolist() == [0, 1, 2, 0]
    assert first["kind"].tolist() == ["exact", "unique", "unique", "exact"]
    second = index.add(pd.Series(batch_b, index=[10, 11, 12, 13]))
    assert list(second.index) == [10, 11, 12, 13]
    assert second["doc"].tolist() == [4, 5, 6, 7]
    assert second["cluster"].tolist() == [1, 5, 6, 7]
    assert second["kind"].tolist() == ["near", "unique", "unique", "empty"]
    clusters = index.clusters()
    assert clusters["cluster"].tolist() == one_shot["cluster"].tolist()
    assert clusters.at[1, "kind"] == "near" and clusters.at[1, "cluster_size"] == 2
    assert len(index) == 8 and index.memory_bytes() > 0
    path = tmp_path / "corpus.dedup"
    index.save(path)
    loaded = tidings.DedupIndex.load(path)
    pd.testing.assert_frame_equal(loaded.clusters(), clusters)
    pd.testing.assert_frame_equal(loaded.pairs(), index.pairs())
    assert (loaded.ngram, loaded.sample, loaded.all_pairs) == (index.ngram, index.sample, index.all_pairs)
    assert loaded.add([originals[2]])["cluster"].tolist() == [2]
    assert "all_pairs=True" in repr(loaded)


def test_index_load_errors(tmp_path: Path) -> None:
    index = tidings.DedupIndex(threshold=0.7, sample=8, all_pairs=False)
    index.add([STORY, OTHER])
    path = tmp_path / "i.dedup"
    index.save(path)
    data = path.read_bytes()
    for broken in (data[:-1], data[:20], data[:40] + bytes([data[40] ^ 1]) + data[41:], b"", b"PK\x03\x04zip"):
        path.write_bytes(broken)
        with pytest.raises(ModelError):
            tidings.DedupIndex.load(path)
    # An index saved by an earlier tidings (format version 1) is refused, naming the versions.
    path.write_bytes(data[:16] + (1).to_bytes(4, "little") + data[20:])
    with pytest.raises(ModelError, match="version 1"):
        tidings.DedupIndex.load(path)
    with pytest.raises(TidingsIOError):
        tidings.DedupIndex.load(tmp_path / "missing.dedup")
    with pytest.raises(InputError):
        tidings.DedupIndex(sample=0)
    with pytest.raises(InputError):
        tidings.DedupIndex(all_pairs="yes")


# ---------------------------------------------------------------- paragraphs, accessors, pipeline

def test_repeated_paragraphs() -> None:
    texts = pd.Series(
        [
            "Story one.\n\nShare this article\n\nFollow us",
            "Story two.\n\nShare  this\narticle\n\nShare this article",
            None,
            "Story three.\n\nFollow us",
            "Follow us",
        ],
        index=["a", "b", "c", "d", "e"],
    )
    r = tidings.repeated_paragraphs(texts)
    assert r[["text", "doc_count", "first_doc"]].values.tolist() == [["Follow us", 3, "a"], ["Share this article", 2, "a"]]
    assert r["docs"].tolist() == [["a", "d", "e"], ["a", "b"]]
    assert r["docs"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in r["hash"])
    assert tidings.repeated_paragraphs(texts, min_docs=3)["text"].tolist() == ["Follow us"]
    with pytest.raises(InputError):
        tidings.repeated_paragraphs(texts, min_docs=0)
    assert len(tidings.repeated_paragraphs([])) == 0


def test_repeated_paragraphs_list_the_labels_in_their_own_type() -> None:
    texts = ["One.\n\nFollow us", "Two.\n\nFollow us", "Three.", "Follow us"]
    by_position = tidings.repeated_paragraphs(texts)["docs"]
    assert by_position.dtype == pd.ArrowDtype(pa.list_(pa.int64())) and by_position.tolist() == [[0, 1, 3]]
    dated = tidings.repeated_paragraphs(pd.Series(texts, index=pd.date_range("2024-01-01", periods=4)))["docs"]
    assert pa.types.is_timestamp(dated.dtype.pyarrow_dtype.value_type)
    assert [pd.Timestamp(d) for d in dated.iloc[0]] == list(pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-04"]))
    pairs = pd.MultiIndex.from_tuples([(1, "a"), (1, "b"), (2, "a"), (3, "c")])
    tuples = tidings.repeated_paragraphs(pd.Series(texts, index=pairs))["docs"]
    assert tuples.dtype == object and tuples.tolist() == [[(1, "a"), (1, "b"), (3, "c")]]


def test_accessors() -> None:
    frame = pd.DataFrame({"body": [STORY, OTHER, STORY], "id": [7, 8, 9],
                          "date": ["2024-01-03", "2024-01-01", "2024-01-02"]}, index=[100, 101, 102])
    d = frame.tidings.dedup(text="body", id="id")
    assert d["cluster"].tolist() == [7, 8, 7]
    assert list(d.index) == [100, 101, 102]
    kept = frame.tidings.drop_near_duplicates(text="body", date="date")
    assert kept.index.tolist() == [101, 102]
    assert frame["body"].tidings.dedup()["kind"].tolist() == ["exact", "unique", "exact"]
    with pytest.raises(InputError):
        frame.tidings.dedup(text="missing")


def test_pipeline_stage() -> None:
    frame = pd.DataFrame({"id": ["x", "y", "z"], "text": [STORY, OTHER, STORY]})
    result = run_pipeline(frame, workers=1)
    assert "dedup" in result.steps
    assert result.documents["cluster"].tolist() == ["x", "y", "x"]
    assert result.pairs[["doc_a", "doc_b"]].values.tolist() == [["x", "z"]]
    assert "duplicates: 1 clusters hold 2 documents (2 exact, 0 near, 0 contained); 2 documents remain" in \
        summarize(result)
    # A corpus's ids are strings, so mixed ids still sort.
    mixed = run_pipeline(pd.DataFrame({"id": [1, "b", 2.5], "text": [STORY, OTHER, STORY]}), workers=1)
    assert mixed.documents["cluster"].tolist() == ["1", "b", "1"]


def test_dedup_documents_for_corpus_tables() -> None:
    documents = pd.DataFrame({"id": ["b", "a", "c"], "text": [STORY, OTHER, STORY],
                              "date": pd.to_datetime(["2024-01-03", "2024-01-01", "2024-01-02"])})
    out, pairs = dedup_documents(documents, keep="earliest")
    assert out["cluster"].tolist() == ["b", "a", "b"]
    assert out["representative"].tolist() == ["c", "a", "c"]
    again, _ = dedup_documents(out)
    assert list(again.columns) == list(out.columns)
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [["b", "c"]]


# ---------------------------------------------------------------- real duplicates

@pytest.mark.data
@pytest.mark.skipif(not (DATA / "bbc-news" / "bbc").is_dir(), reason="../shared/data/bbc-news is absent")
def test_bbc_real_duplicates_are_exact() -> None:
    files = sorted(p for p in (DATA / "bbc-news" / "bbc").rglob("*.txt"))
    raw = [p.read_bytes() for p in files]
    texts = [tidings._core.decode_bytes(b) for b in raw]
    d, pairs = tidings.dedup(texts, return_pairs=True)
    by_bytes: dict[bytes, list[int]] = {}
    by_spacing: dict[str, list[int]] = {}
    for i, (b, t) in enumerate(zip(raw, texts)):
        by_bytes.setdefault(b, []).append(i)
        by_spacing.setdefault(" ".join(t.split()), []).append(i)
    identical = sum(len(g) * (len(g) - 1) // 2 for g in by_bytes.values())
    spacing = sum(len(g) * (len(g) - 1) // 2 for g in by_spacing.values())
    assert identical == 98 and spacing == 100  # SOURCE.md: 98 byte-identical + 2 whitespace-only
    for group in by_spacing.values():
        if len(group) > 1:
            assert d["cluster"].iloc[group].nunique() == 1
            assert (d["kind"].iloc[group] == "exact").all()
    assert int((d["kind"] == "exact").sum()) == sum(len(g) for g in by_spacing.values() if len(g) > 1)
    assert len(texts) - sum(len(g) - 1 for g in by_spacing.values()) == 2125


def test_progress_counts_every_document() -> None:
    from tidings import _core

    counter = _core.ProgressCounter()
    index = _core.DedupIndex()
    index.add(["a story about rates " * 5, None, "other"], progress=counter)
    assert counter.done == 3


@pytest.mark.data
def test_reuters_update_is_contained_in_its_longer_version(reuters_articles: list[tuple[str, str, str]]) -> None:
    """reut-15650 is word for word the first half of reut-15658 (94 and 192 shingles)."""
    bodies = {newid: body for newid, _, body in reuters_articles}
    short, long = bodies["15650"], bodies["15658"]
    d = tidings.dedup([short, long], ids=["reut-15650", "reut-15658"], progress=False)
    assert d["cluster"].tolist() == ["reut-15650", "reut-15650"]
    assert d["kind"].tolist() == ["contained", "contained"]
    jaccard, containment = ref_similarity(ref_shingles(short, 5), ref_shingles(long, 5))
    assert jaccard < 0.8 and d["similarity"].iloc[1] >= containment >= 0.9


@pytest.mark.data
def test_reuters_templated_briefs_join_only_real_copies(reuters_articles: list[tuple[str, str, str]]) -> None:
    """The daily Fed reports and other templated Reuters briefs: every member is itself a near or
    contained copy of its representative (no chains through other members)."""
    briefs = [(f"reut-{newid}", body) for newid, _, body in reuters_articles
              if "repurchase agreements" in body or "Qtly div" in body]
    assert len(briefs) > 100
    ids, texts = [b[0] for b in briefs], [b[1] for b in briefs]
    d = tidings.dedup(texts, ids=ids, progress=False)
    sets = dict(zip(ids, (ref_shingles(t, 5) for t in texts)))
    members = d[~d["is_representative"]]
    assert len(members) > 20
    for doc, rep in zip([ids[i] for i in members.index], members["representative"]):
        jaccard, containment = ref_similarity(sets[doc], sets[rep])
        assert jaccard >= 0.8 or containment >= 0.6, (doc, rep, jaccard, containment)


def reprinted(rng: random.Random, words: list[str]) -> str:
    """A reprint as aggregators make them: their header and footer, a cut tail, a few edits, other
    line breaks."""
    body = words[: max(10, int(len(words) * rng.uniform(0.6, 1.0)))]
    for _ in range(rng.randint(0, 3)):
        body[rng.randrange(len(body))] = rng.choice(["said", "told", "also", "reportedly"])
    width = rng.randint(8, 14)
    lines = [" ".join(body[i:i + width]) for i in range(0, len(body), width)]
    head = rng.choice(["HOME | NEWS | WORLD", "Advertisement", "By Anna Smith, Daily Post correspondent"])
    tail = rng.choice(["Share this article: Facebook Twitter Email", "Read 128 times", "Tags: World, Paris"])
    return f"{head}\n\n" + "\n".join(lines) + f"\n\n{tail}"


def test_three_hundred_reprints_of_one_story_in_any_order_and_batches() -> None:
    """A wire story reprinted by 300 outlets: one cluster, every member a copy of the
    representative, the same clusters and pairs in any order (with ids) and any batch split."""
    rng = random.Random(300)
    story = article(rng, 420).split()
    reprints = [reprinted(rng, story) for _ in range(300)]
    ids = [f"r{i:03d}" for i in range(300)]
    d, pairs = tidings.dedup(reprints, ids=ids, return_pairs=True, progress=False)
    assert d["cluster"].nunique() == 1
    sets = [ref_shingles(t, 5) for t in reprints]
    rep = ids.index(d["representative"].iloc[0])
    assert all(max(ref_similarity(s, sets[rep])[0] / 0.8, ref_similarity(s, sets[rep])[1] / 0.6) >= 1 for s in sets)
    backward, backward_pairs = tidings.dedup(reprints[::-1], ids=ids[::-1], return_pairs=True, progress=False)
    pd.testing.assert_frame_equal(backward.iloc[::-1].reset_index(drop=True), d)
    pd.testing.assert_frame_equal(backward_pairs, pairs)
    index = tidings.DedupIndex()
    for start in range(0, 300, 10):
        index.add(reprints[start:start + 10], progress=False)
    assert index.clusters()["cluster"].nunique() == 1
    assert len(index.pairs()) == len(pairs)
    # Representatives only: one comparison per reprint, the same cluster.
    lean = tidings.DedupIndex(all_pairs=False)
    lean.add(reprints, progress=False)
    pd.testing.assert_frame_equal(lean.clusters(), index.clusters())
    assert len(lean.pairs()) == 299


def test_fed_style_templated_briefs_never_chain() -> None:
    """Daily briefs from one template with other amounts, kinds and rates: each member is a
    genuine near or contained copy of its representative; briefs whose words differ too much
    from every representative stay apart, however close they are to a member."""
    rng = random.Random(11)
    kinds = ["customer", "overnight", "three-day", "four-day", "system"]
    template = ("The Federal Reserve entered the U.S. Government securities market to arrange {amount} billion "
                "dlrs of {kind} repurchase agreements, a Fed spokesman said. Dealers said Federal funds were "
                "trading at {rate} pct when the Fed began its temporary and indirect supply of reserves to the "
                "banking system.")
    briefs = [template.format(amount=rng.choice(["1.5", "2.0", "2.5", "3.0"]), kind=rng.choice(kinds),
                              rate=rng.choice(["6-1/8", "6-3/16", "6-1/4", "6-5/16"])) for _ in range(60)]
    d = tidings.dedup(briefs, ids=range(60), progress=False)
    sets = [ref_shingles(t, 5) for t in briefs]
    for doc, (rep, kind, similarity) in enumerate(zip(d["representative"], d["kind"], d["similarity"])):
        if rep == doc:
            continue
        jaccard, containment = ref_similarity(sets[doc], sets[rep])
        assert (kind == "exact" and briefs[doc] == briefs[rep]) or (kind == "near" and jaccard >= 0.8) or (
            kind == "contained" and containment >= 0.6)
        assert similarity == {"near": jaccard, "contained": containment}.get(kind, 1.0)


def test_an_update_contains_its_first_version_at_under_half_the_length() -> None:
    """A first report and its update, which repeats it word for word and adds more than as much
    again: the first version is contained (1.0) although its Jaccard is under 0.5 and it is less
    than half the update's length."""
    update_tail = (
        " In a statement issued later on Tuesday, the committee said the vote had been split seven to "
        "two, with both dissenting members preferring to hold rates until the summer. Markets reacted "
        "calmly: the currency rose slightly against the dollar and government bond yields edged higher "
        "across most maturities.\n\nMortgage lenders said they expected to pass the increase on to "
        "borrowers within days, and consumer groups warned households on variable rates to review "
        "their budgets. Business groups called the decision premature, pointing to weak orders in "
        "manufacturing and falling investment intentions in their latest quarterly survey, and urged "
        "the bank to publish a clearer guide to its next steps."
    )
    first, update = STORY, STORY + update_tail
    assert len(first) < len(update) / 2
    d = tidings.dedup([update, first, OTHER], ids=["update", "first", "other"], progress=False)
    assert d["cluster"].tolist() == ["first", "first", "other"]
    assert d["kind"].tolist() == ["contained", "contained", "unique"]
    jaccard, containment = ref_similarity(ref_shingles(first, 5), ref_shingles(update, 5))
    assert jaccard < 0.5 and containment == 1.0
    assert d.loc[~d["is_representative"], "similarity"].tolist() == [1.0]


@st.composite
def many_reprints(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """More than 64 near and cut copies of one story (more than any bucket cap), some exact, and a
    few unrelated texts; ids in a shuffled order."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    story = article(rng, rng.randint(150, 300)).split()
    texts = [reprinted(rng, story) for _ in range(draw(st.integers(65, 140)))]
    texts += [rng.choice(texts) for _ in range(draw(st.integers(0, 10)))]
    texts += [article(rng, rng.randint(20, 200)) for _ in range(draw(st.integers(0, 5)))]
    ids = [f"d{i:03d}" for i in range(len(texts))]
    rng.shuffle(ids)
    return texts, ids


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(many_reprints(), st.integers(0, 2**32 - 1), st.lists(st.integers(1, 150), max_size=5))
def test_many_copies_same_result_whatever_the_order_threads_and_batches(
        case: tuple[list[str], list[str]], seed: int, cuts: list[int]) -> None:
    texts, ids = case
    rng = random.Random(seed)
    base, base_pairs = tidings.dedup(texts, ids=ids, workers=1, return_pairs=True, progress=False)
    base.index = ids
    order = list(range(len(texts)))
    rng.shuffle(order)
    shuffled, shuffled_pairs = tidings.dedup([texts[i] for i in order], ids=[ids[i] for i in order], workers=2,
                                             return_pairs=True, progress=False)
    shuffled.index = [ids[i] for i in order]
    pd.testing.assert_frame_equal(shuffled.loc[ids], base)
    pd.testing.assert_frame_equal(shuffled_pairs, base_pairs)
    one = tidings.DedupIndex()
    one.add(texts, progress=False)
    index = tidings.DedupIndex()
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    for start, end in zip(bounds, bounds[1:]):
        index.add(texts[start:end], workers=1 + start % 2, progress=False)
    pd.testing.assert_frame_equal(index.clusters(), one.clusters())
    pd.testing.assert_frame_equal(index.pairs(), one.pairs())


def test_index_add_costs_in_proportion_to_the_batch() -> None:
    """Adding ten documents to an index of 40,000 costs about what it costs with an index of 200
    (CPU time, one thread, best of three rounds; a cost that grows with the index is 50× here)."""
    rng = random.Random(40)

    def texts(n: int) -> list[str]:
        return [" ".join(rng.choices(WORDS, k=60)) for _ in range(n)]

    small, large = tidings.DedupIndex(), tidings.DedupIndex()
    small.add(texts(200), progress=False)
    large.add(texts(40_000), progress=False)

    def cost(index: tidings.DedupIndex) -> float:
        rounds = []
        for _ in range(3):
            batches = [texts(10) for _ in range(30)]
            start = time.process_time()
            for batch in batches:
                index.add(batch, workers=1, progress=False)
            rounds.append(time.process_time() - start)
        return min(rounds)

    assert cost(large) < 4 * cost(small) + 0.05


SITE_NAV = ["Home", "World", "Business", "Politics", "Markets", "Sport", "Technology", "Science", "Health",
            "Opinion", "Video", "Most Read", "Sign in", "Subscribe", "Newsletters", "Podcasts"]
SITE_FOOTER = ["Share this article", "Follow us on Twitter", "Read 1,204 times", "Advertisement",
               "Copyright Daily Ledger 2024. All rights reserved.", "Privacy policy | Terms of use | Contact us",
               "Top stories", "More from Business", "Related: markets in Asia"]
WIRE = ("The central bank of Ruritania raised its main interest rate by half a point on Tuesday, "
        "the third rise this year, and said inflation would stay above target into next spring. "
        "Markets had expected a smaller move, and the currency rose against the dollar after the decision.")
OTHER_WIRE = ("Flooding along the Danube forced thousands of people from their homes on Sunday, "
              "as rescue teams used boats to reach villages cut off by the water for a second day. "
              "Officials said the river would crest on Monday night, above the record set in 2013.")


def page(nav: list[str], body: str, footer: list[str]) -> str:
    return "\n".join(nav) + "\n\n" + body + "\n\n" + "\n".join(footer)


def test_a_short_wire_in_another_sites_chrome_joins_its_original() -> None:
    reprint = page(SITE_NAV, WIRE, SITE_FOOTER)
    d = tidings.dedup([WIRE, reprint], progress=False)
    assert d["cluster"].tolist() == [0, 0]
    assert d["similarity"].iloc[1] >= 0.9


def test_two_articles_of_one_site_are_not_joined_by_its_chrome() -> None:
    texts = [page(SITE_NAV, WIRE, SITE_FOOTER), page(SITE_NAV, OTHER_WIRE, SITE_FOOTER)]
    d = tidings.dedup(texts, progress=False)
    assert d["cluster"].tolist() == [0, 1]
    # Exact copies are still whole texts: the same page twice is exact, the article in less chrome near.
    d = tidings.dedup([texts[0], texts[0], page(SITE_NAV[:3], WIRE, SITE_FOOTER)], progress=False)
    assert d["cluster"].tolist() == [0, 0, 0]
    assert tidings.dedup(texts[:1] * 2, progress=False)["kind"].tolist()[1] == "exact"
    assert d["kind"].iloc[2] != "exact"


def test_chrome_left_out_the_same_whatever_the_batches() -> None:
    texts = [page(SITE_NAV[k:], body, SITE_FOOTER[: k + 2]) for k, body in enumerate([WIRE, OTHER_WIRE] * 3)]
    texts += [WIRE, OTHER_WIRE]
    whole = tidings.dedup(texts, progress=False)
    index = tidings.DedupIndex()
    for cut in range(0, len(texts), 3):
        index.add(texts[cut:cut + 3], progress=False)
    batched = index.clusters()
    assert batched["cluster"].tolist() == whole["cluster"].tolist()
    assert len(set(whole["cluster"])) == 2
