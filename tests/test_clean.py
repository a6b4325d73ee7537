"""Cleaning: the five seed pages, properties (idempotence, exact offsets), bad input, determinism."""

from __future__ import annotations

import html
import math
import random
import re
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import tidings
from tidings import Cleaned, RemovedSpan

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
BBC = SHARED / "data" / "bbc-news" / "bbc"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present")
needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason="../shared/data/bbc-news is not present")


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# For each seed: the first words of every body paragraph, in order; the chrome lines that must be
# gone; and the fields expected.
SEED_EXPECTATIONS = {
    "000": dict(
        paragraphs=[
            "Iran’s President Hassan Rowhani and his Russian counterpart",
            "“The Syrian army’s victory sends a message",
            "Putin also welcomed the defeat of rebel forces",
            "They said peace talks would take place in Kazakhstan",
            "Iran and Russia have been the key backers",
            "“The result of this cooperation is a major victory",
            "Syrian troops this week retook control of eastern Aleppo",
            "Russia’s entry into the conflict in September 2015",
        ],
        chrome=["comments", "*AFP", "AMMONNEWS"],
        fields=dict(title=None, credits=("AFP",)),
        dateline=("AMMONNEWS -", None, "AMMONNEWS"),
    ),
    "001": dict(
        paragraphs=[
            "Russian President Vladimir Putin and his Iranian counterpart, Hassan Rowhani, agreed",
            "The two leaders discussed the Syrian conflict",
            "Their phone call conversation came after Putin",
            "Iran also hailed the Syrian army’s recapture",
            "Ali Shamkhani, secretary of the Supreme National Security Council",
            "Iran’s government and its armed forces",
            "Iran provides financial and military support",
            "Guards chief Major General Mohammad Ali Jafari",
            "Foreign ministry spokesman Hossein Jaber Ansari",
            "“Iran’s support continues for the fight",
            "“Syria will march forward strongly",
            "Syrian troops ousted the militants from the ancient city",
        ],
        chrome=["No comments:", "Post a Comment", "(With Reuters, AFP)", "By Agencies", "(AP)"],
        fields=dict(byline="Agencies", date="Monday, 28 March 2016", credits=("Reuters", "AFP")),
        captions_start="Russian President Vladimir Putin, left, and his Iranian counterpart Hassan Rowhani make",
    ),
    "002": dict(
        paragraphs=[
            "The presidents of Iran and Russia discussed the latest developments",
            "During a telephone conversation on Monday",
            "The Iranian president, for his part, stressed",
            "Slamming western countries’ inattention",
            "He also said a planned trilateral meeting",
            "The Russian president hailed the liberation",
            "He further said, “It behooves the international community",
            "The Syrian army took nearly all remaining",
            "Hundreds of foreign-backed terrorists have surrendered",
            "Following the Syrian army’s significant gains",
            "However, the evacuation of people from Aleppo",
            "Syria has been gripped by civil war since March 2011",
        ],
        chrome=["Most Visited in Politics", "Top Politics stories", "Top Stories", "TEHRAN (Tasnim)"],
        fields=dict(title="Iran’s Rouhani, Russia’s Putin Discuss Latest Developments in Syria"),
        dateline=("TEHRAN (Tasnim) –", "TEHRAN", "Tasnim"),
    ),
    "003": dict(
        paragraphs=[
            "The presidents of Iran and Russia have discussed the avenues",
            "Iranian President Hassan Rouhani and his Russian counterpart Vladimir Putin held",
            "They exchanged views about the latest developments",
            "The Iranian and Russian presidents also stressed",
            "The Iranian and Russian chief executives had also held",
            "The Syrian military announced on Thursday",
            "The victory came about despite military support",
            "The Russian president on Friday called his Syrian counterpart",
            "Also in an annual conference on Friday",
            "He urged a nationwide ceasefire deal",
            "Russia has been carrying out an aerial campaign",
            "Iranian Foreign Minister Mohammad Javad Zarif",
        ],
        chrome=["Politics\n", "alternate addresses", "www.presstv.co.uk", "SHARE THIS ARTICLE", "Press TV News Roku"],
        fields=dict(title="Iran, Russia presidents on phone for 3rd time in month, discuss terrorism"),
        captions_start="Iranian President Hassan Rouhani (R) and his Russian counterpart Vladimir Putin",
    ),
    "004": dict(
        paragraphs=[
            "Syrian President Bashar al-Assad says the recent recapture",
            "According to Press TV, Assad made the remarks",
            "Aleppo’s liberation “is also a relapse",
            "The Syrian head of state also hailed",
            "Jaberi Ansari, for his part, briefed Assad",
            "He further noted that the strategic Tehran-Damascus relations",
            "The senior Iranian diplomat also highlighted",
            "The Iranian official also held a meeting",
            "He further held talks with Syrian Deputy Foreign Minister",
            "Jaberi described the recent Moscow meeting",
            "“Besides successes on the battlefield",
            "Miqdad, for his part, said Tehran-Damascus relations",
            "In another development on Thursday",
        ],
        chrome=["Rate this item", "(0 votes)", "Read 428 times", "Add comment", "Security code"],
        fields=dict(title="Aleppo liberation victory for Syria, Iran, Russia: President Assad"),
    ),
}


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of news prose: at least three words ending in . ! or ? (closing quotes allowed).

    An unterminated fragment (a list item, a lineup, "2000 GMT") is not a sentence.
    """
    out, start, i, n = [], 0, 0, len(paragraph)
    while i < n:
        if paragraph[i] in ".!?":
            j = i + 1
            while j < n and paragraph[j] in ".!?\"”’')]":
                j += 1
            if j == n or (paragraph[j] == " " and j + 1 < n and (paragraph[j + 1].isupper() or paragraph[j + 1] in "\"“‘(")):
                out.append(paragraph[start:j].strip())
                start = i = j
                continue
        i += 1
    return [s for s in out if len(s.split()) >= 3]


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_seed_pages(name: str) -> None:
    raw = seed(name)
    expected = SEED_EXPECTATIONS[name]
    c = tidings.clean(raw)
    paragraphs = c.text.split("\n\n")
    # Each body paragraph on one line, in order, exactly once.
    assert len(paragraphs) == len(expected["paragraphs"])
    for paragraph, start in zip(paragraphs, expected["paragraphs"]):
        assert "\n" not in paragraph
        assert paragraph.startswith(start), (paragraph[:80], start)
    # Every sentence of the body appears exactly once.
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            assert c.text.count(sentence) == 1, sentence
    for line in expected["chrome"]:
        assert line not in c.text, line
    for field_name, value in expected["fields"].items():
        assert getattr(c, field_name) == value, field_name
    if c.title:
        assert c.title not in c.text
    if "dateline" in expected:
        assert c.dateline == expected["dateline"]
    if "captions_start" in expected:
        assert len(c.captions) == 1 and c.captions[0].startswith(expected["captions_start"])
    # The audit is exact and cleaning the output changes nothing more.
    assert all(raw[s.start : s.end] == s.text for s in c.removed)
    again = tidings.clean(c.text)
    assert again.text == c.text and again.removed == ()


@needs_seeds
def test_seed_000_article_printed_three_times() -> None:
    raw = seed("000")
    assert raw.count("Putin also welcomed the defeat") == 3
    c = tidings.clean(raw)
    assert c.text.count("Putin also welcomed the defeat") == 1
    repeats = [s for s in c.removed if s.rule.startswith("repeat.")]
    assert sum("Putin also welcomed the defeat" in s.text for s in repeats) == 2


@needs_seeds
def test_seed_001_wrapped_lines_and_dangling_starts() -> None:
    c = tidings.clean(seed("001"))
    assert "The two leaders discussed the Syrian conflict and exchanged views on topical issues" in c.text
    assert "\nThe two\n" not in c.text
    joins = [s for s in c.removed if s.rule == "lines.unwrap"]
    assert joins and all(s.text.strip() == "" for s in joins)


def test_removed_span_and_repr() -> None:
    c = tidings.clean("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% "
                      "to $1.13bn (£600m) for the three months to December, from $639m year-earlier.")
    assert c.title == "Ad sales boost Time Warner profit"
    assert isinstance(c.removed[0], RemovedSpan)
    assert c.removed[0] == RemovedSpan(0, 33, "field.title", "Ad sales boost Time Warner profit", "")
    text = repr(c)
    assert text.startswith("Cleaned(text='Quarterly profits") and "field.title 1" in text
    assert str(c) == c.text
    with pytest.raises(AttributeError):
        c.text = "changed"  # type: ignore[misc]


def test_options_switch_stages_off() -> None:
    raw = "Iranâ€™s title line here\n\nThe presidents of Iran and Russia discussed the latest developments in the region.\n\nShare this"
    assert "â€™" in tidings.clean(raw, repair_chars=False).title
    kept = tidings.clean(raw, remove_chrome=False, extract_fields=False)
    assert "Share this" in kept.text and "Iran’s title line here" in kept.text
    assert tidings.clean(raw, fold_quotes=True).title == "Iran's title line here"
    with pytest.raises(tidings.InputTypeError):
        tidings.clean(raw, no_such_option=True)
    with pytest.raises(tidings.InputError):
        tidings.clean(raw, min_wrapped_fraction=2.0)
    with pytest.raises(tidings.InputTypeError):
        tidings.clean(raw, remove_chrome="yes")


# --- bad input -------------------------------------------------------------------------------


def test_missing_and_wrong_types() -> None:
    assert tidings.clean(None) == Cleaned()
    assert tidings.clean(math.nan) == Cleaned()
    assert tidings.clean("") == Cleaned()
    with pytest.raises(tidings.InputTypeError):
        tidings.clean(5)  # type: ignore[arg-type]
    out = tidings.clean_many(["A sentence that is long enough to be kept as the body of a page.", None, math.nan, pd.NA, ""])
    assert len(out) == 5 and all(c == Cleaned() for c in out[1:])
    with pytest.raises(tidings.InputTypeError):
        tidings.clean_many(["fine", 3.5j])
    with pytest.raises(tidings.InputTypeError):
        tidings.clean_many("a single string")


def test_lone_surrogates_and_binary_junk() -> None:
    c = tidings.clean("Body text with a lone \ud800 surrogate in the middle of a long enough sentence.")
    assert "\ufffd" in c.text
    junk = bytes(random.Random(7).randrange(256) for _ in range(20_000))
    out = tidings.clean_many([junk, junk.decode("latin-1")])
    assert len(out) == 2
    raw = junk.decode("latin-1")
    assert all(raw[s.start : s.end] == s.text for s in out[1].removed)


def test_fifty_megabyte_document_finishes() -> None:
    rng = random.Random(3)
    words = "the president said on monday that talks with russia would continue in the capital".split()
    paragraphs = []
    size = 0
    while size < 50_000_000:
        paragraph = " ".join(rng.choice(words) for _ in range(40)).capitalize() + f" {len(paragraphs)}."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    c = tidings.clean("\n\n".join(paragraphs))
    assert len(c.text) > 40_000_000


# --- properties --------------------------------------------------------------------------------

FRAGMENTS = [
    "Share this article", "Read 12 times", "Home / News / World", "(3 votes)", "By Jane Smith", "Monday, 28 March 2016",
    "*AFP", "(With Reuters, AFP)", "www.example.com", "No comments:", "Post a Comment", "Top Stories",
    "Iran’s president spoke on Monday about the talks with Russia, officials said.",
    "The talks, which began last year in the capital, are expected to continue next week.",
    "“We will win,” he said.", "TEHRAN (Tasnim) – The two presidents discussed the war.",
    "Ad sales boost Time Warner profit", "Iranâ€™s “victoryâ€\x9d", "AT&amp;T &rsquo; &#8217;",
    "caf\u0065\u0301 na\u00efve", "\u00a0\u200b\ufeff\u00ad", "\t", "  ", "", "-", "a", "1.", "\r\n",
]

page_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25
).flatmap(lambda parts: st.sampled_from(["\n", "\n\n", " "]).map(lambda sep: sep.join(parts)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_strategy)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = tidings.clean(raw)
    twice = tidings.clean(once.text)
    assert twice.text == once.text
    assert twice.removed == ()


@pytest.mark.parametrize(
    "raw",
    [
        # a line opening with closing punctuation goes on the line before; written together the
        # two must not make a mojibake sequence the second cleaning would repair
        "Read 12 times\nï+똃Õ\n»\U0008b02c",
        "Y\U00093580UÉ\U00103473î\n\x1c\x99ìO𬸒\U000a1b48mZ\n*AFP\nY\U00093580UÉ\U00103473î\n»\n»",
    ],
)
def test_cleaning_found_examples_is_idempotent(raw: str) -> None:
    once = tidings.clean(raw)
    assert tidings.clean(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(page_strategy)
def test_removed_spans_are_exact_offsets(raw: str) -> None:
    c = tidings.clean(raw)
    for span in c.removed:
        assert 0 <= span.start <= span.end <= len(raw)
        assert raw[span.start : span.end] == span.text
        assert span.rule in tidings.cleaning.RULES
    starts = [s.start for s in c.removed]
    assert starts == sorted(starts)


def misdecode(text: str) -> str:
    """UTF-8 bytes read as cp1252 (undefined bytes as Latin-1): the mojibake ftfy repairs."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def apply_spans(raw: str, spans: tuple[RemovedSpan, ...]) -> str:
    """Slow reference: rebuild the output by applying each audited change to the original."""
    out, position = [], 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        assert span.start >= position
        out.append(raw[position : span.start])
        out.append(span.replacement)
        position = span.end
    out.append(raw[position:])
    return "".join(out)


