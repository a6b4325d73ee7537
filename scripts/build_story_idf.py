"""Build the background table of story term weights: ``python scripts/build_story_idf.py``.

``tidings.stories`` weighs an article's terms by ``(1 + ln tf) · idf``, with the idf of a fixed
background corpus rather than of the articles being grouped, so that stories do not depend on
which articles come together, in what order or in how many batches. This script counts, for
every term, in how many background documents it occurs, and writes
``src/stories/background_df.tsv`` (compiled into the core).

The background corpus is the tagger's training news (see ``python/tidings/data/MODEL_CARD.md``):
- GMB (``../shared/data/gmb_ner/ner_dataset.csv``, Voice of America news): the extract has no
  document boundaries, so each run of 20 consecutive sentences (about one VOA article) is a
  document; tokens are joined with spaces, with clitics ("'s", "n't") and closing punctuation
  joined to the word before, as the text was written; the last, cut sentence is dropped;
- GUM Wikinews (``../shared/data/gum_wikinews``, CC BY): each file is a document, its text the
  ``# text =`` lines.

Terms are exactly those ``tidings.stories`` reads (``_core._story_terms``): words without
stopwords and numbers, and ``LABEL:entity`` for the PERSON, ORG, LOC and NORP mentions that
``tidings.tag`` finds (with the shipped model, so the table is tied to it). Deterministic: the
same data, tagger and tidings give a byte-identical file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import tidings
from tidings import _core
from train_tagger import DATA, ROOT, read_gmb

OUT = ROOT / "src" / "stories" / "background_df.tsv"
SENTENCES_PER_DOCUMENT = 20
ENTITY_LABELS = ["PERSON", "ORG", "LOC", "NORP"]
_JOINS_PREVIOUS = {".", ",", ";", ":", "?", "!", ")", "%", "n't"}


def detokenize(tokens: list[str]) -> str:
    """GMB tokens as running text: clitics and closing punctuation join the word before."""
    out: list[str] = []
    for token in tokens:
        if out and (token.startswith("'") or token in _JOINS_PREVIOUS):
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def gmb_documents(path: Path) -> list[str]:
    sentences = [detokenize(words) for words, _tags in read_gmb(path)]
    return ["\n".join(sentences[i:i + SENTENCES_PER_DOCUMENT])
            for i in range(0, len(sentences), SENTENCES_PER_DOCUMENT)]


def gum_documents(folder: Path) -> list[str]:
    documents = []
    for path in sorted(folder.glob("*.conllu")):
        lines = path.read_text(encoding="utf-8").splitlines()
        documents.append("\n".join(line[len("# text = "):] for line in lines if line.startswith("# text = ")))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    gmb = gmb_documents(args.data / "gmb_ner" / "ner_dataset.csv")
    gum = gum_documents(args.data / "gum_wikinews")
    documents = gmb + gum
    mentions = tidings.tag(documents, labels=ENTITY_LABELS, progress=False)
    columns = (mentions["doc"].tolist(), mentions["label"].tolist(), mentions["entity"].tolist())
    frequencies: Counter[str] = Counter()
    for terms in _core._story_terms(documents, columns):
        frequencies.update(terms)
    kept = sorted((term, count) for term, count in frequencies.items() if "\t" not in term and "\n" not in term)
    header = [
        "# Background document frequencies of story terms (words and LABEL:entity), read by",
        "# src/stories/background.rs. Written by scripts/build_story_idf.py from GMB (Voice of",
        f"# America news, {len(gmb):,} documents of {SENTENCES_PER_DOCUMENT} sentences) and GUM Wikinews "
        f"({len(gum)} documents, CC BY):",
        "# see python/tidings/data/MODEL_CARD.md for sources and credit.",
        f"documents\t{len(documents)}",
    ]
    args.out.write_text("\n".join(header + [f"{term}\t{count}" for term, count in kept]) + "\n", encoding="utf-8")
    print(f"{len(documents):,} documents ({len(gmb):,} GMB, {len(gum)} GUM), {len(kept):,} terms; "
          f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
