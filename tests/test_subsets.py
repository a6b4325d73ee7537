"""Subsets of a corpus: ``len``, ``corpus[mask]``, ``head`` and ``filter`` give a smaller Corpus
whose tables are the matching rows of every table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import tidings
from tidings import Corpus


@pytest.fixture(scope="module")
def full() -> Corpus:
    return Corpus.sample().clean(progress=False).dedup(progress=False).tag(progress=False)


def assert_cut(part: Corpus, whole: Corpus) -> None:
    """``part``'s tables are exactly the rows of ``whole``'s tables about ``part``'s documents."""
    kept = part.documents["doc"]
    expected = whole.documents[whole.documents["doc"].isin(kept)].reset_index(drop=True)
    pd.testing.assert_frame_equal(part.documents, expected)
    assert part.steps == whole.steps and set(part.tables) == set(whole.tables)
    for name in ("entities", "removed"):
        table = whole.tables[name]
        pd.testing.assert_frame_equal(part.tables[name], table[table["doc"].isin(kept)].reset_index(drop=True))
    pairs = whole.pairs
    expected_pairs = pairs[pairs["doc_a"].isin(kept) & pairs["doc_b"].isin(kept)].reset_index(drop=True)
    pd.testing.assert_frame_equal(part.pairs, expected_pairs)
    clusters = whole.clusters
    pd.testing.assert_frame_equal(part.clusters, clusters[clusters["doc"].isin(kept)].reset_index(drop=True))


def test_len_head_and_slices(full: Corpus) -> None:
    assert len(full) == 30
    head = full.head(4)
    assert len(head) == 4 and head.documents["doc"].tolist() == full.documents["doc"].tolist()[:4]
    assert_cut(head, full)
    assert len(full.head()) == 5 and len(full.head(-28)) == 2 and len(full.head(0)) == 0
    assert full[10:12].documents["doc"].tolist() == full.documents["doc"].tolist()[10:12]
    assert len(full) == 30  # subsets leave the corpus as it was


def test_boolean_masks(full: Corpus) -> None:
    mask = full.documents["source"] == "Gulf Courier"
    part = full[mask]
    assert set(part.documents["source"]) == {"Gulf Courier"} and len(part) == int(mask.sum())
    assert_cut(part, full)
    assert full[mask.to_numpy()].documents.equals(part.documents)
    assert full[mask.tolist()].documents.equals(part.documents)
    by_id = mask.set_axis(full.documents["doc"]).iloc[::-1]  # indexed by document id, any order
    assert full[by_id].documents.equals(part.documents)
    with pytest.raises(tidings.InputError, match="30 documents"):
        full[np.ones(3, dtype=bool)]
    with pytest.raises(tidings.InputTypeError, match="boolean"):
        full[full.documents["removed_spans"]]
    with pytest.raises(tidings.InputTypeError, match="show"):
        full["s01"]
    with pytest.raises(tidings.InputError, match="index"):
        full[pd.Series([True, False], index=["x", "y"])]


def test_documents_mentioning_an_entity_is_one_call(full: Corpus) -> None:
    part = full.filter(entity="sergei LAVROV")
    mentioning = set(full.entities.loc[full.entities["entity"] == "Sergei Lavrov", "doc"])
    assert set(part.documents["doc"]) == mentioning and len(mentioning) >= 5
    assert_cut(part, full)
    both = full.filter(entity=["Sergei Lavrov", "Hassan Rouhani"])
    rouhani = set(full.entities.loc[full.entities["entity"] == "Hassan Rouhani", "doc"])
    assert set(both.documents["doc"]) == mentioning | rouhani
    with pytest.raises(tidings.InputError, match="'Sergei Lavrov'"):
        full.filter(entity="lavrof")
    with pytest.raises(tidings.InputError, match="'Vladimir Putin'"):
        full.filter(entity="Putin")
    with pytest.raises(tidings.InputError, match="tag"):
        Corpus.sample().filter(entity="Sergei Lavrov")


def test_filter_by_source_cluster_and_text(full: Corpus) -> None:
    part = full.filter(source=["gulf courier", "Baltic Wire Daily"])
    assert set(part.documents["source"]) == {"Gulf Courier", "Baltic Wire Daily"}
    with pytest.raises(tidings.InputError, match="Gulf Courier"):
        full.filter(source="Gulf Currier")
    wire = full.cluster_sources()["cluster"].iloc[0]
    members = full.filter(cluster=wire)
    assert len(members) == 5 and set(members.documents["cluster"]) == {wire}
    assert_cut(members, full)
    with pytest.raises(tidings.InputError, match="no cluster"):
        full.filter(cluster="nope")
    ceasefire = full.filter(text_contains="CEASEFIRE")
    assert len(ceasefire) > 0 and ceasefire.texts.str.lower().str.contains("ceasefire").all()
    combined = full.filter(text_contains="ceasefire", source="Gulf Courier")
    assert set(combined.documents["doc"]) == set(ceasefire.documents["doc"]) & set(
        full.documents.loc[full.documents["source"] == "Gulf Courier", "doc"])


def test_filter_between_dates(full: Corpus) -> None:
    march = full.filter(between=("2026-03-01", "2026-03-31"))
    dates = march.documents["date"]
    assert len(march) > 0 and dates.between("2026-03-01", "2026-03-31 23:59").all()
    assert len(full.filter(between=("2026-03", "2026-03"))) == len(march)
    assert set(full.filter(between=(None, "2026-01-31")).documents["date"].dt.month) == {1}
    assert len(full.filter(between=(pd.Timestamp("2026-03-10"), pd.Timestamp("2026-03-10 23:00")))) == \
        int((full.documents["date"].dt.date == pd.Timestamp("2026-03-10").date()).sum())
    with pytest.raises(tidings.InputError):
        full.filter(between=("someday", "2026-03-01"))
    with pytest.raises(tidings.InputTypeError, match="pair"):
        full.filter(between="2026-03")  # type: ignore[arg-type]


def test_between_falls_back_on_the_dates_printed_in_the_pages() -> None:
    undated = Corpus.from_pandas(tidings.load_sample().drop(columns="date")).clean(progress=False)
    friday = undated.filter(between=("2026-02-13", "2026-02-13"))
    assert "s07" in set(friday.documents["doc"])  # prints "Friday, 13 February 2026"
    assert friday.documents["published"].dt.date.astype(str).eq("2026-02-13").all()


def test_filter_by_story_needs_stories(full: Corpus) -> None:
    with pytest.raises(tidings.InputError, match="story"):
        full.filter(story=1)
    documents = full.documents.assign(story=np.arange(len(full)) % 3)
    with_stories = Corpus(documents=documents, steps=full.steps, tables=full.tables)
    part = with_stories.filter(story=[0, 2])
    assert set(part.documents["story"]) == {0, 2}
    assert_cut(part, with_stories)
