"""How every public function scales with its input: each case runs at three sizes, each twice the
one before, and prints the growth of its time per doubling (about 2 when linear, 4 when
quadratic). Inputs are generated (no data sets needed), among them the shapes that once cost
quadratic time: one document of many short headline-like paragraphs (distinct, and all the
same), one document naming many distinct people, and a dedup index fed many small batches.

    python benchmarks/scaling.py [--scale 1.0] [--repeat 2] [--only clean_headlines tag_people ...]

``--scale`` multiplies every size; a case whose growth per doubling exceeds ``--limit`` (3.0)
is flagged, and the exit status is 1 when any is.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd  # noqa: E402

import tidings  # noqa: E402
from _corpora import best_of  # noqa: E402
from tidings.stream import stream_corpus  # noqa: E402

FIRST = ["Hassan", "Vladimir", "Angela", "Recep", "Emmanuel", "Theresa", "Xi", "Narendra", "Justin", "Shinzo",
         "Maria", "Pedro", "Olena", "Kwame", "Aisha", "Lars", "Ingrid", "Tomas", "Yuki", "Fatima"]
LAST = ["Rouhani", "Putin", "Merkel", "Erdogan", "Macron", "May", "Jinping", "Modi", "Trudeau", "Abe",
        "Silva", "Sanchez", "Kovalenko", "Mensah", "Bello", "Eriksen", "Larsen", "Novak", "Tanaka", "Haddad"]
PLACES = ["Tehran", "Moscow", "Berlin", "Ankara", "Paris", "London", "Beijing", "Delhi", "Ottawa", "Tokyo",
          "Lisbon", "Madrid", "Kiev", "Accra", "Lagos", "Oslo", "Stockholm", "Prague", "Osaka", "Beirut"]
TOPICS = ["trade", "energy", "security", "the war in Syria", "interest rates", "the budget", "elections",
          "climate policy", "migration", "oil prices"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(rng: random.Random, paragraphs: int = 6) -> str:
    """A generated news page: chrome, a title, a dateline, prose naming people and places."""
    place = rng.choice(PLACES)
    body = [
        f"{place.upper()} (Reuters) - {_person(rng)} met {_person(rng)} in {place} on Monday to discuss "
        f"{rng.choice(TOPICS)}, officials said after talks that lasted {rng.randint(2, 9)} hours."
    ]
    for _ in range(paragraphs - 1):
        body.append(
            f"{_person(rng)} told reporters in {rng.choice(PLACES)} that {rng.choice(TOPICS)} and "
            f"{rng.choice(TOPICS)} would top the agenda, and that {rng.randint(10, 900)} delegates had "
            f"arrived for the meeting, which ends on {rng.choice(['Friday', 'Sunday', 'March 3'])}."
        )
    title = f"{_person(rng)} and {_person(rng)} discuss {rng.choice(TOPICS)}"
    return "\n\n".join(["Home | World | Politics", title, *body, "Share this article", "Read 428 times"])


def corpus(n: int, seed: int = 1) -> list[str]:
    """``n`` generated articles, one in ten a reprint of an earlier one with other chrome."""
    rng = random.Random(seed)
    texts: list[str] = []
    for i in range(n):
        if i >= 10 and i % 10 == 0:
            texts.append("Reprinted with permission.\n\n" + texts[rng.randrange(i)])
        else:
            texts.append(article(rng))
    return texts


def headlines(n: int, *, identical: bool) -> str:
    """One document of ``n`` short headline-like paragraphs."""
    rng = random.Random(2)
    if identical:
        return "\n\n".join(["Markets close higher as oil prices rise"] * n)
    return "\n\n".join(f"{rng.choice(PLACES)} {rng.choice(TOPICS)} talks resume after {i} days" for i in range(n))


def people(n: int) -> str:
    """One document naming ``n`` distinct people, a sentence each."""
    rng = random.Random(3)
    sentences = []
    for i in range(n):  # 20 first names x 26 initials x 20 surnames: 10,400 distinct people
        name = f"{FIRST[i % 20]} {chr(65 + i // 400 % 26)}. {LAST[i // 20 % 20]}"
        sentences.append(f"{name} spoke in {rng.choice(PLACES)} on Monday about {rng.choice(TOPICS)}.")
    return " ".join(sentences)


def index_in_batches(texts: list[str], batch: int) -> None:
    index = tidings.DedupIndex()
    for start in range(0, len(texts), batch):
        index.add(texts[start:start + batch], progress=False)


def pipeline(texts: list[str]) -> None:
    frame = pd.DataFrame({"id": [f"d{i:07}" for i in range(len(texts))], "text": texts})
    tidings.Corpus.from_pandas(frame).clean().dedup().tag()


def run_cli(path: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        stream_corpus(path, out, chunksize=2_000, progress=False)


def jsonl(texts: list[str]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tidings-scaling-"))
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i:07}", "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


@dataclass
class Case:
    """One function on inputs of a size: ``make(size)`` builds the input, ``run`` times on it."""

    name: str
    unit: str
    size: int
    make: Callable[[int], Any]
    run: Callable[[Any], object]


CASES = [
    Case("describe", "documents", 20_000, corpus, lambda t: tidings.describe(t, progress=False)),
    Case("clean", "paragraphs in one document", 4_000,
         lambda n: "\n\n".join(article(random.Random(i), 1).split("\n\n")[2] for i in range(n)), tidings.clean),
    Case("clean_many", "documents", 4_000, corpus, lambda t: tidings.clean_many(t, progress=False)),
    Case("dedup", "documents", 10_000, corpus, lambda t: tidings.dedup(t, progress=False)),
    Case("DedupIndex.add, batches of 10", "documents", 4_000, corpus, lambda t: index_in_batches(t, 10)),
    Case("repeated_paragraphs", "documents", 10_000, corpus, tidings.repeated_paragraphs),
    Case("tag", "documents", 2_000, corpus, lambda t: tidings.tag(t, progress=False)),
    Case("Corpus clean, dedup, tag", "documents", 1_000, corpus, pipeline),
    Case("tidings run", "documents", 1_000, lambda n: jsonl(corpus(n)), run_cli),
    Case("clean_headlines", "distinct headline paragraphs in one document", 5_000,
         lambda n: headlines(n, identical=False), tidings.clean),
    Case("clean_identical_headlines", "identical headline paragraphs in one document", 5_000,
         lambda n: headlines(n, identical=True), tidings.clean),
    Case("tag_people", "distinct people named in one document", 2_000,
         lambda n: [people(n)], lambda t: tidings.tag(t, progress=False)),
    Case("DedupIndex.add, batches of 2", "documents", 2_000, corpus, lambda t: index_in_batches(t, 2)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every size (default 1)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the fastest counts (default 2)")
    parser.add_argument("--limit", type=float, default=3.0, help="growth per doubling flagged as superlinear")
    parser.add_argument("--only", nargs="*", default=None, metavar="CASE", help="run only these cases")
    args = parser.parse_args()
    if tidings.build_profile != "release":
        sys.exit(f"tidings is a {tidings.build_profile} build: measure a release build (pip install .)")
    cases = [c for c in CASES if args.only is None or c.name in args.only]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"scaling of tidings {tidings.__version__}; {os.cpu_count()} cores (load {load:.1f}); "
          f"three sizes, each twice the one before; fastest of {args.repeat} runs\n")
    print(f"{'case':32s} {'sizes':>24s} {'seconds':>26s} {'growth per doubling':>20s}")
    flagged = []
    for case in cases:
        sizes = [max(1, round(case.size * args.scale)) * 2**k for k in range(3)]
        case.run(case.make(max(1, sizes[0] // 10)))  # loads what the call needs, once
        seconds = []
        for size in sizes:
            data = case.make(size)
            seconds.append(best_of(args.repeat, lambda: case.run(data)))
        growth = math.sqrt(seconds[2] / max(seconds[0], 1e-9))  # two doublings
        mark = "  superlinear" if growth > args.limit else ""
        if mark:
            flagged.append(case.name)
        print(f"{case.name:32s} {' / '.join(f'{s:,}' for s in sizes):>24s} "
              f"{' / '.join(f'{s:.3f}' for s in seconds):>26s} {growth:>20.2f}{mark}")
        print(f"{'':32s} ({case.unit})")
    if flagged:
        print(f"\nsuperlinear (growth per doubling above {args.limit}): {', '.join(flagged)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
