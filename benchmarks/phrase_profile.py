"""How often phrases repeat across documents: generated articles beside BBC + Reuters.

Dedup's cost on a corpus grows with the documents that share phrases, so a generated corpus that
stands in for news must repeat its word 5-grams about as much as news does. For the first
``--docs`` generated articles (``generate_articles.py``) and as many BBC and Reuters articles
(../shared/data, when present), each cleaned with ``tidings.clean_many``, this prints the
document frequency (df) of the word 5-grams tidings shingles: the largest df and its 5-gram,
the share of distinct 5-grams in more than 1% of the documents, and the share of all the
documents' 5-grams that are such common ones.

    python benchmarks/phrase_profile.py [--docs 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import news_frame  # noqa: E402
from _shingling import shingles  # noqa: E402
from generate_articles import blocks  # noqa: E402


def generated_texts(count: int, seed: int) -> list[str]:
    return [json.loads(line)["text"] for lines in blocks(count, seed, 1) for line in lines]


def profile(texts: list[str]) -> dict[str, object]:
    """df figures of the cleaned texts' 5-gram shingles (counted by hash, to stay small)."""
    cleaned = [c.text for c in tidings.clean_many(texts, progress=False)]
    per_doc = [np.fromiter((hash(s) for s in shingles(text)), dtype=np.int64) for text in cleaned]
    keys, df = np.unique(np.concatenate(per_doc), return_counts=True)
    common = df > 0.01 * len(texts)
    top = keys[np.argmax(df)]
    phrase = next(s for text in cleaned for s in shingles(text) if hash(s) == top)
    return {"docs": len(texts), "5-grams": len(keys), "max df": int(df.max()), "top": phrase,
            "distinct > 1%": common.mean(), "occurrences > 1%": df[common].sum() / df.sum()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpora = {"generated": generated_texts(args.docs, args.seed)}
    real = news_frame()
    if real is None:
        print("BBC and Reuters-21578 (../shared/data) are not beside this checkout: generated articles only")
    else:
        corpora["BBC + Reuters"] = list(real["text"].head(args.docs))
    print(f"{'':<16}{'docs':>8}{'5-grams':>12}{'max df':>9}{'> 1% of docs: distinct':>25}{'occurrences':>13}"
          "  top 5-gram")
    for name, texts in corpora.items():
        row = profile(texts)
        print(f"{name:<16}{row['docs']:>8,}{row['5-grams']:>12,}{row['max df']:>9,}"
              f"{row['distinct > 1%']:>24.4%}{row['occurrences > 1%']:>13.2%}  \"{row['top']}\"")


if __name__ == "__main__":
    main()
