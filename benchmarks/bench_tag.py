"""Tagging speed on the BBC news corpus: tidings vs spaCy en_core_web_sm (NER only), same run.

    python benchmarks/bench_tag.py [--spacy-docs 300] [--repeat 3]

Words are counted with ``tidings.describe`` (the same word definition for both). tidings tags
the whole corpus (best of ``--repeat`` runs) with all cores and with one; spaCy runs only its
NER pipe (plus the tok2vec it listens to) on the first ``--spacy-docs`` documents, and words/s is
compared. Needs a release build.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from _corpora import bbc_articles



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacy-docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-spacy", action="store_true")
    args = parser.parse_args()
    articles = bbc_articles()
    if articles is None:
        sys.exit("BBC corpus not found in ../shared/data")
    import tidings

    if tidings.build_profile != "release":
        sys.exit("bench_tag needs a release build of tidings (pip install . builds one)")
    texts = [text for _, text in articles]
    words = tidings.describe(texts).words.to_numpy()
    total_words = int(words.sum())
    cores = os.cpu_count() or 1
    print(f"BBC corpus: {len(texts):,} documents, {total_words:,} words; {cores} cores")
    tidings.tag(texts[:5])  # load the model once, outside the timing

    results = {}
    for workers in sorted({cores, 1}, reverse=True):
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            mentions = tidings.tag(texts, workers=workers, progress=False)
            best = min(best, time.perf_counter() - started)
        results[workers] = total_words / best
        print(f"tidings.tag, {workers} worker(s): {best:.3f} s, {total_words / best:,.0f} words/s, {len(mentions):,} mentions")

    if not args.no_spacy:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _spacy import load_spacy_ner

        nlp = load_spacy_ner()
        subset = texts[: args.spacy_docs]
        subset_words = int(words[: args.spacy_docs].sum())
        list(nlp.pipe(subset[:5]))
        started = time.perf_counter()
        entities = sum(len(doc.ents) for doc in nlp.pipe(subset, batch_size=64))
        seconds = time.perf_counter() - started
        spacy_rate = subset_words / seconds
        print(f"spaCy en_core_web_sm NER only, {len(subset)} docs: {seconds:.2f} s, {spacy_rate:,.0f} words/s, {entities:,} entities")
        for workers, rate in results.items():
            print(f"ratio tidings ({workers} worker(s)) / spaCy: {rate / spacy_rate:,.0f}x")


if __name__ == "__main__":
    main()
