"""The pipeline's steps over a corpus cut into chunks give what one call over the whole corpus gives:
page templates, dedup clusters named after their smallest id, entity names joined across chunks."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import tidings
from tidings.dedup import CorpusDedup
from tidings.steps import STEPS, Clean, Dedup, Tag, make_steps
from tidings.tag import CorpusTagger


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return tidings.load_sample()


def _cuts(n: int, size: int) -> list[slice]:
    return [slice(start, start + size) for start in range(0, n, size)]


@pytest.mark.parametrize("size", [1, 4, 30])
def test_page_templates_learned_over_chunks_clean_as_one_call(sample: pd.DataFrame, size: int) -> None:
    texts, sources = sample["text"].tolist(), sample["source"].tolist()
    whole = tidings.clean_many(texts, sources=sources, progress=False)
    assert any(span.rule == "chrome.template" for c in whole for span in c.removed)
    templates = tidings.PageTemplates()
    for part in _cuts(len(texts), size):
        templates.add(texts[part], sources=sources[part], progress=False)
    assert len(templates) == len(texts) - 2  # s10 and s22 are copies of s02 and s17
    chunked = [c for part in _cuts(len(texts), size)
               for c in tidings.clean_many(texts[part], sources=sources[part], templates=templates, progress=False)]
    assert chunked == whole
    # Finished, the templates free their counts and clean the same; they count no more pages.
    templates.finish()
    assert len(templates) == len(texts) - 2
    assert tidings.clean_many(texts[:size], sources=sources[:size], templates=templates,
                              progress=False) == whole[:size]
    with pytest.raises(tidings.InputError, match="learned"):
        templates.add(texts[:1], progress=False)
    # Without the whole corpus, a chunk of one page learns no template.
    first = next(i for i, c in enumerate(whole) if "chrome.template" in c.rules())
    alone = tidings.clean_many(texts[first:first + 1], sources=sources[first:first + 1], progress=False)
    assert "chrome.template" not in alone[0].rules()


@pytest.mark.parametrize("size", [1, 7])
def test_page_templates_counted_apart_and_merged_clean_as_one_call(sample: pd.DataFrame, size: int) -> None:
    # As on a cluster: each part counted by itself and sent elsewhere (pickled), the counts
    # merged in any order, and only the templates learned from them sent on to clean.
    texts, sources = sample["text"].tolist(), sample["source"].tolist()
    whole = tidings.clean_many(texts, sources=sources, progress=False)
    parts = []
    for part in _cuts(len(texts), size):
        counted = tidings.PageTemplates()
        counted.add(texts[part], sources=sources[part], progress=False)
        parts.append(pickle.loads(pickle.dumps(counted)))
    merged = tidings.PageTemplates()
    for part in reversed(parts):
        merged.merge(part)
    assert len(merged) == len(texts) - 2  # the copies count once, though counted in other parts
    learned = pickle.loads(pickle.dumps(merged.learned()))
    assert len(pickle.dumps(learned)) < len(pickle.dumps(merged))
    chunked = [c for part in _cuts(len(texts), size)
               for c in tidings.clean_many(texts[part], sources=sources[part], templates=learned, progress=False)]
    assert chunked == whole
    with pytest.raises(tidings.InputError, match="no more counts"):
        learned.add(texts[:1], progress=False)
    with pytest.raises(tidings.InputError, match="other cleaning options"):
        merged.merge(tidings.PageTemplates(template_min_docs=4))


def test_page_templates_options_and_bad_input(sample: pd.DataFrame) -> None:
    templates = tidings.PageTemplates(template_min_docs=4)
    templates.add(sample["text"], sources=sample["source"], progress=False)
    texts = sample["text"].tolist()[:3]
    assert tidings.clean_many(texts, templates=templates, template_min_docs=4, progress=False) == \
        tidings.clean_many(texts, templates=templates, progress=False)
    with pytest.raises(tidings.InputError, match="template_min_docs"):
        tidings.clean_many(texts, templates=templates, template_min_docs=3, progress=False)
    with pytest.raises(tidings.InputTypeError, match="PageTemplates"):
        tidings.clean_many(texts, templates={"min_docs": 3}, progress=False)
    with pytest.raises(tidings.InputError, match="sources has 1 items"):
        templates.add(texts, sources=["x"], progress=False)
    with pytest.raises(tidings.InputTypeError, match="unknown cleaning option"):
        tidings.PageTemplates(templates=True)
    with pytest.raises(tidings.InputError):
        tidings.PageTemplates(template_min_docs=0)
    templates.add([None, ""], progress=False)  # missing and empty pages count nothing
    assert "documents=" in repr(templates)


STORY = "The central bank raised its main interest rate by a quarter point on Tuesday, its third rise this year. "
OTHER = "Floods closed the main road between the two towns after a week of heavy rain in the hills. "


def _dedup_corpus() -> pd.DataFrame:
    rows = [("m", STORY * 4), ("b", OTHER * 4), ("k", STORY * 4), ("a", "Breaking: " + STORY * 4),
            ("z", OTHER * 4 + "More later."), ("c", "Something else entirely, a short notice."),
            ("q", STORY.replace(" ", "  ") * 4), ("d", None)]
    dates = ["2024-03-05", "2024-03-01", "2024-03-02", None, "2024-02-01", "2024-01-01", "2024-03-03", None]
    return pd.DataFrame(rows, columns=["id", "text"]).assign(date=dates)


def _clusters(frame: pd.DataFrame, size: int, keep: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    run = CorpusDedup(keep=keep)
    for part in _cuts(len(frame), size):
        chunk = frame.iloc[part]
        run.add(chunk["text"], chunk["id"].tolist(), dates=chunk["date"], progress=False)
    return run.tables()


@pytest.mark.parametrize("keep", ["first", "longest", "earliest"])
def test_dedup_over_chunks_names_clusters_after_their_smallest_id(keep: str) -> None:
    frame = _dedup_corpus()
    clusters, pairs = _clusters(frame, len(frame), keep)
    assert clusters["doc"].tolist() == frame["id"].tolist()
    by_id = clusters.set_index("doc")
    assert by_id.loc[["m", "k", "a", "q"], "cluster"].eq("a").all()
    assert by_id.loc[["b", "z"], "cluster"].eq("b").all()
    assert by_id.at["d", "kind"] == "empty" and by_id.at["d", "cluster"] == "d"
    expected_representative = {"first": "a", "longest": "q", "earliest": "k"}[keep]
    assert by_id.loc[["m", "k", "a", "q"], "representative"].eq(expected_representative).all()
    assert (pairs["doc_a"] < pairs["doc_b"]).all() and len(pairs) >= 4
    for size in (1, 3):
        chunked, chunked_pairs = _clusters(frame, size, keep)
        pd.testing.assert_frame_equal(chunked, clusters)
        pd.testing.assert_frame_equal(chunked_pairs, pairs)
    # Another row order: the same clusters for each id.
    shuffled = frame.iloc[np.random.default_rng(4).permutation(len(frame))].reset_index(drop=True)
    other, _ = _clusters(shuffled, 3, keep)
    columns = ["cluster", "cluster_size", "kind", "is_representative", "representative"]
    pd.testing.assert_frame_equal(other.set_index("doc").loc[frame["id"], columns], by_id[columns])


def test_dedup_over_chunks_bad_input() -> None:
    run = CorpusDedup()
    run.add(["a text", "b text"], ["x", "y"], progress=False)
    run.add(["c text"], ["x"], progress=False)
    with pytest.raises(tidings.InputError, match="unique"):
        run.tables()
    with pytest.raises(tidings.InputError, match="ids has 1 values"):
        run.add(["one", "two"], ["p"], progress=False)
    with pytest.raises(tidings.InputError, match="dates="):
        CorpusDedup(keep="earliest").add(["a"], ["a"], progress=False)
    with pytest.raises(tidings.InputError, match="keep"):
        CorpusDedup(keep="last")
    with pytest.raises(tidings.InputError, match="threshold"):
        CorpusDedup(threshold=2.0)
    empty_clusters, empty_pairs = CorpusDedup().tables()
    assert empty_clusters.empty and empty_pairs.empty


@pytest.mark.parametrize("size", [1, 7])
def test_entity_names_join_across_chunks(sample: pd.DataFrame, size: int) -> None:
    texts = pd.Series(sample["text"].to_numpy(), index=sample["id"])
    whole = tidings.tag(texts, progress=False)
    tagger = CorpusTagger()
    parts = [tagger.tag(texts.iloc[part], progress=False) for part in _cuts(len(texts), size)]
    unjoined = pd.concat(parts, ignore_index=True)
    renames = tagger.join()
    assert renames and (unjoined["entity"] != whole["entity"]).any()
    joined = pd.concat([CorpusTagger.rename(part, renames) for part in parts], ignore_index=True)
    pd.testing.assert_frame_equal(joined, whole.reset_index(drop=True))
    # Renames travel to other processes (a rewrite on Dask workers) and find the same names.
    carried = pickle.loads(pickle.dumps(renames))
    assert len(carried) == len(renames)
    pd.testing.assert_frame_equal(CorpusTagger.rename(unjoined, carried), joined)
    assert not CorpusTagger(canonical=False).join()


def test_steps_are_defined_once_in_order(sample: pd.DataFrame) -> None:
    steps = make_steps(progress=False)
    assert [step.name for step in steps] == list(STEPS) == ["clean", "dedup", "tag"]
    assert [type(step) for step in steps] == [Clean, Dedup, Tag]
    assert [step.learns for step in steps] == [True, False, False]
    assert not Clean(use_templates=False).learns
    with pytest.raises(tidings.InputError, match="no step group"):
        make_steps(options={"group": {}})
    corpus = tidings.Corpus.sample()
    documents, tables = Dedup(progress=False).run(Clean(progress=False).run(corpus.documents)[0])
    assert set(tables) == {"clusters", "pairs"}
    assert documents.equals(corpus.clean(progress=False).documents)


def test_dedup_step_frees_its_fingerprints_once_finished() -> None:
    step = Dedup(progress=False)
    chunk = pd.DataFrame({"doc": ["a", "b"], "text": ["The council voted on the budget late on Monday night.",
                                                      "The council voted on the budget late on Monday night."]})
    step.apply(chunk)
    clusters = step.finish().tables["clusters"]
    assert clusters["cluster"].tolist() == ["a", "a"]
    with pytest.raises(tidings.InputError, match="finished"):
        step.apply(chunk)
    with pytest.raises(tidings.InputError, match="finished"):
        step.finish()


@pytest.mark.parametrize("keep", ["first", "longest"])
def test_spilled_fingerprints_give_the_tables_kept_in_memory(keep: str) -> None:
    frame = _dedup_corpus()
    clusters, pairs = _clusters(frame, len(frame), keep)
    spilled = CorpusDedup(keep=keep, spill=True)
    for number, part in enumerate(_cuts(len(frame), 3)):
        chunk = frame.iloc[part]
        if number == 1:  # a chunk fingerprinted elsewhere
            data, lengths = spilled.fingerprint(chunk["text"])
            spilled.add_fingerprints(data, lengths, chunk["id"].tolist())
        else:
            spilled.add(chunk["text"], chunk["id"].tolist(), progress=False)
    spilled_clusters, spilled_pairs = spilled.tables()
    pd.testing.assert_frame_equal(spilled_clusters, clusters)
    pd.testing.assert_frame_equal(spilled_pairs, pairs)
    spilled.add(["Floods closed the main road between the two towns."], ["zz"], progress=False)
    assert len(spilled.tables()[0]) == len(frame) + 1


@pytest.mark.parametrize("block_bytes", [1, 30_000, None])
def test_spilled_fingerprints_decided_block_by_block_give_every_pair(
        sample: pd.DataFrame, tmp_path, block_bytes: int | None) -> None:
    texts = sample["text"].tolist()
    # Cut, edited and joined copies, so that near and contained copies of every length abound.
    corpus = (texts + [t[: len(t) * 3 // 4] for t in texts] + [t.replace(" the ", " a ", 3) for t in texts]
              + [a + "\n\n" + b for a, b in zip(texts, texts[1:])] + ["", texts[0]])
    rank = [(7919 * i) % 97 for i in range(len(corpus))]
    kept = tidings._core.DedupFingerprints()
    kept.add(corpus)
    expected = kept.decide(rank, all_pairs=True)
    assert len(expected["pairs"]["doc_a"]) > len(texts)
    sizes = {} if block_bytes is None else {"block_bytes": block_bytes}
    spilled = tidings._core.DedupSpill(str(tmp_path), **sizes)
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone from the start
    half = len(corpus) // 2
    spilled.add(corpus[:half])
    elsewhere = tidings._core.DedupFingerprints()
    elsewhere.add(corpus[half:])
    spilled.add_bytes(elsewhere.to_bytes())
    assert len(spilled) == len(corpus)
    got = spilled.decide(rank)
    np.testing.assert_array_equal(got.pop("similarity"), expected.pop("similarity"))  # NaN for the empty
    assert got == expected
    with pytest.raises(tidings.InputError, match="every pair"):
        spilled.decide(rank, all_pairs=False)
