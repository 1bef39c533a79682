"""Hand-labelled sentences: reading and validating ``labels/<name>.csv``.

The files are plain CSV a person edits and diffs: columns ``text`` and
``label``, plus an optional ``source`` naming the article a sentence came from.
Multi-label values are joined with ``;`` and empty for none.  Every problem is
reported with the file and line so it can be fixed by hand.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .atomic import write_atomically
from .errors import LabelsError
from .labeller import Labeller
from .paths import default_labels_dir

__all__ = ["LabelledData", "load_labels", "read_labels", "labels_path", "add_labels", "SEPARATOR"]

SEPARATOR = ";"
REQUIRED = ("text", "label")


@dataclass(frozen=True)
class LabelledData:
    """Validated rows of one labels file.

    ``frame`` has columns ``text``, ``label`` (a string, or a tuple of strings
    for a multi-label labeller), ``source`` and ``line`` (line in the file).
    ``sha256`` fingerprints the file so a model records what it learnt from.
    """

    labeller: str
    path: Path
    frame: pd.DataFrame
    sha256: str

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def texts(self) -> list[str]:
        return self.frame["text"].tolist()

    @property
    def inputs(self) -> list[str]:
        """The texts as estimators get them: each carrying its article (see toolkit.context)."""
        from .context import in_articles

        return in_articles(self.texts, self.groups)

    @property
    def targets(self) -> list:
        return self.frame["label"].tolist()

    @property
    def groups(self) -> list[str]:
        """Article of each row; rows without a source stand alone."""
        return [src or f"row-{line}" for src, line in zip(self.frame["source"], self.frame["line"])]


def labels_path(labeller: Labeller | str, labels_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where the labels of ``labeller`` live: ``<labels_dir>/<name>.csv``."""
    name = labeller if isinstance(labeller, str) else labeller.name
    return Path(labels_dir or default_labels_dir()) / f"{name}.csv"


def load_labels(labeller: Labeller, labels_dir: str | os.PathLike[str] | None = None) -> LabelledData:
    """Read and validate ``<labels_dir>/<name>.csv`` for ``labeller``."""
    path = labels_path(labeller, labels_dir)
    if not path.is_file():
        raise LabelsError(
            f"no labels for labeller {labeller.name!r}: {path} does not exist "
            f"(create it with the columns text,label[,source])"
        )
    return read_labels(path, labeller)


def read_labels(path: str | os.PathLike[str], labeller: Labeller) -> LabelledData:
    """Read and validate any CSV in the labels format against ``labeller``.

    Raises
    ------
    LabelsError
        A missing column, an empty text, an unknown label, or one text given
        two different labels; the message names the file and line.  Rows that
        repeat a text with the same label are kept once.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise LabelsError(f"cannot read labels file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LabelsError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc

    reader = csv.DictReader(text.splitlines(keepends=True))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise LabelsError(
            f"{path}:1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(found: {', '.join(columns) or 'no header'}; expected text,label[,source])"
        )
    reader.fieldnames = columns
    known = set(labeller.labels)
    seen: dict[str, tuple[object, int]] = {}
    rows = []
    for row in reader:
        line = reader.line_num
        sentence = (row.get("text") or "").strip()
        if not sentence:
            raise LabelsError(f"{path}:{line}: empty text")
        value = (row.get("label") or "").strip()
        if labeller.multi_label:
            parts = {p.strip() for p in value.split(SEPARATOR) if p.strip()}
            label: object = tuple(l for l in labeller.labels if l in parts)
            unknown = sorted(parts - known)
        else:
            label, unknown = value, ([] if value in known else [value])
        if unknown:
            raise LabelsError(
                f"{path}:{line}: unknown label {unknown[0]!r} for labeller {labeller.name!r} "
                f"(known: {', '.join(labeller.labels)})"
            )
        if sentence in seen:
            earlier, first_line = seen[sentence]
            if earlier != label:
                raise LabelsError(
                    f"{path}:{line}: this text is labelled {_show(label)} here but "
                    f"{_show(earlier)} on line {first_line}; keep one label"
                )
            continue
        seen[sentence] = (label, line)
        rows.append((sentence, label, (row.get("source") or "").strip(), line))
    frame = pd.DataFrame(rows, columns=["text", "label", "source", "line"])
    return LabelledData(labeller.name, path, frame, hashlib.sha256(raw).hexdigest())


def _show(label: object) -> str:
    if isinstance(label, tuple):
        return repr(SEPARATOR.join(label)) if label else "with no label"
    return repr(label)


def add_labels(
    labeller: Labeller, new_file: str | os.PathLike[str], labels_dir: str | os.PathLike[str] | None = None
) -> tuple[int, int, Path]:
    """Append the new rows of ``new_file`` to ``labels/<name>.csv``.

    Every row of ``new_file`` is validated first, and none may give a text
    another label than the labels file already does; only then are the rows
    not already present appended, keeping every existing row and its order.
    The file is replaced atomically.  Returns (rows added, rows already
    there, path of the labels file).

    Raises
    ------
    LabelsError
        A bad row in ``new_file`` or a contradiction, naming file and line;
        nothing is written then.
    """
    path = labels_path(labeller, labels_dir)
    incoming = read_labels(new_file, labeller)
    existing = read_labels(path, labeller) if path.is_file() else None
    known = {} if existing is None else dict(zip(existing.texts, zip(existing.targets, existing.frame["line"])))
    rows, skipped = [], 0
    for text, label, source, line in incoming.frame.itertuples(index=False):
        if text in known:
            if known[text][0] != label:
                raise LabelsError(
                    f"{new_file}:{line}: this text is labelled {_show(label)} here but {_show(known[text][0])} "
                    f"in {path}:{known[text][1]}; correct one of them, then add again"
                )
            skipped += 1
            continue
        known[text] = (label, line)
        rows.append({"text": text, "label": SEPARATOR.join(label) if isinstance(label, tuple) else label,
                     "source": source})
    raw = path.read_bytes() if path.is_file() else b""
    header = next(csv.reader([raw.decode("utf-8-sig").split("\n", 1)[0]])) if raw else ["text", "label", "source"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\r\n" if b"\r\n" in raw else "\n")
    if not raw:
        writer.writeheader()
    elif not raw.endswith(b"\n"):
        out.write("\n")
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda tmp: tmp.write_bytes(raw + out.getvalue().encode("utf-8")))
    return len(rows), skipped, path
