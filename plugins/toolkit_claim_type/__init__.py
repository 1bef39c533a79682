"""The ``claim_type`` labeller: what kind of claim a sentence makes.

Single-label: ``fact``, ``commitment``, ``evaluation``, ``denial``,
``speculation`` or ``other`` (bylines, datelines, bare headings), as the
project's labelling guide defines them.
"""

from toolkit import Labeller, hookimpl, text_pipeline

from .cues import CUES

__version__ = "0.1.0"

LABELS = ("fact", "commitment", "evaluation", "denial", "speculation", "other")


def build_estimator():
    """Word features plus cues for negation, hedges, plans, judgements and page furniture."""
    return text_pipeline(cues=CUES)


@hookimpl
def register_labellers(register):
    register(
        Labeller(
            name="claim_type",
            labels=LABELS,
            description="Kind of claim: fact, commitment, evaluation, denial, speculation, or other",
            estimator=build_estimator,
        )
    )