CHARS_ONLY = dict(unwrap_lines=False, remove_chrome=False, remove_repeats=False, extract_fields=False)
accented = st.text(alphabet=st.sampled_from(list("abcXYZ019.,’“”—–éèüñçßøÆœ€£©™…☃😀日本")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(accented)
def test_mojibake_repair_matches_reference(good: str) -> None:
    # Text that itself reads as mojibake cannot be told apart from it (ftfy has the same limit).
    assume(not ambiguous(good))
    bad = misdecode(good)
    c = tidings.clean(bad, **CHARS_ONLY)
    assert c.text == good
    # Applying the audit to the original reproduces the output exactly.
    assert apply_spans(bad, c.removed) == good
    assert tidings.clean(good, **CHARS_ONLY).text == good


def cp1252_byte(ch: str) -> int | None:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch) if 0x80 <= ord(ch) <= 0xFF else None


def ambiguous(text: str) -> bool:
    """Text that itself reads as mojibake: a UTF-8 lead byte's character before a continuation one."""
    for a, b in zip(text, text[1:]):
        lead, cont = cp1252_byte(a), cp1252_byte(b)
        if lead is not None and cont is not None and 0xC2 <= lead <= 0xF4 and 0x80 <= cont <= 0xBF:
            return True
    return False


# --- many documents, pandas, determinism ---------------------------------------------------------


def corpus() -> list[str]:
    headlines = ["Council approves new budget", "Flood warning for river towns", "Mayor opens bridge",
                 "Schools face teacher shortage", "Rail strike called off", "Market hall to reopen"]
    docs = [
        f"{headlines[i % 6]} in week {'ABCDE'[i // 6]}\n\nStory number {i} begins here and tells the reader about events in the town, "
        f"as a news story should do.\n\nRead {i * 7} times\n\nWeather widget by Acme Corp\n\nIt goes on for another "
        f"sentence of news about the town council, its budget and the vote on {i} May."
        for i in range(30)
    ]
    if SEEDS.is_dir():
        docs += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return docs


def test_clean_many_learns_templates_per_source() -> None:
    docs = corpus()[:30]
    out = tidings.clean_many(docs)
    assert all("Weather widget" not in c.text for c in out)
    assert any(s.rule == "chrome.template" for c in out for s in c.removed)
    # Given a different source for each document, nothing recurs within a source.
    alone = tidings.clean_many(docs, sources=[f"site{i}" for i in range(len(docs))])
    assert not any(s.rule == "chrome.template" for c in alone for s in c.removed)
    with pytest.raises(tidings.InputError):
        tidings.clean_many(docs, sources=["one"])


def test_same_result_whatever_workers_or_order() -> None:
    docs = corpus() * 3
    one = tidings.clean_many(docs, workers=1)
    two = tidings.clean_many(docs, workers=2)
    assert one == two
    order = list(range(len(docs)))
    random.Random(5).shuffle(order)
    shuffled = tidings.clean_many([docs[i] for i in order], workers=2)
    assert [shuffled[order.index(i)] for i in range(len(docs))] == one


def test_series_accessor_and_frames() -> None:
    docs = corpus()[:4]
    series = pd.Series(docs + [None], index=list("abcde"), name="body")
    cleaned = series.tidings.clean()
    assert list(cleaned.index) == list("abcde") and cleaned.name == "body"
    assert cleaned["e"] == "" and "Read 7 times" not in cleaned["b"]
    frame = series.tidings.clean_frame()
    assert list(frame.index) == list("abcde")
    assert frame.loc["a", "title"] == "Council approves new budget in week A"
    audit = tidings.removed_frame(tidings.clean_many(docs), ids=["w", "x", "y", "z"])
    assert list(audit.columns) == ["doc", "start", "end", "rule", "text", "replacement"]
    assert set(audit["doc"]) == {"w", "x", "y", "z"}


def test_pipeline_clean_stage() -> None:
    from tidings.pipeline import run_pipeline, summarize

    frame = pd.DataFrame({"id": [f"d{i}" for i in range(5)], "text": corpus()[:5]})
    result = run_pipeline(frame, workers=1)
    assert "clean" in result.steps
    docs = result.documents
    assert {"clean_text", "title", "dateline", "byline", "published", "credits", "captions"} <= set(docs.columns)
    assert docs.loc[0, "title"] == "Council approves new budget in week A"
    removed = result.removed
    assert set(removed["doc"]) <= set(frame["id"]) and len(removed) > 0
    assert "cleaned:" in summarize(result)


# --- the real BBC corpus: clean input must come through whole --------------------------------------


@needs_bbc
def test_bbc_articles_survive_cleaning() -> None:
    """Real, already clean articles: the title moves to .title, (almost) every sentence stays."""
    paths = sorted(BBC.glob("*/*.txt"))
    raws = [tidings._core.decode_bytes(p.read_bytes()) for p in paths]
    out = tidings.clean_many(raws)
    total = found = titles = 0
    for raw, c in zip(raws, out):
        lines = [" ".join(html.unescape(line).split()) for line in raw.splitlines() if line.strip()]
        titles += c.title == lines[0]
        for paragraph in lines[1:]:
            for sentence in split_sentences(paragraph):
                total += 1
                found += c.text.count(sentence) == 1
    assert found / total >= 0.995, found / total
    assert titles / len(raws) >= 0.98, titles / len(raws)


# --- wire copy: tables of figures and hard-wrapped stories are content, not chrome -------------------

REUTERS = SHARED / "data" / "reuters21578"
needs_reuters = pytest.mark.skipif(
    not any(REUTERS.glob("reut2-*.sgm")), reason="../shared/data/reuters21578 is not present"
)


def wire_corpus(n: int = 240) -> list[tuple[str, list[str], str]]:
    """Synthetic wire copy in the old agency layout: (raw text, lines that must survive, kind).

    Earnings tables and dividend notices repeat the same labels in every document with other
    figures; stories are hard-wrapped at ~62 columns, paragraphs indented, the first line short
    and running on in lower case, and every item ends with the agency's name on its own line.
    """
    rng = random.Random(21578)
    firms = ["Alder Mills", "Brightwater Foods", "Cobalt Ridge Mining", "Dunmore Freight", "Elmfield Bancorp"]
    verbs = ["filed with regulators for", "agreed terms on", "announced plans for", "completed talks on"]
    things = ["a new issue of notes", "the sale of its cement unit", "a share buyback", "a joint venture"]

    def money() -> str:
        return rng.choice([f"{rng.randint(1, 999)},{rng.randint(100, 999)}", f"{rng.randint(1, 99)}.{rng.randint(1, 9)} mln"])

    out = []
    for i in range(n):
        firm = rng.choice(firms)
        kind = ("table", "dividend", "story")[i % 3]
        if kind == "table":
            rows = [f"Shr {rng.randint(1, 99)} cts vs {rng.randint(1, 99)} cts", f"Net {money()} vs {money()}",
                    f"Revs {money()} vs {money()}"]
            year = [f"Shr {rng.randint(1, 9)}.{rng.randint(10, 99)} dlrs vs {rng.randint(1, 99)} cts",
                    f"Net {money()} vs {money()}"]
            lines = rows + ["Year"] + year
            raw = lines[0] + "\n" + "".join(f"    {line}\n" for line in lines[1:]) + " Reuter\n"
            keep = lines
        elif kind == "dividend":
            lines = [f"Qtly div {rng.randint(2, 60)} cts vs {rng.randint(2, 60)} cts prior",
                     f"Pay {rng.choice(['April', 'May', 'June'])} {rng.randint(1, 28)}",
                     f"Record {rng.choice(['March', 'April'])} {rng.randint(1, 28)}"]
            raw = lines[0] + "\n" + "".join(f"    {line}\n" for line in lines[1:]) + " Reuter\n"
            keep = lines
        else:
            first = f"{firm} said it {rng.choice(verbs)}"
            sentences = [
                f"{first} {rng.choice(things)} worth about {rng.randint(5, 900)} mln dlrs, with the "
                f"proceeds to be used to repay bank debt and for general corporate purposes.",
                f"The company said the transaction was expected to close in the {rng.choice(['second', 'third'])} "
                f"quarter and would not change its earnings forecast for the year.",
            ]
            wrapped = []
            for k, sentence in enumerate(sentences):
                words, line, block = sentence.split(), "", []
                limit = len(first) if k == 0 else 62  # the wire's first line stops short
                for word in words:
                    if line and len(line) + 1 + len(word) > limit:
                        block.append(line)
                        line, limit = word, 62
                    else:
                        line = f"{line} {word}".strip()
                block.append(line)
                wrapped.append(("    " if k else "") + "\n".join(block))
            raw = "\n".join(wrapped) + "\n Reuter\n"
            keep = sentences
        out.append((raw, keep, kind))
    return out


def test_wire_tables_and_wrapped_stories_survive() -> None:
    docs = wire_corpus()
    out = tidings.clean_many([raw for raw, _, _ in docs])
    for (raw, keep, kind), c in zip(docs, out):
        paragraphs = c.text.split("\n\n")
        for line in keep:
            assert line in paragraphs, (kind, raw, c.text, c.rules())
        assert c.title is None, (raw, c.title)
        assert c.credits == ("Reuter",), (raw, c.credits)
        assert not any(s.rule.startswith("chrome.") for s in c.removed), (raw, c.rules())
    # One document at a time (no templates) keeps them whole as well.
    for raw, keep, kind in docs[:30]:
        assert tidings.clean(raw).text.split("\n\n") == keep, (kind, raw)


def test_chrome_still_learned_beside_wire_copy() -> None:
    """Short interface lines recurring across a source still go as templates."""
    docs = [raw.replace(" Reuter\n", "Most read this week\nSign up for alerts\n") for raw, _, _ in wire_corpus(60)]
    out = tidings.clean_many(docs)
    assert all("Most read this week" not in c.text and "Sign up" not in c.text for c in out)
    assert all(c.text.strip() for c in out)


def test_never_cleaned_to_empty_when_there_was_data_or_prose() -> None:
    for raw in ["Net 1,200 vs 900\nRevs 4.5 mln vs 3.9 mln", "Pay April 1\nRecord March 3\n", "Big Results Expected Soon\nMore"]:
        c = tidings.clean(raw)
        assert c.text.strip(), (raw, c.rules())
        assert tidings.clean(c.text).text == c.text
    # Interface chrome alone may still come out empty.
    assert tidings.clean("Share\nTweet\nSubscribe to our newsletter").text == ""


def reuters_bodies() -> list[str]:
    doc = re.compile(rb"<REUTERS\b.*?</REUTERS>", re.S)
    body = re.compile(rb"<BODY>(.*?)</BODY>", re.S)
    out = []
    for path in sorted(REUTERS.glob("reut2-*.sgm")):
        for match in doc.finditer(path.read_bytes()):
            found = body.search(match.group(0))
            if found:
                text = html.unescape(tidings._core.decode_bytes(found.group(1)))
                out.append("".join(ch for ch in text if ch >= " " or ch in "\n\t"))
    return out


@needs_reuters
def test_reuters_articles_are_not_emptied() -> None:
    """Real wire copy (tables, notices, wrapped stories): at most 0.5% of articles cleaned away."""
    texts = [t for t in reuters_bodies() if t.strip()]
    assert len(texts) > 10_000
    out = tidings.clean_many(texts)
    emptied = sum(not c.text.strip() for c in out)
    assert emptied <= 0.005 * len(texts), emptied


def test_progress_counts_every_document() -> None:
    from tidings import _core

    for options in ({}, {"use_templates": False}):
        counter = _core.ProgressCounter()
        _core.clean_many(["A page.\n\nShare this", None, ""], None, options, progress=counter)
        assert counter.done == 3


def _cpu_seconds(text: str) -> float:
    best = math.inf
    for _ in range(2):
        start = time.process_time()
        tidings.clean(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("identical", [False, True])
def test_cleaning_is_linear_in_paragraph_count(identical: bool) -> None:
    """One document of many short headline-like paragraphs: four times the paragraphs cost about
    four times the time (a cost quadratic in them grew sixteen-fold)."""

    def document(n: int) -> str:
        if identical:
            return "\n\n".join(["Markets rally as investors cheer new trade deal"] * n)
        return "\n\n".join(f"Markets rally {i} as investors cheer trade deal number {i * 7}" for i in range(n))

    tidings.clean("Warm up.")
    small, large = _cpu_seconds(document(10_000)), _cpu_seconds(document(40_000))
    assert large < 8 * max(small, 0.005), (small, large)


@needs_reuters
def test_reuters_leads_are_not_titles() -> None:
    """Reuters bodies hold no headline: the first line of a wrapped lead, or a table's first row,
    is not taken for one (17% of bodies were, then 2%)."""
    texts = [t for t in reuters_bodies() if t.strip()]
    out = tidings.clean_many(texts)
    titled = sum(c.title is not None for c in out)
    assert titled <= 0.011 * len(texts), titled


@needs_reuters
def test_reuters_chrome_rules_remove_little() -> None:
    """Wire copy has no page chrome: the chrome and template rules remove at most 0.5% of the
    characters of Reuters bodies (0.74% did, mostly notes after tables and rows of tables)."""
    texts = [t for t in reuters_bodies() if t.strip()]
    out = tidings.clean_many(texts)
    removed = sum(s.end - s.start for c in out for s in c.removed if s.rule.startswith("chrome."))
    assert removed <= 0.005 * sum(len(t) for t in texts), removed
