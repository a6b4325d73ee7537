"""Real article pages: how much of the article the cleaner keeps and how much page chrome it
removes, on web pages turned into plain text the way scrapers do, beside jusText and trafilatura.

    python benchmarks/article_pages.py [--set scrapinghub|trafilatura] [--conversion inscriptis|bs4]
        [--limit N] [--no-anchors] [--worst N] [--json PATH]

Reads ``../shared/data/article-pages`` beside the checkout; a set that is absent is skipped.

Sets, each scored with its own benchmark's metric:
- ScrapingHub article-extraction benchmark (181 pages, gold article body). Word 4-gram shingles
  (``\\w+`` tokens, case kept) of the output against the gold, with multiplicity; per page
  tp/fp/fn normalised to sum 1; precision averaged over the pages with any output, recall over the
  pages with a gold body, F1 of the two means (its ``evaluate.py``).
- trafilatura's evaluation set (990 pages, many languages): snippets the article must contain
  ("with") and must not ("without"). Whitespace-normalised substring test; found "with" = TP,
  found "without" = FP, missing "with" = FN, summed over pages; F1 = 2TP / (2TP + FP + FN)
  (its ``tests/eval_common.py``). Reported for English pages, other languages and all pages.

Conversions (bytes decoded by the page's declared charset, UTF-8 otherwise):
- ``inscriptis``: ``inscriptis.get_text(html)``;
- ``bs4``: BeautifulSoup with lxml, script/style/noscript/template/svg removed, ``get_text("\\n")``.
Converted texts are cached in the temporary directory (``tidings-article-pages``).

Methods: the converted text as it is; ``tidings.clean`` page by page; ``tidings.clean_many`` with
the URL's host as source (templates are learned across the pages of one site); jusText and
trafilatura on the same text lines (fed as minimal HTML, one escaped ``<p>`` per non-blank line);
jusText and trafilatura on the HTML. jusText runs as each benchmark runs it: the English stoplist
on ScrapingHub, all its stoplists together on trafilatura's set, parameters
(50, 200, 0.1, 0.2, 0.2, 200, True); trafilatura as ``extract(html, include_comments=False)``.
The two runs on the HTML do not depend on the conversion: they run once per set and their rows
repeat under each conversion (only "article lost" differs, as it depends on the converted text).
``--no-anchors`` skips jusText and trafilatura.

Article lost: the converted text holds at least 90% of the gold and the output keeps less than
half of it. Gold held is shingle recall on ScrapingHub and the share of "with" snippets found on
trafilatura's set (with at most 6 snippets a page, 90% means all of them).

Language of a page: a stopword test on the gold text (ScrapingHub's article body, trafilatura's
"with" snippets): the language whose twenty common function words (``FUNCTION_WORDS``) make up
most of its words, when the text has at least 5 words and they make up at least 10% of them
(and 2 words); when the gold is too short to tell, the same test on the text of the page's
``<p>`` elements; otherwise the ``<html lang>`` attribute; otherwise "unknown". The text comes
before the attribute because many pages declare a wrong ``lang`` (German WordPress blogs with
``lang="en-US"``).

Both metrics drop invisible format characters (soft hyphens, zero-width spaces and joiners) from
the gold and the output before comparing: they are no part of what a reader sees, and a cleaner
that removes them would otherwise lose every snippet or shingle they sit in.

Pages per second time the method alone, in this process, on a machine that may be shared:
a guide, not a speed figure.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import html as html_lib
import json
import re
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import tidings
from _corpora import scrapinghub_pages, trafilatura_eval_pages

TOKEN = re.compile(r"\w+")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SHINGLE = 4
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.I | re.S)
HTML_LANG = re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2})\b", re.I | re.S)
# Twenty common function words of each language the sets hold most of, for the stopword test; words
# shared by several of these languages or with English and German (de, la, que, en, du, als, i)
# are left out.
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in {
    "en": "the and of to is that it with for was this are be on have you not from by which",
    "de": "der die und das ist nicht mit ein eine den dem von sich auch auf für ich wir es zu",
    "fr": "le les et des est une un qui dans pour pas sur au avec ce il nous été aux sont",
    "es": "el los las y es por una con para del se lo como su al más pero fue sus está",
    "it": "il che di è per una un non con del della sono gli si anche ma nel alla dei",
    "pt": "os as é não uma um com para do da em no na mais também pelo pela ao dos",
    "nl": "het een van dat niet op te zijn met voor ook maar ik wij aan bij werd door",
    "pl": "w nie się na że z jest do jak ale co tak po od przez dla są już jego",
    "ru": "и в не на что с по это как он к но из за у от же для о так",
}.items()}
JUSTEXT_PARAMETERS = (50, 200, 0.1, 0.2, 0.2, 200, True)
SUBSETS = (("all", "all pages"), ("en", "English"), ("other", "other languages"))


# ---------------------------------------------------------------------------------------------
# pages, languages, conversions


@dataclass
class Page:
    url: str
    html: str
    source: str
    language: str = "unknown"
    gold: str = ""                                   # ScrapingHub: the article body
    with_snippets: list[str] = field(default_factory=list)     # trafilatura's set
    without_snippets: list[str] = field(default_factory=list)

    @property
    def subsets(self) -> tuple[str, str]:
        return "all", "en" if self.language == "en" else "other"


def host(url: str) -> str:
    """The site of a URL: the archived page's host for web.archive.org copies, no ``www.``."""
    hosts = re.findall(r"https?://([^/:?#]+)", url)
    if not hosts:
        return url
    return hosts[-1].lower().removeprefix("www.")


