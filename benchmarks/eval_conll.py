"""Entity-level exact-span F1 on CoNLL-2003 (PER, LOC, ORG): tidings vs spaCy en_core_web_sm.

    python benchmarks/eval_conll.py [--split testb|testa] [--no-spacy] [--error-classes N]

Evaluation only: CoNLL-2003 is never used for training (the split ``testa`` may guide tuning
decisions; ``testb`` is the reported figure). Each CoNLL document becomes one text: tokens
joined by spaces, sentences separated by blank lines. Predicted spans are mapped back to tokens
and compared with the gold spans (IOB1) by type and exact boundaries. Labels: tidings
PERSON→PER, LOC→LOC, ORG→ORG; spaCy PERSON→PER, GPE/LOC→LOC, ORG→ORG. Other labels (MISC,
NORP, DATE...) are not scored. Both taggers are measured by this script in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "conll2003"
TYPES = ("PER", "LOC", "ORG")
TIDINGS_MAP = {"PERSON": "PER", "LOC": "LOC", "ORG": "ORG"}
SPACY_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (token, IOB1 tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(sentence)
                sentence = []
            continue
        parts = line.split()
        sentence.append((parts[0], parts[-1]))
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """IOB1 → (start, end, type): an entity starts at B-X, or at I-X after a non-X tag."""
    spans = set()
    start, kind = None, None
    for i, tag in enumerate(tags + ["O"]):
        t = tag[2:] if tag != "O" else None
        begins = t is not None and (tag.startswith("B-") or t != kind)
        if kind is not None and (t != kind or begins):
            spans.add((start, i, kind))
            kind = None
        if t is not None and (kind is None or begins):
            start, kind = i, t
    return {s for s in spans if s[2] in TYPES}


def build(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]], list[str]]:
    text_parts, offsets, tags = [], [], []
    position = 0
    for s, sentence in enumerate(doc):
        if s:
            text_parts.append("\n\n")
            position += 2
        for k, (token, tag) in enumerate(sentence):
            if k:
                text_parts.append(" ")
                position += 1
            offsets.append((position, position + len(token)))
            text_parts.append(token)
            position += len(token)
            tags.append(tag)
    return "".join(text_parts), offsets, tags


def to_tokens(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Token range covering the char span [start, end)."""
    first = next((i for i, (s, e) in enumerate(offsets) if e > start), None)
    last = next((i for i in range(len(offsets) - 1, -1, -1) if offsets[i][0] < end), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for kind in TYPES + ("ALL",):
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            g = {x for x in g if kind == "ALL" or x[2] == kind}
            p = {x for x in p if kind == "ALL" or x[2] == kind}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = (precision, recall, f1)
    return out


def error_classes(gold: list[set], pred: list[set], tokens: list[list[str]]) -> dict[str, Counter]:
    """Each gold entity tidings got wrong and each spurious span, by class: ``type G->P`` (same
    span, other type), ``boundary G[->P]`` (an overlapping span), ``missed G``, ``spurious P``;
    counted by surface ("gold ~ predicted" for boundaries)."""
    classes: dict[str, Counter] = {}
    for d, (g, p) in enumerate(zip(gold, pred)):
        words = tokens[d]
        spurious, used = p - g, set()
        for s, e, k in sorted(g - p):
            same = [x for x in sorted(spurious) if (x[0], x[1]) == (s, e)]
            over = [x for x in sorted(spurious) if x[0] < e and s < x[1]]
            if same:
                used.add(same[0])
                cls, key = f"type {k}->{same[0][2]}", " ".join(words[s:e])
            elif over:
                used.update(over)
                o = over[0]
                cls = f"boundary {k}" + ("" if o[2] == k else f"->{o[2]}")
                key = f"{' '.join(words[s:e])} ~ {' '.join(words[o[0]:o[1]])}"
            else:
                cls, key = f"missed {k}", " ".join(words[s:e])
            classes.setdefault(cls, Counter())[key] += 1
        for s, e, k in sorted(spurious - used):
            classes.setdefault(f"spurious {k}", Counter())[" ".join(words[s:e])] += 1
    return classes


def report(name: str, result: dict[str, tuple[float, float, float]], seconds: float) -> None:
    cells = "  ".join(f"{k} P {p:.3f} R {r:.3f} F1 {f:.3f}" for k, (p, r, f) in result.items() if k != "ALL")
    p, r, f = result["ALL"]
    print(f"{name:<26} F1 {f:.4f}  (P {p:.4f} R {r:.4f})  {seconds:6.1f} s   {cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="testb", choices=["testa", "testb"])
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy anchor")
    parser.add_argument("--errors", type=int, default=0, help="print this many tidings errors")
    parser.add_argument(
        "--error-classes", type=int, default=0, metavar="N",
        help="count tidings' errors by class (missed, spurious, wrong type, wrong boundary) "
        "with the N most frequent surfaces of each",
    )
    args = parser.parse_args()
    path = DATA / f"eng.{args.split}"
    if not path.exists():
        sys.exit(f"CoNLL-2003 not found at {path} (the shared data folder beside the repository)")
    import tidings

    if tidings.build_profile != "release":
        print("warning: tidings is a debug build; timings are not representative", file=sys.stderr)
    docs = [build(d) for d in read_conll(path)]
    texts = [d[0] for d in docs]
    gold = [gold_spans(d[2]) for d in docs]
    print(f"CoNLL-2003 eng.{args.split}: {len(texts)} documents, {sum(len(g) for g in gold)} PER/LOC/ORG entities")

    started = time.perf_counter()
    mentions = tidings.tag(texts)
    seconds = time.perf_counter() - started
    pred: list[set] = [set() for _ in texts]
    for row in mentions.itertuples(index=False):
        kind = TIDINGS_MAP.get(row.label)
        span = to_tokens(docs[row.doc][1], row.start, row.end) if kind else None
        if span:
            pred[row.doc].add((*span, kind))
    report(f"tidings {tidings.__version__}", score(gold, pred), seconds)
    if args.errors:
        shown = Counter()
        for d, (g, p) in enumerate(zip(gold, pred)):
            tokens = [docs[d][0][s:e] for s, e in docs[d][1]]
            for s, e, k in sorted(g - p)[:3]:
                if shown["fn"] < args.errors:
                    shown["fn"] += 1
                    print("  missed", k, " ".join(tokens[s:e]), "| context:", " ".join(tokens[max(0, s - 4):e + 3]))
            for s, e, k in sorted(p - g)[:3]:
                if shown["fp"] < args.errors:
                    shown["fp"] += 1
                    print("  wrong ", k, " ".join(tokens[s:e]), "| context:", " ".join(tokens[max(0, s - 4):e + 3]))

    if args.error_classes:
        tokens = [[docs[d][0][s:e] for s, e in docs[d][1]] for d in range(len(docs))]
        classes = error_classes(gold, pred, tokens)
        for cls, surfaces in sorted(classes.items(), key=lambda kv: -sum(kv[1].values())):
            common = "; ".join(f"{k} ×{n}" for k, n in surfaces.most_common(args.error_classes))
            print(f"  {cls}: {sum(surfaces.values())}  {common}")

    if not args.no_spacy:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _spacy import load_spacy_ner

        nlp = load_spacy_ner()
        started = time.perf_counter()
        spacy_docs = list(nlp.pipe(texts, batch_size=64))
        seconds = time.perf_counter() - started
        spacy_pred: list[set] = [set() for _ in texts]
        for d, doc in enumerate(spacy_docs):
            for ent in doc.ents:
                kind = SPACY_MAP.get(ent.label_)
                span = to_tokens(docs[d][1], ent.start_char, ent.end_char) if kind else None
                if span:
                    spacy_pred[d].add((*span, kind))
        report(f"spaCy en_core_web_sm {nlp.meta.get('version', '')}", score(gold, spacy_pred), seconds)


if __name__ == "__main__":
    main()
