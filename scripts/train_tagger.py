"""Train the shipped entity tagger: ``python scripts/train_tagger.py``.

Reads the GMB NER extract from ``../shared/data/gmb_ner/ner_dataset.csv`` (relative to the
repository root), cleans its known noise, trains the averaged perceptron in Rust
(``tidings._core._train_tagger``) and writes ``python/tidings/data/tagger.bin``. Deterministic:
the same data and seed give the same file. CoNLL-2003 is never read here.

Cleaning:
- the file is cp1252, not UTF-8; the last sentence is cut mid-way and is dropped;
- titles inside person spans ("President Bush", "Mr. Bush", a lone "Prime") become O, because
  tidings reports titles as an attribute of the person, not as part of the name;
- tags map to tidings labels: per→PERSON, org→ORG, geo→LOC, gpe (in practice demonyms)→NORP,
  and tim/art/eve/nat→O (dates are found by rules); a country or city tagged org or gpe in a
  span that the gazetteer lists as a place becomes LOC ("U.S." is tagged both ways in GMB);
- a copy of every 12th sentence is added in capitals, and another in Headline Case, so
  headlines are not strangers to the model.
"""

from __future__ import annotations

import argparse
import csv
import io
import time
from pathlib import Path

from tidings import _core

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GAZETTEER = ROOT / "python" / "tidings" / "data" / "gazetteer.tsv"
MODEL = ROOT / "python" / "tidings" / "data" / "tagger.bin"

TITLES = {
    "President", "Vice", "Prime", "Minister", "Secretary", "General", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr",
    "Mrs", "Ms", "Dr", "Chancellor", "King", "Queen", "Prince", "Princess", "Sheikh", "Ayatollah", "Senator",
    "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "Chief", "Commander", "Colonel", "Col.",
    "Major", "Maj.", "Lieutenant", "Lt.", "Captain", "Capt.", "Sergeant", "Sgt.", "Admiral", "Adm.", "Ambassador",
    "Envoy", "Judge", "Justice", "Pope", "Cardinal", "Bishop", "Archbishop", "Rev.", "Reverend", "Imam",
    "Spokesman", "Director", "Chairman", "Speaker", "Premier", "Emir", "Sultan", "Leader", "Professor", "Prof.",
    "Deputy", "Foreign", "Defense", "Defence", "Interior", "Finance", "Senior", "Acting", "Former", "former",
    "Supreme", "Crown", "Grand", "Attorney", "Brigadier", "Marshal", "Sir", "Lord", "Lady", "Secretary-General",
    "Opposition", "opposition", "leader", "President-elect", "Vice-President", "Lieutenant-General",
}

TYPE_MAP = {"per": "PERSON", "org": "ORG", "geo": "LOC", "gpe": "NORP"}


def load_gazetteer(wanted: str) -> set[str]:
    names = set()
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        surface, label = line.split("\t")[:2]
        if label == wanted:
            names.add(surface)
    return names


def read_gmb(path: Path) -> list[tuple[list[str], list[str]]]:
    text = path.read_bytes().decode("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)  # header
    sentences: list[tuple[list[str], list[str]]] = []
    for row in reader:
        marker, word, _pos, tag = row
        if marker.startswith("Sentence:"):
            sentences.append(([], []))
        sentences[-1][0].append(word)
        sentences[-1][1].append(tag)
    return sentences[:-1]  # the last sentence is cut off


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        kind = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{kind}":
            j += 1
        out.append((i, j, kind))
        i = j
    return out


def clean(words: list[str], tags: list[str], places: set[str]) -> list[str]:
    out = ["O"] * len(words)
    for start, end, kind in spans(tags):
        label = TYPE_MAP.get(kind)
        if label is None:
            continue
        if label == "PERSON":
            while start < end and words[start] in TITLES:
                start += 1
            if start == end:
                continue
        surface = " ".join(words[start:end])
        if label in ("ORG", "NORP") and surface in places and surface not in ("Kremlin", "Pentagon", "White House"):
            label = "LOC"
        if surface in ("U.N.", "UN"):
            label = "ORG"
        out[start] = f"B-{label}"
        for k in range(start + 1, end):
            out[k] = f"I-{label}"
    return out


GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "LOC"}


