"""Cue vocabularies for the stance toward the West.

Regular expressions, matched case-insensitively between word boundaries.
"""

CUES = {
    # Who "the West" is: states, blocs, leaders, and Western media cited as sources.
    "west_actor": [
        r"the West", r"Western", r"United States", r"U\.S\.?", r"(?-i:US)", r"America\w*", r"Washington",
        r"European Union", r"(?-i:EU)", r"NATO", r"Brussels", r"Britain", r"British", r"(?-i:UK)", r"London",
        r"France", r"French", r"Germany", r"German", r"(?-i:G7)", r"Pentagon", r"White House", r"Trump",
        r"Biden", r"Rubio", r"Blinken", r"State Department", r"Reuters", r"(?-i:AFP)", r"(?-i:AP)",
        r"The Times", r"BBC", r"CNN", r"New York Times", r"Wall Street Journal", r"Financial Times",
    ],
    # The West cast as aggressor, hegemon or pressure to resist.
    "anti_hegemony": [
        r"hegemon\w*", r"unilateral\w*", r"imperialis\w*", r"diktats?", r"interference", r"meddl\w*",
        r"outside forces", r"external (?:pressures?|forces|powers)", r"isolate\w*", r"dominat\w*",
        r"neo-?coloni\w*", r"coloni\w*", r"bulwark", r"chaos", r"destabili[sz]\w*", r"bully\w*",
        r"double standards?", r"illegal sanctions", r"unilateral sanctions", r"illegitimate",
        r"bypass\w*", r"circumvent\w*", r"counter\w*", r"resist\w*", r"blackmail", r"provocat\w*",
        r"hostile", r"de-?dollari[sz]\w*", r"weaponi[sz]\w*", r"plot\w*", r"aggressive",
    ],
    # Explicit reassurance that the cooperation targets no one; kept narrow on
    # purpose: broader phrases ("third countries", "not intended to") also
    # occur in hostile and neutral sentences and cost accuracy (see the ablation).
    "reassurance": [
        r"threaten\w* (?:no one|nobody|anyone|any(?: other)? (?:country|state|party))",
        r"(?:not|never) (?:directed|aimed|targeted) (?:against|at)", r"pose\w* no threat", r"no threat to",
        r"not (?:a|an) (?:military )?(?:alliance|union|bloc)", r"no military (?:alliance|union|commitments?)",
        r"(?:against|at) (?:any )?third (?:part(?:y|ies)|countr(?:y|ies)|states?)", r"instead of (?:an )?alliance",
        r"not confrontational", r"(?:no|not) (?:a )?(?:rival|threat)",
    ],
    "sanctions": [r"sanction\w*", r"embargo\w*", r"restrictions"],
}
