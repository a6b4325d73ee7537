"""A surname several people share joins the one the documents near it name: those published
within 30 days of it (``dates``), else those of its outlet (``sources``); ambiguity there keeps
it apart. Short news sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import tidings
from tidings import analysis
from tidings.tag import CorpusTagger

GEORGE = [
    "President George Bush met Chancellor Helmut Kohl in Washington on Tuesday.",
    "George Bush told reporters at Kennebunkport that the budget talks would resume.",
    "George Bush welcomed Nelson Mandela to the White House.",
    "George Bush said Saddam Hussein must leave Kuwait.",
    "George Bush signed the Clean Air Act amendments.",
]
JEB = [
    "Former Florida governor Jeb Bush said he would run for president.",
    "Jeb Bush campaigned in New Hampshire on Saturday.",
    "Jeb Bush raised 114 million dollars for his campaign.",
    "Jeb Bush debated Donald Trump in Cleveland.",
    "Jeb Bush promised to cut taxes.",
]
BARE = [
    "Bush said the talks had gone well.",
    "Bush said he was not worried about the polls.",
    "Bush declined to comment.",
]


def _corpus() -> pd.DataFrame:
    """Two Bushes 25 years apart, two bare "Bush" near each and one undated."""
    dates = [f"1990-03-{day:02d}" for day in range(5, 10)] + [f"2015-06-{day:02d}" for day in range(1, 6)]
    dates += ["1990-04-02", "2015-07-01", None]
    outlets = ["Washington Post"] * 5 + ["Tallahassee Democrat"] * 5 + ["Washington Post", "Tallahassee Democrat", None]
    ids = [f"a{i:02d}" for i in range(len(dates))]
    return pd.DataFrame({"id": ids, "text": GEORGE + JEB + BARE, "date": dates, "source": outlets})


def _bare(mentions: pd.DataFrame) -> dict[object, tuple[str, str]]:
    """(entity, linked_by) of the lone "Bush" of each document that has one."""
    rows = mentions[mentions["text"] == "Bush"]
    return {doc: (entity, link) for doc, entity, link in zip(rows["doc"], rows["entity"], rows["linked_by"])}


def test_a_surname_names_the_person_of_its_time() -> None:
    frame = _corpus()
    texts = pd.Series(frame["text"].to_numpy(), index=frame["id"])
    m = tidings.tag(texts, dates=frame["date"], progress=False)
    assert set(m.loc[m["doc"].isin(frame["id"][:5]), "entity"]) >= {"George Bush"}
    assert _bare(m) == {
        "a10": ("George Bush", "nearby dates"),
        "a11": ("Jeb Bush", "nearby dates"),
        "a12": ("Bush", "surface"),  # undated: the corpus has two Bushes of equal weight
    }
    # Without dates, as before: apart.
    assert {entity for entity, _ in _bare(tidings.tag(texts, progress=False)).values()} == {"Bush"}


def test_a_surname_names_the_person_of_its_outlet() -> None:
    frame = _corpus()
    texts = pd.Series(frame["text"].to_numpy(), index=frame["id"])
    m = tidings.tag(texts, sources=frame["source"].str.upper(), progress=False)
    assert _bare(m) == {
        "a10": ("George Bush", "same outlet"),
        "a11": ("Jeb Bush", "same outlet"),
        "a12": ("Bush", "surface"),
    }


def test_ambiguity_near_a_surname_keeps_it_apart() -> None:
    frame = _corpus()
    texts = pd.Series(frame["text"].to_numpy(), index=frame["id"])
    # Both Bushes in the news in the same weeks: a lone "Bush" then stays apart.
    same_month = ["2015-06-10"] * 10 + ["2015-06-20", "2015-06-21", None]
    m = tidings.tag(texts, dates=same_month, progress=False)
    assert {entity for entity, _ in _bare(m).values()} == {"Bush"}


def test_joins_do_not_depend_on_order_or_chunks() -> None:
    frame = _corpus()
    texts = pd.Series(frame["text"].to_numpy(), index=frame["id"])
    whole = tidings.tag(texts, dates=frame["date"], sources=frame["source"], progress=False)
    reordered = frame.sample(frac=1.0, random_state=7)
    shuffled = tidings.tag(pd.Series(reordered["text"].to_numpy(), index=reordered["id"]),
                           dates=reordered["date"], sources=reordered["source"], progress=False)
    assert _bare(shuffled) == _bare(whole)
    for size in (1, 4):
        tagger = CorpusTagger()
        parts = [
            tagger.tag(texts.iloc[start:start + size], dates=frame["date"].iloc[start:start + size],
                       sources=frame["source"].iloc[start:start + size], workers=1, progress=False)
            for start in range(0, len(texts), size)
        ]
        # Names passed to another tagger (as from another process) carry the dates and outlets.
        joiner = CorpusTagger()
        joiner.add_names(tagger.names())
        renames = joiner.join()
        joined = pd.concat([CorpusTagger.rename(part, renames) for part in parts], ignore_index=True)
        pd.testing.assert_frame_equal(joined, whole.reset_index(drop=True))


def test_corpus_tag_reads_dates_and_sources_and_shows_the_evidence() -> None:
    corpus = tidings.Corpus.from_pandas(_corpus(), id="id", date="date", source="source").tag(progress=False)
    assert _bare(corpus.entities)["a10"] == ("George Bush", "nearby dates")
    variants = analysis.name_variants(corpus.entities)
    row = variants[(variants["entity"] == "Jeb Bush") & (variants["variant"] == "Bush")]
    assert row["linked_by"].tolist() == ["nearby dates"]


def test_bad_dates_and_sources_are_refused() -> None:
    with pytest.raises(tidings.InputError, match="sources has 1 items but texts has 2"):
        tidings.tag(["Bush spoke.", "Bush left."], sources=["Reuters"], progress=False)
    with pytest.raises(tidings.InputError, match="dates has 1 values for 2 documents"):
        tidings.tag(["Bush spoke.", "Bush left."], dates=["2015-06-01"], progress=False)
    with pytest.raises(tidings.InputTypeError):
        tidings.tag(["Bush spoke."], sources="Reuters", progress=False)
    # Missing and non-string outlets are allowed.
    m = tidings.tag(["Bush spoke.", "Bush left."], sources=[None, 7], progress=False)
    assert set(m["entity"]) == {"Bush"}


def test_quotes_name_speakers_by_the_same_dates_and_outlets() -> None:
    frame = _corpus()
    texts = pd.Series(frame["text"].to_numpy(), index=frame["id"])
    q = tidings.quotes(texts, dates=frame["date"], sources=frame["source"], progress=False)
    speakers = dict(zip(q["doc"], q["speaker"]))
    assert (speakers["a10"], speakers["a11"]) == ("George Bush", "Jeb Bush")
    plain = tidings.quotes(texts, progress=False)
    assert dict(zip(plain["doc"], plain["speaker"]))["a10"] == "Bush"


def test_a_few_shared_names_do_not_outweigh_the_person_of_its_time() -> None:
    """In June 1987 "Reagan" is Ronald Reagan, even where a report shares Venice and Rome with
    the two reports naming Nancy Reagan."""
    ronald = [f"Ronald Reagan met Senator Number{i} Smith{i} at the White House." for i in range(40)]
    nancy = ["Nancy Reagan will visit Venice and Rome as the guest of President Francesco Cossiga.",
             "Nancy Reagan toured Venice and Rome with Francesco Cossiga on Thursday."]
    bare = ["Reagan arrived in Venice for the summit, and Francesco Cossiga welcomed him to Rome."]
    earlier = ["Ronald Reagan won the election in California.", "Ronald Reagan spoke in Sacramento."]
    texts = ronald + nancy + bare + earlier
    dates = [f"1987-06-{1 + i % 20:02d}" for i in range(len(ronald))] + ["1987-06-03", "1987-06-04", "1987-06-08"]
    dates += ["1980-11-05", "1980-11-06"]
    m = tidings.tag(texts, dates=dates, progress=False)
    rows = m[(m["doc"] == len(ronald) + len(nancy)) & (m["text"] == "Reagan")]
    assert list(zip(rows["entity"], rows["linked_by"])) == [("Ronald Reagan", "nearby dates")]
