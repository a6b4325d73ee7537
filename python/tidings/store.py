"""Corpus folders: a corpus's tables as Parquet files beside a small manifest, written atomically
and read back whole.

A folder holds ``<table>.parquet`` for each table (``documents`` first) and ``tidings.json``,
the manifest: the steps run and the tables written. :func:`write_folder` writes everything into
a hidden folder beside the target and renames it into place at the end, so a reader never sees
half a corpus and an interrupted write leaves the old folder as it was. It replaces a folder
tidings wrote before (one with a manifest, or the Parquet tables ``tidings run`` writes), and
refuses anything else: a file, or a folder holding other files. :func:`read_folder` reads the
folders of both :meth:`tidings.Corpus.to_parquet` and ``tidings run``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import _core
from ._arrow import arrow_dtype_columns, arrow_table
from .errors import TidingsIOError

__all__ = ["MANIFEST", "write_folder", "read_folder", "is_corpus_folder"]

#: The manifest's file name.
MANIFEST = "tidings.json"
_FORMAT = "tidings corpus"
_VERSION = 1
# Tables ``tidings run`` writes; the steps they show were run, in order.
_STEP_TABLES = (("clean", "removed"), ("dedup", "clusters"), ("tag", "entities"))
#: The name prefix of the hidden folder ``tidings run`` writes its tables in before moving them.
RUN_STAGING = ".tidings-run-"


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes, *, what: str) -> None:
    """Write ``data`` to ``path`` completely or not at all (a temporary name, then a rename);
    ``what`` names the file in the error ("dedup index")."""
    target = Path(path)
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise TidingsIOError(f"cannot write the {what} to {target}: {err}") from err


def is_corpus_folder(path: Path) -> bool:
    """Whether ``path`` is a folder of tables tidings wrote (with a manifest, or the Parquet
    files of ``tidings run``)."""
    if not path.is_dir():
        return False
    if (path / MANIFEST).is_file():
        return True
    # A run killed outright leaves its hidden staging folder beside the tables it did not replace.
    entries = [p for p in path.iterdir() if not (p.name.startswith(RUN_STAGING) and p.is_dir())]
    return (path / "documents.parquet").is_file() and all(p.suffix == ".parquet" and p.is_file() for p in entries)


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise TidingsIOError(f"{folder} is a file; to_parquet writes a folder of tables, so give a folder path")
    if folder.is_dir() and any(folder.iterdir()) and not is_corpus_folder(folder):
        names = ", ".join(sorted(p.name for p in folder.iterdir())[:5])
        raise TidingsIOError(
            f"{folder} holds files tidings did not write ({names}); to_parquet replaces the whole folder, so it "
            "writes only into a new or empty folder, or over one it wrote before"
        )


def write_folder(folder: str | Path, tables: dict[str, pd.DataFrame], *, steps: tuple[str, ...]) -> list[Path]:
    """Write ``tables`` (``documents`` first) and the manifest into ``folder``, atomically.

    Returns the paths of the Parquet files, in the order of ``tables``.
    """
    folder = Path(folder)
    _check_target(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".writing", dir=folder.parent))
    except OSError as error:
        raise TidingsIOError(f"cannot write into {folder.parent}: {error}") from error
    try:
        for name, table in tables.items():
            try:
                pq.write_table(arrow_table(table), staging / f"{name}.parquet")
            except (pa.ArrowException, ValueError, TypeError, TidingsIOError) as error:
                raise TidingsIOError(f"cannot write the {name} table as Parquet: {error}") from error
        manifest = {"format": _FORMAT, "version": _VERSION, "tidings": _core.__version__, "steps": list(steps),
                    "tables": list(tables)}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _replace(staging, folder)
    except OSError as error:
        raise TidingsIOError(f"cannot write {folder}: {error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / f"{name}.parquet" for name in tables]


def _replace(staging: Path, folder: Path) -> None:
    """Move ``staging`` to ``folder``; an older ``folder`` is renamed away first and deleted last."""
    if not folder.exists():
        staging.rename(folder)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    retired.rmdir()
    folder.rename(retired)
    try:
        staging.rename(folder)
    except OSError:
        retired.rename(folder)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _read_table(path: Path) -> pd.DataFrame:
    """A Parquet table with the pandas dtypes it was written with: Arrow list columns (the
    credits and captions of cleaned documents) back as ``pd.ArrowDtype`` (see
    :func:`tidings._arrow.arrow_dtype_columns`), other list columns back as Python lists, and
    object columns of strings back as objects (pandas 3 would read them as ``str``)."""
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as error:
        raise TidingsIOError(f"cannot read {path}: {error}") from error
    frame = table.to_pandas()
    arrow = arrow_dtype_columns(table)
    for field in table.schema:
        if field.name in arrow:
            frame[field.name] = pd.Series(pd.arrays.ArrowExtensionArray(table.column(field.name)), index=frame.index)
        elif pa.types.is_list(field.type) or pa.types.is_large_list(field.type):
            frame[field.name] = pd.Series(table.column(field.name).to_pylist(), index=frame.index, dtype=object)
    written = {c.get("name"): c.get("numpy_type") for c in (table.schema.pandas_metadata or {}).get("columns", [])}
    for name, numpy_type in written.items():
        if numpy_type == "object" and name in frame.columns and name not in arrow and frame[name].dtype != object:
            frame[name] = frame[name].astype(object)
    return frame


def read_folder(folder: str | Path) -> tuple[dict[str, pd.DataFrame], tuple[str, ...]]:
    """The tables and steps of a corpus folder (see the module docs)."""
    folder = Path(folder)
    if not is_corpus_folder(folder):
        raise TidingsIOError(f"{folder} is not a folder of tables tidings wrote (no {MANIFEST} or documents.parquet)")
    manifest_path = folder / MANIFEST
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            names, steps = list(manifest["tables"]), tuple(manifest["steps"])
        except (ValueError, KeyError, TypeError) as error:
            raise TidingsIOError(f"{manifest_path} is not a tidings manifest: {error}") from error
        if manifest.get("format") != _FORMAT or manifest.get("version", 0) > _VERSION:
            raise TidingsIOError(f"{manifest_path} was written by a newer tidings (format {manifest.get('version')}); "
                                 "upgrade tidings to read it")
    else:
        names = ["documents", *sorted(p.stem for p in folder.glob("*.parquet") if p.stem != "documents")]
        steps = tuple(step for step, table in _STEP_TABLES if table in names)
    return {name: _read_table(folder / f"{name}.parquet") for name in names}, steps
