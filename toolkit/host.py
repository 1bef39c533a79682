"""The plugin host: finds plugins, collects their labellers, and checks them.

Plugins come from three places, in this order: the ``toolkit`` entry-point
group of installed distributions (narrowed by ``TOOLKIT_LOAD_PLUGINS``), Python
files given by path, and objects handed in directly (tests, notebooks).  Every
failure names the plugin and where it came from.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pluggy

from . import hookspecs
from .errors import PluginError, UnknownLabellerError
from .labeller import Labeller
from .sentences import split_sentences

__all__ = ["PluginHost", "PluginInfo", "load_plugins", "ALLOW_ENV"]

#: Comma-separated entry-point names to load; unset loads all, empty loads none.
ALLOW_ENV = "TOOLKIT_LOAD_PLUGINS"


@dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin: its name, where it came from, and its version."""

    name: str
    source: str
    version: str | None = None


@dataclass(frozen=True)
class PluginHost:
    """The loaded plugins and the labellers they registered, sorted by name."""

    plugins: tuple[PluginInfo, ...]
    registered: dict[str, tuple[Labeller, PluginInfo]]
    #: Plugins that failed to load or register, with the reason (``errors="collect"``).
    failed: tuple[tuple[PluginInfo, str], ...] = ()
    pm: pluggy.PluginManager | None = field(default=None, compare=False, repr=False)

    def read(self, path: Path, data: bytes) -> list | None:
        """The articles a reader plugin finds in a file, or None (read it as plain text)."""
        return None if self.pm is None else self.pm.hook.read_articles(path=path, data=data)

    def split(self, text: str) -> list:
        """Sentences of ``text``, from a splitter plugin or toolkit's own splitter."""
        found = None if self.pm is None else self.pm.hook.split_sentences(text=text)
        return found if found is not None else split_sentences(text)

    @property
    def names(self) -> list[str]:
        """Names of every registered labeller."""
        return list(self.registered)

    def labeller(self, name: str) -> Labeller:
        """The labeller registered as ``name``."""
        try:
            return self.registered[name][0]
        except KeyError:
            known = ", ".join(self.registered) or "none"
            raise UnknownLabellerError(
                f"no labeller named {name!r}; loaded labellers: {known}"
            ) from None

    def labellers(self, names: Sequence[str] | None = None) -> list[Labeller]:
        """The named labellers (all of them when ``names`` is empty)."""
        return [self.labeller(n) for n in (names or self.names)]

    def plugin_of(self, name: str) -> PluginInfo:
        """The plugin that registered labeller ``name``."""
        self.labeller(name)
        return self.registered[name][1]


def _module_from_path(path: Path) -> ModuleType:
    """Import a single ``.py`` file as a module, for quick experiments."""
    if not path.is_file():
        raise PluginError(f"plugin file {str(path)!r} does not exist")
    name = f"toolkit_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"plugin file {str(path)!r} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise PluginError(f"plugin file {str(path)!r} failed to import: {type(exc).__name__}: {exc}") from exc
    return module


def _entry_points(allow: Iterable[str] | None) -> list[importlib.metadata.EntryPoint]:
    points = sorted(importlib.metadata.entry_points(group=hookspecs.PROJECT), key=lambda ep: ep.name)
    if allow is None:
        return points
    wanted = set(allow)
    return [ep for ep in points if ep.name in wanted]


def _allow_list() -> list[str] | None:
    value = os.environ.get(ALLOW_ENV)
    if value is None:
        return None
    return [name.strip() for name in value.split(",") if name.strip()]


