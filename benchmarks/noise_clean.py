"""Noise benchmark for cleaning: real BBC articles with injected page chrome, repeats, hard wraps
and mojibake, scored on sentence recall and noise removal.

    python benchmarks/noise_clean.py [--seed 7] [--limit N]

Reads ``../shared/data/bbc-news`` (relative to the repo root); exits when it is absent.

The chrome phrase pool below is split in two by a seeded shuffle. The "seen" half is the only one
allowed anywhere in tidings' code or tests; the scores that matter are on corpora built from the
"unseen" half (phrases the cleaner never saw). Each fake site gets its own recurring head and
tail chrome (what template learning in ``clean_many`` picks up) plus one-off chrome lines per page
(which only the structural rules can catch).

Scores
- sentence recall: sentences of the original body (at least three words, ending in . ! or ?)
  found exactly once in the cleaned text (a repeated copy left behind counts as a miss);
- noise removal: injected items gone from the text: chrome lines, extra copies of the title,
  extra copies of the article, and mojibake (no mojibake marker left in the text).
"""

from __future__ import annotations

import argparse
import html
import random
import sys
import time
from collections import Counter
import tidings
from _corpora import bbc_articles


# {n}: a number, {cat}: a section name, {site}/{Site}: the site's names, {y}: a year.
CHROME_POOL = [
    "Share this article", "Share on Facebook", "Share on Twitter", "Tweet", "Email this story",
    "Print this page", "WhatsApp", "Pin it", "{n} comments", "No comments yet", "Leave a comment",
    "Comments ({n})", "Be the first to comment", "Log in to comment", "Join the conversation",
    "Read {n} times", "Viewed {n} times", "{n} views", "{n} people read this", "Hits: {n}",
    "Rate this article", "({n} votes)", "Rating: {n}/5", "Average rating: {n} out of 5",
    "Was this article helpful?", "Yes / No", "Home / News / {cat}", "Home » {cat} » World",
    "You are here: Home > {cat}", "News | {cat} | Europe", "{cat} › Latest",
    "{Site}'s website can also be accessed at the following addresses:", "www.{site}.com",
    "www.{site}.net", "Mirror: {site}.org", "Most Read", "Most popular stories", "Top {cat} stories",
    "Editor's Picks", "Trending Now", "You may also like", "Related Articles", "Related stories",
    "More from {cat}", "Recommended for you", "Sign up for our newsletter",
    "Subscribe to our daily newsletter and get the top stories in your inbox.", "Get the app",
    "Download our app for iOS and Android", "We use cookies to give you the best experience on our website.",
    "Accept cookies", "Privacy Policy", "Terms of Use", "Contact us", "About us", "Advertise with us",
    "Copyright © {y} {Site}. All rights reserved.", "© {y} {Site} Media Group", "All rights reserved",
    "Tags: {cat}, UK, news", "Topics", "Filed under: {cat}", "Follow us on Twitter", "Like us on Facebook",
    "Follow {Site} on Instagram", "Advertisement", "Sponsored content", "Skip to main content", "Menu",
    "Search", "Back to top", "Next article", "Previous article", "Click here to read more",
    "Continue reading", "Read more", "Loading comments...", "Your email address will not be published.",
    "Required fields are marked *", "Report abuse", "Posted by admin at {n}:{n2} PM", "Print", "Email",
    "{n} shares", "Listen to this article", "Image copyright", "Watch: video", "Newsletter sign-up",
    "Latest {cat} news", "Don't miss", "In pictures", "Join our mailing list", "Comment on this story",
]
SITES = [("Daily Courier", "dailycourier"), ("Metro Wire", "metrowire"), ("Global Herald", "globalherald"),
         ("Capital Post", "capitalpost"), ("North Star News", "northstarnews"), ("Evening Ledger", "eveningledger")]


def split_phrases(seed: int) -> tuple[list[str], list[str]]:
    pool = sorted(set(CHROME_POOL))
    random.Random(seed).shuffle(pool)
    half = len(pool) // 2
    return pool[:half], pool[half:]


def fill(phrase: str, rng: random.Random, site: tuple[str, str], cat: str) -> str:
    return phrase.format(n=rng.randint(0, 999), n2=rng.randint(10, 59), cat=cat.capitalize(),
                         Site=site[0], site=site[1], y=rng.randint(2004, 2024))


def misdecode(text: str) -> str:
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def wrap(paragraph: str, width: int, dangle: bool) -> list[str]:
    words, lines, line = paragraph.split(), [], ""
    if dangle and len(words) > 8:  # the first word left alone on its line, as some scrapers do
        lines.append(words.pop(0))
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def sentences(paragraph: str) -> list[str]:
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


