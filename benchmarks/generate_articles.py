"""A seeded corpus of scraped news pages at any size, streamed to JSONL: `tidings run` at scale.

    python benchmarks/generate_articles.py OUT.jsonl [--articles 1000000] [--seed 1] [--jobs 2]

1,000,000 articles come to about 6 GB. Nothing is read from ../shared, so a fresh clone can make
it. The sentences are those of the sample corpus shipped with tidings (fictional articles), as
``tidings.clean_many`` leaves them, kept for their grammar: the names ``tidings.tag`` finds in
them become slots, filled anew in every sentence from the package gazetteer (people get a given
name from it and a made-up surname, both drawn with a long tail); four content words in five are
redrawn from the words of the same ending (-s, -ed, -ing, -ly or none), the sample's own, most
frequent first, then a seeded tail of prefixed words and hyphenated compounds of them, drawn
with a long tail; half the function words are swapped for another of their kind (a determiner,
a preposition, a modal...); numbers, weekdays and months are redrawn. The sentences read as
news-shaped nonsense, and their word 5-grams repeat across articles about as often as in news,
which is what dedup's cost follows (``phrase_profile.py``, 20,000 cleaned articles: the most
common 5-gram is in 502 of them and 5-grams found in over 1% of them make 0.05% of their
5-grams, against 574 and 0.03% in BBC and Reuters, and 7,394 and 42% when only names and
numbers were redrawn). Pages then get the damage of real scrapes, with pieces of ``noise_clean``: each
of 120 outlets prints its own head and tail chrome on every page, and some pages are hard-wrapped,
print the title or the whole article twice, carry extra chrome lines or mojibake. One article in
twelve is a reprint of an earlier one (``reprint_dedup.reprint``: other chrome, a cut tail, new
wraps, small edits) and one in fifty an exact copy.

Articles are made in blocks of 1,000, each from its own seed, so the file is the same whatever
``--jobs`` and its first N articles are those of ``--articles N``; rows have ``id``, ``source``,
``date`` and ``text``. The slots come from ``tidings.tag`` and the names from the package
gazetteer, so a new tagger or gazetteer makes another file from the same seed: compare figures
made by one version.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from noise_clean import CHROME_POOL, fill, misdecode, sentences, wrap  # noqa: E402
from reprint_dedup import reprint  # noqa: E402

BLOCK = 1_000
SLOT_LABELS = ("PERSON", "ORG", "LOC", "NORP")
SECTIONS = ("world", "business", "politics", "sport", "technology", "science", "health", "culture")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
CALENDAR_WORD = re.compile(r"\b(?:%s)\b" % "|".join(WEEKDAYS + MONTHS))
NUMBER = re.compile(r"\d+")
SYLLABLES = ("ka", "ren", "vo", "lis", "tam", "dor", "mi", "sel", "bra", "nov", "ut", "ge", "har", "zi",
             "lo", "pet", "ran", "os", "fel", "di", "mar", "ko", "vin", "sa", "trel", "bu", "an", "ric")
OUTLET_WORDS = (("Northern", "Capital", "Evening", "Coastal", "Daily", "Valley", "Global", "Metro",
                 "Harbour", "Central", "Eastern", "Frontier"),
                ("Courier", "Post", "Herald", "Wire", "Ledger", "Times", "Observer", "Bulletin", "Gazette", "Star"))

#: Words kept as they are in the sample's sentences: they carry the grammar, the rest is redrawn.
FUNCTION_WORDS = frozenset("""
a about above across after against ago all almost along also although am among an and another any are
around as at be because been before being below between both but by can could did do does down during
each either else even ever every few for from had has have he her here hers him his how however i if in
into is it its itself just last least less many may me might more most much must my near neither never
new next no nor not now of off on once one only or other our out over own per same several she should
since so some such than that the their them then there these they this those though three through thus
to too two under until up upon us very was we were what when where whether which while who whom whose
why will with within without would yet you your said says say told according first second former
""".split())
#: Function words that stand in for one another (grammar bent a little, phrases varied a lot).
FUNCTION_GROUPS = (
    ("the", "a", "this", "that", "its", "their", "his", "her", "our", "every", "each", "any", "some", "no"),
    ("he", "she", "it", "they", "we"),
    ("is", "was"), ("are", "were"), ("has", "had"), ("have", "had"),
    ("will", "would", "could", "might", "may", "should", "must", "can"),
    ("and", "but", "or", "while", "although", "though", "because", "since", "as", "yet"),
    ("in", "on", "at", "for", "from", "by", "with", "into", "over", "under", "about", "after", "before",
     "during", "near", "across", "against", "through", "within", "without", "between", "among", "upon"),
    ("most", "more", "less", "least"), ("one", "two", "three", "several", "many", "few"),
    ("where", "when", "how", "why"), ("be", "become", "remain", "stay"), ("next", "last", "first", "same", "other"),
    ("not", "never", "now", "also", "still", "just", "only", "even"), ("these", "those", "such"),
    ("said", "told", "says", "added", "noted"),
)
SWAP = 0.5  # the share of function words of a group that another of the group replaces
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: Endings that keep a redrawn word in its grammatical place (longest first).
SUFFIXES = ("ing", "ed", "ly", "s")
PREFIXES = ("re", "pre", "co-", "non-", "over", "under", "mis", "out", "counter-", "cross-", "post-", "anti-")
KEEP = 0.2  # the share of content words a sentence keeps from its sample sentence
VOCABULARY_SIZE = 30_000  # words a class can draw from: the sample's words first, a long tail after

#: A sentence as pieces: ``("text", literal)``, ``("slot", label)`` for a name, ``("word", word)``
#: for a content word to redraw, ``("first", word)`` for one opening the sentence (lower-cased),
#: ``("function", word)`` for a function word to swap.
Template = list[tuple[str, str]]


@lru_cache(maxsize=1)
def sentence_templates() -> list[Template]:
    """The sample corpus's cleaned sentences: tagged names turned into slots, content words into
    words to redraw."""
    cleaned = tidings.clean_many(tidings.load_sample()["text"], progress=False)
    pool = sorted({s for c in cleaned for paragraph in c.text.split("\n\n") for s in sentences(paragraph)})
    mentions = tidings.tag(pool, labels=list(SLOT_LABELS), progress=False)
    templates: list[Template] = []
    for doc, text in enumerate(pool):
        parts: Template = []
        at = 0
        for start, end, label in mentions.loc[mentions["doc"] == doc, ["start", "end", "label"]].itertuples(index=False):
            parts += [*words_and_text(text[at:start], at == 0), ("slot", label)]
            at = end
        templates.append(parts + words_and_text(text[at:], at == 0))
    return templates


def words_and_text(text: str, opening: bool) -> Template:
    """``text`` as literal pieces and content words (not function words, not acronyms); the
    sentence's first word, when ``opening``, is a word to redraw in lower case and capitalise."""
    parts: Template = []
    at = 0
    for match in WORD.finditer(text):
        word = match.group()
        if word.lower() in function_groups():
            parts += [("text", text[at:match.start()]), ("function", word)]
            at = match.end()
            continue
        if len(word) < 3 or word.lower() in FUNCTION_WORDS or word.isupper() or CALENDAR_WORD.fullmatch(word):
            continue
        first = opening and not text[:match.start()].strip(" \"“‘'(")
        parts += [("text", text[at:match.start()]), ("first", word.lower()) if first else ("word", word)]
        at = match.end()
    return parts + [("text", text[at:])]


