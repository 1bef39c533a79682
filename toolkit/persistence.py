"""Saving and loading trained models: a file plus a versioned manifest.

``models/<name>/model.skops`` holds the fitted estimator and
``models/<name>/metadata.json`` says what it is: the format version, the
library versions it was fitted with, its labels, the sha256 of the labels file
and of the model file, its cross-validated scores and the training date.

Models are stored with ``skops.io``, not pickle: loading a pickle runs
whatever code the file names, so a model shared by a colleague or downloaded
with a plugin could do anything.  ``skops.io`` rebuilds only the types it is
told to trust: scikit-learn's, numpy's and scipy's, toolkit's own feature
transformers, and the types a labeller declares in ``trusted_types``.
Loading checks the manifest, the checksum and the types before it trusts the
file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path

import zipfile

import joblib
import skops
import skops.io as sio
from sklearn.base import BaseEstimator

from .atomic import write_atomically
from .errors import ModelError, ModelNotFoundError
from .labeller import Labeller
from .paths import default_models_dir
from .training import TrainedModel

__all__ = ["FORMAT_VERSION", "SavedModel", "save_model", "load_model", "model_dir", "list_versions", "use_version"]

#: Bump when the layout of a model folder changes in a way older code cannot read.
#: 1: joblib pickle (no longer loaded: unpickling runs code); 2: skops.io.
FORMAT_VERSION = 2
MODEL_FILE = "model.skops"
#: toolkit's own estimator types, safe to rebuild from a model file.
TRUSTED_TYPES = ("toolkit.features.ArticleCues", "toolkit.features.CueFeatures", "toolkit.features.TfidfFeatures")
METADATA_FILE = "metadata.json"
#: Earlier versions of a labeller's model: ``models/<name>/history/v<N>/``.
HISTORY_DIR = "history"


@dataclass(frozen=True)
class SavedModel:
    """A fitted estimator loaded from disk, with its manifest."""

    labeller: Labeller
    estimator: BaseEstimator
    metadata: dict


def model_dir(labeller: Labeller | str, models_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder of one labeller's model: ``<models_dir>/<name>/``."""
    name = labeller if isinstance(labeller, str) else labeller.name
    return Path(models_dir or default_models_dir()) / name


