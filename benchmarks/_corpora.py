"""Real corpora for the benchmarks, read from ``../shared/data`` beside the repository, and the
benchmarks' timer.

The text loaders decode raw bytes with ``tidings._core.decode_bytes`` (UTF-8, stray bytes as
cp1252), as the package does for scraped files; the web-page loaders decode each page by the
charset it declares (:func:`decode_page`). All return ``None`` when the data is absent.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from tidings import _core

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_REUTERS_DOC = re.compile(rb"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_REUTERS_BODY = re.compile(rb"<BODY>(.*?)</BODY>", re.S)
_REUTERS_DATE = re.compile(rb"<DATE>(.*?)</DATE>", re.S)
_REUTERS_TITLE = re.compile(rb"<TITLE>(.*?)</TITLE>", re.S)


class EcbArticle(NamedTuple):
    id: str
    topic: int
    event: str
    text: str


def bbc_articles() -> list[tuple[str, str]] | None:
    """``(relative path, text)`` of the 2,225 BBC articles, sorted by path."""
    root = DATA / "bbc-news" / "bbc"
    if not root.is_dir():
        return None
    files = sorted(p for p in root.rglob("*.txt") if p.name != "README.TXT")
    return [(p.relative_to(root).as_posix(), _core.decode_bytes(p.read_bytes())) for p in files]


def reuters_articles() -> list[tuple[str, str, str]] | None:
    """``(NEWID, date, body)`` of every Reuters-21578 document with a ``<BODY>``, in file order.

    SGML entities (``&lt;``, ``&#3;``) are unescaped and control characters dropped.
    """
    documents = _reuters_documents()
    if documents is None:
        return None
    out = []
    for newid, document in documents:
        body = _REUTERS_BODY.search(document)
        if body is None:
            continue
        date = _REUTERS_DATE.search(document)
        out.append((newid, _core.decode_bytes(date.group(1)).strip() if date else "", _sgml_text(body.group(1))))
    return out


def reuters_titles() -> dict[str, str] | None:
    """The headline (``<TITLE>``, whitespace collapsed) of every Reuters-21578 document with a
    ``<BODY>``, by NEWID; empty when the document has none."""
    documents = _reuters_documents()
    if documents is None:
        return None
    out = {}
    for newid, document in documents:
        if _REUTERS_BODY.search(document) is None:
            continue
        title = _REUTERS_TITLE.search(document)
        out[newid] = " ".join(_sgml_text(title.group(1)).split()) if title else ""
    return out


def _reuters_documents() -> Iterator[tuple[str, bytes]] | None:
    """``(NEWID, raw SGML)`` of every Reuters-21578 document, in file order."""
    files = sorted((DATA / "reuters21578").glob("reut2-*.sgm"))
    if not files:
        return None
    return ((m.group(1).decode(), m.group(2)) for path in files for m in _REUTERS_DOC.finditer(path.read_bytes()))


def _sgml_text(raw: bytes) -> str:
    """Decoded, SGML entities unescaped, control characters dropped."""
    text = html.unescape(_core.decode_bytes(raw))
    return "".join(c for c in text if c >= " " or c in "\n\t")


def ecbplus_articles() -> list[EcbArticle] | None:
    """The 772 ECB+ articles of topics 1–35 (``id``, ``topic``, ``event``, ``text``), in file
    order. Articles with the same ``event`` report the same real event."""
    path = DATA / "ecbplus" / "ecbplus_topics_1-35.jsonl"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [EcbArticle(r["id"], int(r["topic"]), r["event"], r["text"]) for r in rows]


def news_frame() -> pd.DataFrame | None:
    """BBC and Reuters-21578 as one table for :meth:`tidings.Corpus.from_pandas`: ``id``
    (``bbc/<path>``, ``reuters/<NEWID>``), ``source`` (``bbc``, ``reuters``), ``date`` (Reuters
    only) and ``text``, BBC first. ``None`` when either corpus is absent."""
    bbc, reuters = bbc_articles(), reuters_articles()
    if bbc is None or reuters is None:
        return None
    rows = [(f"bbc/{path}", "bbc", pd.NaT, text) for path, text in bbc]
    rows += [(f"reuters/{newid}", "reuters", _reuters_date(date), text) for newid, date, text in reuters]
    return pd.DataFrame(rows, columns=["id", "source", "date", "text"])


def _reuters_date(date: str) -> pd.Timestamp:
    """``26-FEB-1987 15:01:01.79`` → Timestamp (NaT when malformed); trailing SGML junk
    (``&#5;&#5;&#5;RM``) after the time is ignored."""
    return pd.to_datetime(date[:23], format="%d-%b-%Y %H:%M:%S.%f", errors="coerce")


_DECLARED_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)|<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.-]+)", re.I
)
# Browsers read pages labelled Latin-1 as windows-1252 and GB2312 as GBK (the WHATWG encoding standard).
_CHARSET_AS_BROWSERS_READ = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                             "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gbk"}


def decode_page(raw: bytes) -> str:
    """A web page's text: by the charset its ``<meta>`` or XML declaration names, else UTF-8.

    UTF-8 (declared or assumed) goes through ``decode_bytes`` so a stray byte reads as cp1252;
    other charsets replace undecodable bytes.
    """
    match = _DECLARED_CHARSET.search(raw[:50_000])
    charset = (match.group(1) or match.group(2)).decode("ascii").lower() if match else "utf-8"
    charset = _CHARSET_AS_BROWSERS_READ.get(charset, charset)
    if charset.replace("_", "-") in ("utf-8", "utf8"):
        return _core.decode_bytes(raw)
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return _core.decode_bytes(raw)


def scrapinghub_pages() -> list[tuple[str, str, str, str]] | None:
    """``(id, url, html, gold article body)`` of the 181 pages of the ScrapingHub
    article-extraction benchmark, sorted by id."""
    root = DATA / "article-pages" / "scrapinghub"
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        return None
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return [(key, item["url"], decode_page(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())),
             item.get("articleBody") or "") for key, item in sorted(truth.items())]


def trafilatura_eval_pages() -> list[tuple[str, str, list[str], list[str]]] | None:
    """``(url, html, with, without)`` of the 990 pages of trafilatura's evaluation set, in the
    order of its ``evaldata.json``: ``with`` holds snippets the article text must contain,
    ``without`` snippets it must not."""
    root = DATA / "article-pages" / "trafilatura-eval"
    index_path = root / "evaldata.json"
    if not index_path.is_file():
        return None
    index = json.loads(index_path.read_text(encoding="utf-8"))
    return [(url, decode_page(gzip.decompress((root / "html" / f"{item['file']}.gz").read_bytes())),
             list(item["with"]), list(item["without"])) for url, item in index.items()]


def best_of(repeat: int, work: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds of the fastest of ``repeat`` runs of ``work`` (wall clock, or ``clock``:
    ``time.process_time`` for CPU time)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        work()
        best = min(best, clock() - start)
    return best
