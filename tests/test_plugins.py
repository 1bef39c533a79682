"""The plugin host: entry points, files by path, classes, and clear failures."""

from __future__ import annotations

import importlib.metadata
import re

import pytest

import toolkit
from toolkit import host as host_module

from .conftest import ROOT, ColourPlugin


def scheme_labels() -> dict[str, list[str]]:
    """Label names per axis, read from the labelling guide shipped in labels/README.md."""
    text = (ROOT / "labels" / "README.md").read_text(encoding="utf-8")
    axes = {}
    for section in re.split(r"^## \d+\. ", text, flags=re.M)[1:4]:
        name = re.match(r"`(\w+)`", section).group(1)
        axes[name] = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
    return axes


def test_builtin_labellers_have_exactly_the_guide_labels(builtin_host):
    assert {n: list(builtin_host.labeller(n).labels) for n in builtin_host.names} == scheme_labels()
    assert builtin_host.labeller("domain").multi_label
    assert not builtin_host.labeller("stance_west").multi_label


def test_installed_distribution_declares_the_builtin_entry_points():
    points = {ep.name: ep.value for ep in importlib.metadata.distribution("toolkit").entry_points
              if ep.group == "toolkit"}
    assert points == {"domain": "toolkit_domain", "stance_west": "toolkit_stance_west",
                      "claim_type": "toolkit_claim_type", "readers": "toolkit.readers"}


def test_builtins_come_through_entry_points_like_any_plugin(builtin_host):
    sources = {info.name: info.source for info in builtin_host.plugins}
    assert sources["domain"].startswith("entry point toolkit_domain")
    assert builtin_host.plugin_of("claim_type").name == "claim_type"


def test_plugin_registered_as_a_class(colour_host):
    assert colour_host.names == ["colour"]
    assert colour_host.labeller("colour").labels == ("red", "blue")


PLUGIN_FILE = '''
import toolkit

@toolkit.hookimpl
def register_labellers(register):
    register(toolkit.Labeller(name="{name}", labels=("yes", "no"), description="test"))
'''


def test_plugin_loaded_from_a_file(tmp_path):
    path = tmp_path / "my_plugin.py"
    path.write_text(PLUGIN_FILE.format(name="mine"))
    host = toolkit.load_plugins([path], entry_points=False)
    assert host.names == ["mine"]
    assert host.plugin_of("mine").source == str(path.resolve())


def test_labellers_are_sorted_by_name(tmp_path):
    (tmp_path / "z.py").write_text(PLUGIN_FILE.format(name="zeta"))
    (tmp_path / "a.py").write_text(PLUGIN_FILE.format(name="alpha"))
    host = toolkit.load_plugins([tmp_path / "z.py", tmp_path / "a.py"], objects=[ColourPlugin()], entry_points=False)
    assert host.names == ["alpha", "colour", "zeta"]


def test_duplicate_labeller_name_names_both_plugins(tmp_path):
    path = tmp_path / "copycat.py"
    path.write_text(PLUGIN_FILE.format(name="colour"))
    with pytest.raises(toolkit.PluginError, match=r"labeller 'colour'.*already registered") as caught:
        toolkit.load_plugins([path], objects=[ColourPlugin()], entry_points=False)
    assert "'copycat'" in str(caught.value) and "'colour_plugin'" in str(caught.value)
    assert str(path.resolve()) in str(caught.value)


def test_misspelt_hook_fails_naming_the_plugin(tmp_path):
    path = tmp_path / "typo.py"
    path.write_text("import toolkit\n\n@toolkit.hookimpl\ndef register_labeller(register):\n    pass\n")
    with pytest.raises(toolkit.PluginError, match=r"'typo'.*unknown hook.*register_labeller"):
        toolkit.load_plugins([path], entry_points=False)


def test_plugin_that_raises_is_named_with_its_source(tmp_path):
    path = tmp_path / "boom.py"
    path.write_text("import toolkit\n\n@toolkit.hookimpl\ndef register_labellers(register):\n    1 / 0\n")
    with pytest.raises(toolkit.PluginError, match=r"'boom' \(.*boom\.py\) raised.*ZeroDivisionError"):
        toolkit.load_plugins([path], entry_points=False)