def function_word_language(text: str) -> str | None:
    """The language whose function words make up most of the text's words, when the text has at
    least 5 words and they make up at least 10% of them (and 2 words)."""
    words = [w.lower() for w in TOKEN.findall(text)]
    if len(words) < 5:
        return None
    hits, code = max((sum(w in FUNCTION_WORDS[code] for w in words), code) for code in FUNCTION_WORDS)
    return code if hits >= 2 and hits >= 0.1 * len(words) else None


def language(page_html: str, gold_text: str) -> str:
    """The stopword test on the gold text, else on the text of the page's ``<p>`` elements, else
    the ``<html lang>`` attribute, else "unknown"."""
    paragraphs = " ".join(PARAGRAPH.findall(page_html[:300_000]))
    paragraph_text = html_lib.unescape(re.sub(r"<[^>]*>", " ", paragraphs))
    declared = HTML_LANG.search(page_html[:20_000])
    return (function_word_language(gold_text) or function_word_language(paragraph_text)
            or (declared.group(1).lower() if declared else "unknown"))


def load_set(name: str, limit: int | None) -> list[Page] | None:
    """The pages of one set (the first ``limit``), with their language; None when it is absent."""
    if name == "scrapinghub":
        rows = scrapinghub_pages()
        pages = None if rows is None else [
            Page(url, page_html, host(url), gold=gold) for _, url, page_html, gold in rows[:limit]]
    else:
        found = trafilatura_eval_pages()
        pages = None if found is None else [
            Page(url, page_html, host(url), with_snippets=with_, without_snippets=without)
            for url, page_html, with_, without in found[:limit]]
    for page in pages or []:
        page.language = language(page.html, page.gold or " ".join(page.with_snippets))
    return pages


def inscriptis_text(page_html: str) -> str:
    import inscriptis

    return inscriptis.get_text(page_html)


