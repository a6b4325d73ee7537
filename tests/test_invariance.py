"""Results do not depend on the order of the input or on the number of threads: each document's
cleaning and mentions are the same whatever the documents around it, the order they come in and
the workers that run them (dedup's clusters are checked so in test_dedup.py)."""

from __future__ import annotations

import random

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings

PARTS = [
    "Home | World | Politics",
    "Share this article",
    "TEHRAN (Reuters) - Iran's President Hassan Rouhani met Vladimir Putin in Moscow on Monday.",
    "Rouhani told reporters that the talks on the war in Syria would continue next week.",
    "Angela Merkel said Berlin backed the plan, officials of the European Union said on Friday.",
    "By Jane Smith",
    "Markets close higher as oil prices rise",
    "😀 Putin said",
    "\ud83d\ude00 Vladimir Putin spoke in Tehran.",  # a pair written as two code points
]
# (object Series: pandas' Arrow strings cannot hold such a pair)

documents = st.lists(st.sampled_from(PARTS), min_size=1, max_size=6).map("\n\n".join)
corpora = st.lists(documents, min_size=1, max_size=8)
SLOW = [HealthCheck.too_slow]


def _permutation(rng: random.Random, n: int) -> list[int]:
    order = list(range(n))
    rng.shuffle(order)
    return order


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(corpora, st.randoms(use_true_random=False), st.sampled_from([1, 2, 3]))
def test_clean_many_whatever_the_order_and_threads(texts: list[str], rng: random.Random, workers: int) -> None:
    # Templates are learned from the whole corpus, so each document's result depends on the set of
    # documents (not their order): a permutation of the same set gives each the same result.
    base = tidings.clean_many(texts, workers=1, progress=False)
    order = _permutation(rng, len(texts))
    shuffled = tidings.clean_many([texts[i] for i in order], workers=workers, progress=False)
    assert [shuffled[order.index(i)] for i in range(len(texts))] == base


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(corpora, st.randoms(use_true_random=False), st.sampled_from([1, 2, 3]))
def test_tag_whatever_the_order_and_threads(texts: list[str], rng: random.Random, workers: int) -> None:
    ids = [f"d{i}" for i in range(len(texts))]
    base = tidings.tag(pd.Series(texts, index=ids, dtype=object), workers=1, progress=False)
    order = _permutation(rng, len(texts))
    shuffled = tidings.tag(pd.Series([texts[i] for i in order], index=[ids[i] for i in order], dtype=object),
                           workers=workers, progress=False)
    key = ["doc", "start", "end", "label"]
    pd.testing.assert_frame_equal(shuffled.sort_values(key).reset_index(drop=True),
                                  base.sort_values(key).reset_index(drop=True))


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(corpora, st.sampled_from([1, 2, 3]))
def test_describe_whatever_the_threads(texts: list[str], workers: int) -> None:
    pd.testing.assert_frame_equal(tidings.describe(texts, workers=workers, progress=False),
                                  tidings.describe(texts, workers=1, progress=False))
