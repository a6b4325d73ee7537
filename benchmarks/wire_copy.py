"""Wire copy after cleaning: Reuters-21578 and BBC through ``tidings.clean_many``, with what the
chrome and template rules removed, rule by rule.

    python benchmarks/wire_copy.py [--samples 5] [--corpus reuters|bbc|both]

Reads ``../shared/data/reuters21578`` and ``../shared/data/bbc-news`` beside the repository;
skips a corpus that is absent.

Figures
- titles found: Reuters bodies never hold a headline, so every title found in one is a wrongly
  taken line of the body (a lead's first line, a table row). Printed for Reuters only.
- removed by chrome and template rules: characters inside removals whose rule starts with
  ``chrome.``, as a share of all body characters, per rule and in total. Other rules (``field.*``
  moving the dateline or the agency's name to a field, ``lines.unwrap`` joining hard-wrapped lines,
  ``repeat.*``) are listed below them for reference.

Samples: for each chrome rule, the documents that lost most characters to it, worst first, with
the removed text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

import tidings
from _corpora import bbc_articles, reuters_articles

CHROME = "chrome."


def removals_by_rule(texts: list[str], cleaned: list) -> tuple[Counter, dict[str, list[tuple[int, int]]]]:
    """Characters removed per rule over all documents, and per rule the ``(characters, document
    index)`` of every document that lost some to it."""
    chars: Counter[str] = Counter()
    per_doc: dict[str, Counter[int]] = defaultdict(Counter)
    for index, c in enumerate(cleaned):
        for span in c.removed:
            chars[span.rule] += span.end - span.start
            per_doc[span.rule][index] += span.end - span.start
    return chars, {rule: [(n, i) for i, n in docs.most_common()] for rule, docs in per_doc.items()}


def print_removals(name: str, ids: list[str], texts: list[str], cleaned: list, samples: int) -> None:
    total = sum(len(t) for t in texts)
    chars, worst = removals_by_rule(texts, cleaned)
    chrome = sum(n for rule, n in chars.items() if rule.startswith(CHROME))
    print(f"\n{name}: {len(texts):,} documents, {total:,} characters")
    print(f"  removed by chrome and template rules: {chrome:,} characters = {100 * chrome / total:.3f}%")
    for rule, n in sorted(chars.items(), key=lambda kv: (not kv[0].startswith(CHROME), -kv[1])):
        mark = "" if rule.startswith(CHROME) else "   (not chrome)"
        print(f"    {rule:<18} {n:>9,}  {100 * n / total:6.3f}%  in {len(worst[rule]):,} documents{mark}")
    for rule in sorted(r for r in chars if r.startswith(CHROME)):
        print(f"\n  {rule}, worst documents first:")
        for n, index in worst[rule][:samples]:
            spans = [s for s in cleaned[index].removed if s.rule == rule]
            print(f"    {ids[index]} ({n} characters):")
            for s in spans:
                print("      | " + texts[index][s.start:s.end].strip().replace("\n", "\n      | "))


def print_titles(ids: list[str], cleaned: list, samples: int) -> None:
    titled = [(ids[i], c.title) for i, c in enumerate(cleaned) if c.title is not None]
    share = 100 * len(titled) / len(cleaned)
    print(f"  titles found in bodies that hold none: {len(titled):,} of {len(cleaned):,} = {share:.2f}%")
    for newid, title in titled[:samples]:
        print(f"    {newid}: {title!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=5, help="documents shown per rule (default 5)")
    parser.add_argument("--corpus", choices=["reuters", "bbc", "both"], default="both")
    args = parser.parse_args()
    shown = 0
    if args.corpus in ("reuters", "both"):
        reuters = reuters_articles()
        if reuters is None:
            print("../shared/data/reuters21578 is absent: Reuters skipped", file=sys.stderr)
        else:
            rows = [(f"reut-{newid}", text) for newid, _, text in reuters if text.strip()]
            ids, texts = [r[0] for r in rows], [r[1] for r in rows]
            cleaned = tidings.clean_many(texts, progress=False)
            print_removals("Reuters-21578", ids, texts, cleaned, args.samples)
            print_titles(ids, cleaned, args.samples)
            shown += 1
    if args.corpus in ("bbc", "both"):
        bbc = bbc_articles()
        if bbc is None:
            print("../shared/data/bbc-news is absent: BBC skipped", file=sys.stderr)
        else:
            ids, texts = [p.removesuffix(".txt") for p, _ in bbc], [t for _, t in bbc]
            print_removals("BBC", ids, texts, tidings.clean_many(texts, progress=False), args.samples)
            shown += 1
    return 0 if shown else 1


if __name__ == "__main__":
    sys.exit(main())
