"""Assembles ``python/tidings/data/gazetteer.tsv`` from the source lists in ``scripts/gazetteer/``.

The lists are general knowledge (country names, capitals, demonyms, well-known organisations),
written for tidings; nothing is derived from CoNLL or other evaluation data. Run:

    python scripts/build_gazetteer.py [--out PATH]

Each source list is a TSV file with the header line ``surface<TAB>canonical``; an empty
canonical name is the surface itself. The list's kind gives its entries' label:

- ``countries`` (LOC): countries, and the regions named like them, with their other names; their
  canonical names carry the flag ``country``;
- ``demonyms`` (NORP): the canonical name is the country;
- ``cities`` (LOC): capitals and large cities of the countries;
- ``places`` (LOC): regions, seas, states and provinces, more cities, venues;
- ``groups`` (NORP): nationalities, religious and political groups without a country of their own;
- ``given_names`` (PERSON): common given names, always ``ambiguous``;
- ``organisations`` (ORG): international bodies, agencies, banks, exchanges, parties, armed
  groups, media;
- ``companies`` (ORG): companies, airlines, newspapers and broadcasters;
- ``clubs`` (ORG): sports clubs with names of their own;
- ``town_clubs``: teams named like their town or a common word, a list of its own (flag
  ``club``: matched only in sports reports, so the same surface may also be a place);
- ``ambiguous`` (one column, ``surface``): surfaces that are also common words or first names
  (flag ``ambiguous``: it informs the model and canonical names but never makes a mention by
  itself).

The build checks every line, drops (and reports) an entry listed twice, and stops on a surface
with two different entries or an ambiguous surface without one: the lists must say which it is.
Entries are written sorted by surface, then the town clubs. Columns of the TSV: surface, label
(PERSON, ORG, LOC, NORP), canonical name, flags (comma-separated).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "gazetteer"
TARGET = Path(__file__).resolve().parents[1] / "python" / "tidings" / "data" / "gazetteer.tsv"

#: Each list of entries and the label of its entries.
LABELS = {
    "countries": "LOC",
    "demonyms": "NORP",
    "cities": "LOC",
    "places": "LOC",
    "groups": "NORP",
    "given_names": "PERSON",
    "organisations": "ORG",
    "companies": "ORG",
    "clubs": "ORG",
}
ENTRY_COLUMNS = ("surface", "canonical")
HEADER = [
    "# tidings gazetteer: surface\tlabel\tcanonical\tflags (written for tidings from general knowledge;",
    "# regenerate with scripts/build_gazetteer.py). Licence: MIT, like tidings.",
]


class GazetteerError(Exception):
    """A source list that cannot be assembled as it stands."""


def read_list(path: Path, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows of one source list, checked: its header, and each line's fields."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GazetteerError(f"cannot read {path}: {error}") from error
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise GazetteerError(f"{path.name}: the first line must be the header {'<TAB>'.join(columns)}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = tuple(line.split("\t"))
        if len(fields) != len(columns) or not fields[0] or any(f != f.strip() for f in fields):
            raise GazetteerError(
                f"{path.name}:{number}: expected {len(columns)} tab-separated fields, the first not empty, "
                f"none with spaces around it; got {line!r}"
            )
        rows.append(fields)
    return rows


def _unique(rows: list[tuple[str, str, str, str]], duplicates: list[str]) -> dict[str, tuple[str, str, str]]:
    """``(list name, surface, label, canonical)`` rows by surface: a repeated entry is dropped and
    reported in ``duplicates``; a surface with two different entries is an error."""
    entries: dict[str, tuple[str, str, str]] = {}
    conflicts = []
    for name, surface, label, canonical in rows:
        if surface not in entries:
            entries[surface] = (label, canonical, name)
            continue
        first_label, first_canonical, first_list = entries[surface]
        if (first_label, first_canonical) == (label, canonical):
            duplicates.append(f"{surface} ({label}, {canonical}) in {name}, listed in {first_list} already")
        else:
            conflicts.append(f"{surface}: {label} {canonical!r} in {name}, {first_label} {first_canonical!r} "
                             f"in {first_list}")
    if conflicts:
        raise GazetteerError("surfaces with two different entries (keep one):\n  " + "\n  ".join(conflicts))
    return entries


def assemble(sources: Path) -> tuple[str, list[str]]:
    """The text of ``gazetteer.tsv`` built from the lists in ``sources``, and the duplicate
    entries dropped."""
    duplicates: list[str] = []
    rows = [
        (f"{kind}.tsv", surface, label, canonical or surface)
        for kind, label in LABELS.items()
        for surface, canonical in read_list(sources / f"{kind}.tsv", ENTRY_COLUMNS)
    ]
    entries = _unique(rows, duplicates)
    club_rows = [("town_clubs.tsv", surface, "ORG", canonical or surface)
                 for surface, canonical in read_list(sources / "town_clubs.tsv", ENTRY_COLUMNS)]
    clubs = _unique(club_rows, duplicates)
    ambiguous: set[str] = set()
    for (surface,) in read_list(sources / "ambiguous.tsv", ("surface",)):
        if surface in ambiguous:
            duplicates.append(f"{surface} in ambiguous.tsv twice")
        elif surface not in entries:
            raise GazetteerError(f"ambiguous.tsv: {surface!r} has no entry in the lists")
        ambiguous.add(surface)
    countries = {canonical for _, canonical, name in entries.values() if name == "countries.tsv"}
    lines = list(HEADER)
    for surface in sorted(entries):
        label, canonical, _ = entries[surface]
        flags = [flag for flag, on in (("ambiguous", surface in ambiguous or label == "PERSON"),
                                       ("country", canonical in countries and label == "LOC")) if on]
        lines.append(f"{surface}\t{label}\t{canonical}\t{','.join(flags)}")
    for surface in sorted(clubs):
        lines.append(f"{surface}\tORG\t{clubs[surface][1]}\tclub")
    return "\n".join(lines) + "\n", duplicates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Assemble the gazetteer from the lists in scripts/gazetteer.")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the source lists")
    parser.add_argument("--out", type=Path, default=TARGET, help="the gazetteer file to write")
    args = parser.parse_args(argv)
    try:
        text, duplicates = assemble(args.sources)
    except GazetteerError as error:
        print(f"build_gazetteer: error: {error}", file=sys.stderr)
        return 1
    for duplicate in duplicates:
        print(f"build_gazetteer: dropped a duplicate: {duplicate}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines()) - len(HEADER)} entries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
