"""Stories: articles reporting one event grouped, stable ids whatever the order, an index that
grows batch by batch as one call would, saving and loading, the Corpus step and its views."""

from __future__ import annotations

import functools
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tidings
from tidings._results import TEXT_DTYPE
from tidings.stories import STORY_COLUMNS, STORY_TABLE_COLUMNS

# Five events, each reported by several articles in partly different words.
EVENTS = [
    ["A strong earthquake struck northern Peru on Sunday, shaking buildings in Lima.",
     "The magnitude 7.1 quake was centred near the town of Moyobamba in the Amazon region.",
     "Rescue teams searched collapsed houses in Moyobamba for survivors of the tremor.",
     "Peru's civil defence institute said at least twelve people died in the earthquake.",
     "President Ollanta Humala flew to the San Martin region to inspect the quake damage.",
     "Aftershocks rattled Moyobamba through the night as families slept outdoors."],
    ["Actress Lindsay Lohan checked into the Betty Ford Center for a court-ordered rehab stay.",
     "Lohan skipped a Newport Beach rehabilitation facility before entering Betty Ford.",
     "A judge ordered Lohan to spend ninety days in rehab after her reckless driving case.",
     "Her lawyer Mark Heller said the Mean Girls star was committed to her treatment.",
     "The Betty Ford Center in Rancho Mirage has treated many celebrities for addiction.",
     "Lohan rear-ended a truck on the Pacific Coast Highway last June, police said."],
    ["Apple unveiled a thinner iPad tablet at an event in Cupertino on Tuesday.",
     "Chief executive Tim Cook said the new iPad has a faster chip and a sharper screen.",
     "Analysts expect the tablet to lift Apple sales during the holiday season.",
     "The iPad goes on sale in Cupertino stores and online from next Friday.",
     "Cook also showed a smaller iPad model aimed at students and schools.",
     "Shares of Apple rose after the Cupertino launch event ended."],
    ["Floods swept through villages along the Danube in Hungary after days of rain.",
     "Hungarian soldiers piled sandbags along the Danube embankments in Budapest.",
     "Prime Minister Viktor Orban said the Danube flood crest would reach Budapest on Monday.",
     "Thousands of residents were evacuated from flooded villages north of Budapest.",
     "The Danube rose to a record level, closing roads and ferry crossings.",
     "Volunteers joined soldiers filling sandbags as the floodwater kept rising."],
]
LONERS = ["The museum opened a new wing of medieval tapestries to visitors.",
          "Bakers in the city protested against rising flour prices."]


def article(event: int, number: int) -> str:
    pool = EVENTS[event]
    return " ".join(pool[(number * 2 + s * (number + 1)) % len(pool)] for s in range(4))


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[int]]:
    """Texts and their events (a loner is an event of its own)."""
    texts = [article(e, a) for e in range(len(EVENTS)) for a in range(5)] + LONERS
    events = [e for e in range(len(EVENTS)) for _ in range(5)] + [90, 91]
    return texts, events


@pytest.fixture(scope="module")
def mentions(corpus: tuple[list[str], list[int]]) -> pd.DataFrame:
    return tidings.tag(corpus[0], progress=False)


def partition(labels: list) -> set[frozenset[int]]:
    groups: dict = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_articles_of_one_event_form_one_story(corpus: tuple[list[str], list[int]]) -> None:
    texts, events = corpus
    result = tidings.stories(texts, progress=False)
    assert list(result.columns) == list(STORY_COLUMNS)
    assert partition(result["story"].tolist()) == partition(events)
    assert result["story_size"].tolist() == [5] * 20 + [1, 1]
    assert result.groupby("story")["is_representative"].sum().eq(1).all()
    assert result["similarity"].between(0, 1 + 1e-6).all()
    assert result.dtypes.to_dict() == {"story": TEXT_DTYPE, "story_size": np.int64, "is_representative": bool,
                                       "similarity": np.float64}
    assert all(isinstance(s, str) and len(s) == 16 for s in result["story"])


