"""CPU time per core of each stage on BBC + Reuters-21578, beside the anchors, for a machine that
other work shares (wall-clock figures are then noise; CPU time of a one-thread call is not).

    python benchmarks/cpu_per_core.py [--repeat 2]

Each stage runs with ``workers=1`` and is timed with ``time.process_time()``; the best of
``--repeat`` runs is printed (the first includes compiling patterns and loading the model). The
anchors run on the same texts in the same process: ftfy on every fourth text, rensa MinHash
signatures (128 permutations) of the word 5-shingles tidings uses, spaCy ``en_core_web_sm`` NER on
the first 400 texts. A release build gives the figures; the wall-clock table is benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import best_of, news_frame  # noqa: E402
from _shingling import shingles  # noqa: E402
from _spacy import load_spacy_ner  # noqa: E402


def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``run``."""
    return best_of(repeat, run, clock=time.process_time)


def anchors(texts: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """Each anchor's (amount of text it ran on, CPU seconds): MB for ftfy and rensa, words for spaCy."""
    found: dict[str, tuple[float, float]] = {}
    try:
        import ftfy

        sample = texts[::4]
        found["ftfy"] = (megabytes(sample), cpu_seconds(lambda: [ftfy.fix_text(t) for t in sample], repeat))
    except ImportError:
        pass
    try:
        from rensa import RMinHash

        def signatures() -> None:
            for t in texts:
                m = RMinHash(num_perm=128, seed=42)
                m.update(sorted(shingles(t)))

        found["rensa"] = (megabytes(texts), cpu_seconds(signatures, repeat))
    except ImportError:
        pass
    try:
        nlp = load_spacy_ner()
        sample = texts[:400]
        found["spacy"] = (sum(len(t.split()) for t in sample), cpu_seconds(lambda: [nlp(t).ents for t in sample], 1))
    except (ImportError, SystemExit):
        pass
    return found


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode()) for t in texts) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    frame = news_frame()
    if frame is None:
        sys.exit("BBC and Reuters-21578 are not beside the checkout (../shared/data)")
    texts = frame["text"].tolist()
    mb, words = megabytes(texts), sum(len(t.split()) for t in texts)
    print(f"BBC + Reuters-21578: {len(texts):,} documents, {mb:.1f} MB, {words / 1e6:.2f}M words; CPU time, 1 worker")
    clean = mb / cpu_seconds(lambda: tidings.clean_many(texts, workers=1, progress=False), args.repeat)
    dedup = mb / cpu_seconds(lambda: tidings.dedup(texts, workers=1, progress=False), args.repeat)
    tag = words / cpu_seconds(lambda: tidings.tag(texts, workers=1, progress=False), args.repeat)
    rates = {name: amount / seconds for name, (amount, seconds) in anchors(texts, args.repeat).items()}
    print(f"clean_many {clean:8.1f} MB/s per core" + (f"   {clean / rates['ftfy']:5.1f}x ftfy ({rates['ftfy']:.1f} MB/s)" if "ftfy" in rates else ""))
    print(f"dedup      {dedup:8.1f} MB/s per core" + (f"   {dedup / rates['rensa']:5.1f}x rensa signatures ({rates['rensa']:.1f} MB/s)" if "rensa" in rates else ""))
    print(f"tag        {tag / 1e6:8.2f}M words/s per core" + (f"   {tag / rates['spacy']:5.0f}x spaCy sm NER ({rates['spacy'] / 1e3:.1f}k words/s)" if "spacy" in rates else ""))


if __name__ == "__main__":
    main()
