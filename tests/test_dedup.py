"""tidings.dedup, DedupIndex and repeated_paragraphs: behaviour, a slow reference, real data."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
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


def ref_clusters(texts: list[str], threshold: float, containment: float, ngram: int) -> list[int]:
    """Brute force over all pairs with exact Jaccard and containment, then union-find."""
    shingles = [ref_shingles(t, ngram) for t in texts]
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            sa, sb = shingles[a], shingles[b]
            if not sa or not sb:
                continue
            inter = len(sa & sb)
            jaccard = inter / len(sa | sb)
            short, long = sorted((len(sa), len(sb)))
            contained = inter / short >= containment and short >= 40 and short >= 0.5 * long
            same = ref_exact_key(texts[a]) == ref_exact_key(texts[b])
            if same or jaccard >= threshold or contained:
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(len(texts))]


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    """Originals of random words, and copies far from every decision boundary: exact (re-spaced),
    near (one word changed in 200: Jaccard ~0.95), cut (70–100% kept: containment 1), unrelated."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    originals = [article(rng, rng.randint(150, 250)) for _ in range(draw(st.integers(1, 5)))]
    texts = list(originals)
    for _ in range(draw(st.integers(0, 8))):
        source = rng.choice(originals).split(" ")
        how = rng.choice(["exact", "near", "cut", "unrelated", "empty", "upper"])
        if how == "exact":  # re-wrapped, and sometimes Unicode-decomposed (NFD): still exact
            copy = "\n".join(" ".join(source[i:i + 12]) for i in range(0, len(source), 12)) + "  "
            texts.append(unicodedata.normalize("NFD", copy) if rng.random() < 0.5 else copy)
        elif how == "near":
            edited = list(source)
            edited[rng.randrange(len(edited))] = "edited"
            texts.append(" ".join(edited))
        elif how == "cut":
            texts.append(" ".join(source[: int(len(source) * rng.uniform(0.7, 1.0))]))
        elif how == "unrelated":
            texts.append(article(rng, rng.randint(20, 250)))
        elif how == "upper":  # same shingles, other exact text: a near duplicate with Jaccard 1
            texts.append(" ".join(source).upper())
        else:
            texts.append(rng.choice(["", "  ", "--"]))
    rng.shuffle(texts)
    return texts


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_clusters_match_the_brute_force_reference(texts: list[str]) -> None:
    d = tidings.dedup(texts, num_perm=256)
    assert d["cluster"].tolist() == ref_clusters(texts, 0.8, 0.6, 5)
    sizes = d.groupby("cluster")["cluster"].transform("size")
    assert (d["cluster_size"] == sizes).all()
    assert d.groupby("cluster")["is_representative"].sum().eq(1).all()
    clusters = d["cluster"].tolist()
    keys = [ref_exact_key(t) for t in texts]
    expected_kinds = []
    for i, text in enumerate(texts):
        members = [j for j, c in enumerate(clusters) if c == clusters[i]]
        rep = members[0]
        if not ref_words(text):
            expected_kinds.append("empty")
        elif len(members) == 1:
            expected_kinds.append("unique")
        elif keys[i] == keys[rep] and (i != rep or sum(keys[j] == keys[rep] for j in members) > 1):
            expected_kinds.append("exact")
        else:
            expected_kinds.append("near")
    assert d["kind"].tolist() == expected_kinds


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False), st.sampled_from([1, 2, 3]))
def test_same_clusters_whatever_the_order_and_threads(texts: list[str], rng: random.Random, workers: int) -> None:
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    base = tidings.dedup(texts, ids=ids, workers=1)
    base.index = ids
    order = list(range(len(texts)))
    rng.shuffle(order)
    shuffled = tidings.dedup([texts[i] for i in order], ids=[ids[i] for i in order], workers=workers)
    shuffled.index = [ids[i] for i in order]
    pd.testing.assert_frame_equal(shuffled.loc[ids], base)
    # Without ids the document id is the position: the partition is the same, the ids are positions.
    plain = tidings.dedup([texts[i] for i in order], workers=workers)
    groups = {frozenset(ids[order[p]] for p in g) for g in plain.groupby("cluster").groups.values()}
    assert groups == {frozenset(g) for g in base.groupby("cluster").groups.values()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.lists(st.integers(0, 12), max_size=4))
def test_index_batches_give_the_one_shot_clusters(texts: list[str], cuts: list[int]) -> None:
    one_shot, one_shot_pairs = tidings.dedup(texts, return_pairs=True)
    index = tidings.DedupIndex()
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    for start, end in zip(bounds, bounds[1:]):
        batch = index.add(texts[start:end])
        assert batch["doc"].tolist() == list(range(start, end))
    pd.testing.assert_frame_equal(index.clusters().reset_index(drop=True), one_shot)
    pd.testing.assert_frame_equal(index.pairs(), one_shot_pairs)


