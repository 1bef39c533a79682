"""The ``domain`` labeller: which fields of cooperation a sentence is about.

Multi-label: a sentence may name several fields, or none.  Labels follow the
project's labelling guide (``labels/README.md``).
"""

from toolkit import Labeller, hookimpl, text_pipeline

from .cues import CUES

__version__ = "0.1.0"

LABELS = ("defense", "energy", "economy", "transport", "science_tech", "culture", "humanitarian", "diplomacy")


def build_estimator():
    """Word features plus one cue feature per field vocabulary."""
    return text_pipeline(multi_label=True, cues=CUES)


@hookimpl
def register_labellers(register):
    register(
        Labeller(
            name="domain",
            labels=LABELS,
            description="Fields of cooperation a sentence discusses (defense, energy, economy, ...)",
            multi_label=True,
            estimator=build_estimator,
        )
    )
