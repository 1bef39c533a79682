"""The ``stance_west`` labeller: how a sentence treats the West.

Single-label: ``hostile``, ``reassuring``, ``neutral`` or ``none`` (no reference
to the West at all), as the project's labelling guide defines them.
"""

from toolkit import Labeller, hookimpl, text_pipeline

from .cues import CUES

__version__ = "0.1.0"

LABELS = ("hostile", "reassuring", "neutral", "none")


def build_estimator():
    """Word features plus cues for Western actors, anti-hegemony talk and reassurance."""
    return text_pipeline(cues=CUES)


@hookimpl
def register_labellers(register):
    register(
        Labeller(
            name="stance_west",
            labels=LABELS,
            description="Stance toward the West: hostile, reassuring, neutral, or none",
            estimator=build_estimator,
        )
    )
