"""tidings.tag: tokenizer offsets, seed-document acceptance, user dictionaries, bad input,
determinism and offsets on non-ASCII text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tidings
from tidings import _core

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed documents are not beside the repository")


def tokens(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in _core._tokenize(text)]


# --- tokenizer -------------------------------------------------------------------------------


def reference_tokens(text: str) -> list[str]:
    """Slow, obvious tokenizer for text without apostrophes, periods or hyphens: runs of
    alphanumerics, and runs of one repeated ASCII punctuation mark (other symbols alone)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace() or unicodedata.category(c) in ("Cc", "Cf"):
            i += 1
            continue
        j = i + 1
        if c.isalnum():
            while j < len(text) and text[j].isalnum():
                j += 1
        elif c.isascii():
            while j < len(text) and text[j] == c:
                j += 1
        out.append(text[i:j])
        i = j
    return out


SIMPLE_ALPHABET = st.sampled_from(list("abcXYZ019 \n\t;!?()“”\"«»éßİ日本😀\u00a0_"))


@settings(max_examples=300, deadline=None)
@given(st.text(SIMPLE_ALPHABET, max_size=60))
def test_tokenizer_matches_reference_on_simple_text(text: str) -> None:
    assert tokens(text) == reference_tokens(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_tokenizer_offsets_are_ordered_and_cover_all_visible_chars(text: str) -> None:
    spans = _core._tokenize(text)
    last_end = 0
    for start, end, _ in spans:
        assert last_end <= start < end <= len(text)
        assert not text[last_end:start].strip() or all(
            c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in text[last_end:start]
        )
        last_end = end
    assert all(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in text[last_end:])


def test_tokenizer_news_conventions() -> None:
    assert tokens("Iran’s President") == ["Iran", "’s", "President"]
    assert tokens("Bashar al-Assad, mid-2012") == ["Bashar", "al-Assad", ",", "mid-2012"]
    assert tokens("the U.S. and Mr. Putin") == ["the", "U.S.", "and", "Mr.", "Putin"]
    assert tokens("“terrorists.”") == ["“", "terrorists", ".", "”"]
    sentence_starts = [text for text, (_, _, start) in zip(tokens("He left. She came."), _core._tokenize("He left. She came.")) if start]
    assert sentence_starts == ["He", "She"]


# --- the tagger on the seed documents ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_mentions() -> pd.DataFrame:
    if not SEEDS.is_dir():
        pytest.skip("the shared seed documents are not beside the repository")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return tidings.tag(texts)


def entity_of(mentions: pd.DataFrame, text: str, label: str | None = None) -> set[str]:
    rows = mentions[mentions.text.str.replace(r"\s+", " ", regex=True) == text]
    if label:
        rows = rows[rows.label == label]
    return set(rows.entity)


@needs_seeds
def test_seed_people_found_and_joined(seed_mentions: pd.DataFrame) -> None:
    people = set(seed_mentions[seed_mentions.label == "PERSON"].entity)
    for name in ["Vladimir Putin", "Bashar al-Assad", "Ali Shamkhani", "Mohammad Ali Jafari", "Mohammad Javad Zarif",
                 "Sergei Lavrov", "Mevlut Cavusoglu", "Walid al-Muallem", "Faisal al-Miqdad", "Sergei Ryabkov"]:
        assert name in people, name
    rowhani = entity_of(seed_mentions, "Rowhani") | entity_of(seed_mentions, "Rouhani")
    rowhani |= entity_of(seed_mentions, "Hassan Rowhani") | entity_of(seed_mentions, "Hassan Rouhani")
    assert len(rowhani) == 1
    assert rowhani <= {"Hassan Rowhani", "Hassan Rouhani"}
    assert entity_of(seed_mentions, "Putin") == {"Vladimir Putin"}
    assert entity_of(seed_mentions, "Assad") == {"Bashar al-Assad"}
    assert entity_of(seed_mentions, "Asasd") == {"Bashar al-Assad"}
    assert entity_of(seed_mentions, "Miqdad") == {"Faisal al-Miqdad"}
    ansari = entity_of(seed_mentions, "Hossein Jaber Ansari") | entity_of(seed_mentions, "Jaberi Ansari")
    assert len(ansari) == 1
    assert entity_of(seed_mentions, "Asasd", "PERSON")


@needs_seeds
def test_seed_places_and_organisations_found(seed_mentions: pd.DataFrame) -> None:
    places = set(seed_mentions[seed_mentions.label == "LOC"].entity)
    for place in ["Iran", "Russia", "Syria", "Aleppo", "Tehran", "Moscow", "Kazakhstan", "Palmyra", "Damascus",
                  "Astana", "Turkey", "United States", "Iraq"]:
        assert place in places, place
    orgs = set(seed_mentions[seed_mentions.label == "ORG"].entity)
    for org in ["Islamic State", "Kremlin", "IRNA", "Press TV", "Reuters", "Agence France-Presse", "Tasnim",
                "Revolutionary Guards", "Supreme National Security Council", "Gas Exporting Countries Forum"]:
        assert org in orgs, org
    assert entity_of(seed_mentions, "Daesh") == entity_of(seed_mentions, "ISIL") == entity_of(seed_mentions, "ISIS") == {"Islamic State"}
    assert entity_of(seed_mentions, "Iranian", "NORP") == {"Iranian"}
    assert set(seed_mentions.loc[seed_mentions["text"] == "Iranian", "country"]) == {"Iran"}


@needs_seeds
def test_seed_titles_are_attributes(seed_mentions: pd.DataFrame) -> None:
    miqdad = seed_mentions[seed_mentions.text == "Faisal al-Miqdad"]
    assert miqdad.role.tolist() == ["Deputy Foreign Minister"]
    assert not seed_mentions[seed_mentions.label == "PERSON"].text.str.contains("Minister").any()


@needs_seeds
def test_seed_offsets(seed_mentions: pd.DataFrame) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for row in seed_mentions.itertuples():
        assert texts[row.doc][row.start:row.end] == row.text


# --- behaviour ---------------------------------------------------------------------------------


def test_example_and_columns() -> None:
    m = tidings.tag(["Iran’s President Hassan Rowhani called Vladimir Putin on Monday. Putin agreed."])
    assert list(m.columns) == ["doc", "start", "end", "text", "label", "entity", "source", "score", "role", "sentence",
                               "value", "field", "entity_id", "country", "linked_by"]
    assert set(m.field) == {"text"} and m.entity_id.dtype == "int64"
    assert m.sentence.dtype == "int64"
    assert m[m.text == "Putin"].sentence.tolist() == [1]
    assert m[m.text != "Putin"].sentence.eq(0).all()
    people = m[m.label == "PERSON"]
    assert people.entity.tolist() == ["Hassan Rowhani", "Vladimir Putin", "Vladimir Putin"]
    assert people.role.iloc[0] == "President"
    assert m[m.label == "DATE"].text.tolist() == ["Monday"]
    assert ((m.score > 0) & (m.score <= 1)).all()
    assert set(m.source) <= {"model", "gazetteer", "user", "rule"}


def test_acronym_in_brackets_names_the_same_entity() -> None:
    m = tidings.tag(["Shares on the Dhaka Stock Exchange (DSE) rose. The DSE index closed higher."])
    assert m[m.text == "DSE"].entity.tolist() == ["Dhaka Stock Exchange"] * 2


def test_user_dictionary_outranks_model() -> None:
    text = ["Vladimir Putin met the Acme Widget Works board in Moscow."]
    plain = tidings.tag(text)
    assert "Vladimir Putin" in set(plain.entity)
    m = tidings.tag(text, entities={"Vladimir Putin": ("ORG", "Kremlin"), "Acme Widget Works": "ORG"})
    assert m[m.text == "Vladimir Putin"][["label", "entity", "source", "score"]].values.tolist() == [["ORG", "Kremlin", "user", 1.0]]
    assert m[m.text == "Acme Widget Works"].source.tolist() == ["user"]
    table = pd.DataFrame({"pattern": ["Moscow"], "label": ["ORG"], "entity": ["Moscow City Hall"]})
    m = tidings.tag(text, entities=table)
    assert m[m.text == "Moscow"].entity.tolist() == ["Moscow City Hall"]
    # A user pattern inside a longer model span still wins; the model's span is dropped.
    m = tidings.tag(text, entities=[("Putin", "PERSON", "V. Putin")])
    assert m[m.source == "user"][["text", "entity"]].values.tolist() == [["Putin", "V. Putin"]]
    assert "Vladimir Putin" not in set(m.text)
    # Patterns match whole tokens: "Put" does not match inside "Putin".
    assert "user" not in set(tidings.tag(text, entities={"Put": "ORG"}).source)

def test_user_dictionary_from_file(tmp_path: Path) -> None:
    table = tmp_path / "entities.tsv"
    table.write_text("pattern\tlabel\tentity\nAcme Widget Works\tORG\tAcme\nMoscow\tORG\t\n", encoding="utf-8")
    m = tidings.tag(["Acme Widget Works opened in Moscow."], entities=table)
    assert m[["text", "label", "entity", "source"]].values.tolist() == [
        ["Acme Widget Works", "ORG", "Acme", "user"],
        ["Moscow", "ORG", "Moscow", "user"],
    ]
    with pytest.raises(tidings.TidingsIOError):
        tidings.tag(["x"], entities=tmp_path / "missing.csv")


def test_user_dictionary_bad_input() -> None:
    with pytest.raises(tidings.InputError, match="unknown label"):
        tidings.tag(["x"], entities={"Acme": "COMPANY"})
    with pytest.raises(tidings.InputError, match="non-empty"):
        tidings.tag(["x"], entities={"  ": "ORG"})
    with pytest.raises(tidings.InputTypeError):
        tidings.tag(["x"], entities=42)
    with pytest.raises(tidings.InputError):
        tidings.tag(["x"], entities=pd.DataFrame({"name": ["a"]}))


def test_labels_and_canonical_options() -> None:
    text = ["Vladimir Putin spoke in Moscow on Monday. Putin left."]
    only = tidings.tag(text, labels=["PERSON"])
    assert set(only.label) == {"PERSON"}
    raw = tidings.tag(text, canonical=False)
    assert raw[raw.text == "Putin"].entity.tolist() == ["Putin"]
    with pytest.raises(tidings.InputError, match="unknown entity label"):
        tidings.tag(text, labels=["FOOD"])
    with pytest.raises(tidings.InputTypeError):
        tidings.tag(text, canonical="yes")


def test_bad_input_is_calm() -> None:
    texts = [None, float("nan"), "", "   ", pd.NA, "\ud800 lone surrogate: Vladimir Putin", b"Vladimir Putin", "\x00\x01\xff" * 100]
    m = tidings.tag(texts)
    assert set(m.doc) <= set(range(len(texts)))
    assert set(m[m.label == "PERSON"].doc) == {5, 6}
    with pytest.raises(tidings.InputTypeError, match="row 1"):
        tidings.tag(["ok", 12])
    with pytest.raises(tidings.InputTypeError):
        tidings.tag("Vladimir Putin")
    with pytest.raises(tidings.InputError):
        tidings.tag(["x"], workers=0)


def test_empty_result_keeps_columns_and_dtypes() -> None:
    full = tidings.tag(["Vladimir Putin went to Moscow."])
    empty = tidings.tag(["nothing to see here", None])
    assert empty.empty
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.drop("doc").equals(full.dtypes.drop("doc"))
    assert tidings.tag([]).empty


def reference_sentence(text: str, start: int) -> int:
    """Sentence of the character at ``start``: sentence starts among the tokens before it."""
    starts = [s for s, _, first in _core._tokenize(text) if first and s <= start]
    return max(len(starts) - 1, 0)


def test_sentence_column_counts_sentences_per_document() -> None:
    texts = [
        "Vladimir Putin spoke. Hassan Rouhani listened!\n\nAngela Merkel left for Paris. Xi Jinping stayed.",
        "Headline about Tehran\nTEHRAN (AFP) - Iran said on Monday that talks with the European Union would go on next week.",
    ]
    m = tidings.tag(texts)
    first = m[m.doc == 0]
    assert first[first.label == "PERSON"].sentence.tolist() == [0, 1, 2, 3]
    assert first[first.text == "Paris"].sentence.tolist() == [2]
    second = m[m.doc == 1]
    assert second[second.text == "Tehran"].sentence.tolist() == [0]
    assert set(second[second.text != "Tehran"].sentence) == {1}
    for row in m.itertuples():
        assert row.sentence == reference_sentence(texts[row.doc], row.start)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Vladimir Putin", "met", "Moscow", ".", "!", "\n", "\n\n", "AFP", "the", "Iran"]), max_size=30))
def test_sentence_column_matches_tokenizer(parts: list[str]) -> None:
    text = " ".join(parts)
    m = tidings.tag([text])
    for row in m.itertuples():
        assert row.sentence == reference_sentence(text, row.start)


def test_mentions_stop_at_chrome_line_breaks() -> None:
    m = tidings.tag(["*AFP\nAMMONNEWS", "Talks go on\nMOSCOW (Reuters) - Vladimir Putin said on Tuesday that the talks would go on."])
    assert not m.text.str.contains("\n").any()
    assert "Talks go on\nMOSCOW" not in set(m.text)
    # Hard-wrapped paragraphs still join a name across the wrap.
    wrapped = (
        "The central bank said on Tuesday it would meet officials of the Bank of\n"
        "England and the Federal Reserve to discuss the dollar and Japanese rates soon."
    )
    assert "Bank of\nEngland" in set(tidings.tag([wrapped]).text)


def test_town_clubs_are_organisations_only_in_sports_reports() -> None:
    sports = (
        "Milan beat Lazio 2-1 in the league on Sunday. The coach said his striker scored twice "
        "and that Milan would win the title. The match was played in Milan."
    )
    news = "Prices rose in Milan on Monday. Milan is the capital of Lombardy, the council said."
    m = tidings.tag([sports, news])
    milan = m[m.text == "Milan"]
    assert milan[milan.doc == 0].label.tolist() == ["ORG", "ORG", "LOC"]
    assert milan[milan.doc == 0].entity.tolist()[:2] == ["AC Milan", "AC Milan"]
    assert set(milan[milan.doc == 1].label) == {"LOC"}


def test_events_initials_and_given_names() -> None:
    m = tidings.tag(["Andre Agassi reached the U.S. Open final. Surrey 429-7 ( C. Lewis 80 not out ) at the Oval."])
    assert "U.S." not in set(m.text)
    assert m[m.text == "C. Lewis"].label.tolist() == ["PERSON"]
    m = tidings.tag(["Women's shot put: 1. Astrid Kumbernuss ( Germany ) 19.89 metres"])
    assert m[m.text == "Astrid Kumbernuss"].label.tolist() == ["PERSON"]


def test_company_short_name_follows_full_name() -> None:
    m = tidings.tag(["Investors bid for press distributor Ruch SA on Monday. The state keeps 20 percent of Ruch, and Ruch said it agreed."])
    ruch = m[m.text == "Ruch"]
    assert len(ruch) == 2
    assert set(ruch.label) == {"ORG"}
    assert set(ruch.entity) == set(m[m.text == "Ruch SA"].entity)


def test_large_document() -> None:
    text = "Vladimir Putin met Hassan Rouhani in Tehran on Monday. " * 20_000
    m = tidings.tag([text])
    assert (m.label == "PERSON").sum() == 40_000
    assert m.entity[m.label == "PERSON"].nunique() == 2


def test_series_accessor_keeps_index_labels() -> None:
    s = pd.Series(["Angela Merkel visited Paris.", None, "Xi Jinping met Joe Biden."], index=["a", "b", "c"], name="text")
    m = s.tidings.tag()
    assert set(m.doc) == {"a", "c"}
    assert m.equals(tidings.tag(s))
    frame = pd.DataFrame({"body": s})
    assert frame.tidings.tag(text="body").equals(m)


def test_deterministic_across_workers_and_order() -> None:
    base = [
        "Iranian President Hassan Rouhani and Russia’s Vladimir Putin spoke on Monday.",
        "Rowhani said Tehran backs Assad. Hassan Rowhani met Putin.",
        "The Taliban and the Taleban attacked Kabul, NATO said.",
        "George Bush met Tony Blair. Bush spoke.",
        "Jeb Bush met Marco Rubio in Miami.",
    ] * 5
    series = pd.Series(base, index=range(100, 100 + len(base)))
    one = tidings.tag(series, workers=1)
    two = tidings.tag(series, workers=2)
    pd.testing.assert_frame_equal(one, two)
    shuffled = series.iloc[np.random.default_rng(7).permutation(len(series))]
    again = tidings.tag(shuffled, workers=2).sort_values(["doc", "start"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(one.sort_values(["doc", "start"], kind="stable").reset_index(drop=True), again)


def test_different_people_with_one_surname_stay_apart() -> None:
    m = tidings.tag(["On Monday, President George Bush met Tony Blair in London.", "On Friday, Governor Jeb Bush met Marco Rubio in Miami."])
    assert {"George Bush", "Jeb Bush"} <= set(m.entity)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Vladimir Putin", "é", "日本", "😀", "Aleppo", "“", "”", " ", "\n", "Iran’s", "Tehran", "Monday", "ö"]), max_size=30))
def test_offsets_on_non_ascii_text(parts: list[str]) -> None:
    text = " ".join(parts)
    m = tidings.tag([text])
    for row in m.itertuples():
        assert text[row.start:row.end] == row.text


def test_pipeline_has_entities_table() -> None:
    from tidings.pipeline import run_pipeline, summarize

    frame = pd.DataFrame({"id": ["x", "y"], "text": ["Vladimir Putin spoke in Moscow.", "Hassan Rouhani arrived in Tehran on Monday."]})
    result = run_pipeline(frame)
    assert "tag" in result.steps
    entities = result.entities
    assert set(entities["doc"]) == {"x", "y"}
    assert "Vladimir Putin" in summarize(result)


def test_model_files_ship_in_package() -> None:
    from importlib import resources

    data = resources.files("tidings") / "data"
    assert (data / "tagger.bin").is_file()
    assert (data / "tagger.bin").stat().st_size <= 25_000_000  # type: ignore[attr-defined]
    assert "Groningen Meaning Bank" in (data / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert len(re.findall("\n", (data / "gazetteer.tsv").read_text(encoding="utf-8"))) > 1000


def test_progress_counts_every_document() -> None:
    from tidings import _core
    from tidings.tag import _data_path

    counter = _core.ProgressCounter()
    _core.tag(["Putin spoke.", None, ""], _data_path("tagger.bin"), _data_path("gazetteer.tsv"), progress=counter)
    assert counter.done == 3


def test_label_aliases_work_everywhere() -> None:
    text = ["Vladimir Putin spoke in Qom."]
    by_alias = tidings.tag(text, entities={"Qom": "PLACE"}, labels=["place", "PER"])
    assert by_alias[["text", "label", "source"]].values.tolist() == [
        ["Vladimir Putin", "PERSON", "model"],
        ["Qom", "LOC", "user"],
    ]
    from tidings.tag import LABEL_ALIASES, LABELS

    assert LABELS == ("PERSON", "ORG", "LOC", "NORP", "DATE")
    assert set(LABEL_ALIASES.values()) == set(LABELS)
    assert LABEL_ALIASES["GPE"] == "LOC" and LABEL_ALIASES["PLACE"] == "LOC"
    with pytest.raises(tidings.InputTypeError, match="labels"):
        tidings.tag(text, labels=["PERSON", 3])


def test_model_must_fit_its_gazetteer(tmp_path: Path) -> None:
    from tidings.tag import _data_path

    shipped = Path(_data_path("gazetteer.tsv")).read_text(encoding="utf-8")
    # Reordered rows and renamed canonical names leave what the model sees unchanged.
    lines = shipped.splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line for line in lines if line and not line.startswith("#")]
    same = tmp_path / "same.tsv"
    same.write_text("\n".join(header + rows[::-1] + rows[:5]) + "\n", encoding="utf-8")
    assert len(_core.tag(["Putin spoke in Tehran."], _data_path("tagger.bin"), str(same))[0]) == 2
    edited = tmp_path / "edited.tsv"
    edited.write_text(shipped + "Zorblax\tPERSON\tZorblax\t\n", encoding="utf-8")
    with pytest.raises(tidings.ModelError, match="another gazetteer"):
        _core.tag(["Putin spoke."], _data_path("tagger.bin"), str(edited))


def test_foreign_old_and_damaged_model_files_are_refused(tmp_path: Path) -> None:
    import struct

    from tidings.tag import _data_path

    model = Path(_data_path("tagger.bin")).read_bytes()
    old = b"TIDTAGGR" + struct.pack("<I", 1) + model[12:]
    cases = {
        "old.bin": (old, "version 1"),
        "cut.bin": (model[: len(model) // 2], "checksum"),
        "damaged.bin": (model[:100] + bytes([model[100] ^ 1]) + model[101:], "checksum"),
        "foreign.bin": (b"PK\x03\x04 a zip file, not a model", "header"),
        "empty.bin": (b"", "header"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(tidings.ModelError, match=message):
            _core.tag(["Putin spoke."], str(path), _data_path("gazetteer.tsv"))
