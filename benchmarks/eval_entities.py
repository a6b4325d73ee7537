"""Entity figures in one run, anchors beside: CoNLL-2003 F1, canonical entities against GUM
Wikinews' Wikipedia links (B-cubed), the seed documents, and tagging speed.

    python benchmarks/eval_entities.py [--split testb] [--no-spacy] [--no-speed] [--repeat 1]

1. CoNLL-2003 PER/LOC/ORG exact-span F1 (reader, span mapping and scorer of ``eval_conll.py``),
   tidings and spaCy ``en_core_web_sm`` in the same run. Never trained on CoNLL; tune on
   ``--split testa`` and report ``testb``.
2. Canonicalisation on GUM Wikinews (43 documents, tagged together in one call so that joins
   across documents count). Gold mentions: spans carrying a Wikipedia identity link that
   contain a proper noun and are typed person, place or organization (GUM also links pronouns,
   common-noun phrases and abstract/object/event mentions, which a name tagger does not find;
   the figure over every linked mention is printed beside). A tidings mention (DATE excluded)
   matches a gold mention when its span is identical, else when it overlaps the gold mention's
   minimal span (GUM's ``minspan``, the head words); each tidings mention matches at most one
   gold mention, identical spans first, then the largest overlap. Predicted cluster = tidings'
   ``entity`` (corpus-wide), gold cluster = the Wikipedia title; B-cubed precision, recall and
   F1 average over gold mentions. A gold mention no tidings mention matches is a cluster of its
   own (it costs recall when its entity has other mentions); ``matched only`` scores just the
   matched mentions, which isolates the joining from the finding. Anchors: tidings with
   ``canonical=False`` (each mention its own surface name) and spaCy's mentions clustered by
   their text. The shipped model saw GUM's sentences in training (all 43 documents), so the
   share matched is optimistic; the joins are not learned from GUM.
3. The seed checks of ``tests/test_tag.py`` (people, places, organisations, titles, offsets).
4. Speed of ``tidings.tag`` on the cleaned BBC + Reuters-21578 texts: words/s of wall time with
   every core, and words per CPU-second with one worker (steadier when the machine is shared).
   Indicative: compare runs on one quiet machine only.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from _corpora import DATA, best_of, news_frame
from eval_conll import SPACY_MAP, TIDINGS_MAP, build, gold_spans, read_conll, report, score, to_tokens

ROOT = Path(__file__).resolve().parents[1]
GUM = DATA / "gum_wikinews"
NAMED_TYPES = ("person", "place", "organization")

# --- 1. CoNLL-2003 ---------------------------------------------------------------------------


def conll(split: str, spacy_nlp: object | None) -> None:
    path = DATA / "conll2003" / f"eng.{split}"
    if not path.exists():
        print(f"CoNLL-2003 not found at {path}; skipped")
        return
    import tidings

    docs = [build(d) for d in read_conll(path)]
    texts = [d[0] for d in docs]
    gold = [gold_spans(d[2]) for d in docs]
    print(f"\n== CoNLL-2003 eng.{split}: {len(texts)} documents, {sum(map(len, gold))} PER/LOC/ORG entities")
    started = time.perf_counter()
    mentions = tidings.tag(texts, progress=False)
    seconds = time.perf_counter() - started
    found = [(row.doc, row.start, row.end, row.label) for row in mentions.itertuples(index=False)]
    report(f"tidings {tidings.__version__}", score(gold, conll_spans(docs, found, TIDINGS_MAP)), seconds)
    if spacy_nlp is not None:
        started = time.perf_counter()
        parsed = list(spacy_nlp.pipe(texts, batch_size=64))  # type: ignore[attr-defined]
        seconds = time.perf_counter() - started
        found = [(d, e.start_char, e.end_char, e.label_) for d, doc in enumerate(parsed) for e in doc.ents]
        version = spacy_nlp.meta.get("version", "")  # type: ignore[attr-defined]
        report(f"spaCy en_core_web_sm {version}", score(gold, conll_spans(docs, found, SPACY_MAP)), seconds)


def conll_spans(docs: list, found: Iterable[tuple[int, int, int, str]], labels: dict[str, str]) -> list[set]:
    """Character mentions → per-document sets of (first token, end token, CoNLL type)."""
    pred: list[set] = [set() for _ in docs]
    for doc, start, end, label in found:
        kind = labels.get(label)
        span = to_tokens(docs[doc][1], start, end) if kind else None
        if span:
            pred[doc].add((*span, kind))
    return pred


# --- 2. GUM Wikinews: canonical entities against Wikipedia links ------------------------------

# One item of a CoNLL-U ``Entity=`` value: an opener "(id-type-...-identity" (closed at once by
# ")" for a one-token mention) or a closer "id)".
_ENTITY_ITEM = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


@dataclass(frozen=True)
class GoldMention:
    doc: int
    start: int
    end: int
    head: tuple[tuple[int, int], ...]  # character spans of the minimal-span tokens
    etype: str
    identity: str | None  # Wikipedia title, None when unlinked
    named: bool  # contains a PROPN token


def read_gum(path: Path, doc: int) -> tuple[str, list[GoldMention]]:
    """One GUM ``.conllu`` file → (document text, its entity mentions).

    Text: tokens joined by single spaces unless ``SpaceAfter=No``, sentences by a space,
    paragraphs (``# newpar``) by a blank line. Multi-word token ranges and empty nodes skipped.
    """
    parts: list[str] = []
    position = 0
    tokens: list[tuple[int, int, str]] = []  # start, end, UPOS
    open_mentions: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    raw: list[tuple[int, int, list[str]]] = []  # first token, end token, fields
    gap = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            gap = "\n\n" if tokens else ""
            continue
        if line.startswith("#") or not line.strip():
            if not line.strip() and tokens and not gap:
                gap = " "
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue
        parts.append(gap)
        position += len(gap)
        tokens.append((position, position + len(cols[1]), cols[3]))
        parts.append(cols[1])
        position += len(cols[1])
        misc = cols[9].split("|")
        gap = "" if "SpaceAfter=No" in misc else " "
        k = len(tokens) - 1
        for item in misc:
            if not item.startswith("Entity="):
                continue
            for m in _ENTITY_ITEM.finditer(item[len("Entity="):]):
                if m.group(1):
                    fields = m.group(1).split("-")
                    if m.group(2):
                        raw.append((k, k + 1, fields))
                    else:
                        open_mentions[fields[0]].append((k, fields))
                else:
                    first, fields = open_mentions[m.group(3)].pop()
                    raw.append((first, k + 1, fields))
    mentions = []
    for first, end, fields in raw:
        heads = [first + int(i) - 1 for i in fields[5].split(",") if i.isdigit()]
        heads = [h for h in heads if first <= h < end] or list(range(first, end))
        mentions.append(
            GoldMention(
                doc=doc,
                start=tokens[first][0],
                end=tokens[end - 1][1],
                head=tuple((tokens[h][0], tokens[h][1]) for h in heads),
                etype=fields[1],
                identity=urllib.parse.unquote(fields[7]) if len(fields) > 7 and fields[7] else None,
                named=any(tokens[t][2] == "PROPN" for t in range(first, end)),
            )
        )
    return "".join(parts), sorted(mentions, key=lambda g: (g.start, -g.end))


def match_mentions(
    gold: list[GoldMention], found: Iterable[tuple[int, int, int, Hashable]]
) -> dict[int, Hashable]:
    """Gold mention index → cluster of the found mention matched to it (see the module doc)."""
    by_doc: dict[int, list[tuple[int, int, Hashable]]] = defaultdict(list)
    for doc, start, end, cluster in found:
        by_doc[doc].append((start, end, cluster))
    assigned: dict[int, Hashable] = {}
    used: set[tuple[int, int]] = set()  # (doc, index of the found mention)
    candidates = []
    for g, mention in enumerate(gold):
        for f, (start, end, _) in enumerate(by_doc[mention.doc]):
            if (start, end) == (mention.start, mention.end):
                candidates.append((0, 0, g, f))
            else:
                overlap = sum(max(0, min(end, he) - max(start, hs)) for hs, he in mention.head)
                if overlap:
                    candidates.append((1, -overlap, g, f))
    for _, _, g, f in sorted(candidates):
        doc = gold[g].doc
        if g in assigned or (doc, f) in used:
            continue
        assigned[g] = by_doc[doc][f][2]
        used.add((doc, f))
    return assigned


def b_cubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of two clusterings of the same mentions."""
    if not gold:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(gold, pred))
    gold_size, pred_size = Counter(gold), Counter(pred)
    precision = sum(pairs[g, p] / pred_size[p] for g, p in zip(gold, pred)) / len(gold)
    recall = sum(pairs[g, p] / gold_size[g] for g, p in zip(gold, pred)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def canonical_scores(gold: list[GoldMention], assigned: dict[int, Hashable]) -> str:
    """B-cubed over all gold mentions (unmatched ones as singletons) and over matched ones."""
    everyone = [m.identity for m in gold]
    predicted: list[Hashable] = [assigned.get(g, ("unmatched", g)) for g in range(len(gold))]
    p, r, f = b_cubed(everyone, predicted)
    matched = sorted(assigned)
    mp, mr, mf = b_cubed([everyone[g] for g in matched], [assigned[g] for g in matched])
    share = len(matched) / len(gold) if gold else 0.0
    return (
        f"B3 F1 {f:.4f} (P {p:.4f} R {r:.4f})  matched {len(matched)}/{len(gold)} ({share:.1%}); "
        f"matched only: F1 {mf:.4f} (P {mp:.4f} R {mr:.4f})"
    )


def gum(spacy_nlp: object | None) -> None:
    files = sorted(GUM.glob("*.conllu"))
    if not files:
        print(f"GUM Wikinews not found at {GUM}; skipped")
        return
    import tidings

    texts, mentions = [], []
    for doc, path in enumerate(files):
        text, found = read_gum(path, doc)
        texts.append(text)
        mentions.extend(found)
    linked = [m for m in mentions if m.identity]
    named = [m for m in linked if m.named and m.etype in NAMED_TYPES]
    print(
        f"\n== GUM Wikinews: {len(texts)} documents; {len(named)} named person/place/organization mentions "
        f"with a Wikipedia link ({len({m.identity for m in named})} entities, "
        f"{sum(1 for ms in _documents_per_identity(named).values() if len(ms) > 1)} in more than one document); "
        f"{len(linked)} linked mentions in all"
    )
    runs: list[tuple[str, Callable[[], list[tuple[int, int, int, Hashable]]]]] = []
    for canonical in (True, False):

        def tag(canonical: bool = canonical) -> list[tuple[int, int, int, Hashable]]:
            found = tidings.tag(texts, canonical=canonical, progress=False)
            found = found[found.label != "DATE"]
            return list(zip(found.doc, found.start, found.end, found.entity))

        runs.append((f"tidings {tidings.__version__}" + ("" if canonical else ", canonical=False"), tag))
    if spacy_nlp is not None:

        def spacy_surface() -> list[tuple[int, int, int, Hashable]]:
            parsed = spacy_nlp.pipe(texts, batch_size=16)  # type: ignore[attr-defined]
            return [
                (d, e.start_char, e.end_char, " ".join(e.text.split()))
                for d, doc in enumerate(parsed)
                for e in doc.ents
                if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
            ]

        runs.append(("spaCy en_core_web_sm, same text", spacy_surface))
    for name, run in runs:
        clusters = run()
        print(f"{name:<34} named:  {canonical_scores(named, match_mentions(named, clusters))}")
        print(f"{'':<34} linked: {canonical_scores(linked, match_mentions(linked, clusters))}")


def _documents_per_identity(mentions: list[GoldMention]) -> dict[str, set[int]]:
    docs: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        docs[m.identity or ""].add(m.doc)
    return docs


# --- 3. The seed documents --------------------------------------------------------------------


def seeds() -> None:
    spec = importlib.util.spec_from_file_location("seed_checks", ROOT / "tests" / "test_tag.py")
    assert spec and spec.loader
    checks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks)
    if not checks.SEEDS.is_dir():
        print("\nseed documents not found; skipped")
        return
    import tidings

    texts = [p.read_text(encoding="utf-8") for p in sorted(checks.SEEDS.glob("*.txt"))]
    mentions = tidings.tag(texts, progress=False)
    names = sorted(n for n in dir(checks) if n.startswith("test_seed_"))
    failed = []
    for name in names:
        try:
            getattr(checks, name)(mentions)
        except AssertionError as err:
            failed.append(f"{name}: {err or 'assertion failed'}")
    print(f"\n== Seeds ({len(texts)} documents): {len(names) - len(failed)}/{len(names)} checks of tests/test_tag.py pass")
    for line in failed:
        print("  FAILED", line)


