"""Rich notebook displays: a document with its entities and removed chrome, a duplicate cluster
with its differences marked, and a corpus summary card.

Every view is an object with ``_repr_html_``; its HTML escapes all text and scopes its CSS under
one class, so it cannot restyle the notebook around it.
"""

from __future__ import annotations

import difflib
import html
import numbers
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .plots import LABEL_COLORS

__all__ = ["DocumentView", "ClusterView", "SummaryCard", "quotes_html"]

_ROOT = "tidings-view"
_CSS = f"""\
<style>
.{_ROOT} {{ font-family: system-ui, sans-serif; font-size: 13px; line-height: 1.5; max-width: 60em; }}
.{_ROOT} h4 {{ margin: 0.2em 0 0.4em 0; font-size: 15px; }}
.{_ROOT} .tdg-body {{ white-space: pre-wrap; }}
.{_ROOT} mark {{ padding: 0 0.2em; border-radius: 0.25em; }}
.{_ROOT} mark .tdg-label {{ font-size: 9px; font-weight: 600; margin-left: 0.3em; opacity: 0.8; }}
.{_ROOT} del {{ color: #a33; background: #fbeaea; }}
.{_ROOT} ins {{ color: #175; background: #e6f6ea; text-decoration: none; }}
.{_ROOT} .tdg-meta {{ color: #666; font-size: 12px; }}
.{_ROOT} table {{ border-collapse: collapse; }}
.{_ROOT} td, .{_ROOT} th {{ padding: 0.15em 0.8em 0.15em 0; text-align: left; vertical-align: top; }}
.{_ROOT} .tdg-member {{ border-top: 1px solid #ddd; padding: 0.4em 0; }}
</style>
"""


def _wrap(inner: str) -> str:
    return f'{_CSS}<div class="{_ROOT}">{inner}</div>'


def _spans(rows: Any) -> list[tuple[int, int, str, str]]:
    """(start, end, label, title) tuples from a DataFrame or iterable of objects/tuples."""
    if rows is None:
        return []
    if isinstance(rows, pd.DataFrame):
        label = "label" if "label" in rows.columns else "rule"
        title = "entity" if "entity" in rows.columns else label
        return [(int(s), int(e), str(l), str(t)) for s, e, l, t in
                zip(rows["start"], rows["end"], rows[label], rows[title])]
    spans = []
    for row in rows:
        if isinstance(row, tuple) and not hasattr(row, "_fields"):
            start, end, label = row[:3]
            spans.append((int(start), int(end), str(label), str(label)))
        else:
            kind = getattr(row, "label", None) or getattr(row, "rule", "")
            spans.append((int(row.start), int(row.end), str(kind), str(getattr(row, "entity", None) or kind)))
    return spans


