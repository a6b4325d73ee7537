"""Reading corpora from disk: JSONL, Parquet, CSV, or a folder of ``.txt`` files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import _core
from .errors import InputError, TidingsIOError

__all__ = ["read_corpus", "CORPUS_FORMATS"]

CORPUS_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet",
                  ".pq": "parquet", ".csv": "csv", ".tsv": "tsv"}


def _read_txt_folder(folder: Path) -> pd.DataFrame:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise TidingsIOError(f"{folder} is a folder but holds no .txt files")
    return pd.DataFrame(
        {
            "id": [p.relative_to(folder).as_posix() for p in files],
            # Scraped files mix encodings; stray bytes are read as cp1252 instead of failing.
            "text": [_core.decode_bytes(p.read_bytes()) for p in files],
        }
    )


def read_corpus(path: str | Path, *, text: str = "text", id: str | None = None) -> pd.DataFrame:
    """Read a corpus into a DataFrame with at least the columns ``id`` and ``text``.

    Parameters
    ----------
    path : str or Path
        A ``.jsonl``/``.ndjson`` file (one JSON object per line), a ``.parquet`` file, a
        ``.csv``/``.tsv`` file, or a folder whose ``.txt`` files (searched recursively) are the
        documents, each identified by its relative path.
    text : str, default "text"
        The column holding the document text (ignored for a folder).
    id : str, optional
        The column holding document ids; by default ``id`` when present, else the row number.

    Returns
    -------
    pandas.DataFrame
        The file's columns, with ``text`` renamed to ``"text"`` and an ``id`` column (str).
    """
    path = Path(path)
    if not path.exists():
        raise TidingsIOError(f"no such file or folder: {path}")
    if path.is_dir():
        return _read_txt_folder(path)
    kind = CORPUS_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"cannot tell the format of {path.name}: use one of {', '.join(sorted(CORPUS_FORMATS))} "
            "or a folder of .txt files"
        )
    try:
        if kind == "jsonl":
            frame = pd.read_json(path, lines=True, dtype=False)
        elif kind == "parquet":
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_csv(path, sep="\t" if kind == "tsv" else ",", dtype=str, keep_default_na=False,
                                na_values=[""])
    except (ValueError, OSError) as error:
        raise TidingsIOError(f"cannot read {path} as {kind}: {error}") from error
    if text not in frame.columns:
        raise InputError(f"{path.name} has no column {text!r}; its columns are {list(frame.columns)}")
    frame = frame.rename(columns={text: "text"})
    id_column = id or ("id" if "id" in frame.columns else None)
    if id_column is None:
        frame.insert(0, "id", [str(i) for i in range(len(frame))])
    elif id_column not in frame.columns:
        raise InputError(f"{path.name} has no id column {id_column!r}; its columns are {list(frame.columns)}")
    else:
        frame = frame.rename(columns={id_column: "id"})
        frame["id"] = frame["id"].astype(str)
    return frame.reset_index(drop=True)
