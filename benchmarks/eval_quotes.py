"""Quote extraction scored against the hand-labelled gold set (``quotes_gold.jsonl``).

    python benchmarks/eval_quotes.py [--system all|tidings|baseline] [--threshold 0.5] [--errors 10]
    python benchmarks/eval_quotes.py --show bbc/politics/239.txt

The gold set (65 articles: the five seeds, the 30 sample-corpus articles and 30 BBC articles;
labelling rules in ``QUOTES_GUIDELINE.md``) is anchored on ``tidings.clean(raw).text``; the systems
get those cleaned texts and return one row per quote with ``doc`` (position in the list),
``start``, ``end``, ``quote``, ``speaker``, ``speaker_text``, ``cue`` and ``kind``.

Matching. Spans are compared as sets of word tokens (``\\w+``): a predicted and a gold quote of the
same article match when they share at least ``threshold`` (0.5) of the tokens of the *longer* of
the two, so a sentence-long prediction cannot match a three-word partial quote and a fragment
cannot match a paragraph. Pairs are matched one-to-one, best overlap first. Quote precision is
matched / predicted, recall matched / gold. "Exact" counts matches with the same token set.

Speakers are scored end to end: a quote counts when it is matched *and* its speaker is right, over
all predicted and all gold quotes. Names are compared case-, accent-, space- and
apostrophe-insensitively, without a leading "the". Also right: a name in the gold's
``also_accept``; a spelling variant (one edit in names of 6+ characters, two in 16+: "Rowhani" /
"Rouhani"); a bare surname for a full name or the reverse ("Putin" / "Vladimir Putin"), unless
another gold speaker of the same article has that surname ("Robinson" when both Andy and Jason
Robinson speak). A gold quote with no speaker wants an empty speaker.

The regex baseline (quotation-mark pairs, "said"-type sentences, the capitalised name nearest to
the cue, pronouns resolved to the last name before them) anchors the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _quotes_gold import Article, Quote, load_gold  # noqa: E402

KINDS = ("direct", "partial", "reported")
WORD = re.compile(r"\w+")
Row = dict  # one predicted quote: doc, start, end, quote, speaker, speaker_text, cue, kind


# --- matching and scoring ---------------------------------------------------------------------

def token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def tokens_in(spans: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(spans) if s < end and e > start)


def match(gold: list[frozenset[int]], pred: list[frozenset[int]], threshold: float) -> dict[int, int]:
    """One-to-one gold → predicted index pairs, best overlap (relative to the longer span) first."""
    pairs = []
    for g, gt in enumerate(gold):
        for p, pt in enumerate(pred):
            longer = max(len(gt), len(pt))
            shared = len(gt & pt)
            if longer and shared / longer >= threshold:
                pairs.append((shared / longer, g, p))
    taken_g: dict[int, int] = {}
    taken_p: set[int] = set()
    for _, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in taken_g and p not in taken_p:
            taken_g[g] = p
            taken_p.add(p)
    return taken_g


def fold_name(name: object) -> str:
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").casefold()
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def edits(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def close(a: str, b: str) -> bool:
    """Equal, or a spelling variant: one edit in names of 6+ characters, two in 16+."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    allowed = 2 if shorter >= 16 else 1 if shorter >= 6 else 0
    return allowed > 0 and abs(len(a) - len(b)) <= allowed and edits(a, b) <= allowed


def same_speaker(quote: Quote, predicted: object, shared_surnames: set[str]) -> bool:
    guess = fold_name(predicted)
    names = [fold_name(n) for n in [quote.speaker, *quote.also_accept]]
    if not names[0]:
        return not guess
    if not guess:
        return False
    for name in names:
        if close(name, guess):
            return True
        short, full = sorted((name.split(), guess.split()), key=len)
        if len(short) == 1 and len(full) > 1 and short[0] not in shared_surnames and close(short[0], full[-1]):
            return True
    return False


def surnames_shared(article: Article) -> set[str]:
    """Surnames that two different gold speakers of the article share."""
    by_surname: dict[str, set[str]] = {}
    for quote in article.quotes:
        name = fold_name(quote.speaker)
        if " " in name:
            by_surname.setdefault(name.split()[-1], set()).add(name)
    return {s for s, names in by_surname.items() if len(names) > 1}