def _marked(text: str, spans: Iterable[tuple[int, int, str, str]], tag: str) -> str:
    """HTML of ``text`` with non-overlapping spans wrapped in ``tag`` (overlaps keep the first)."""
    out, position = [], 0
    for start, end, label, title in sorted(spans):
        if start < position or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[position:start]))
        body = html.escape(text[start:end])
        if tag == "mark":
            color = LABEL_COLORS.get(label, "#bab0ac")
            out.append(f'<mark style="background:{color}33" title="{html.escape(title)}">{body}'
                       f'<span class="tdg-label">{html.escape(label)}</span></mark>')
        else:
            out.append(f'<del title="{html.escape(label)}">{body}</del>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


@dataclass
class DocumentView:
    """A document: its article text with entities highlighted, the tables about it (its
    entities, ...) and the raw page with what the cleaner removed struck through (hover a span
    for its rule).

    ``meta`` values that are missing (None, NaN, NaT, empty) are left out; ``sections`` are
    named tables shown under the text, each folded away.
    """

    text: str
    entities: Any = None
    raw: str | None = None
    removed: Any = None
    title: str | None = None
    meta: dict[str, Any] | None = None
    sections: dict[str, pd.DataFrame] | None = None
    quotes: Any = None

    def _repr_html_(self) -> str:
        parts = []
        if self.title:
            parts.append(f"<h4>{html.escape(self.title)}</h4>")
        shown = {k: _format(v) for k, v in (self.meta or {}).items() if not _missing(v)}
        if shown:
            parts.append('<div class="tdg-meta">' + " · ".join(
                f"{html.escape(str(k))}: {html.escape(v)}" for k, v in shown.items()
            ) + "</div>")
        parts.append(f'<div class="tdg-body">{_marked(self.text, _spans(self.entities), "mark")}</div>')
        for name, table in (self.sections or {}).items():
            parts.append(f"<details><summary>{html.escape(name)} ({len(table)})</summary>{_table_html(table)}</details>")
        if self.quotes is not None:
            parts.append(quotes_html(self.text, self.quotes))
        if self.raw is not None:
            removed = _spans(self.removed)
            parts.append(
                f"<details><summary>The raw page ({len(removed)} removed spans struck through)</summary>"
                f'<div class="tdg-body">{_marked(self.raw, removed, "del")}</div></details>'
            )
        return _wrap("".join(parts))


def quotes_html(text: str, quotes: Any) -> str:
    """HTML of a document's quotes (rows as :func:`tidings.quotes` returns them): who said what,
    with the cue and the kind, in a collapsible table; the quote is read from ``text`` at its
    offsets, so it shows what the offsets point at."""
    rows = []
    records = quotes.to_dict("records") if isinstance(quotes, pd.DataFrame) else list(quotes)
    for row in records:
        get = row.get if isinstance(row, dict) else lambda name, row=row: getattr(row, name, "")
        start, end = int(get("start")), int(get("end"))
        if not 0 <= start < end <= len(text):
            continue
        speaker = get("speaker") if isinstance(get("speaker"), str) and get("speaker") else ""
        said_by = html.escape(speaker) if speaker else "<i>unnamed</i>"
        words = get("speaker_text")
        if isinstance(words, str) and words and words != speaker:
            said_by += f' <span class="tdg-meta">({html.escape(words)})</span>'
        cue = get("cue") if isinstance(get("cue"), str) else ""
        rows.append(f"<tr><td>{said_by}</td><td>{html.escape(cue)}</td><td>{html.escape(str(get('kind')))}</td>"
                    f"<td>{html.escape(text[start:end])}</td></tr>")
    head = "<tr><th>speaker</th><th>cue</th><th>kind</th><th>quote</th></tr>"
    return (f"<details><summary>Quotes ({len(rows)})</summary>"
            f"<table>{head}{''.join(rows)}</table></details>")


def _word_diff(reference: str, other: str) -> str:
    """HTML of ``other`` with words missing from ``reference`` marked as inserted and words of
    ``reference`` missing here marked as deleted."""
    ref_words, words = reference.split(), other.split()
    out = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=ref_words, b=words, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(words[b0:b1])))
            continue
        if a1 > a0:
            out.append(f"<del>{html.escape(' '.join(ref_words[a0:a1]))}</del>")
        if b1 > b0:
            out.append(f"<ins>{html.escape(' '.join(words[b0:b1]))}</ins>")
    return " ".join(out)


@dataclass
class ClusterView:
    """The members of one duplicate cluster, each compared word by word with the representative."""

    texts: Sequence[str]
    ids: Sequence[Any]
    representative: int = 0
    labels: Sequence[str] | None = None

    def _repr_html_(self) -> str:
        reference = self.texts[self.representative]
        parts = [f"<h4>Cluster of {len(self.texts)} documents</h4>",
                 '<div class="tdg-meta">compared with the representative: '
                 "<ins>only in this member</ins> <del>only in the representative</del></div>"]
        for position, (doc_id, text) in enumerate(zip(self.ids, self.texts)):
            label = self.labels[position] if self.labels else ""
            head = f"<b>{html.escape(str(doc_id))}</b> {html.escape(label)}"
            if position == self.representative:
                body = html.escape(text)
                head += " (representative)"
            else:
                body = _word_diff(reference, text)
            parts.append(f'<div class="tdg-member">{head}<div class="tdg-body">{body}</div></div>')
        return _wrap("".join(parts))


@dataclass
class SummaryCard:
    """Headline figures as a small table, optionally with a few named sub-tables (cells shown as
    text: lists joined with commas, missing values blank, dates without midnight times)."""

    title: str
    figures: dict[str, Any]
    tables: dict[str, pd.DataFrame] | None = None

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th>{html.escape(str(k))}</th><td>{html.escape(_format(v))}</td></tr>"
            for k, v in self.figures.items()
        )
        parts = [f"<h4>{html.escape(self.title)}</h4><table>{rows}</table>"]
        for name, table in (self.tables or {}).items():
            parts.append(f'<div class="tdg-meta">{html.escape(name)}</div>{_table_html(table)}')
        return _wrap("".join(parts))


def _table_html(table: pd.DataFrame) -> str:
    return table.astype(object).map(lambda v: "" if _missing(v) else _format(v)).to_html(index=False, escape=True)


def _missing(value: Any) -> bool:
    """None, NaN, NaT, pd.NA, blank strings and empty lists."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return len(value) == 0
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays
        return False


def _format(value: Any) -> str:
    """A value as an analyst reads it: ``1,234``, ``0.87``, ``2026-03-11`` (or
    ``2026-03-11 14:05 UTC`` when it has a time), ``Reuters, AFP``."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        return f"{float(value):,.3g}"
    if isinstance(value, pd.Timestamp):
        if value == value.normalize():
            return value.date().isoformat()
        zone = f" {value.tzname()}" if value.tzinfo is not None else ""
        return value.strftime("%Y-%m-%d %H:%M") + zone
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return ", ".join(str(item) for item in value if not _missing(item))
    return str(value)