@lru_cache(maxsize=1)
def function_groups() -> dict[str, tuple[str, ...]]:
    """Each function word of :data:`FUNCTION_GROUPS` and the group it is drawn from."""
    return {word: group for group in FUNCTION_GROUPS for word in group}


def word_class(word: str) -> str:
    """The ending a word is redrawn with (``""`` for none)."""
    return next((suffix for suffix in SUFFIXES if word.endswith(suffix) and len(word) > len(suffix) + 2), "")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    """Words by ending, most frequent first: the sample sentences' content words by count, then a
    seeded tail of prefixed words and hyphenated compounds of them, up to ``VOCABULARY_SIZE`` a
    class; drawn with a long tail, as words are in news."""
    counts: dict[str, int] = {}
    for template in sentence_templates():
        for kind, value in template:
            if kind in ("word", "first") and not value[0].isupper():
                counts[value] = counts.get(value, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    out: dict[str, dict[str, None]] = {suffix: {} for suffix in ("", *SUFFIXES)}
    for word in ranked:
        out[word_class(word)].setdefault(word)
    plain = list(out[""])
    rng = random.Random("vocabulary")
    for words in out.values():
        head = list(words)
        for _ in range(2 * VOCABULARY_SIZE - len(head)):  # bounded: a class of few words has few compounds
            if len(words) >= VOCABULARY_SIZE:
                break
            word = rng.choice(head)
            words.setdefault(rng.choice(PREFIXES) + word if rng.random() < 0.3 else f"{rng.choice(plain)}-{word}")
    return {suffix: list(words) for suffix, words in out.items()}


@lru_cache(maxsize=1)
def names() -> dict[str, list[str]]:
    """Names to fill slots with: the package gazetteer's surfaces by label (given names for people;
    sports clubs left out, they are organisations only in sports reports)."""
    table = (resources.files("tidings") / "data" / "gazetteer.tsv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {label: [] for label in SLOT_LABELS}
    for line in table.splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 4 or fields[1] not in out or "club" in fields[3]:
            continue
        out[fields[1]].append(fields[0])
    return out


@lru_cache(maxsize=1)
def surnames() -> list[str]:
    """20,000 made-up surnames of two or three syllables, in a fixed order."""
    rng = random.Random("surnames")
    out: dict[str, None] = {}
    while len(out) < 20_000:
        out["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()] = None
    return list(out)


def zipf_pick(rng: random.Random, items: list[str]) -> str:
    """An item drawn with a long tail, as names are in news: the first few are everywhere, most
    are rare (rank ~ len ** u for uniform u)."""
    return items[int(len(items) ** rng.random()) - 1]


def person(rng: random.Random) -> str:
    surname = zipf_pick(rng, surnames())
    return surname if rng.random() < 0.3 else f"{zipf_pick(rng, names()['PERSON'])} {surname}"


def sentence(rng: random.Random, template: Template) -> str:
    """A filled template: new names, most content words redrawn, new numbers, weekdays and months."""
    parts = []
    for kind, value in template:
        if kind == "text":
            parts.append(value)
        elif kind == "word":
            parts.append(value if rng.random() < KEEP else redraw(rng, value))
        elif kind == "function":
            parts.append(value if rng.random() >= SWAP else swap(rng, value))
        elif kind == "first":
            parts.append((value if rng.random() < KEEP else redraw(rng, value)).capitalize())
        else:
            parts.append(person(rng) if value == "PERSON" else zipf_pick(rng, names()[value]))
    text = "".join(parts)
    text = NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                10 ** len(m.group()) - 1)), text)
    return CALENDAR_WORD.sub(lambda m: rng.choice(WEEKDAYS if m.group() in WEEKDAYS else MONTHS), text)