def read_gum(folder: Path, places: set[str], demonyms: set[str]) -> list[tuple[list[str], list[str]]]:
    """GUM Wikinews (gold, CC BY): NER-style spans are the runs of proper nouns inside person,
    organisation and place mentions (innermost mention first); GUM types countries by their
    role, so a run the gazetteer lists as a place is LOC; demonyms (not GUM entities) are NORP."""
    out = []
    for path in sorted(folder.glob("*.conllu")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
            rows = [r for r in rows if len(r) == 10 and r[0].isdigit()]
            if not rows:
                continue
            words = [r[1] for r in rows]
            upos = [r[3] for r in rows]
            open_mentions: dict[str, list[tuple[int, str]]] = {}
            mentions: list[tuple[int, int, str]] = []
            for i, r in enumerate(rows):
                misc = dict(kv.split("=", 1) for kv in r[9].split("|") if "=" in kv)
                entity = misc.get("Entity", "")
                pos = 0
                while pos < len(entity):
                    if entity[pos] == "(":
                        end = pos + 1
                        while end < len(entity) and entity[end] not in "()":
                            end += 1
                        body = entity[pos + 1:end]
                        ident, _, rest = body.partition("-")
                        kind = rest.split("-")[0]
                        if end < len(entity) and entity[end] == ")":
                            mentions.append((i, i + 1, kind))
                            end += 1
                        else:
                            open_mentions.setdefault(ident, []).append((i, kind))
                        pos = end
                    elif entity[pos].isdigit():
                        end = pos
                        while end < len(entity) and entity[end].isdigit():
                            end += 1
                        ident = entity[pos:end]
                        if entity[end:end + 1] == ")" and open_mentions.get(ident):
                            start, kind = open_mentions[ident].pop()
                            mentions.append((start, i + 1, kind))
                            end += 1
                        pos = end
                    else:
                        pos += 1
            tags = ["O"] * len(words)
            for start, end, kind in sorted(mentions, key=lambda m: m[1] - m[0]):
                label = GUM_TYPES.get(kind)
                if label is None:
                    continue
                runs, k = [], start
                while k < end:
                    if upos[k] == "PROPN":
                        j = k
                        while j < end and upos[j] == "PROPN":
                            j += 1
                        runs.append((k, j))
                        k = j
                    else:
                        k += 1
                if len(runs) != 1:
                    continue
                s, e = runs[0]
                while s < e and words[s] in TITLES:
                    s += 1
                if s == e or any(t != "O" for t in tags[s:e]):
                    continue
                if " ".join(words[s:e]) in places:
                    label = "LOC"
                tags[s] = f"B-{label}"
                for k in range(s + 1, e):
                    tags[k] = f"I-{label}"
            for i, w in enumerate(words):
                if tags[i] == "O" and w in demonyms:
                    tags[i] = "B-NORP"
            out.append((words, tags))
    return out


SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as"}


def headline_case(word: str) -> str:
    """Headline Style: every word capitalised but the small ones."""
    if word in SMALL_WORDS or not word[:1].isalpha():
        return word
    return word[:1].upper() + word[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--bits", type=int, default=19)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--no-gum", action="store_true", help="train on GMB only")
    parser.add_argument("--gum-copies", type=int, default=1, help="times each GUM sentence is seen per epoch")
    parser.add_argument("--runs", type=int, default=5, help="training runs (shuffles) whose weights are averaged")
    parser.add_argument("--word-dropout", type=float, default=0.25, help="share of tokens trained without their word features")
    args = parser.parse_args()
    places = load_gazetteer("LOC")
    gmb = read_gmb(args.data / "gmb_ner" / "ner_dataset.csv")
    words_all: list[list[str]] = []
    tags_all: list[list[str]] = []
    for n, (words, tags) in enumerate(gmb):
        cleaned = clean(words, tags, places)
        words_all.append(words)
        tags_all.append(cleaned)
        if n % 12 == 0:
            words_all.append([w.upper() for w in words])
            tags_all.append(cleaned)
        elif n % 12 == 6:
            words_all.append([headline_case(w) for w in words])
            tags_all.append(cleaned)
    if not args.no_gum:
        gum = read_gum(args.data / "gum_wikinews", places, load_gazetteer("NORP"))
        for words, tags in gum * args.gum_copies:
            words_all.append(words)
            tags_all.append(tags)
        print(f"GUM Wikinews: {len(gum):,} sentences")
    print(f"training on {len(words_all):,} sentences, {sum(map(len, words_all)):,} tokens")
    started = time.perf_counter()
    accuracy = _core._train_tagger(
        words_all, tags_all, str(GAZETTEER), str(args.out), bits=args.bits, epochs=args.epochs, seed=args.seed,
        word_dropout=args.word_dropout,
        runs=args.runs,
    )
    for n, acc in enumerate(accuracy):
        print(f"run {n // args.epochs + 1} epoch {n % args.epochs + 1}: training-pass token accuracy {acc:.4f}")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
