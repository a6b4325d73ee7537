"""A hand-checked sample of 200 canonical entities of BBC + Reuters-21578, and the tagger's score
against it (label, span and canonical-entity accuracy). The guideline is ``ENTITY_SAMPLE.md``.

    python benchmarks/entity_sample.py score [--rows]  # score the tagger against the labels file
    python benchmarks/entity_sample.py draw --check    # the labels file's keys = a fresh draw
    python benchmarks/entity_sample.py draw --out F    # write a fresh draw (keys only) to F
    python benchmarks/entity_sample.py context 1 2 …   # rows in context, to label or review them

The corpus is ``Corpus.from_pandas(...).clean().tag()`` over BBC and Reuters-21578; offsets
index the cleaned text. The sample: canonical entities (DATE left out) in 16 strata, label (the
entity's label in ``entity_counts``) × mentions in the corpus (1, 2-9, 10-99, 100+), 200 shared
equally (a small stratum gives its rest to the others); in each stratum the entities with the
smallest SHA-256 of ``seed:entity``, and for each the mention with the smallest SHA-256 of
``seed:entity:doc:start``. The draw is deterministic for a given tagger; once labelled, the file
is the sample: later taggers are scored on the same mentions.

Every position in the file is a key that survives changes of the tagger and, within reason, of
the cleaner: a document id, character offsets into the cleaned text, the surface string and its
occurrence index (the how-manieth whole-word occurrence of that string in the document). Rows
also record a hash of the cleaned text: when it differs, mentions are found again by surface and
occurrence index (and reported as moved, or as lost). Texts are never stored.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from _corpora import news_frame

HERE = Path(__file__).resolve().parent
LABELS_FILE = HERE / "entity_sample_labels.tsv"
SIZE = 200
SEED = "tidings-entity-sample-1"
BANDS = ((1, 1, "1"), (2, 9, "2-9"), (10, 99, "10-99"), (100, None, "100+"))
KEY_COLUMNS = [
    "row", "stratum_label", "band", "entity", "entity_mentions", "doc", "start", "end", "surface",
    "occurrence", "text_sha1", "label",
]  # fmt: skip
JUDGED_COLUMNS = ["gold_label", "gold_start", "gold_end", "gold_surface", "gold_occurrence", "names", "join", "apart", "note"]
NOT_AN_ENTITY = "O"
# An anchor, a mention elsewhere in the corpus: doc@start:end#occurrence=surface
_ANCHOR = re.compile(r"^(?P<doc>[^@]+)@(?P<start>\d+):(?P<end>\d+)#(?P<occ>\d+)=(?P<surface>.+)$")


def tagged_corpus() -> object:
    frame = news_frame()
    if frame is None:
        sys.exit("BBC and Reuters-21578 are needed in the shared data folder beside the repository")
    import tidings

    return tidings.Corpus.from_pandas(frame, date="date", source="source").clean(progress=False).tag(progress=False)


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _order(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, (SEED, *parts))).encode("utf-8")).hexdigest()


# --- keys: offsets, surface and occurrence index ------------------------------------------------


def _word_pattern(surface: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def occurrence(text: str, start: int, surface: str) -> int:
    """How many whole-word occurrences of ``surface`` start before ``start``."""
    return sum(1 for m in _word_pattern(surface).finditer(text) if m.start() < start)


def locate(text: str, start: int, end: int, surface: str, occ: int, trust_offsets: bool) -> tuple[int, int] | None:
    """The span of a recorded mention in ``text``: its offsets when they are trusted and still
    hold ``surface``, else the ``occ``-th whole-word occurrence of ``surface`` (None if gone)."""
    if trust_offsets and text[start:end] == surface:
        return start, end
    for k, m in enumerate(_word_pattern(surface).finditer(text)):
        if k == occ:
            return m.start(), m.end()
    return None


def anchor(doc: str, text: str, start: int, end: int) -> str:
    surface = text[start:end]
    return f"{doc}@{start}:{end}#{occurrence(text, start, surface)}={surface}"


@dataclass(frozen=True)
class Anchor:
    doc: str
    start: int
    end: int
    occ: int
    surface: str

    @classmethod
    def parse(cls, value: str) -> Anchor:
        m = _ANCHOR.match(value.strip())
        if not m:
            raise ValueError(f"not an anchor (doc@start:end#occurrence=surface): {value!r}")
        return cls(m["doc"], int(m["start"]), int(m["end"]), int(m["occ"]), m["surface"])


def anchors(cell: str) -> list[Anchor]:
    return [Anchor.parse(a) for a in cell.split(";") if a.strip()]


# --- the draw ----------------------------------------------------------------------------------


def band_of(mentions: int) -> str:
    return next(name for low, high, name in BANDS if mentions >= low and (high is None or mentions <= high))


def allocate(sizes: dict[tuple[str, str], int], total: int) -> dict[tuple[str, str], int]:
    """Equal shares of ``total`` over the strata; a stratum smaller than its share gives the
    rest to the others; leftover units go to the strata in sorted order."""
    quota = {s: 0 for s in sizes}
    left = total
    open_strata = sorted(s for s in sizes if sizes[s] > 0)
    while left > 0 and open_strata:
        share, extra = divmod(left, len(open_strata))
        for k, s in enumerate(open_strata):
            quota[s] += min(share + (k < extra), sizes[s] - quota[s])
        left = total - sum(quota.values())
        open_strata = [s for s in open_strata if quota[s] < sizes[s]]
    return quota


def draw(corpus: object, size: int = SIZE) -> pd.DataFrame:
    from tidings import analysis

    entities = corpus.entities  # type: ignore[attr-defined]
    entities = entities[entities["label"] != "DATE"]
    counts = analysis.entity_counts(entities)
    counts["band"] = counts["mentions"].map(band_of)
    strata = {key: group for key, group in counts.groupby(["label", "band"])}
    quota = allocate({key: len(group) for key, group in strata.items()}, size)
    texts = dict(zip(corpus.documents["doc"], corpus.texts))  # type: ignore[attr-defined]
    by_entity = {name: group for name, group in entities.groupby("entity", sort=False)}
    rows = []
    for (label, band), group in sorted(strata.items()):
        chosen = sorted(group.itertuples(index=False), key=lambda r: _order(r.entity))[: quota[(label, band)]]
        for entity in chosen:
            mentions = by_entity[entity.entity]
            m = min(mentions.itertuples(index=False), key=lambda r: _order(entity.entity, r.doc, r.start))
            text = texts[m.doc]
            rows.append(
                {
                    "stratum_label": label,
                    "band": band,
                    "entity": entity.entity,
                    "entity_mentions": int(entity.mentions),
                    "doc": m.doc,
                    "start": int(m.start),
                    "end": int(m.end),
                    "surface": m.text,
                    "occurrence": occurrence(text, int(m.start), m.text),
                    "text_sha1": text_hash(text),
                    "label": m.label,
                }
            )
    frame = pd.DataFrame(rows)
    frame.insert(0, "row", range(1, len(frame) + 1))
    return frame


# --- the labels file ------------------------------------------------------------------------------


def read_labels(path: Path) -> pd.DataFrame:
    """The labels file: ``#`` lines at the top are its header (anchors contain ``#`` too)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next((k for k, line in enumerate(lines) if not line.startswith("#")), len(lines))
    frame = pd.read_csv(io.StringIO("".join(lines[first:])), sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    for column in ("row", "start", "end", "occurrence", "entity_mentions"):
        frame[column] = frame[column].astype(int)
    return frame


def write_labels(frame: pd.DataFrame, path: Path, header: Iterable[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        for line in header:
            out.write(f"# {line}\n")
        frame.to_csv(out, sep="\t", index=False, quoting=csv.QUOTE_NONE, lineterminator="\n")


# --- scoring -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    label: bool
    span: bool
    canonical: bool | None  # None for rows that are not entities
    moved: bool
    lost: bool
    found: str  # what the tagger has there: "LABEL entity [start:end]" or "-"
    canonical_error: str = ""  # see canonical_error; "missed" when no mention is there


class Tagged:
    """The tagger's mentions and the cleaned texts, for looking mentions up by span."""

    def __init__(self, corpus: object) -> None:
        self.texts: dict[str, str] = dict(zip(corpus.documents["doc"], corpus.texts))  # type: ignore[attr-defined]
        entities = corpus.entities  # type: ignore[attr-defined]
        # Offsets index the cleaned body; mentions of titles and captions are elsewhere.
        in_body = entities["field"].isin(["body", "text"]) if "field" in entities.columns else True
        entities = entities[(entities["label"] != "DATE") & in_body]
        self.mentions = {doc: group.sort_values("start") for doc, group in entities.groupby("doc", sort=False)}

    def at(self, doc: str, start: int, end: int) -> tuple[bool, pd.Series | None]:
        """(exact span?, the mention at the span, else the one overlapping it most)."""
        group = self.mentions.get(doc)
        if group is None:
            return False, None
        over = group[(group["start"] < end) & (group["end"] > start)]
        if over.empty:
            return False, None
        exact = over[(over["start"] == start) & (over["end"] == end)]
        if not exact.empty:
            return True, exact.iloc[0]
        overlap = over["end"].clip(upper=end) - over["start"].clip(lower=start)
        return False, over.loc[overlap.idxmax()]

    def find(self, a: Anchor) -> tuple[int, int] | None:
        text = self.texts.get(a.doc)
        return None if text is None else locate(text, a.start, a.end, a.surface, a.occ, trust_offsets=True)


def score_row(row: pd.Series, tagged: Tagged) -> Outcome:
    text = tagged.texts.get(row["doc"], "")
    same = text_hash(text) == row["text_sha1"]
    not_entity = row["gold_label"] == NOT_AN_ENTITY
    if not_entity:
        key = (row["start"], row["end"], row["surface"], row["occurrence"])
    else:
        key = (int(row["gold_start"]), int(row["gold_end"]), row["gold_surface"], int(row["gold_occurrence"]))
    span = locate(text, *key, trust_offsets=same)
    if span is None:
        lost = "" if not_entity else "lost"
        return Outcome(False, False, None if not_entity else False, moved=not same, lost=True, found="-", canonical_error=lost)
    exact, m = tagged.at(row["doc"], *span)
    found = "-" if m is None else f"{m['label']} {m['entity']} [{m['start']}:{m['end']}]"
    if not_entity:
        return Outcome(m is None, m is None, None, moved=not same, lost=False, found=found)
    labels = set(row["gold_label"].split("|"))
    error = "missed" if m is None else canonical_error(row, m["entity"], tagged)
    label_ok = m is not None and m["label"] in labels
    return Outcome(label_ok, exact, not error, moved=not same, lost=False, found=found, canonical_error=error)


def canonical_error(row: pd.Series, entity: str, tagged: Tagged) -> str:
    """Why the mention's entity is wrong: ``name`` (not one of ``names``), ``join`` (apart from a
    ``join`` anchor), ``apart`` (shared with an ``apart`` anchor); empty when it is right."""
    names = {" ".join(n.split()) for n in row["names"].split("|") if n.strip()}
    if " ".join(entity.split()) not in names:
        return "name"

    def entity_at(a: Anchor) -> str | None:
        span = tagged.find(a)
        m = tagged.at(a.doc, *span)[1] if span else None
        return None if m is None else m["entity"]

    if any(entity_at(a) != entity for a in anchors(row["join"])):
        return "join"
    if any(entity_at(a) == entity for a in anchors(row["apart"])):
        return "apart"
    return ""


def score(labels: pd.DataFrame, corpus: object, show_rows: bool) -> None:
    tagged = Tagged(corpus)
    outcomes = [score_row(row, tagged) for _, row in labels.iterrows()]
    table = labels[["row", "stratum_label", "band", "gold_label", "surface"]].copy()
    table["label_ok"] = [o.label for o in outcomes]
    table["span_ok"] = [o.span for o in outcomes]
    table["canonical_ok"] = [o.canonical for o in outcomes]
    table["canonical_error"] = [o.canonical_error for o in outcomes]
    table["found"] = [o.found for o in outcomes]
    entity_rows = table[table["gold_label"] != NOT_AN_ENTITY]
    moved, lost = sum(o.moved for o in outcomes), sum(o.lost for o in outcomes)
    print(
        f"Hand-checked sample: {len(table)} mentions of {len(table)} canonical entities (BBC + Reuters-21578); "
        f"{len(entity_rows)} are entities, {len(table) - len(entity_rows)} are not; "
        f"{moved} in texts that changed since labelling, {lost} no longer found"
    )
    print(
        f"label accuracy {table['label_ok'].mean():.3f}   span accuracy {table['span_ok'].mean():.3f}   "
        f"canonical accuracy {entity_rows['canonical_ok'].astype(bool).mean():.3f} (over the {len(entity_rows)} entities)"
    )
    errors = entity_rows["canonical_error"].value_counts()
    print("canonical errors: " + ", ".join(f"{reason} {n}" for reason, n in errors.items() if reason))
    for by in ("stratum_label", "band"):
        summary = table.groupby(by, sort=True).agg(
            rows=("row", "size"), label=("label_ok", "mean"), span=("span_ok", "mean")
        )
        summary["canonical"] = entity_rows.groupby(by)["canonical_ok"].apply(lambda s: s.astype(bool).mean())
        print(f"\nby {by}:\n{summary.round(3).to_string()}")
    if show_rows:
        wrong = table[~(table["label_ok"] & table["span_ok"] & table["canonical_ok"].fillna(True).astype(bool))]
        print(f"\nrows with an error ({len(wrong)}):\n{wrong.to_string(index=False)}")


# --- the labelling aid --------------------------------------------------------------------------


def context(labels: pd.DataFrame, rows: list[int], corpus: object, width: int) -> None:
    """Each row's mention in its text, the tagger's entity and its spellings in the corpus."""
    tagged = Tagged(corpus)
    entities = corpus.entities  # type: ignore[attr-defined]
    for _, row in labels[labels["row"].isin(rows)].iterrows():
        text = tagged.texts[row["doc"]]
        s, e = row["start"], row["end"]
        print(f"\n=== row {row['row']}  {row['stratum_label']} {row['band']}  {row['doc']} [{s}:{e}]  {row['label']} → {row['entity']!r}")
        snippet = text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]
        print(" ".join(snippet.split()))
        variants = entities[entities["entity"] == row["entity"]].groupby(["text", "label"]).size()
        print("  spellings:", "; ".join(f"{t} {lab} ×{n}" for (t, lab), n in variants.sort_values(ascending=False).head(10).items()))
        for column in ("gold_label", "names", "join", "apart", "note"):
            if column in row and row[column]:
                print(f"  {column}: {row[column]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="score the tagger against the labels")
    s.add_argument("--labels", type=Path, default=LABELS_FILE)
    s.add_argument("--rows", action="store_true", help="list the rows with an error")
    d = sub.add_parser("draw", help="draw the sample afresh")
    d.add_argument("--labels", type=Path, default=LABELS_FILE)
    d.add_argument("--check", action="store_true", help="compare the draw with the labels file's keys")
    d.add_argument("--out", type=Path, help="write the draw (keys only) here")
    c = sub.add_parser("context", help="print rows in context")
    c.add_argument("rows", type=int, nargs="+")
    c.add_argument("--labels", type=Path, default=LABELS_FILE)
    c.add_argument("--width", type=int, default=300)
    args = parser.parse_args()
    corpus = tagged_corpus()
    if args.command == "score":
        score(read_labels(args.labels), corpus, args.rows)
    elif args.command == "context":
        context(read_labels(args.labels), args.rows, corpus, args.width)
    else:
        fresh = draw(corpus)
        if args.out:
            import tidings

            header = [f"Entity sample drawn by benchmarks/entity_sample.py with tidings {tidings.__version__}; see ENTITY_SAMPLE.md"]
            write_labels(fresh.assign(**{c: "" for c in JUDGED_COLUMNS}), args.out, header)
            print(f"{len(fresh)} rows written to {args.out}")
        if args.check:
            kept = read_labels(args.labels)[KEY_COLUMNS].astype(str).reset_index(drop=True)
            same = kept.equals(fresh[KEY_COLUMNS].astype(str).reset_index(drop=True))
            print("the draw equals the labels file's keys" if same else "the draw differs from the labels file's keys")
            if not same:
                sys.exit(1)


if __name__ == "__main__":
    main()