def swap(rng: random.Random, word: str) -> str:
    """Another function word of ``word``'s group, in its case."""
    other = rng.choice(function_groups()[word.lower()])
    return other.capitalize() if word[0].isupper() else other


def redraw(rng: random.Random, word: str) -> str:
    """Another word of ``word``'s ending and case: a capitalised one inside a sentence is a name."""
    if word[0].isupper():
        return zipf_pick(rng, surnames())
    return zipf_pick(rng, vocabulary()[word_class(word)])


def outlets(seed: int) -> list[tuple[tuple[str, str], list[str], list[str]]]:
    """120 outlets, each with the head and tail chrome phrases it prints on every page."""
    phrases = sorted(set(CHROME_POOL))
    out = []
    for first in OUTLET_WORDS[0]:
        for second in OUTLET_WORDS[1]:
            rng = random.Random(f"{seed}/outlet/{first}/{second}")
            site = (f"{first} {second}", f"{first}{second}".lower())
            out.append((site, rng.sample(phrases, rng.randint(1, 3)), rng.sample(phrases, rng.randint(2, 5))))
    return out


def page(rng: random.Random, outlet: tuple[tuple[str, str], list[str], list[str]]) -> tuple[str, str]:
    """A scraped page of a new article, and the article's body (for reprints)."""
    templates, (site, head, tail) = sentence_templates(), outlet
    section = rng.choice(SECTIONS)
    title = " ".join(sentence(rng, rng.choice(templates)).rstrip(".").split()[:12])
    body = [" ".join(sentence(rng, rng.choice(templates)) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(6, 15))]
    chrome = [fill(p, rng, site, section) for p in head]
    if rng.random() < 0.3:
        chrome.append(fill(rng.choice(CHROME_POOL), rng, site, section))
    blocks = [*chrome, title] + ([title] if rng.random() < 0.1 else [])
    wrapped, width, dangle = rng.random() < 0.2, rng.randint(60, 80), rng.random() < 0.5
    copies = 1 + (rng.random() < 0.08) + (rng.random() < 0.02)
    for _ in range(copies):
        blocks += ["\n".join(wrap(p, width, dangle and k > 0)) if wrapped else p for k, p in enumerate(body)]
    blocks += [fill(p, rng, site, section) for p in tail]
    text = ("\n" if wrapped and rng.random() < 0.5 else "\n\n").join(blocks)
    return (misdecode(text) if rng.random() < 0.03 else text), "\n\n".join(body)


