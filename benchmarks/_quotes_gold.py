"""The quote gold set: its articles rebuilt from their sources and its labels anchored in them.

``quotes_gold.jsonl`` holds one article per line, labelled on ``tidings.clean(raw).text`` (see
``QUOTES_GUIDELINE.md``). Article texts are not stored: the seeds and the BBC articles are read
from ``../shared`` beside the repository, the sample corpus from the package. Each article keeps
the sha1 of the cleaned text it was labelled on. When the cleaner has changed and the sha1 differs,
every quote is found again by the hash of its normalised text and its occurrence index (the
``anchor`` below), and its cue and speaker mention by their strings nearest to the same distance
from the quote as before.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import tidings
from tidings import _core

HERE = Path(__file__).resolve().parent
GOLD = HERE / "quotes_gold.jsonl"
SHARED = HERE.parents[1] / "shared"
SOURCE_DIRS = {"seeds": SHARED / "seeds", "bbc": SHARED / "data" / "bbc-news" / "bbc"}

# Typographic variants a cleaner may rewrite; anchors compare text with these folded.
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                       "–": "-", "—": "-", "\u00ad": None, "\u200b": None})


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: str
    cue_start: int | None
    speaker: str
    speaker_text: str
    speaker_start: int | None
    also_accept: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    text: str
    quotes: list[Quote]
    reanchored: bool = False
    lost: int = 0  # labels that could not be found again in a changed cleaned text


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def folded(text: str) -> tuple[str, list[int]]:
    """``text`` with typography folded and whitespace runs collapsed to one space, and for each
    character of the result the index of the character of ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char).translate(_FOLD):
            if piece.isspace():
                if not out or out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            origin.append(i)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def anchor(text: str, start: int, end: int) -> dict[str, object]:
    """Hash, folded length and occurrence index of ``text[start:end]``, to find it again."""
    needle = folded(text[start:end])[0]
    digest = sha1(needle)[:12]
    hay, origin = folded(text)
    hits = [origin[i] for i in _windows(hay, len(needle), digest)]
    return {"hash": digest, "length": len(needle), "occurrence": hits.index(start)}


def _windows(hay: str, length: int, digest: str) -> list[int]:
    """Start indices (in ``hay``) of the windows of ``length`` characters hashing to ``digest``."""
    return [i for i in range(len(hay) - length + 1) if sha1(hay[i:i + length])[:12] == digest]


def _find_quote(text: str, label: dict) -> tuple[int, int] | None:
    hay, origin = folded(text)
    hits = _windows(hay, label["length"], label["hash"])
    if len(hits) <= label["occurrence"]:
        return None
    first = hits[label["occurrence"]]
    return origin[first], origin[first + label["length"] - 1] + 1


def _nearest(text: str, needle: str, quote_start: int, old_offset: int) -> int | None:
    """Start of the occurrence of ``needle`` whose distance to the quote is closest to before."""
    if not needle:
        return None
    hay, origin = folded(text)
    hits = [origin[m.start()] for m in re.finditer(re.escape(folded(needle)[0]), hay)]
    if not hits:
        return None
    return min(hits, key=lambda h: abs((h - quote_start) - old_offset))


def _reanchor(text: str, label: dict) -> Quote | None:
    span = _find_quote(text, label)
    if span is None:
        return None
    quote = _quote(label)
    shift_cue = None if label["cue_start"] is None else label["cue_start"] - label["start"]
    shift_speaker = None if label["speaker_start"] is None else label["speaker_start"] - label["start"]
    quote.start, quote.end = span
    if shift_cue is not None:
        quote.cue_start = _nearest(text, label["cue"], quote.start, shift_cue)
    if shift_speaker is not None:
        quote.speaker_start = _nearest(text, label["speaker_text"], quote.start, shift_speaker)
    return quote


def _quote(label: dict) -> Quote:
    return Quote(label["start"], label["end"], label["kind"], label["cue"], label["cue_start"],
                 label["speaker"], label["speaker_text"], label["speaker_start"], list(label.get("also_accept", [])))


def raw_texts(ids: list[str]) -> dict[str, str] | None:
    """The raw text of each article id (``seeds/<file>``, ``sample/<id>``, ``bbc/<category>/<file>``),
    or ``None`` when a source folder is missing."""
    sample = None
    out = {}
    for article_id in ids:
        source, _, name = article_id.partition("/")
        if source == "sample":
            if sample is None:
                frame = tidings.load_sample()
                sample = dict(zip(frame["id"], frame["text"]))
            out[article_id] = sample[name]
            continue
        path = SOURCE_DIRS[source] / name
        if not path.is_file():
            return None
        out[article_id] = _core.decode_bytes(path.read_bytes())
    return out


def load_gold(path: Path = GOLD) -> list[Article] | None:
    """Every gold article with its current cleaned text and its labels anchored in it; ``None``
    when the articles' sources are not beside the repository."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    raws = raw_texts([r["id"] for r in records])
    if raws is None:
        return None
    articles = []
    for record in records:
        text = tidings.clean(raws[record["id"]]).text
        if sha1(text) == record["sha1"]:
            articles.append(Article(record["id"], text, [_quote(q) for q in record["quotes"]]))
            continue
        found = [_reanchor(text, q) for q in record["quotes"]]
        quotes = [q for q in found if q is not None]
        articles.append(Article(record["id"], text, quotes, reanchored=True, lost=len(found) - len(quotes)))
    return articles