def test_same_story_ids_whatever_the_order(corpus: tuple[list[str], list[int]], mentions: pd.DataFrame) -> None:
    texts, _ = corpus
    ids = [f"doc-{i:02d}" for i in range(len(texts))]
    by_text = tidings.stories(texts, entities=mentions, progress=False).set_axis(texts)["story"]
    by_id = tidings.stories(texts, entities=mentions, ids=ids, progress=False).set_axis(ids)["story"]
    rng = random.Random(7)
    for workers in (1, 2):
        order = list(range(len(texts)))
        rng.shuffle(order)
        shuffled = [texts[i] for i in order]
        # The mention table follows its documents.
        moved = mentions.assign(doc=mentions["doc"].map({old: new for new, old in enumerate(order)}))
        again = tidings.stories(shuffled, entities=moved, workers=workers, progress=False)
        assert again["story"].tolist() == by_text.loc[shuffled].tolist()
        with_ids = tidings.stories(shuffled, entities=moved, ids=[ids[i] for i in order], progress=False)
        assert with_ids["story"].tolist() == by_id.loc[[ids[i] for i in order]].tolist()
    # Named after their earliest article: with ids, that article's id.
    assert set(by_id) <= set(ids)


STREAMED = len(EVENTS) * 4 + len(LONERS) + 4


@functools.cache
def streamed() -> tuple[list[str | None], list[str | None], pd.DataFrame]:
    """Texts (with exact copies, a missing and an empty text), dates (some unknown) and their
    mention table, for the properties below."""
    texts: list[str | None] = [article(e, a) for e in range(len(EVENTS)) for a in range(4)] + LONERS
    texts += [texts[0], texts[5], None, ""]
    assert len(texts) == STREAMED
    days = [f"2024-05-{1 + i % 9:02d}" if i % 7 else None for i in range(len(texts))]
    return texts, days, tidings.tag(pd.Series(texts).fillna(""), progress=False)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(STREAMED)), st.sampled_from([1, 2]))
def test_story_ids_do_not_depend_on_the_input_order(order: list[int], workers: int) -> None:
    texts, days, mentions = streamed()
    expected = tidings.stories(texts, dates=days, entities=mentions, progress=False)["story"].tolist()
    moved = mentions.assign(doc=mentions["doc"].map({old: new for new, old in enumerate(order)}))
    again = tidings.stories([texts[i] for i in order], dates=[days[i] for i in order], entities=moved,
                            workers=workers, progress=False)
    assert again["story"].tolist() == [expected[i] for i in order]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(1, STREAMED - 1), max_size=5).map(lambda cuts: sorted(set(cuts))))
def test_index_batches_of_any_split_give_the_one_call_stories(cuts: list[int]) -> None:
    texts, days, mentions = streamed()
    expected = tidings.stories(texts, dates=days, entities=mentions, progress=False)
    index = tidings.StoryIndex()
    for start, end in zip([0, *cuts], [*cuts, len(texts)]):
        batch = mentions[(mentions["doc"] >= start) & (mentions["doc"] < end)]
        index.add(texts[start:end], dates=days[start:end], entities=batch.assign(doc=batch["doc"] - start),
                  progress=False)
    pd.testing.assert_frame_equal(index.stories().reset_index(drop=True), expected)


@pytest.mark.parametrize("cuts", [[1], [7, 15], [21], list(range(1, 22))])
def test_index_batches_give_the_one_shot_stories(corpus: tuple[list[str], list[int]], mentions: pd.DataFrame,
                                                cuts: list[int]) -> None:
    texts, _ = corpus
    dates = pd.date_range("2024-01-01", periods=len(texts), freq="6h")
    expected = tidings.stories(texts, dates=dates, entities=mentions, progress=False)
    index = tidings.StoryIndex()
    for start, end in zip([0, *cuts], [*cuts, len(texts)]):
        batch = mentions[(mentions["doc"] >= start) & (mentions["doc"] < end)]
        batch = batch.assign(doc=batch["doc"] - start)
        added = index.add(texts[start:end], dates=dates[start:end], entities=batch, progress=False)
        assert added["doc"].tolist() == list(range(start, end))
    assert len(index) == len(texts)
    pd.testing.assert_frame_equal(index.stories().reset_index(drop=True), expected)


