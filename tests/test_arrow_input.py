"""Arrow text columns (pyarrow, polars, pandas stored in Arrow) read without copying: every
function gives exactly what it gives for the same texts as a list of ``str``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings
from tidings._input import as_text_column

MAKERS: dict[str, Callable[[list[str | None]], Any]] = {
    "pa.string": lambda t: pa.array(t, type=pa.string()),
    "pa.large_string": lambda t: pa.array(t, type=pa.large_string()),
    "pa.chunked": lambda t: pa.chunked_array([pa.array(t[:3], pa.string()), pa.array(t[3:], pa.string())]),
    "pa.chunked_large": lambda t: pa.chunked_array([t[:1], t[1:]], type=pa.large_string()),
    "string[pyarrow]": lambda t: pd.Series(t, dtype="string[pyarrow]"),
    "ArrowDtype": lambda t: pd.Series(t, dtype=pd.ArrowDtype(pa.string())),
    "ArrowDtype_large": lambda t: pd.Series(t, dtype=pd.ArrowDtype(pa.large_string())),
}
if hasattr(pa, "string_view"):  # pyarrow >= 16
    MAKERS["pa.string_view"] = lambda t: pa.array(t, type=pa.string_view())
try:
    import polars
except ImportError:  # pragma: no cover - polars is a test dependency
    polars = None
else:
    MAKERS["polars"] = lambda t: polars.Series("text", t, dtype=polars.String)

TEXTS: list[str | None] = [
    "Iran’s president Hassan Rouhani spoke in Tehran on Monday.",
    None,
    "",
    "naïve café in Zürich 🙂 with Angela Merkel",
    "LONDON (Reuters) - Barclays said on Tuesday it would cut 1,000 jobs.\n\nShares fell 2%.",
    None,
    "短い 日本語 text and Emmanuel Macron",
]


def _frame_of(result: Any) -> pd.DataFrame:
    return result.reset_index(drop=True)


@pytest.mark.parametrize("kind", list(MAKERS))
def test_arrow_columns_go_to_the_core_as_arrow(kind: str) -> None:
    column = as_text_column(MAKERS[kind](TEXTS))
    assert not isinstance(column.texts, list), "an Arrow text column should reach the core as Arrow"
    assert column.values == TEXTS
    assert len(column) == len(TEXTS)


@pytest.mark.parametrize("kind", list(MAKERS))
def test_every_function_matches_the_list_path(kind: str) -> None:
    arrow = MAKERS[kind](TEXTS)
    pd.testing.assert_frame_equal(_frame_of(tidings.describe(arrow)), tidings.describe(TEXTS))
    pd.testing.assert_frame_equal(_frame_of(tidings.tag(arrow, progress=False)),
                                  tidings.tag(TEXTS, progress=False))
    pd.testing.assert_frame_equal(_frame_of(tidings.dedup(arrow, progress=False)),
                                  tidings.dedup(TEXTS, progress=False))
    pd.testing.assert_frame_equal(_frame_of(tidings.quotes(arrow, progress=False)),
                                  tidings.quotes(TEXTS, progress=False))
    assert [c.to_dict() for c in tidings.clean_many(arrow, progress=False)] == \
        [c.to_dict() for c in tidings.clean_many(TEXTS, progress=False)]


def test_arrow_sources_match_the_list_path() -> None:
    sources = ["reuters", None, "bbc", "bbc", "reuters", None, "x"]
    expected = [c.to_dict() for c in tidings.clean_many(TEXTS, sources=sources, progress=False)]
    arrow = tidings.clean_many(pa.array(TEXTS), sources=pd.Series(sources, dtype="string[pyarrow]"), progress=False)
    assert [c.to_dict() for c in arrow] == expected


def test_the_caller_index_is_kept() -> None:
    series = pd.Series(TEXTS, index=[f"d{i}" for i in range(len(TEXTS))], dtype="string[pyarrow]")
    assert list(tidings.describe(series).index) == list(series.index)
    mentions = tidings.tag(series, progress=False)
    assert len(mentions) and set(mentions["doc"]) <= set(series.index)


def test_sample_corpus_matches_the_list_path() -> None:
    texts = tidings.load_sample()["text"]
    as_list = texts.astype(object).tolist()
    arrow = texts.astype("string[pyarrow]")
    assert not isinstance(as_text_column(arrow).texts, list)
    assert isinstance(arrow.index, pd.RangeIndex)
    pd.testing.assert_frame_equal(tidings.tag(arrow, progress=False), tidings.tag(as_list, progress=False))
    assert [c.to_dict() for c in tidings.clean_many(arrow, progress=False)] == \
        [c.to_dict() for c in tidings.clean_many(as_list, progress=False)]


def test_other_arrow_types_take_the_list_path() -> None:
    numbers = pa.array([1, None])
    with pytest.raises(tidings.InputTypeError, match="row 0"):
        tidings.describe(numbers)
    binary = pa.array([b"caf\xc3\xa9", None])
    assert tidings.describe(binary).chars.tolist() == [4, 0]


def test_a_table_is_refused() -> None:
    with pytest.raises(tidings.InputTypeError, match="table"):
        tidings.describe(pa.table({"a": ["x"], "b": ["y"]}))


TEXT = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.sampled_from(["", "Barack Obama visited Paris.", "Ürümqi – “quoted” text 🙂", "  \n\n "]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, max_size=12), kind=st.sampled_from(sorted(MAKERS)))
def test_random_texts_match_the_list_path(texts: list[str | None], kind: str) -> None:
    arrow = MAKERS[kind](texts + [None] * (len(texts) < 4))  # the chunked makers cut at 1 and 3
    texts = texts + [None] * (len(texts) < 4)
    pd.testing.assert_frame_equal(_frame_of(tidings.describe(arrow)), tidings.describe(texts))
    pd.testing.assert_frame_equal(_frame_of(tidings.tag(arrow, progress=False)),
                                  tidings.tag(texts, progress=False))
    assert [c.to_dict() for c in tidings.clean_many(arrow, progress=False)] == \
        [c.to_dict() for c in tidings.clean_many(texts, progress=False)]
