"""Page chrome and dedup, on real article pages (../shared/data/article-pages) turned into text as
scrapers do (``inscriptis.get_text``, as benchmarks/article_pages.py; its cache is reused).

1. Two articles of one site. Every pair of pages of one site holds two different articles whose
   page chrome (navigation, footers, sidebars, cookie notices) is alike: ScrapingHub pages of one
   host, and trafilatura's pages of one registered domain (``*.wordpress.com`` blogs and the like).
   Counted: the pairs ``tidings.dedup`` puts in one cluster and the pairs in its pairs table, on
   the raw page text and with ``clean=True``. The right figure is 0, unless the two gold articles
   are themselves copies (checked on the gold text and shown).
2. One article in the chrome of another site. Each ScrapingHub page P gets a reprint: the page
   text of the next page Q of another site, with Q's article (the lines from the first to the
   last that belong to Q's gold body) replaced by P's gold body. Counted: reprints ``tidings.dedup``
   puts in P's cluster, raw and with ``clean=True``.

The reprint benchmark (benchmarks/reprint_dedup.py) measures the same question on generated
chrome around BBC and Reuters articles.

    python benchmarks/dedup_chrome.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _shingling import exact_similarity, shingles, words  # noqa: E402
from article_pages import Page, convert, load_set  # noqa: E402

CONVERSION = "inscriptis"


def domain(host: str) -> str:
    """The registered domain of a host, roughly: its last two labels, three under a two-letter
    second level (``bbc.co.uk``, ``folha.com.br``)."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def same_site_pairs(pages: list[Page], by_domain: bool) -> list[tuple[int, int]]:
    sites: dict[str, list[int]] = defaultdict(list)
    for i, page in enumerate(pages):
        sites[domain(page.source) if by_domain else page.source].append(i)
    return [pair for members in sites.values() for pair in combinations(members, 2)]


def joined(texts: list[str], pairs: list[tuple[int, int]], clean: bool) -> tuple[int, int]:
    """Pairs in one cluster and pairs in the pairs table."""
    clusters, table = tidings.dedup(texts, clean=clean, return_pairs=True, progress=False)
    cluster = clusters["cluster"].tolist()
    verified = set(zip(table["doc_a"].tolist(), table["doc_b"].tolist()))
    return sum(cluster[a] == cluster[b] for a, b in pairs), sum(pair in verified for pair in pairs)


def site_pairs(name: str, by_domain: bool) -> None:
    pages = load_set(name, None)
    if pages is None:
        print(f"   {name}: absent")
        return
    texts, _ = convert(pages, CONVERSION)
    pairs = same_site_pairs(pages, by_domain)
    gold = [page.gold or " ".join(page.with_snippets) for page in pages]
    gold_sets = [shingles(g) for g in gold]
    copies = [(a, b) for a, b in pairs
              if (lambda j, c: j >= 0.8 or c >= 0.6)(*exact_similarity(gold_sets[a], gold_sets[b]))]
    sites = len({domain(p.source) if by_domain else p.source for i, p in enumerate(pages)
                 if any(i in pair for pair in pairs)})
    print(f"   {name}: {len(pairs)} pairs of pages of one {'domain' if by_domain else 'site'} ({sites} sites); "
          f"{len(copies)} of them have gold articles that are copies")
    for clean in (False, True):
        together, verified = joined(texts, pairs, clean)
        print(f"      {'clean=True ' if clean else 'raw text   '} in one cluster {together:3d}, in the pairs table "
              f"{verified:3d}")
    together_pairs = []
    clusters = tidings.dedup(texts, progress=False)["cluster"].tolist()
    together_pairs = [(a, b) for a, b in pairs if clusters[a] == clusters[b] and (a, b) not in copies]
    for a, b in together_pairs[:5]:
        j, c = exact_similarity(shingles(texts[a]), shingles(texts[b]))
        print(f"      raw, joined: {pages[a].url[:60]} / {pages[b].url[:60]}: page text J {j:.2f} C {c:.2f}")


def gold_span(text: str, gold: str) -> tuple[int, int] | None:
    """The first and last line of ``text`` (line numbers) whose words belong to the gold body:
    lines of at least 4 words all found, in order, in the gold."""
    gold_words = " " + " ".join(words(gold)) + " "
    lines = text.splitlines()
    inside = [k for k, line in enumerate(lines)
              if len(words(line)) >= 4 and f" {' '.join(words(line))} " in gold_words]
    return (inside[0], inside[-1]) if inside else None


def reprints() -> None:
    pages = load_set("scrapinghub", None)
    if pages is None:
        print("   scrapinghub: absent")
        return
    texts, _ = convert(pages, CONVERSION)
    spans = [gold_span(t, p.gold) for t, p in zip(texts, pages)]
    usable = [i for i, (p, s) in enumerate(zip(pages, spans)) if s is not None and len(words(p.gold)) >= 20]
    originals, copies = [], []
    for k, i in enumerate(usable):
        q = next((usable[(k + step) % len(usable)] for step in range(1, len(usable))
                  if pages[usable[(k + step) % len(usable)]].source != pages[i].source), None)
        if q is None:
            continue
        lines = texts[q].splitlines()
        first, last = spans[q]
        copies.append("\n".join(lines[:first] + pages[i].gold.splitlines() + lines[last + 1:]))
        originals.append(texts[i])
    n = len(originals)
    print(f"   {n} ScrapingHub articles, each beside a reprint in another site's page chrome")
    for clean in (False, True):
        cluster = tidings.dedup(originals + copies, clean=clean, progress=False)["cluster"].tolist()
        found = sum(cluster[k] == cluster[n + k] for k in range(n))
        wrong = len({cluster[k] for k in range(n)}) - n
        print(f"      {'clean=True ' if clean else 'raw text   '} reprints joined with their original {found:3d} "
              f"({found / n:.3f}); originals joined with each other: {-wrong if wrong < 0 else 0}")


def main() -> None:
    print(f"tidings {tidings.__version__} ({tidings.build_profile}); dedup with default options; page text by "
          f"{CONVERSION}\n")
    print("1. two articles of one site (the right count is 0):")
    site_pairs("scrapinghub", by_domain=False)
    site_pairs("trafilatura", by_domain=True)
    print("\n2. one article in the chrome of another site:")
    reprints()


if __name__ == "__main__":
    main()