def soup_text(page_html: str) -> str:
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(page_html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg"]):
        tag.decompose()
    return soup.get_text("\n")


CONVERSIONS: dict[str, tuple[str, Callable[[str], str], str]] = {
    "inscriptis": ("inscriptis.get_text(html)", inscriptis_text, "inscriptis"),
    "bs4": ('BeautifulSoup(html, "lxml").get_text("\\n")', soup_text, "beautifulsoup4"),
}


def convert(pages: Sequence[Page], conversion: str) -> tuple[list[str], float]:
    """The converted text of every page, from the cache when it is there; and the pages per
    second of the conversion (0 when everything came from the cache)."""
    _, function, package = CONVERSIONS[conversion]
    cache = Path(tempfile.gettempdir()) / "tidings-article-pages" / f"{conversion}-{version(package)}"
    cache.mkdir(parents=True, exist_ok=True)
    texts, converted, seconds = [], 0, 0.0
    for page in pages:
        path = cache / (hashlib.sha1(page.html.encode("utf-8", "surrogatepass")).hexdigest() + ".txt")
        if path.is_file():
            # Bytes, not read_text: universal newlines would turn the page's "\r" into "\n".
            texts.append(path.read_bytes().decode("utf-8", "surrogatepass"))
            continue
        start = time.perf_counter()
        text = function(page.html)
        seconds += time.perf_counter() - start
        converted += 1
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        texts.append(text)
    return texts, converted / seconds if seconds else 0.0


# ---------------------------------------------------------------------------------------------
# the two metrics


def visible(text: str) -> str:
    """The text without invisible format characters (soft hyphens, zero-width spaces and joiners):
    both metrics compare texts by what a reader sees, so a cleaner that drops them (as tidings
    does) is not counted as cutting the words they sit in ("Werk\xadzeug")."""
    return INVISIBLE.sub("", text)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Word 4-gram shingles as the ScrapingHub benchmark makes them (a shorter text is one shingle)."""
    tokens = TOKEN.findall(visible(text))
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens[i:i + SHINGLE])


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", visible(text)).strip()


class ShingleMetric:
    """The ScrapingHub benchmark's metric; page counts are tp/fp/fn normalised to sum 1."""

    name = "shingle"

    def __init__(self, pages: Sequence[Page]):
        self.gold = [shingles(page.gold) for page in pages]

    def counts(self, index: int, output: str) -> tuple[float, float, float]:
        gold, predicted = self.gold[index], shingles(output)
        tp = sum(min(n, predicted[k]) for k, n in gold.items())
        fp = sum(predicted.values()) - tp
        fn = sum(gold.values()) - tp
        total = tp + fp + fn
        return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)

    @staticmethod
    def page_scores(tp: float, fp: float, fn: float) -> tuple[float | None, float | None]:
        """(precision, recall) of one page, None where the benchmark leaves the page out."""
        precision = recall = None
        if tp + fp > 0:
            precision = 1.0 if fp == fn == 0 else tp / (tp + fp)
        if tp + fn > 0:
            recall = 1.0 if fp == fn == 0 else tp / (tp + fn)
        return precision, recall

    def summary(self, counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
        scores = [self.page_scores(*c) for c in counts]
        precisions = [p for p, _ in scores if p is not None]
        recalls = [r for _, r in scores if r is not None]
        precision = sum(precisions) / len(precisions) if precisions else 0.0
        recall = sum(recalls) / len(recalls) if recalls else 0.0
        return precision, recall, f1(precision, recall)


class SnippetMetric:
    """trafilatura's evaluation: found "with" = TP, found "without" = FP, missing "with" = FN."""

    name = "snippet"

    def __init__(self, pages: Sequence[Page]):
        self.with_snippets = [[norm(s) for s in page.with_snippets] for page in pages]
        self.without_snippets = [[norm(s) for s in page.without_snippets] for page in pages]

    def counts(self, index: int, output: str) -> tuple[float, float, float]:
        text = norm(output)
        tp = sum(s in text for s in self.with_snippets[index])
        fp = sum(s in text for s in self.without_snippets[index])
        return tp, fp, len(self.with_snippets[index]) - tp

    @staticmethod
    def page_scores(tp: float, fp: float, fn: float) -> tuple[float | None, float | None]:
        return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)

    def summary(self, counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
        tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        return precision, recall, 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def page_recall(counts: tuple[float, float, float]) -> float:
    tp, _, fn = counts
    return tp / (tp + fn) if tp + fn else 1.0


def article_lost(raw_counts: tuple[float, float, float], counts: tuple[float, float, float]) -> bool:
    return page_recall(raw_counts) >= 0.9 and page_recall(counts) < 0.5


# ---------------------------------------------------------------------------------------------
# methods


def minimal_html(text: str) -> str:
    """The text's lines as minimal HTML, one escaped paragraph per non-blank line."""
    paragraphs = "".join(f"<p>{html_lib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{paragraphs}</body></html>"


def justext_runner(stoplist: frozenset[str]) -> Callable[[str], str]:
    import justext

    def run(page_html: str) -> str:
        paragraphs = justext.justext(page_html, stoplist, *JUSTEXT_PARAMETERS)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def trafilatura_run(page_html: str) -> str:
    import trafilatura

    return trafilatura.extract(page_html, include_comments=False) or ""


def justext_stoplist(set_name: str) -> frozenset[str]:
    """As each benchmark runs jusText: English on ScrapingHub, every stoplist on trafilatura's."""
    import justext

    if set_name == "scrapinghub":
        return frozenset(justext.get_stoplist("English"))
    return frozenset().union(*(justext.get_stoplist(name) for name in justext.get_stoplists()))


@dataclass
class Run:
    label: str
    outputs: list[str]
    seconds: float
    errors: int = 0
    cleaned: list | None = None          # tidings' Cleaned results, for --worst


def run_each(label: str, function: Callable[[str], str], inputs: Sequence[str]) -> Run:
    """Run an anchor on every input; a failure counts as an empty output, as in both benchmarks."""
    outputs, errors, seconds = [], 0, 0.0
    for item in inputs:
        start = time.perf_counter()
        try:
            outputs.append(function(item))
        except Exception:  # noqa: BLE001 - an anchor's crash on one page is an empty output
            outputs.append("")
            errors += 1
        seconds += time.perf_counter() - start
    return Run(label, outputs, seconds, errors)


def run_tidings(pages: Sequence[Page], texts: list[str]) -> list[Run]:
    start = time.perf_counter()
    single = [tidings.clean(text) for text in texts]
    single_seconds = time.perf_counter() - start
    start = time.perf_counter()
    many = tidings.clean_many(texts, sources=[page.source for page in pages], progress=False)
    many_seconds = time.perf_counter() - start
    return [Run("tidings.clean", [c.text for c in single], single_seconds, cleaned=single),
            Run("tidings.clean_many (source = host)", [c.text for c in many], many_seconds, cleaned=many)]


def html_runs(set_name: str, pages: Sequence[Page]) -> list[Run]:
    htmls = [page.html for page in pages]
    return [run_each("jusText, HTML", justext_runner(justext_stoplist(set_name)), htmls),
            run_each("trafilatura, HTML", trafilatura_run, htmls)]


def text_line_runs(set_name: str, texts: Sequence[str]) -> list[Run]:
    fed = [minimal_html(text) for text in texts]
    return [run_each("jusText, text lines", justext_runner(justext_stoplist(set_name)), fed),
            run_each("trafilatura, text lines", trafilatura_run, fed)]


# ---------------------------------------------------------------------------------------------
# scoring and printing


def score(run: Run, pages: Sequence[Page], metric, raw_counts) -> dict:
    counts = [metric.counts(i, output) for i, output in enumerate(run.outputs)]
    figures: dict = {"pages_per_second": len(pages) / run.seconds if run.seconds else None, "errors": run.errors}
    for subset, _ in SUBSETS:
        members = [i for i, page in enumerate(pages) if subset in page.subsets]
        if not members:
            continue
        precision, recall, f = metric.summary([counts[i] for i in members])
        lost = sum(article_lost(raw_counts[i], counts[i]) for i in members)
        figures[subset] = {"pages": len(members), "precision": precision, "recall": recall, "f1": f, "lost": lost}
    figures["_counts"] = counts
    return figures


def print_table(title: str, rows: list[tuple[str, dict]]) -> None:
    present = [(key, label) for key, label in SUBSETS if any(key in figures for _, figures in rows)]
    print(f"\n{title}")
    head = f"{'':36s}" + "".join(f"{label + ' (' + str(rows[0][1][key]['pages']) + ')':<27s}" for key, label in present)
    print(head + "pages/s")
    print(f"{'method':36s}" + "P     R     F1    lost     " * len(present))
    for label, figures in rows:
        line = f"{label:36s}"
        for key, _ in present:
            s = figures[key]
            line += f"{s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f} {s['lost']:4d}     "
        speed = figures["pages_per_second"]
        line += f"{speed:7.1f}" if speed else "      -"
        if figures["errors"]:
            line += f"  ({figures['errors']} errors)"
        print(line)


# ---------------------------------------------------------------------------------------------
# the worst pages: where the gold went


def removal_spans(cleaned) -> list[tuple[int, int, str]]:
    """``(start, end, rule)`` of the raw text's spans that the cleaner removed or moved to a field,
    shortest first."""
    spans = [(s.start, s.end, s.rule) for s in cleaned.removed if not s.replacement and s.end > s.start]
    return sorted(spans, key=lambda s: s[1] - s[0])


def rule_at_offsets(cleaned, offsets: Sequence[int]) -> list[tuple[str, int] | None]:
    """For each character offset (ascending), the (rule, span start) of the outermost removal
    holding it."""
    found: list[tuple[str, int] | None] = [None] * len(offsets)
    for start, end, rule in removal_spans(cleaned):
        lo, hi = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)
        for k in range(lo, hi):
            found[k] = (rule, start)
    return found


def lost_shingles_by_rule(raw: str, cleaned, gold: Counter) -> tuple[Counter, dict[str, str]]:
    """Gold shingles in the raw text but not in the output, by the rule that removed them, and for
    each rule the removed span that held most of them."""
    matches = list(TOKEN.finditer(raw))
    tokens = [m.group() for m in matches]
    owners = rule_at_offsets(cleaned, [m.start() for m in matches])
    raw_shingles, kept = shingles(raw), shingles(cleaned.text)
    lost = +Counter({k: min(n, raw_shingles[k]) - min(n, kept[k]) for k, n in gold.items()})
    by_rule: Counter[str] = Counter()
    by_span: Counter[tuple[str, int]] = Counter()
    for i in range(max(0, len(tokens) - SHINGLE + 1)):
        key = tuple(tokens[i:i + SHINGLE])
        if lost[key] <= 0:
            continue
        removed = [o for o in owners[i:i + SHINGLE] if o is not None]
        if not removed:
            continue
        owner = Counter(removed).most_common(1)[0][0]
        lost[key] -= 1
        by_rule[owner[0]] += 1
        by_span[owner] += 1
    if sum(lost.values()):
        by_rule["(changed, not removed)"] = sum(lost.values())
    return by_rule, span_examples(raw, cleaned, by_span)


def span_examples(raw: str, cleaned, by_span: Counter) -> dict[str, str]:
    ends = {(s.rule, s.start): s.end for s in cleaned.removed}
    examples: dict[str, str] = {}
    for (rule, start), _ in by_span.most_common():
        examples.setdefault(rule, raw[start:ends[(rule, start)]])
    return examples


def lost_snippets_by_rule(raw: str, cleaned, snippets: Sequence[str]) -> tuple[Counter, dict[str, str]]:
    """"with" snippets found in the raw text but not in the output, by the rule whose removal
    covers most of the snippet, with the removed span as the example."""
    positions, chars = [], []
    for match in re.finditer(r"\S+", raw):     # whitespace-normalised raw text, mapped back
        if chars:
            positions.append(match.start())
            chars.append(" ")
        shown = [(match.start() + k, c) for k, c in enumerate(match.group()) if not INVISIBLE.match(c)]
        positions.extend(at for at, _ in shown)
        chars.extend(c for _, c in shown)
    flat, kept = "".join(chars), norm(cleaned.text)
    spans = removal_spans(cleaned)
    by_rule: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for snippet in (norm(s) for s in snippets):
        at = flat.find(snippet)
        if at < 0 or snippet in kept:
            continue
        start, end = positions[at], positions[at + len(snippet) - 1] + 1
        overlap = Counter()
        for s_start, s_end, rule in spans:
            overlap[(rule, s_start, s_end)] = max(0, min(end, s_end) - max(start, s_start))
        best = max(overlap.items(), key=lambda item: (item[1], item[0][2] - item[0][1]), default=None)
        if best is None or best[1] == 0:
            by_rule["(changed, not removed)"] += 1
            examples.setdefault("(changed, not removed)", snippet)
            continue
        rule, s_start, s_end = best[0]
        by_rule[rule] += 1
        examples.setdefault(rule, raw[s_start:s_end])
    return by_rule, examples


def kept_chrome(page: Page, output: str) -> list[str]:
    """What the output kept that is not article: found "without" snippets, or output lines with no
    gold shingle (longest first)."""
    if page.without_snippets:
        text = norm(output)
        return [s for s in page.without_snippets if norm(s) in text]
    gold, gold_text = shingles(page.gold), norm(page.gold)
    lines = [norm(line) for line in output.splitlines() if line.strip()]
    chrome = [line for line in lines if line not in gold_text and not any(k in gold for k in shingles(line))]
    return sorted(chrome, key=len, reverse=True)


def short(text: str, width: int = 150) -> str:
    text = norm(text)
    return text if len(text) <= width else text[:width - 1] + "…"


def lost_gold(page: Page, raw: str, cleaned, metric, index: int) -> tuple[str, Counter, dict[str, str]]:
    """The unit, and the gold lost by rule with an example span per rule."""
    if page.with_snippets:
        return "snippets", *lost_snippets_by_rule(raw, cleaned, page.with_snippets)
    return "shingles", *lost_shingles_by_rule(raw, cleaned, metric.gold[index])


def print_page(page: Page, raw: str, cleaned, counts, raw_counts, metric, index: int) -> None:
    precision, recall = metric.page_scores(*counts)
    flag = " [article lost]" if article_lost(raw_counts, counts) else ""
    print(f"  F1 {f1(precision or 0.0, recall or 0.0):.2f}  P {fmt(precision)}  R {fmt(recall)}  "
          f"raw R {page_recall(raw_counts):.2f}  [{page.language}]{flag}  {page.url}")
    unit, by_rule, examples = lost_gold(page, raw, cleaned, metric, index)
    if by_rule:
        print(f"      gold lost ({unit}): " + ", ".join(f"{rule} {k}" for rule, k in by_rule.most_common()))
        for rule, _ in by_rule.most_common(2):
            print(f"        {rule}: \"{short(examples.get(rule, ''))}\"")
    chrome = kept_chrome(page, cleaned.text)
    if chrome:
        print(f"      kept, not article ({len(chrome)}): " + " | ".join(f"\"{short(c, 70)}\"" for c in chrome[:4]))


def fmt(value: float | None) -> str:
    return "  - " if value is None else f"{value:.2f}"


def print_worst(pages: Sequence[Page], texts: Sequence[str], run: Run, counts, raw_counts, metric, n: int) -> None:
    """The n pages with the lowest F1 in detail, then one line for every other page whose article
    was lost."""
    order = sorted(range(len(pages)), key=lambda i: (f1(*(v or 0.0 for v in metric.page_scores(*counts[i]))),
                                                     page_recall(counts[i]), i))
    worst = order[:n]
    lost = [i for i in order[n:] if article_lost(raw_counts[i], counts[i])]
    print(f"\n  {run.label}: the {len(worst)} worst pages" + (f"; {len(lost)} more whose article was lost" if lost else ""))
    for i in worst:
        print_page(pages[i], texts[i], run.cleaned[i], counts[i], raw_counts[i], metric, i)
    for i in lost:
        _, by_rule, _ = lost_gold(pages[i], texts[i], run.cleaned[i], metric, i)
        print(f"  lost: R {page_recall(raw_counts[i]):.2f} -> {page_recall(counts[i]):.2f}  [{pages[i].language}]  "
              f"{pages[i].url}  (" + ", ".join(f"{rule} {k}" for rule, k in by_rule.most_common(3)) + ")")


# ---------------------------------------------------------------------------------------------


SET_TITLES = {"scrapinghub": "ScrapingHub article-extraction benchmark",
              "trafilatura": "trafilatura evaluation set"}


def measure_set(set_name: str, pages: list[Page], conversions: Sequence[str], anchors: bool, worst: int) -> dict:
    metric = ShingleMetric(pages) if set_name == "scrapinghub" else SnippetMetric(pages)
    html_rows = html_runs(set_name, pages) if anchors else []
    languages = Counter(page.language for page in pages)
    results: dict = {"pages": len(pages), "languages": dict(languages.most_common()), "conversions": {}}
    for conversion in conversions:
        texts, speed = convert(pages, conversion)
        raw_counts = [metric.counts(i, text) for i, text in enumerate(texts)]
        runs = [Run("doing nothing", list(texts), 0.0), *run_tidings(pages, texts)]
        if anchors:
            runs += text_line_runs(set_name, texts) + html_rows
        rows = [(run.label, score(run, pages, metric, raw_counts)) for run in runs]
        title = (f"{SET_TITLES[set_name]}: {len(pages)} pages, {metric.name} metric; "
                 f"text by {CONVERSIONS[conversion][0]}"
                 + (f" ({speed:.0f} pages/s)" if speed else " (cached)")
                 + "\nlanguages: " + ", ".join(f"{code} {k}" for code, k in languages.most_common(8)))
        print_table(title, rows)
        if worst:
            print_worst(pages, texts, runs[1], dict(rows)[runs[1].label]["_counts"], raw_counts, metric, worst)
        results["conversions"][conversion] = {
            "pages_per_second": speed or None,
            "methods": {label: {k: v for k, v in figures.items() if k != "_counts"} for label, figures in rows},
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SET_TITLES), action="append", help="one set (repeatable); default both")
    parser.add_argument("--conversion", choices=sorted(CONVERSIONS), action="append",
                        help="one conversion (repeatable); default both")
    parser.add_argument("--limit", type=int, default=None, help="the first N pages of each set")
    parser.add_argument("--no-anchors", action="store_true", help="skip jusText and trafilatura")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="print the N worst pages for tidings.clean, and every page whose article was lost")
    parser.add_argument("--json", type=Path, default=None, metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    print(f"tidings {tidings.__version__} ({tidings.build_profile} build)")
    conversions = args.conversion or list(CONVERSIONS)
    results: dict = {}
    for set_name in args.set or list(SET_TITLES):
        pages = load_set(set_name, args.limit)
        if pages is None:
            print(f"\n{SET_TITLES[set_name]}: not in ../shared/data/article-pages; skipped", file=sys.stderr)
            continue
        results[set_name] = measure_set(set_name, pages, conversions, not args.no_anchors, args.worst)
    elapsed = time.perf_counter() - started
    print(f"\nwhole run: {elapsed:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"seconds": elapsed, "sets": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