def load_plugins(
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    objects: Sequence[object] = (),
    entry_points: bool = True,
    allow: Iterable[str] | None = None,
    errors: str = "raise",
) -> PluginHost:
    """Load plugins and collect the labellers they register.

    Parameters
    ----------
    paths : sequence of path
        Python files to load as plugins (``--plugin PATH``).
    objects : sequence of object
        Modules, classes or instances with hook implementations, registered as
        they are.
    entry_points : bool
        Load installed plugins from the ``toolkit`` entry-point group.
    allow : iterable of str, optional
        Entry-point names to load; defaults to ``$TOOLKIT_LOAD_PLUGINS``
        (comma-separated) or, when that is unset, all of them.
    errors : {"raise", "collect"}
        Stop at the first broken plugin, or leave it out, record why in
        ``PluginHost.failed`` and go on with the others.

    Raises
    ------
    PluginError
        A plugin failed to import, implements an unknown hook, raised while
        registering, or registered an invalid or duplicate labeller.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    infos: dict[str, PluginInfo] = {}
    failed: list[tuple[PluginInfo, str]] = []

    def fail(info: PluginInfo, error: PluginError) -> None:
        if errors == "raise":
            raise error
        failed.append((info, str(error)))
        infos.pop(info.name, None)
        if pm.has_plugin(info.name):
            pm.unregister(name=info.name)

    def add(load: Callable[[], object], info: PluginInfo) -> None:
        try:
            plugin = load()
            pm.register(plugin, name=info.name)
        except PluginError as exc:
            return fail(info, exc)
        except ValueError as exc:  # pluggy: the same name or object twice
            return fail(info, PluginError(f"plugin {info.name!r} ({info.source}) is loaded twice: {exc}"))
        except pluggy.PluginValidationError as exc:
            return fail(info, PluginError(f"plugin {info.name!r} ({info.source}) is invalid: {exc}"))
        infos[info.name] = info
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            fail(info, PluginError(f"plugin {info.name!r} ({info.source}) implements an unknown hook: {exc}"))

    if entry_points:
        for ep in _entry_points(_allow_list() if allow is None else allow):
            dist = ep.dist
            info = PluginInfo(ep.name, f"entry point {ep.value}" + (f" in {dist.name}" if dist else ""),
                              dist.version if dist else None)
            add(lambda ep=ep, info=info: _load_entry_point(ep, info), info)
    for raw in paths:
        path = Path(raw).resolve()
        add(lambda path=path: _module_from_path(path), PluginInfo(path.stem, str(path), None))
    for obj in objects:
        name = getattr(obj, "__name__", type(obj).__name__)
        add(lambda obj=obj: obj, PluginInfo(name, f"object {name}", getattr(obj, "__version__", None)))

    registered = _collect_labellers(pm, infos, fail)
    return PluginHost(tuple(infos.values()), registered, tuple(failed), pm)


def _load_entry_point(ep: importlib.metadata.EntryPoint, info: PluginInfo) -> object:
    try:
        return ep.load()
    except Exception as exc:
        raise PluginError(f"plugin {info.name!r} ({info.source}) failed to import: {type(exc).__name__}: {exc}") from exc


def _collect_labellers(
    pm: pluggy.PluginManager, infos: dict[str, PluginInfo], fail: Callable[[PluginInfo, PluginError], None]
) -> dict[str, tuple[Labeller, PluginInfo]]:
    """Call each plugin's ``register_labellers`` on its own, so failures name it.

    A plugin that fails keeps none of its labellers.
    """
    found: dict[str, tuple[Labeller, PluginInfo]] = {}
    for impl in pm.hook.register_labellers.get_hookimpls():
        info = infos[impl.plugin_name]
        where = f"plugin {info.name!r} ({info.source})"
        before = dict(found)

        def register(labeller: Labeller, *, _where: str = where, _info: PluginInfo = info) -> None:
            if not isinstance(labeller, Labeller):
                raise PluginError(f"{_where} registered {labeller!r}, which is not a toolkit.Labeller")
            problems = labeller.problems()
            if problems:
                raise PluginError(f"{_where} registered labeller {labeller.name!r}, but {'; '.join(problems)}")
            if labeller.name in found:
                other = found[labeller.name][1]
                raise PluginError(
                    f"{_where} registered labeller {labeller.name!r}, which plugin "
                    f"{other.name!r} ({other.source}) already registered; labeller names must be unique"
                )
            found[labeller.name] = (labeller, _info)

        try:
            impl.function(register=register)
        except Exception as exc:
            error = exc if isinstance(exc, PluginError) else PluginError(
                f"{where} raised while registering labellers: {type(exc).__name__}: {exc}")
            found = before
            fail(info, error)
    return dict(sorted(found.items()))