def test_index_save_load_and_continue(tmp_path: Path, corpus: tuple[list[str], list[int]]) -> None:
    texts, _ = corpus
    expected = tidings.stories(texts, entities=False, progress=False)
    index = tidings.StoryIndex(neighbours=6)
    index.add(texts[:12], entities=False, progress=False)
    path = tmp_path / "stories.idx"
    index.save(path)
    loaded = tidings.StoryIndex.load(path)
    assert len(loaded) == 12 and loaded.neighbours == 6 and loaded.window == pd.Timedelta(days=7)
    pd.testing.assert_frame_equal(loaded.stories(), index.stories())
    loaded.add(texts[12:], entities=False, progress=False)
    pd.testing.assert_frame_equal(loaded.stories().reset_index(drop=True), expected)
    assert 0 < loaded.memory_bytes() < 2_000_000
    data = path.read_bytes()
    (tmp_path / "cut.idx").write_bytes(data[: len(data) // 2])
    with pytest.raises(tidings.ModelError):
        tidings.StoryIndex.load(tmp_path / "cut.idx")
    with pytest.raises(tidings.TidingsIOError):
        tidings.StoryIndex.load(tmp_path / "missing.idx")
    # An endless device stops at its header; a pipe or device with the right header is refused.
    if Path("/dev/zero").exists():
        with pytest.raises(tidings.ModelError):
            tidings.StoryIndex.load("/dev/zero")
    with pytest.raises(tidings.TidingsIOError):
        index.save(tmp_path / "no" / "such" / "folder" / "x.idx")


def test_dates_window_duplicates_and_missing_texts(corpus: tuple[list[str], list[int]]) -> None:
    texts, _ = corpus
    quake = texts[:5]
    together = tidings.stories(quake, dates=["2024-05-01"] * 3 + [None, "2024-05-03"], entities=False)
    assert together["story"].nunique() == 1
    apart = tidings.stories(quake, dates=["2024-05-01", "2024-05-02", "2024-05-03", "2025-05-01", "2025-05-02"],
                            entities=False)
    assert apart["story"].nunique() == 2
    assert tidings.stories(quake, dates=["2024-05-01"] * 3 + ["2025-05-01"] * 2, entities=False,
                           window=None)["story"].nunique() == 1
    assert tidings.stories(quake, dates=["2024-05-01"] * 3 + ["2024-05-03"] * 2, entities=False,
                           window="1D")["story"].nunique() == 2
    # A duplicate cluster shares a story whatever its words; a missing text has none.
    odd = [texts[0], LONERS[0], None, "", "the of and 2024", texts[0]]
    result = tidings.stories(odd, duplicates=["a", "a", None, None, None, "b"], entities=False)
    assert result["story"].iloc[0] == result["story"].iloc[1] == result["story"].iloc[5]
    assert result["story"].iloc[2:5].isna().all()
    assert result["story_size"].tolist() == [3, 3, 0, 0, 0, 3]
    assert result["similarity"].iloc[2:5].isna().all()
    assert not result["is_representative"].iloc[2:5].any()


def test_index_and_entities_by_label() -> None:
    texts = pd.Series([article(1, 0), article(1, 1), LONERS[0]], index=["x", "y", "z"])
    mentions = tidings.tag(texts, progress=False)
    result = tidings.stories(texts, entities=mentions, progress=False)
    assert list(result.index) == ["x", "y", "z"]
    assert result.loc["x", "story"] == result.loc["y", "story"] != result.loc["z", "story"]
    with pytest.raises(tidings.InputError, match="not among the texts"):
        tidings.stories(texts, entities=mentions.assign(doc="w"))
    with pytest.raises(tidings.InputError, match="doc, label and entity"):
        tidings.stories(texts, entities=mentions.drop(columns="label"))
    with pytest.raises(tidings.InputTypeError, match="mention table"):
        tidings.stories(texts, entities={"Lohan": "PERSON"})


@pytest.mark.parametrize(("options", "message"), [
    ({"window": "often"}, "window"),
    ({"window": True}, "window"),
    ({"window": -2}, "window"),
    ({"threshold": 0}, "threshold"),
    ({"neighbours": 0}, "neighbours"),
    ({"min_similarity": 1.5}, "min_similarity"),
    ({"candidate_terms": "25"}, "candidate_terms"),
    ({"max_term_articles": 0}, "max_term_articles"),
    ({"ids": ["a", "a"]}, "unique"),
    ({"dates": ["2024-01-01"]}, "dates"),
    ({"duplicates": [1]}, "duplicates"),
])
def test_bad_options(options: dict, message: str) -> None:
    with pytest.raises(tidings.TidingsError, match=message):
        tidings.stories(["One text here.", "Another text there."], entities=False, **options)
    if "ids" not in options and "dates" not in options and "duplicates" not in options:
        with pytest.raises(tidings.TidingsError, match=message):
            tidings.StoryIndex(**options)


def test_options_come_from_the_core() -> None:
    specs = {spec["name"]: spec for spec in tidings._core.option_specs("stories")}
    assert set(specs) == {"neighbours", "threshold", "min_similarity", "window", "candidate_terms",
                          "max_term_articles"}
    index = tidings.StoryIndex()
    assert index.neighbours == specs["neighbours"]["default"]
    assert index.window == pd.Timedelta(days=specs["window"]["default"])
    assert "StoryIndex(articles=0" in repr(index)
    assert tidings.StoryIndex(window=pd.Timedelta(hours=36)).window == pd.Timedelta(hours=36)
    assert tidings.StoryIndex(window=None).window is None


# --- the Corpus step ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> tidings.Corpus:
    return tidings.Corpus.sample().clean(progress=False).dedup(progress=False).tag(progress=False)


def test_corpus_group_stories(sample: tidings.Corpus) -> None:
    corpus = sample.group_stories(progress=False)
    assert corpus.steps[-1] == "group_stories"
    documents = corpus.documents.set_index("doc")
    story = documents["story"]
    # Story columns beside dedup's, which stay as they were.
    assert documents.groupby("story")["story_representative"].sum().eq(1).all()
    assert documents["story_similarity"].between(0, 1 + 1e-6).all()
    before = sample.documents.set_index("doc")
    for column in ("cluster", "is_representative", "similarity"):
        pd.testing.assert_series_equal(documents[column], before[column])
    # What the sample corpus documents (SAMPLE_CORPUS.md): the wire story reprinted by five
    # outlets, the exact and whitespace-only duplicates, and one event in three outlets' words.
    for same in (["s04", "s09", "s14", "s16", "s24"], ["s02", "s10"], ["s17", "s22"], ["s08", "s15", "s20"]):
        assert story.loc[same].nunique() == 1, same
    for related in ("s26", "s19", "s11"):  # related to the wire story, but other stories
        assert story.loc[related] != story.loc["s04"]
    assert (documents["story"] == documents.index).sum() == documents["story"].nunique()  # named by an id
    table = corpus.stories
    assert list(table.columns) == list(STORY_TABLE_COLUMNS)
    assert table["size"].sum() == len(documents)
    assert table["size"].is_monotonic_decreasing
    wire = table.iloc[0]
    assert wire["size"] == 5 and wire["outlets"].count(",") == 4
    assert "Syria" in wire["headline"]
    names = wire["entities"].split(", ")
    wire_docs = documents.index[documents["story"] == wire["story"]]
    assert 0 < len(names) <= 5
    assert set(names) <= set(sample.entities.loc[sample.entities["doc"].isin(wire_docs), "entity"])
    assert wire["first_date"] == pd.Timestamp("2026-03-10") and wire["last_date"] == pd.Timestamp("2026-03-11")
    card = corpus._repr_html_()
    assert "Largest stories" in card and "stories_of_several_documents" in card
    assert corpus.summary()["stories_of_several_documents"] == int((table["size"] > 1).sum())
    figure = corpus.plot_stories(top=5)
    assert len(figure.axes[0].patches) == 5


def test_corpus_stories_do_not_depend_on_row_order(sample: tidings.Corpus) -> None:
    expected = sample.group_stories(progress=False).documents.set_index("doc")["story"]
    shuffled = sample.documents.sample(frac=1.0, random_state=3).reset_index(drop=True)
    corpus = tidings.Corpus(documents=shuffled, steps=sample.steps, tables=sample.tables).group_stories(progress=False)
    pd.testing.assert_series_equal(corpus.documents.set_index("doc")["story"].loc[expected.index], expected)


def test_raw_corpus_stories_tag_themselves() -> None:
    corpus = tidings.Corpus.sample().group_stories(progress=False)
    assert corpus.documents["story"].notna().all()
    assert corpus.stories["headline"].notna().all()
    assert corpus.stories["entities"].eq("").all()  # no entity table to name them from
    with pytest.raises(tidings.InputError, match="group_stories"):
        _ = tidings.Corpus.sample().stories


def test_show_story_escapes_everything() -> None:
    frame = pd.DataFrame({
        "id": ["<a1>", "b&2", "c3"],
        "source": ["<script>alert(1)</script>", "Outlet & Co", None],
        "date": ["2024-05-01", "2024-05-02", None],
        "text": [f"<b>Quake</b> hits Peru\n\n{article(0, 0)}", f"Quake & aftershocks\n\n{article(0, 1)}",
                 article(0, 2)],
    })
    corpus = tidings.Corpus.from_pandas(frame, date="date", source="source").group_stories(progress=False)
    story = corpus.documents["story"].iloc[0]
    assert corpus.documents["story"].nunique() == 1
    page = corpus.show_story(story)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>Quake" not in page and "&lt;b&gt;Quake" in page
    assert "Outlet &amp; Co" in page and 'title="&lt;a1&gt;"' in page
    assert "2024-05-01" in page and "undated" in page and "(unknown outlet)" in page
    with pytest.raises(tidings.InputError, match="no story"):
        corpus.show_story("nope")
    with pytest.raises(tidings.InputError, match="group_stories"):
        tidings.Corpus.from_pandas(frame).show_story("x")


# --- ECB+ -------------------------------------------------------------------------------------

@pytest.mark.data
def test_ecbplus_targets(data_dir: Path) -> None:
    """B-cubed F1 >= 0.93 and ARI >= 0.88 on ECB+ topics 1-35 with the default settings."""
    if not (data_dir / "ecbplus" / "ecbplus_topics_1-35.jsonl").is_file():
        pytest.skip("../shared/data/ecbplus is absent")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from _corpora import ecbplus_articles
    from ecbplus_groups import adjusted_rand_index, b_cubed

    articles = ecbplus_articles()
    gold = [a.event for a in articles]
    predicted = tidings.stories([a.text for a in articles], progress=False)["story"].tolist()
    _, _, f1 = b_cubed(gold, predicted)
    assert f1 >= 0.93
    assert adjusted_rand_index(gold, predicted) >= 0.88


@pytest.mark.parametrize(("ids", "dtype"), [(None, TEXT_DTYPE), (["b", "a", "c"], TEXT_DTYPE), ([30, 10, 20], "Int64")])
def test_story_dtype_follows_the_ids_not_the_stories(ids: list | None, dtype: object) -> None:
    quake = "A strong earthquake struck off the coast of northern Peru on Sunday, shaking Lima."
    for texts in ([quake, quake.replace("struck", "hit"), "the of and"], ["the", "of", "and"]):
        result = tidings.stories(texts, ids=ids, entities=False, progress=False)
        assert result["story"].dtype == dtype
        assert result["story"].isna().tolist() == [t != quake and "Peru" not in t for t in texts]
    assert result["story"].isna().all()