def block(seed: int, index: int, count: int) -> list[str]:
    """The JSONL lines of articles ``index * BLOCK`` to ``index * BLOCK + count - 1``."""
    rng = random.Random(f"{seed}/block/{index}")
    sites = outlets(seed)
    lines: list[str] = []
    made: list[tuple[str, str, str]] = []  # (source, page, body) of this block's articles
    for k in range(count):
        roll = rng.random()
        if made and roll < 0.02:
            source, text, body = made[rng.randrange(len(made))]
        elif made and roll < 0.02 + 1 / 12:
            (source, _), _, _ = rng.choice(sites)
            body = made[rng.randrange(len(made))][2]
            text = reprint(rng, body)
        else:
            outlet = rng.choice(sites)
            source = outlet[0][1]
            text, body = page(rng, outlet)
        made.append((source, text, body))
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        row = {"id": f"g{index * BLOCK + k:07d}", "source": source, "date": day.isoformat(), "text": text}
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    return lines


def blocks(articles: int, seed: int, jobs: int) -> Iterator[list[str]]:
    sizes = [(seed, i, min(BLOCK, articles - i * BLOCK)) for i in range(-(-articles // BLOCK))]
    if jobs <= 1:
        yield from (block(*size) for size in sizes)
        return
    from multiprocessing import get_context

    sentence_templates(), names()  # made once, inherited by the workers
    with get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_block, sizes)


def _block(size: tuple[int, int, int]) -> list[str]:
    return block(*size)


def write_corpus(path: str | Path, *, articles: int, seed: int = 1, jobs: int = 1) -> int:
    """Writes ``articles`` generated articles to ``path`` (JSONL); returns the bytes written."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for lines in blocks(articles, seed, jobs):
            for line in lines:
                out.write(line)
                written += len(line.encode("utf-8"))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the JSONL file to write")
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="processes generating blocks (same file whatever the number)")
    args = parser.parse_args()
    written = write_corpus(args.out, articles=args.articles, seed=args.seed, jobs=args.jobs)
    print(f"wrote {args.articles:,} articles, {written / 1e9:.2f} GB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