def test_plugin_that_fails_to_import_is_named(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("import no_such_module_here\n")
    with pytest.raises(toolkit.PluginError, match=r"broken\.py.*failed to import.*no_such_module_here"):
        toolkit.load_plugins([path], entry_points=False)


def test_labeller_with_no_labels_is_refused(tmp_path):
    path = tmp_path / "empty.py"
    path.write_text(PLUGIN_FILE.format(name="hollow").replace('("yes", "no")', "()"))
    with pytest.raises(toolkit.PluginError, match=r"'empty'.*'hollow'.*declares no labels"):
        toolkit.load_plugins([path], entry_points=False)


def test_registering_something_else_is_refused(tmp_path):
    path = tmp_path / "odd.py"
    path.write_text("import toolkit\n\n@toolkit.hookimpl\ndef register_labellers(register):\n    register('x')\n")
    with pytest.raises(toolkit.PluginError, match="not a toolkit.Labeller"):
        toolkit.load_plugins([path], entry_points=False)


def test_unknown_labeller_is_a_key_error(colour_host):
    with pytest.raises(KeyError, match="no labeller named 'size'.*colour"):
        colour_host.labeller("size")


class FakeEntryPoint:
    """Enough of importlib.metadata.EntryPoint for the host."""

    def __init__(self, name, plugin, dist=None):
        self.name, self.value, self.dist, self._plugin = name, f"fake_{name}", dist, plugin

    def load(self):
        if isinstance(self._plugin, Exception):
            raise self._plugin
        return self._plugin


def fake_entry_points(monkeypatch, *points):
    monkeypatch.setattr(host_module.importlib.metadata, "entry_points",
                        lambda group: list(points) if group == "toolkit" else [])


def test_entry_points_are_discovered_and_allow_listed(monkeypatch):
    fake_entry_points(monkeypatch, FakeEntryPoint("colour", ColourPlugin()))
    assert toolkit.load_plugins().names == ["colour"]
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    assert toolkit.load_plugins().names == []
    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "colour, other")
    assert toolkit.load_plugins().names == ["colour"]


def test_entry_point_that_fails_to_load_is_named(monkeypatch):
    fake_entry_points(monkeypatch, FakeEntryPoint("shaky", ImportError("missing dependency")))
    with pytest.raises(toolkit.PluginError, match=r"plugin 'shaky' \(entry point fake_shaky\) failed to import"):
        toolkit.load_plugins()


def test_every_registered_labeller_passes_the_conformance_checks(builtin_host):
    from toolkit.testing import check_labeller

    for labeller in builtin_host.labellers():
        check_labeller(labeller)


def test_conformance_checks_catch_a_broken_labeller():
    from sklearn.dummy import DummyClassifier

    from toolkit.testing import check_labeller, check_plugin

    def fitted():
        return DummyClassifier().fit([[0], [1]], ["yes", "no"])

    with pytest.raises(AssertionError, match="already fitted"):
        check_labeller(toolkit.Labeller(name="x", labels=("yes", "no"), description="d", estimator=fitted))
    with pytest.raises(AssertionError, match="declares no labels"):
        check_labeller(toolkit.Labeller(name="x", labels=(), description="d"))
    shared = toolkit.text_pipeline()
    with pytest.raises(AssertionError, match="new estimator each call"):
        check_labeller(toolkit.Labeller(name="x", labels=("yes", "no"), description="d", estimator=lambda: shared))
    assert check_plugin(ColourPlugin()) == ["colour"]


def test_plugins_command_lists_the_healthy_plugins_and_names_the_broken_one(tmp_path, capsys, monkeypatch):
    from toolkit.cli import main

    monkeypatch.setenv("TOOLKIT_LOAD_PLUGINS", "")
    (tmp_path / "good.py").write_text(PLUGIN_FILE.format(name="fine"))
    (tmp_path / "bad.py").write_text("import toolkit\n\n@toolkit.hookimpl\ndef register_labellers(register):\n"
                                     "    raise RuntimeError('no config')\n")
    assert main(["plugins", "--plugin", str(tmp_path / "good.py"), "--plugin", str(tmp_path / "bad.py")]) == 1
    out = capsys.readouterr().out
    assert "fine [single-label]" in out and "FAILED: plugin 'bad'" in out and "RuntimeError: no config" in out
    host = toolkit.load_plugins([tmp_path / "bad.py", tmp_path / "good.py"], entry_points=False, errors="collect")
    assert host.names == ["fine"] and [info.name for info, _ in host.failed] == ["bad"]


def explode_on_boom(texts):
    """A feature function that fails on one article's text."""
    if any("boom" in t for t in texts):
        raise ValueError("cannot handle boom")
    return [[len(t)] for t in texts]


def test_a_labeller_that_raises_on_one_article_fails_only_that_article(tmp_path):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    from .conftest import colour_rows, write_labels

    def build():
        return make_pipeline(FunctionTransformer(explode_on_boom), LogisticRegression())

    labeller = toolkit.Labeller(name="colour", labels=("red", "blue"), description="c", estimator=build,
                                trusted_types=("tests.test_plugins.explode_on_boom",))
    write_labels(tmp_path / "labels" / "colour.csv", colour_rows())
    toolkit.save_model(toolkit.train(labeller, toolkit.load_labels(labeller, tmp_path / "labels"), validate=False),
                       tmp_path / "models")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {"a.txt": "A red rose.", "b.txt": "Then boom.", "c.txt": "The blue sea."}.items():
        (folder / name).write_text(text, encoding="utf-8")
    models = [toolkit.load_model(labeller, tmp_path / "models")]
    result = toolkit.score_paths(folder, models=models)
    assert result.articles["article_id"].tolist() == ["a.txt", "c.txt"]
    assert [(p.split("/")[-1], r) for p, r in result.skipped.itertuples(index=False)] == [
        ("b.txt", "failed: ValueError: cannot handle boom")]
