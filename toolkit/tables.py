"""Writing result tables as CSV, JSON Lines or Parquet, chosen by extension."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .errors import InputError

__all__ = ["FORMATS", "table_format", "write_table", "read_table", "companion_path"]

FORMATS = (".csv", ".jsonl", ".parquet")


def table_format(path: str | os.PathLike[str]) -> str:
    """The format of a table path (its extension), checked to be writable here."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot write {str(path)!r}: use one of the extensions {', '.join(FORMATS)}")
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("writing Parquet needs pyarrow: pip install 'toolkit[parquet]'") from None
    return suffix


def companion_path(path: str | os.PathLike[str], name: str) -> Path:
    """``scores.csv`` -> ``scores.<name>.csv``: a second table beside the first."""
    path = Path(path)
    return path.with_name(f"{path.stem}.{name}{path.suffix}")


def write_table(table: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``table`` in the format its extension names; returns the path.

    The file is written under a temporary name and renamed when complete, so
    an interrupted write never leaves a truncated table under the final name.
    """
    path = Path(path)
    fmt = table_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        if fmt == ".csv":
            table.to_csv(tmp, index=False)
        elif fmt == ".jsonl":
            table.to_json(tmp, orient="records", lines=True, force_ascii=False)
        else:
            table.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a table written by :func:`write_table`."""
    path = Path(path)
    fmt = table_format(path)
    if fmt == ".csv":
        return pd.read_csv(path, keep_default_na=False)  # an empty label list stays ""
    if fmt == ".jsonl":
        return pd.read_json(path, orient="records", lines=True, dtype=False)
    return pd.read_parquet(path)
