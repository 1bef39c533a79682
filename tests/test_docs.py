"""Documentation and code check each other."""

import inspect
import re

from toolkit import hookspecs

from .conftest import ROOT


def test_every_hook_is_documented_with_its_signature():
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name, f in vars(hookspecs).items()
             if callable(f) and hasattr(f, "toolkit_spec")]
    assert hooks, "no hooks found in toolkit.hookspecs"
    for name in hooks:
        params = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert re.search(rf"^### `{name}\({params}\)`$", docs, flags=re.M), f"hook {name} is not documented"


def test_readme_shows_both_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "pip install -e '.[test]' && python -m pytest"
    assert "pip install . && toolkit score examples/articles" in readme
    assert test_command in readme and test_command in ci
