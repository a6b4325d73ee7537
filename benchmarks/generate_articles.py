"""A seeded corpus of scraped news pages at any size, streamed to JSONL: `tidings run` at scale.

    python benchmarks/generate_articles.py OUT.jsonl [--articles 1000000] [--seed 1] [--jobs 2]

1,000,000 articles come to about 5 GB. Nothing is read from ../shared, so a fresh clone can make
it. The sentences are those of the sample corpus shipped with tidings (fictional articles), as
``tidings.clean_many`` leaves them; the names ``tidings.tag`` finds in them become slots, filled
anew in every sentence from the package gazetteer (people get a given name from it and a made-up
surname, both drawn with a long tail), and numbers, weekdays and months are redrawn, so two articles rarely share a word
5-gram by chance. Pages then get the damage of real scrapes, with pieces of ``noise_clean``: each
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

#: A sentence as literal text and slots: ``("text", "…")`` or ``("slot", label)``.
Template = list[tuple[str, str]]


@lru_cache(maxsize=1)
def sentence_templates() -> list[Template]:
    """The sample corpus's cleaned sentences, their tagged names turned into slots."""
    cleaned = tidings.clean_many(tidings.load_sample()["text"], progress=False)
    pool = sorted({s for c in cleaned for paragraph in c.text.split("\n\n") for s in sentences(paragraph)})
    mentions = tidings.tag(pool, labels=list(SLOT_LABELS), progress=False)
    templates: list[Template] = []
    for doc, text in enumerate(pool):
        parts: Template = []
        at = 0
        for start, end, label in mentions.loc[mentions["doc"] == doc, ["start", "end", "label"]].itertuples(index=False):
            parts += [("text", text[at:start]), ("slot", label)]
            at = end
        templates.append(parts + [("text", text[at:])])
    return templates


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
    """A filled template: new names, numbers, weekdays and months."""
    parts = []
    for kind, value in template:
        if kind == "text":
            parts.append(value)
        else:
            parts.append(person(rng) if value == "PERSON" else zipf_pick(rng, names()[value]))
    text = "".join(parts)
    text = NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                10 ** len(m.group()) - 1)), text)
    return CALENDAR_WORD.sub(lambda m: rng.choice(WEEKDAYS if m.group() in WEEKDAYS else MONTHS), text)


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
