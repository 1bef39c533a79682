"""The ``actors`` labeller: which states and blocs a sentence names.

A rules-only labeller, kept outside the built-ins as an example: its
knowledge is the readable lists below, so it works with no labelled data.
Install with ``pip install -e examples/plugins/actors``, or try it straight
from this file: ``toolkit score ARTICLES --plugin examples/plugins/actors/toolkit_actors/__init__.py``.
"""

import toolkit

__version__ = "0.1.0"

#: Label -> names, demonyms, capitals and leaders that mean that actor.
RULES = {
    "russia": [r"Russia\w*", r"Moscow", r"Kremlin", r"Putin", r"Lavrov", r"Mishustin", r"Peskov"],
    "iran": [r"Iran\w*", r"Tehran", r"Pezeshkian", r"Araghchi", r"Khamenei", r"Raisi"],
    "china": [r"China", r"Chinese", r"Beijing", r"Xi Jinping", r"Xi", r"PRC"],
    "north_korea": [r"North Korea\w*", r"DPRK", r"Pyongyang", r"Kim Jong Un"],
    "united_states": [r"United States", r"U\.S\.?", r"(?-i:US)", r"Americans?", r"Washington", r"White House",
                      r"Pentagon", r"Trump", r"Biden"],
    "european_union": [r"European Union", r"(?-i:EU)", r"Brussels", r"European Commission"],
    "nato": [r"NATO", r"North Atlantic (?:Treaty|Alliance)"],
    "brics": [r"BRICS"],
    "sco": [r"(?-i:SCO)", r"Shanghai Cooperation Organi[sz]ation"],
    "united_nations": [r"United Nations", r"(?-i:UN)", r"Security Council"],
    "india": [r"India", r"Indian", r"New Delhi", r"Modi"],
    "turkey": [r"Turkey", r"T[üu]rkiye", r"Turkish", r"Ankara", r"Erdogan"],
    "belarus": [r"Belarus\w*", r"Minsk", r"Lukashenko"],
    "ukraine": [r"Ukrain\w*", r"Kyiv", r"Kiev", r"Zelensky\w*"],
    "israel": [r"Israel\w*", r"Netanyahu"],
}


@toolkit.hookimpl
def register_labellers(register):
    register(
        toolkit.Labeller(
            name="actors",
            labels=tuple(RULES),
            description="States and blocs a sentence names (rules only, no training needed)",
            multi_label=True,
            rules=RULES,
            rule_mode="only",
        )
    )
