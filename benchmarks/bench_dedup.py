"""Dedup speed, raw text to clusters, on real corpora (BBC and Reuters from ../shared/data).

Every method starts from the raw article texts and ends with a cluster id per document:
tidings does it all in Rust (exact Jaccard and containment of the shingle sets; default options);
datasketch (MinHash.bulk + MinHashLSH) and rensa (RMinHash bulk constructor + RMinHashLSH) are fed
by the same Python word-5-gram shingling, then their LSH candidates are verified by estimated
Jaccard and joined by union-find. Equal settings: threshold 0.8, ngram 5 (the anchors with
num_perm 128). tidings is also timed with its pairs table (``return_pairs=True``, every verified
pair) and with ``clean=True`` (the cleaner first). Also reports the memory per document of a
``DedupIndex`` (every text indexed, or representatives only) and of the fingerprints the corpus
dedup step keeps.

Speed figures need a quiet machine: the header prints the load average; re-run when it is near 0.

    python benchmarks/bench_dedup.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import bbc_articles, best_of, reuters_articles  # noqa: E402
from _shingling import datasketch_clusters, rensa_clusters, shingles  # noqa: E402

SETTINGS = {"threshold": 0.8, "ngram": 5}
ANCHOR_SETTINGS = {**SETTINGS, "num_perm": 128}


def python_shingling_then(method: Callable[..., list[int]], texts: list[str]) -> list[int]:
    sets = [shingles(t, SETTINGS["ngram"]) for t in texts]
    return method(texts, sets=sets, **ANCHOR_SETTINGS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="runs per tidings measurement (best is kept)")
    args = parser.parse_args()
    if tidings.build_profile != "release":
        sys.exit(f"tidings is a {tidings.build_profile} build: benchmark a release build (pip install .)")
    corpora = {}
    bbc = bbc_articles()
    if bbc:
        corpora["BBC"] = [t for _, t in bbc]
    reuters = reuters_articles()
    if reuters:
        corpora["Reuters"] = [t for *_, t in reuters]
    if not corpora:
        sys.exit("../shared/data/bbc-news and reuters21578 are absent")
    corpora["BBC+Reuters"] = [t for texts in corpora.values() for t in texts]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"dedup speed, raw text -> clusters; {os.cpu_count()} cores (load average {load:.1f}); settings "
          f"{ANCHOR_SETTINGS}; tidings {tidings.__version__} ({tidings.build_profile})\n")
    print(f"{'corpus':12s} {'docs':>7s} {'MB':>6s} {'method':32s} {'seconds':>8s} {'MB/s':>8s} {'tidings x':>9s}")
    for name, texts in corpora.items():
        megabytes = sum(len(t.encode()) for t in texts) / 1e6
        results: dict[str, float] = {}
        results["tidings (all cores)"] = best_of(args.repeat, lambda: tidings.dedup(texts, progress=False, **SETTINGS))
        results["tidings (1 thread)"] = best_of(args.repeat, lambda: tidings.dedup(texts, workers=1, progress=False, **SETTINGS))
        results["tidings, pairs table too"] = best_of(
            args.repeat, lambda: tidings.dedup(texts, return_pairs=True, progress=False, **SETTINGS))
        if hasattr(tidings, "clean_many"):
            results["tidings, clean=True"] = best_of(
                max(1, args.repeat // 3), lambda: tidings.dedup(texts, clean=True, progress=False, **SETTINGS))
        results["rensa + Python shingling"] = best_of(
            2, lambda: python_shingling_then(rensa_clusters, texts))
        results["datasketch + Python shingling"] = best_of(
            1, lambda: python_shingling_then(datasketch_clusters, texts))
        fastest = results["tidings (all cores)"]
        for method, seconds in results.items():
            print(f"{name:12s} {len(texts):7,d} {megabytes:6.1f} {method:32s} {seconds:8.3f} "
                  f"{megabytes / seconds:8.1f} {seconds / fastest:9.1f}")
        text_bytes = megabytes * 1e6 / len(texts)
        memory = {}
        for all_pairs in (True, False):
            index = tidings.DedupIndex(all_pairs=all_pairs, **SETTINGS)
            index.add(texts, progress=False)
            memory[all_pairs] = index.memory_bytes() / len(texts)
        fingerprints = tidings._core.DedupFingerprints(**SETTINGS)
        fingerprints.add(texts)
        print(f"{name:12s} memory per document beyond the text ({text_bytes:.0f} bytes per document): DedupIndex "
              f"{memory[True]:.0f} bytes (every text indexed), {memory[False]:.0f} (representatives only); "
              f"fingerprints of the corpus dedup step {fingerprints.memory_bytes() / len(texts):.0f}\n")


if __name__ == "__main__":
    main()
