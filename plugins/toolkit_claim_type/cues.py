"""Cue vocabularies for the kind of claim a sentence makes.

Regular expressions, matched case-insensitively between word boundaries.
"""

CUES = {
    "negation": [
        r"not", r"no", r"never", r"nothing", r"neither", r"nor", r"without", r"\w+n't", r"den(?:y|ied|ies)",
        r"reject\w*", r"dismiss\w*", r"rul\w* out", r"refus\w*", r"shall not", r"will not", r"cannot",
    ],
    "hedge": [
        r"might", r"may", r"could", r"possibl\w*", r"perhaps", r"likely", r"unlikely", r"reportedly",
        r"allegedly", r"expected to", r"appears? to", r"seems? to", r"suggest\w*", r"speculat\w*",
        r"rumou?r\w*", r"unconfirmed", r"believed to", r"potentially", r"it is unclear", r"probably",
    ],
    "anonymous_source": [
        r"(?:intelligence|diplomatic|informed|unnamed|anonymous|western|military) sources?",
        r"sources (?:said|say|suggest\w*|told|familiar)", r"condition of anonymity",
        r"people familiar with", r"officials who", r"according to (?:some|several) reports",
    ],
    "plan": [
        r"will", r"shall", r"plan\w*", r"aim\w*", r"seek\w*", r"intend\w*", r"schedul\w*", r"set to",
        r"to be (?:signed|completed|built|launched|held)", r"pledg\w*", r"commit\w*", r"agree\w* to",
        r"provides? for", r"designed to", r"envisag\w*", r"undertak\w*", r"obliges?", r"is to",
    ],
    "judgement": [
        r"prais\w*", r"breakthrough", r"important", r"significant", r"historic", r"key", r"vital",
        r"hope\w*", r"believes?", r"welcom\w*", r"crucial", r"milestone", r"turning point", r"should",
        r"must", r"call\w* (?:for|on)", r"urg\w*", r"smart", r"great", r"successful", r"unprecedented",
        r"criticis\w*", r"condemn\w*", r"warn\w*", r"described", r"called it", r"dangerous", r"wise",
    ],
    "figure": [r"\d[\d,.]*", r"percent", r"billion", r"million", r"tonnes?", r"kilometres?"],
    "page_furniture": [r"^By [A-Z]", r"News ID", r"Publish(?:ed)? Date", r"\w+\.(?:ir|com|ru|az|cn|kp)",
                       r"^date", r"Photo", r"Reporting by", r"Editing by"],
}
