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
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from tidings import _core

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_REUTERS_DOC = re.compile(rb"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_REUTERS_BODY = re.compile(rb"<BODY>(.*?)</BODY>", re.S)
_REUTERS_DATE = re.compile(rb"<DATE>(.*?)</DATE>", re.S)


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
    root = DATA / "reuters21578"
    files = sorted(root.glob("reut2-*.sgm"))
    if not files:
        return None
    out = []
    for path in files:
        raw = path.read_bytes()
        for match in _REUTERS_DOC.finditer(raw):
            body = _REUTERS_BODY.search(match.group(2))
            if body is None:
                continue
            date = _REUTERS_DATE.search(match.group(2))
            text = html.unescape(_core.decode_bytes(body.group(1)))
            text = "".join(c for c in text if c >= " " or c in "\n\t")
            out.append((match.group(1).decode(), _core.decode_bytes(date.group(1)).strip() if date else "", text))
    return out


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


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of ``repeat`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