# ---------------------------------------------------------------- behaviour

def test_kinds_columns_dtypes_and_index() -> None:
    reprint = "HOME | NEWS | WORLD\n\n" + STORY[: len(STORY) * 3 // 4] + "\n\nShare this article"
    texts = pd.Series([STORY, OTHER, STORY.replace(" ", "  \n"), None, reprint, float("nan"), "…"],
                      index=list("abcdefg"), name="body")
    d = tidings.dedup(texts)
    assert list(d.index) == list("abcdefg")
    assert list(d.columns) == ["cluster", "cluster_size", "kind", "is_representative", "similarity", "representative"]
    assert d.dtypes.astype(str).tolist() == ["int64", "int64", "category", "bool", "float64", "int64"]
    assert d["cluster"].tolist() == [0, 1, 0, 3, 0, 5, 6]
    assert d["kind"].tolist() == ["exact", "unique", "exact", "empty", "near", "empty", "empty"]
    assert list(d["kind"].cat.categories) == ["unique", "exact", "near", "empty"]
    assert d["cluster_size"].tolist() == [3, 1, 3, 1, 3, 1, 1]
    assert d["is_representative"].tolist() == [True, True, False, True, False, True, True]
    assert d["similarity"].iloc[[0, 1, 2]].tolist() == [1.0, 1.0, 1.0]
    assert 0.3 < d["similarity"].iloc[4] < 1.0
    assert np.isnan(d["similarity"].iloc[3])


def test_near_representative_kind_and_case() -> None:
    d = tidings.dedup([STORY, STORY.upper()])
    # Case does not change shingles, so the pair is near (similarity 1) but not exact.
    assert d["kind"].tolist() == ["near", "near"]
    assert d["cluster"].tolist() == [0, 0]


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
        ({"num_perm": 2}, InputError),
        ({"num_perm": 12.5}, InputError),
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

def test_index_batches_match_one_shot_and_save_load(tmp_path: Path) -> None:
    rng = random.Random(3)
    originals = [article(rng, 200) for _ in range(6)]
    batch_a = originals[:3] + [originals[0]]
    batch_b = [originals[1] + " extra words at the end", originals[4], originals[5], None]
    one_shot = tidings.dedup(batch_a + batch_b)
    index = tidings.DedupIndex()
    first = index.add(batch_a)
    assert first["doc"].tolist() == [0, 1, 2, 3]
    assert first["cluster"].tolist() == [0, 1, 2, 0]
    second = index.add(pd.Series(batch_b, index=[10, 11, 12, 13]))
    assert list(second.index) == [10, 11, 12, 13]
    assert second["doc"].tolist() == [4, 5, 6, 7]
    assert second["cluster"].tolist() == [1, 5, 6, 7]
    clusters = index.clusters()
    assert clusters["cluster"].tolist() == one_shot["cluster"].tolist()
    assert len(index) == 8 and index.memory_bytes() > 0
    path = tmp_path / "corpus.dedup"
    index.save(path)
    loaded = tidings.DedupIndex.load(path)
    pd.testing.assert_frame_equal(loaded.clusters(), clusters)
    pd.testing.assert_frame_equal(loaded.pairs(), index.pairs())
    assert (loaded.bands, loaded.rows, loaded.num_perm) == (index.bands, index.rows, index.num_perm)
    assert loaded.add([originals[2]])["cluster"].tolist() == [2]


def test_index_load_errors(tmp_path: Path) -> None:
    index = tidings.DedupIndex(threshold=0.7, num_perm=64)
    index.add([STORY, OTHER])
    path = tmp_path / "i.dedup"
    index.save(path)
    data = path.read_bytes()
    for broken in (data[:-1], data[:20], data[:40] + bytes([data[40] ^ 1]) + data[41:], b"", b"PK\x03\x04zip"):
        path.write_bytes(broken)
        with pytest.raises(ModelError):
            tidings.DedupIndex.load(path)
    with pytest.raises(TidingsIOError):
        tidings.DedupIndex.load(tmp_path / "missing.dedup")
    with pytest.raises(InputError):
        tidings.DedupIndex(num_perm=0)


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
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in r["hash"])
    assert tidings.repeated_paragraphs(texts, min_docs=3)["text"].tolist() == ["Follow us"]
    with pytest.raises(InputError):
        tidings.repeated_paragraphs(texts, min_docs=0)
    assert len(tidings.repeated_paragraphs([])) == 0


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
    assert "duplicates: 1 clusters hold 2 documents (2 exact, 0 near); 2 documents remain" in summarize(result)
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