def score(articles: list[Article], predictions: list[list[Row]], threshold: float) -> dict[str, Counter]:
    """Counts per section ('all', each kind, each source set) that ``report`` turns into figures."""
    counts: dict[str, Counter] = {}
    for article, rows in zip(articles, predictions):
        spans = token_spans(article.text)
        gold = [tokens_in(spans, q.start, q.end) for q in article.quotes]
        pred = [tokens_in(spans, r["start"], r["end"]) for r in rows]
        pairs = match(gold, pred, threshold)
        shared = surnames_shared(article)
        source = article.id.split("/")[0]
        for section in ("all", source):
            c = counts.setdefault(section, Counter())
            c["gold"] += len(gold)
            c["pred"] += len(pred)
        for g, quote in enumerate(article.quotes):
            p = pairs.get(g)
            right_speaker = p is not None and same_speaker(quote, rows[p].get("speaker"), shared)
            for section in ("all", source, quote.kind):
                c = counts.setdefault(section, Counter())
                c["gold_in_section"] += 1
                c["matched"] += p is not None
                c["speaker_right"] += right_speaker
                if p is not None:
                    c["exact"] += gold[g] == pred[p]
                    c["kind_right"] += rows[p].get("kind") == quote.kind
                    c["cue_right"] += fold_name(rows[p].get("cue")) == fold_name(quote.cue)
        for p, row in enumerate(rows):
            kind = row.get("kind")
            if kind in KINDS:
                counts.setdefault(kind, Counter())["pred_of_kind"] += 1
                counts[kind]["pred_of_kind_matched"] += p in pairs.values()
    return counts


def prf(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, counts: dict[str, Counter]) -> None:
    c = counts["all"]
    qp, qr, qf = prf(c["matched"], c["pred"], c["gold"])
    ep, er, ef = prf(c["exact"], c["pred"], c["gold"])
    sp, sr, sf = prf(c["speaker_right"], c["pred"], c["gold"])
    matched = max(c["matched"], 1)
    print(f"{name}")
    print(f"  quotes    P {qp:.3f}  R {qr:.3f}  F1 {qf:.3f}   ({c['matched']} of {c['gold']} gold matched, {c['pred']} predicted)")
    print(f"  exact     P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}")
    print(f"  speakers  P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}   (right on {c['speaker_right'] / matched:.1%} of matched quotes)")
    print(f"  on matched quotes: kind right {c['kind_right'] / matched:.1%}, cue right {c['cue_right'] / matched:.1%}")
    for kind in KINDS:
        k = counts.get(kind, Counter())
        precision = k["pred_of_kind_matched"] / k["pred_of_kind"] if k["pred_of_kind"] else float("nan")
        print(f"  {kind:<9} recall {k['matched'] / max(k['gold_in_section'], 1):.3f}  "
              f"speaker recall {k['speaker_right'] / max(k['gold_in_section'], 1):.3f}  "
              f"precision of rows labelled {kind} {precision:.3f}   ({k['gold_in_section']} gold)")
    for source in ("seeds", "sample", "bbc"):
        s = counts.get(source)
        if s:
            print(f"  {source:<9} quotes F1 {prf(s['matched'], s['pred'], s['gold'])[2]:.3f}  "
                  f"speakers F1 {prf(s['speaker_right'], s['pred'], s['gold'])[2]:.3f}   ({s['gold']} gold)")


def show_errors(articles: list[Article], predictions: list[list[Row]], threshold: float, limit: int) -> None:
    missed, wrong = [], []
    for article, rows in zip(articles, predictions):
        spans = token_spans(article.text)
        gold = [tokens_in(spans, q.start, q.end) for q in article.quotes]
        pairs = match(gold, [tokens_in(spans, r["start"], r["end"]) for r in rows], threshold)
        missed += [(article.id, q.kind, article.text[q.start:q.end]) for g, q in enumerate(article.quotes) if g not in pairs]
        wrong += [(article.id, r.get("kind"), article.text[r["start"]:r["end"]]) for p, r in enumerate(rows)
                  if p not in pairs.values()]
    for label, items in (("missed", missed), ("spurious", wrong)):
        for article_id, kind, quote in items[:limit]:
            print(f"  {label:<8} {article_id} [{kind}] {quote[:110]!r}")


# --- the regex baseline -------------------------------------------------------------------------

