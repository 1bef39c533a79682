"""``toolkit plugin new``: write an installable plugin package to start from."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError

__all__ = ["new_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")

PYPROJECT = '''[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "toolkit-{dash}"
version = "0.1.0"
description = "A toolkit labeller: {name}"
requires-python = ">=3.11"
dependencies = ["toolkit"]

[project.optional-dependencies]
test = ["pytest"]

# This line is what makes toolkit find the plugin once it is installed.
[project.entry-points.toolkit]
{name} = "toolkit_{name}"

[tool.setuptools]
packages = ["toolkit_{name}"]
'''

MODULE = '''"""The ``{name}`` labeller.

Registered with toolkit through the ``toolkit`` entry point in pyproject.toml.
Label sentences in labels/{name}.csv, then:
toolkit train --labeller {name} --labels labels --models models
"""

import toolkit

__version__ = "0.1.0"

LABELS = {labels!r}
{rules}

@toolkit.hookimpl
def register_labellers(register):
    register(
        toolkit.Labeller(
            name="{name}",
            labels=LABELS,
            description="{description}",
            multi_label={multi},
{body}        )
    )
'''

TEST = '''import toolkit_{name}
from toolkit.testing import check_plugin


def test_plugin_conforms_to_the_labeller_contract():
    assert check_plugin(toolkit_{name}) == ["{name}"]
'''

README = '''# toolkit-{dash}

A toolkit plugin with one labeller, `{name}`
({kind}; labels: {label_list}).

```bash
pip install -e .                       # toolkit finds it through its entry point
toolkit plugins                        # {name} is listed
# label sentences in labels/{name}.csv (columns text,label,source; multi-label values joined by ;)
toolkit train --labeller {name} --labels labels --models models
toolkit score ARTICLES/ --labeller {name} --models models
pip install -e '.[test]' && python -m pytest   # the conformance checks
```
'''


TRAINED_BODY = """            # The core's default text pipeline; pass cues={"group": [regex, ...]} to add
            # readable cue features, or return any scikit-learn estimator over raw sentences.
            estimator=lambda: toolkit.text_pipeline(multi_label=%s),
"""

RULES_BODY = """            # Rules only: no labels or training needed. rule_mode="features" or "fallback"
            # combines them with a model trained on the labels/ CSV instead.
            rules=RULES,
            rule_mode="only",
%s"""

RULES_DATA = """
#: Label -> regular expressions (plain words and phrases work), matched
#: case-insensitively between word boundaries. Extend these lists.
RULES = {
%s}
"""


def new_plugin(
    name: str, labels: list[str], *, multi_label: bool = False, rules: bool = False, where: str | Path = "."
) -> Path:
    """Write a plugin package ``<where>/<name>/``; returns its folder.

    With ``rules``, the labeller is rules-only: a readable keyword list per
    label, no training data needed.
    """
    if not _NAME.fullmatch(name):
        raise InputError(f"plugin name {name!r} must be a lower-case identifier ([a-z][a-z0-9_]*)")
    bad = [l for l in labels if not _NAME.fullmatch(l)]
    if bad or len(set(labels)) != len(labels) or len(labels) < (1 if multi_label else 2):
        raise InputError(f"labels {labels!r} must be {'one' if multi_label else 'two'} or more distinct "
                         "lower-case identifiers, e.g. --labels calm,alarmed")
    folder = Path(where) / name
    if folder.exists():
        raise InputError(f"{str(folder)!r} already exists; choose another name or folder")
    default = "" if multi_label else f"            default_label={labels[-1]!r},\n"
    values = {"name": name, "dash": name.replace("_", "-"), "labels": tuple(labels), "multi": multi_label,
              "rules": RULES_DATA % "".join(f"    {l!r}: [{l!r}],\n" for l in labels) if rules else "",
              "body": RULES_BODY % default if rules else TRAINED_BODY % multi_label,
              "description": f"{name} labels ({', '.join(labels)})", "label_list": ", ".join(labels),
              "kind": "multi-label" if multi_label else "single-label"}
    files = {
        "pyproject.toml": PYPROJECT, f"toolkit_{name}/__init__.py": MODULE, f"tests/test_{name}.py": TEST,
        "README.md": README, f"labels/{name}.csv": "text,label,source\n",
    }
    for relative, template in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return folder