def _library_versions() -> dict[str, str]:
    import numpy
    import pandas
    import sklearn

    from . import __version__

    return {
        "toolkit": __version__,
        "scikit-learn": sklearn.__version__,
        "joblib": joblib.__version__,
        "skops": skops.__version__,
        "numpy": numpy.__version__,
        "pandas": pandas.__version__,
        "python": platform.python_version(),
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(trained: TrainedModel, models_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write a trained model and its manifest; returns the model's folder.

    Each file is written under a temporary name and renamed, so an interrupted
    save never leaves a half-written model behind a valid manifest.  The model
    it replaces is kept in ``history/v<N>/`` beside it, and the new one gets
    the next version number.
    """
    folder = model_dir(trained.labeller, models_dir)
    folder.mkdir(parents=True, exist_ok=True)
    version = _archive_current(folder)
    model_path = folder / MODEL_FILE
    write_atomically(
        model_path, lambda p: sio.dump(trained.estimator, p, compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    )
    labeller = trained.labeller
    metadata = {
        "format_version": FORMAT_VERSION,
        "version": version,
        "labeller": labeller.name,
        "labels": list(labeller.labels),
        "multi_label": labeller.multi_label,
        "trained_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "training_rows": len(trained.data),
        "labels_file": trained.data.path.name,
        "labels_sha256": trained.data.sha256,
        "model_file": MODEL_FILE,
        "model_sha256": _sha256(model_path),
        "libraries": _library_versions(),
        "cv": trained.cv.as_dict() if trained.cv else None,
        "thresholds": trained.thresholds,
    }
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"
    write_atomically(folder / METADATA_FILE, lambda p: p.write_text(text, encoding="utf-8"))
    return folder


def _archive_current(folder: Path) -> int:
    """Copy the current model into the history; returns the next version number."""
    if not (folder / METADATA_FILE).is_file():
        return 1 + max((v["version"] for v in _history(folder)), default=0)
    current = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    version = int(current.get("version", 1))
    target = folder / HISTORY_DIR / f"v{version}"
    if not (target / METADATA_FILE).is_file():
        target.mkdir(parents=True, exist_ok=True)
        for name in (current.get("model_file", MODEL_FILE), METADATA_FILE):
            if (folder / name).is_file():
                shutil.copy2(folder / name, target / name)
    return 1 + max(version, *(v["version"] for v in _history(folder)))


def _history(folder: Path) -> list[dict]:
    found = []
    for meta in sorted((folder / HISTORY_DIR).glob(f"v*/{METADATA_FILE}")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        data["version"] = int(data.get("version", meta.parent.name[1:]))
        data["folder"] = str(meta.parent)
        found.append(data)
    return found


def list_versions(name: str, models_dir: str | os.PathLike[str] | None = None) -> list[dict]:
    """Every saved version of a labeller's model, oldest first; the current one has ``current: True``."""
    folder = model_dir(name, models_dir)
    versions = {v["version"]: {**v, "current": False} for v in _history(folder)}
    if (folder / METADATA_FILE).is_file():
        current = read_metadata(folder, name)
        number = int(current.get("version", 1))
        versions[number] = {**current, "version": number, "folder": str(folder), "current": True}
    return [versions[k] for k in sorted(versions)]


def use_version(name: str, version: int, models_dir: str | os.PathLike[str] | None = None) -> dict:
    """Make an earlier version the current model again (the current one stays in the history)."""
    folder = model_dir(name, models_dir)
    source = folder / HISTORY_DIR / f"v{version}"
    if not (source / METADATA_FILE).is_file():
        known = ", ".join(str(v["version"]) for v in list_versions(name, models_dir)) or "none"
        raise ModelNotFoundError(f"labeller {name!r} has no model version {version} (versions: {known})")
    _archive_current(folder)
    metadata = json.loads((source / METADATA_FILE).read_text(encoding="utf-8"))
    model_file = metadata.get("model_file", MODEL_FILE)
    write_atomically(folder / model_file, lambda p: shutil.copyfile(source / model_file, p))
    write_atomically(folder / METADATA_FILE, lambda p: shutil.copyfile(source / METADATA_FILE, p))
    return metadata


def read_metadata(folder: Path, name: str) -> dict:
    """The manifest of a model folder, checked for a readable format."""
    path = folder / METADATA_FILE
    if not path.is_file():
        raise ModelNotFoundError(
            f"no trained model for labeller {name!r} in {folder.parent} "
            f"(run: toolkit train --labeller {name})"
        )
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
        version = int(metadata["format_version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path} is not a valid model manifest ({exc}); retrain: toolkit train --labeller {name}") from exc
    if version > FORMAT_VERSION:
        raise ModelError(
            f"the model in {folder} has format version {version}, newer than this toolkit reads "
            f"({FORMAT_VERSION}); upgrade toolkit or retrain: toolkit train --labeller {name}"
        )
    if version < FORMAT_VERSION:
        raise ModelError(
            f"the model in {folder} has format version {version}, a pickle, which runs code when loaded; "
            f"toolkit no longer loads it: retrain: toolkit train --labeller {name}"
        )
    return metadata


def load_model(
    labeller: Labeller, models_dir: str | os.PathLike[str] | None = None, *, version: int | None = None
) -> SavedModel:
    """Load the saved model of ``labeller`` after checking its manifest.

    ``version`` loads an earlier version from the model's history.  A
    rules-only labeller needs no saved model: its rules are returned ready.

    Raises
    ------
    ModelNotFoundError
        The labeller has never been trained into ``models_dir``, or has no
        such version.
    ModelError
        The manifest is unreadable or from another format, the model file was
        changed after saving or would rebuild types nobody declared trusted,
        or the model knows other labels than the plugin now declares.
        Retraining fixes each of these.
    """
    if labeller.rules_only:  # the rules are the model: nothing to load, nothing to trust
        return SavedModel(labeller, labeller.build_estimator().fit(), {"rules_only": True, "thresholds": None})
    folder = model_dir(labeller, models_dir)
    name = labeller.name
    if version is not None and (folder / HISTORY_DIR / f"v{version}").is_dir():
        folder = folder / HISTORY_DIR / f"v{version}"
    metadata = read_metadata(folder, name)
    if version is not None and int(metadata.get("version", 1)) != version:
        raise ModelNotFoundError(f"labeller {name!r} has no model version {version}")
    retrain = f"retrain: toolkit train --labeller {name}"
    if list(metadata.get("labels", [])) != list(labeller.labels) or bool(metadata.get("multi_label")) != labeller.multi_label:
        raise ModelError(
            f"the model in {folder} was trained for labels {metadata.get('labels')} but labeller "
            f"{name!r} now declares {list(labeller.labels)}; {retrain}"
        )
    path = folder / metadata.get("model_file", MODEL_FILE)
    if not path.is_file():
        raise ModelNotFoundError(f"{path} is missing although its manifest exists; {retrain}")
    if _sha256(path) != metadata.get("model_sha256"):
        raise ModelError(f"{path} does not match the checksum in its manifest (changed or corrupt); {retrain}")
    saved = metadata.get("libraries", {})
    now = _library_versions()
    for lib in ("scikit-learn", "skops", "numpy"):
        if saved.get(lib) and saved[lib].split(".")[:2] != now[lib].split(".")[:2]:
            warnings.warn(
                f"model {name!r} was saved with {lib} {saved[lib]} and is loaded with {now[lib]}; "
                f"predictions may differ ({retrain})",
                stacklevel=2,
            )
    try:
        needed = sio.get_untrusted_types(file=path)
    except Exception as exc:
        raise ModelError(f"cannot read {path}: {type(exc).__name__}: {exc}; {retrain}") from exc
    refused = sorted(set(needed) - set(TRUSTED_TYPES) - set(labeller.trusted_types))
    if refused:
        raise ModelError(
            f"{path} would rebuild types toolkit does not trust: {', '.join(refused)}; if labeller {name!r} "
            f"really uses them, its plugin can declare them in Labeller(trusted_types=...); otherwise {retrain}"
        )
    try:
        estimator = sio.load(path, trusted=needed)
    except Exception as exc:
        raise ModelError(f"cannot load {path}: {type(exc).__name__}: {exc}; {retrain}") from exc
    return SavedModel(labeller, estimator, metadata)