CUES = r"said|says|say|told|tells|added|adding|saying|insisted|stressed|warned|claimed|claims|according to"
CUE = re.compile(rf"\b(?:{CUES})\b")
NAME = re.compile(r"\b[A-Z][\w'’-]+(?: (?:(?:al|bin|de|van|von|Le)\b|[A-Z][\w'’-]+))*")
PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
ROLE_WORDS = {"Mr", "Ms", "Mrs", "Dr", "Sir", "Rev", "Rabbi", "Prince", "Lord", "President", "Prime", "Minister",
              "Foreign", "Deputy", "Secretary", "General", "Chief", "Major", "Shadow", "Former", "Energy",
              "Defence", "Home", "Office", "The", "But", "And", "In", "A", "An"}
NATIONALITY = re.compile(r"[A-Z]\w+(?:ian|ish|ese|an|i)$")
QUOTE_PAIR = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
CONTENT_FIRST_TAIL = re.compile(r"(?:on|in|after|last|this|earlier|at|from|to|when|as|while|during)\b|$")
Found = tuple[int, int, "re.Match[str] | None", str]  # start, end, cue, kind


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans covering the text: cut after . ! ? (and a closing mark) and at line breaks."""
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def strip_roles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0] in ROLE_WORDS or NATIONALITY.match(words[0])):
        words.pop(0)
    return " ".join(words)


def canonical(name: str, text: str, before: int) -> str:
    """The longest earlier name in the text that ends with ``name`` (for one-word mentions)."""
    if " " in name:
        return name
    longer = [strip_roles(m.group()) for m in NAME.finditer(text, 0, before)]
    longer = [n for n in longer if n.endswith(" " + name)]
    return max(longer, key=len) if longer else name


def speaker_near(text: str, cue: re.Match, last_speaker: str, content_after: bool) -> tuple[str, str]:
    """(canonical speaker, speaker text) for a cue: the nearest name or pronoun beside it within
    its sentence, only before it when the content follows the cue (or the cue is "told");
    a pronoun stands for the last speaker."""
    low, high = cue.start() - 80, cue.end() + 60
    for a, b in sentences(text):
        if a <= cue.start() < b:
            low, high = max(low, a), min(high, b)
    if content_after or cue.group() in ("told", "tells"):
        high = cue.end()
    found = [(m.start() - cue.end(), m) for m in NAME.finditer(text, cue.end(), high)][:1]
    found += [(cue.start() - m.end(), m) for m in NAME.finditer(text, max(low, 0), cue.start())][-1:]
    found += [(abs(m.start() - cue.start()), m) for m in PRONOUN.finditer(text, max(low, 0), min(high, cue.end() + 4))]
    found = [(d, m) for d, m in found if m.group() not in ROLE_WORDS]
    if not found:
        return "", ""
    mention = min(found, key=lambda x: x[0])[1]
    if PRONOUN.fullmatch(mention.group()):
        return last_speaker, mention.group()
    return canonical(strip_roles(mention.group()), text, mention.start()), mention.group()


def baseline(text: str) -> list[Row]:
    """Quotation-mark pairs (direct after , : or a sentence start, else partial; single words are
    skipped as scare quotes) and sentences with a speech cue (reported); the speaker is the name
    beside the cue, and a quote without a cue keeps the last speaker."""
    pairs = [m.span(1) if m.group(1) is not None else m.span(2) for m in QUOTE_PAIR.finditer(text)]
    pairs = [(s, e) for s, e in pairs if len(WORD.findall(text[s:e])) >= 2]
    rows: list[Row] = []
    last_speaker = ""
    for first, last in sentences(text):
        inside = [(s, e) for s, e in pairs if first <= s < last]
        if any(s < last and e > first for s, e in pairs) and not inside:
            continue  # the middle of a quote that started in an earlier sentence
        found: list[Found | None] = [_quoted(text, s, e, first, max(last, e)) for s, e in inside]
        found = found or [_reported(text, first, last)]
        for start, end, cue, kind in (f for f in found if f):
            speaker, mention = speaker_near(text, cue, last_speaker, cue.start() < start) if cue else (last_speaker, "")
            last_speaker = speaker or last_speaker
            rows.append({"start": start, "end": end, "quote": text[start:end], "speaker": speaker,
                         "speaker_text": mention, "cue": cue.group() if cue else "", "kind": kind})
    return rows


def _quoted(text: str, start: int, end: int, first: int, last: int) -> Found:
    lead = text[first:start - 1].rstrip()
    kind = "direct" if not lead or lead[-1] in ",:" else "partial"
    cues = [c for c in CUE.finditer(text, first, last + 1) if not start <= c.start() < end]
    cue = min(cues, key=lambda c: abs(c.start() - end)) if cues else None
    return start, end, cue, kind


def _reported(text: str, first: int, last: int) -> Found | None:
    body_end = first + len(text[first:last].rstrip(".!?\"”’' \n"))
    cue = CUE.search(text, first, body_end)
    if cue is None:
        return None
    comma = text.rfind(",", first, cue.start())
    tail = text[cue.end():body_end].strip()
    if comma > first and CONTENT_FIRST_TAIL.match(tail):
        return first, comma, cue, "reported"  # "Content, X said on Monday."
    skip = re.match(r"\s+(?:\w+\s+){0,3}?that\s+|\s+(?:reporters|the \w+)\s+|\s+", text[cue.end():body_end])
    start = cue.end() + (skip.end() if skip else 0)
    return (start, body_end, cue, "reported") if body_end > start else None


# --- systems and the command line ---------------------------------------------------------------

def tidings_system() -> Callable[[list[str]], list[list[Row]]] | None:
    extract = getattr(tidings, "quotes", None)
    if extract is None:
        return None

    def run(texts: list[str]) -> list[list[Row]]:
        frame = extract(texts)
        out: list[list[Row]] = [[] for _ in texts]
        for row in frame.to_dict("records"):
            doc = int(row["doc"])
            if not 0 <= doc < len(texts):
                raise SystemExit(f"tidings.quotes returned doc {row['doc']!r} for {len(texts)} texts")
            out[doc].append(row)
        return out

    return run


def offsets_checked(name: str, texts: list[str], predictions: list[list[Row]]) -> None:
    bad = sum(1 for text, rows in zip(texts, predictions) for r in rows
              if "quote" in r and text[r["start"]:r["end"]] != r["quote"])
    if bad:
        print(f"warning: {bad} {name} rows whose quote is not text[start:end]", file=sys.stderr)


def show(articles: list[Article], article_id: str) -> None:
    article = next((a for a in articles if a.id == article_id), None)
    if article is None:
        raise SystemExit(f"no gold article {article_id!r}")
    for n, q in enumerate(article.quotes):
        speaker = q.speaker or "(no speaker)"
        print(f"{n:>2} {q.kind:<8} {speaker!r} via {q.speaker_text!r} / cue {q.cue!r}: {article.text[q.start:q.end]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--system", default="all", choices=["all", "tidings", "baseline"])
    parser.add_argument("--threshold", type=float, default=0.5, help="shared share of the longer span's tokens")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and spurious quotes")
    parser.add_argument("--show", metavar="ID", help="print the gold quotes of one article and stop")
    args = parser.parse_args()
    articles = load_gold()
    if articles is None:
        sys.exit("the gold articles' sources (../shared beside the repository) are not there")
    if args.show:
        show(articles, args.show)
        return
    kinds = Counter(q.kind for a in articles for q in a.quotes)
    sets = Counter(a.id.split("/")[0] for a in articles)
    print(f"quote gold: {len(articles)} articles ({', '.join(f'{k} {v}' for k, v in sets.items())}), "
          f"{sum(kinds.values())} quotes ({', '.join(f'{k} {kinds[k]}' for k in KINDS)})")
    moved = [a for a in articles if a.reanchored]
    if moved:
        print(f"the cleaned text changed for {len(moved)} articles: labels re-anchored, "
              f"{sum(a.lost for a in moved)} could not be found and are left out")
    texts = [a.text for a in articles]
    systems: list[tuple[str, Callable[[list[str]], list[list[Row]]]]] = []
    if args.system in ("all", "baseline"):
        systems.append(("regex baseline", lambda ts: [baseline(t) for t in ts]))
    if args.system in ("all", "tidings"):
        extract = tidings_system()
        if extract is None:
            print(f"tidings {tidings.__version__} has no tidings.quotes yet: skipped")
        else:
            systems.append((f"tidings {tidings.__version__} ({tidings.build_profile})", extract))
    for name, system in systems:
        predictions = system(texts)
        offsets_checked(name, texts, predictions)
        report(name, score(articles, predictions, args.threshold))
        if args.errors:
            show_errors(articles, predictions, args.threshold, args.errors)


if __name__ == "__main__":
    main()