# --- 4. Speed ----------------------------------------------------------------------------------


def speed(repeat: int) -> None:
    frame = news_frame()
    if frame is None:
        print("\nBBC or Reuters-21578 not found; speed skipped")
        return
    import tidings

    texts = tidings.Corpus.from_pandas(frame, date="date", source="source").clean(progress=False).texts
    words = int(tidings.describe(texts, progress=False).words.sum())
    tidings.tag(texts[:5], progress=False)  # load the model outside the timing
    seconds = best_of(repeat, lambda: tidings.tag(texts, progress=False))
    # CPU time of one worker is less disturbed by other work on a shared machine than wall time.
    started = time.process_time()
    tidings.tag(texts, workers=1, progress=False)
    cpu = time.process_time() - started
    print(
        f"\n== Speed (indicative): tidings.tag on cleaned BBC + Reuters, {len(texts):,} documents, {words:,} words "
        f"(build {tidings.build_profile}): all cores {words / seconds:,.0f} words/s ({seconds:.2f} s wall, best of "
        f"{repeat}); one worker {words / cpu:,.0f} words per CPU-second ({cpu:.2f} s CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="testb", choices=["testa", "testb"])
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy anchors")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--repeat", type=int, default=1, help="speed: best of this many runs")
    args = parser.parse_args()
    import tidings

    if tidings.build_profile != "release":
        print("warning: tidings is a debug build; timings are not representative", file=sys.stderr)
    spacy_nlp = None
    if not args.no_spacy:
        from _spacy import load_spacy_ner

        spacy_nlp = load_spacy_ner()
    conll(args.split, spacy_nlp)
    gum(spacy_nlp)
    seeds()
    if not args.no_speed:
        speed(args.repeat)


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    main()