def build(articles, phrases: list[str], seed: int):
    """Noisy pages, their sources, and what was injected into each."""
    rng = random.Random(seed)
    templates = {}
    for site in SITES:
        templates[site] = ([rng.choice(phrases) for _ in range(rng.randint(1, 3))],
                           [rng.choice(phrases) for _ in range(rng.randint(2, 5))])
    pages, sources, injected = [], [], []
    for cat, title, body in articles:
        site = SITES[rng.randrange(len(SITES))]
        head, tail = templates[site]
        noise: Counter[str] = Counter()
        chrome: list[str] = []

        def chrome_line(phrase: str) -> str:
            line = fill(phrase, rng, site, cat)
            chrome.append(line)
            return line

        blocks = [chrome_line(p) for p in head]
        if rng.random() < 0.3:
            blocks.append(chrome_line(rng.choice(phrases)))
        blocks.append(title)
        if rng.random() < 0.3:  # the title printed twice, with chrome between
            blocks.append(chrome_line(rng.choice(phrases)))
            blocks.append(title)
            noise["title copy"] += 1
        copies = 1 + (rng.random() < 0.15) + (rng.random() < 0.05)
        wrapped = rng.random() < 0.25
        width, dangle = rng.randint(60, 80), rng.random() < 0.5
        for copy in range(copies):
            for k, paragraph in enumerate(body):
                if wrapped:
                    blocks.append("\n".join(wrap(paragraph, width, dangle and k > 0)))
                else:
                    blocks.append(paragraph)
                if k == len(body) // 2 and rng.random() < 0.1:
                    blocks.append(chrome_line(rng.choice(phrases)))
            if copy < copies - 1:
                blocks.append(chrome_line(rng.choice(phrases)))
        noise["article copy"] += copies - 1
        blocks += [chrome_line(p) for p in tail]
        if rng.random() < 0.3:
            blocks.append(chrome_line(rng.choice(phrases)))
        page = ("\n" if wrapped and rng.random() < 0.5 else "\n\n").join(blocks)
        mojibake = rng.random() < 0.2
        if mojibake:
            page = misdecode(page)
            noise["mojibake"] += 1
        noise["chrome line"] += len(chrome)
        pages.append(page)
        sources.append(site[1])
        injected.append((chrome, noise))
    return pages, sources, injected


def score(articles, injected, cleaned) -> dict[str, float]:
    found = total = titles = 0
    removed: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for (cat, title, body), (chrome, noise), c in zip(articles, injected, cleaned):
        text = c.text
        body_text = "\n\n".join(body)
        for paragraph in body:
            for sentence in sentences(paragraph):
                total += 1
                found += text.count(sentence) == 1
        titles += c.title == title
        for line in chrome:
            counts["chrome line"] += 1
            removed["chrome line"] += text.count(line) <= body_text.count(line)
        for kind in ("title copy", "article copy", "mojibake"):
            counts[kind] += noise[kind]
        if noise["title copy"]:
            removed["title copy"] += text.count(title) <= body_text.count(title)
        if noise["article copy"]:
            first = next((s for p in body for s in sentences(p)), None)
            removed["article copy"] += noise["article copy"] if first is None or text.count(first) <= 1 else 0
        if noise["mojibake"]:
            removed["mojibake"] += not any(marker in text for marker in ("â€", "Ã", "Â"))
    result = {"sentence recall": found / total, "title accuracy": titles / len(articles),
              "noise removal": sum(removed.values()) / max(1, sum(counts.values()))}
    for kind in counts:
        result[f"  {kind} removed ({counts[kind]:,})"] = removed[kind] / max(1, counts[kind])
    return result


def load(corpus: list[tuple[str, str]], limit: int | None):
    articles = []
    for name, text in corpus[:limit]:
        lines = [" ".join(html.unescape(line).split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        if len(lines) >= 2:
            articles.append((name.split("/")[0], lines[0], lines[1:]))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    args = parser.parse_args()
    corpus = bbc_articles()
    if corpus is None:
        print("no BBC corpus in ../shared/data; nothing to measure", file=sys.stderr)
        return 0
    articles = load(corpus, args.limit)
    seen, unseen = split_phrases(args.seed)
    print(f"{len(articles):,} BBC articles; chrome pool {len(seen) + len(unseen)} phrases: "
          f"{len(seen)} seen, {len(unseen)} unseen (seed {args.seed})")
    runs = []
    for label, phrases in (("unseen", unseen), ("seen", seen)):
        pages, sources, injected = build(articles, phrases, args.seed + (label == "seen"))
        start = time.perf_counter()
        many = tidings.clean_many(pages, sources=sources)
        elapsed = time.perf_counter() - start
        runs.append((f"{label} phrases, clean_many(sources=...)", score(articles, injected, many), elapsed))
        if label == "unseen":
            runs.append((f"{label} phrases, clean_many()", score(articles, injected, tidings.clean_many(pages)), 0))
            single = [tidings.clean(p) for p in pages]
            runs.append((f"{label} phrases, clean() per page (no templates)", score(articles, injected, single), 0))
    for label, result, elapsed in runs:
        print(f"\n{label}" + (f"  [{elapsed:.2f} s]" if elapsed else ""))
        for name, value in result.items():
            print(f"  {name:32s} {value:8.2%}")
    main_result = runs[0][1]
    ok = main_result["sentence recall"] >= 0.995 and main_result["noise removal"] >= 0.98
    print(f"\ntargets on unseen phrases (recall >= 99.5%, noise removal >= 98%): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
