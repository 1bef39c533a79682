"""The ``domain`` labeller: which fields of cooperation a sentence is about.

Multi-label: a sentence may name several fields, or none.  Labels follow the
project's labelling guide (``labels/README.md``).
"""

from toolkit import Labeller, hookimpl, text_pipeline

from .cues import CUES

__version__ = "0.1.0"

LABELS = ("defense", "energy", "economy", "transport", "science_tech", "culture", "humanitarian", "diplomacy")


def build_estimator():
    """Word features, one cue feature per field vocabulary, and the article's density of each.

    Annotators decide a sentence's fields reading it in its article ("the
    project" in a pipeline story is energy), so the article's profile helps.
    """
    return text_pipeline(multi_label=True, cues=CUES, article_cues=True)


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
