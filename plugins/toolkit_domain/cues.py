"""Field vocabularies: one cue group per cooperation domain.

Each entry is a regular expression matched case-insensitively between word
boundaries.  Extend a list when the model misses a field's own words.
"""

CUES = {
    "defense": [
        r"militar\w*", r"defen[cs]e\w*", r"security", r"arm(?:y|ies|s|ed)", r"weapon\w*", r"missiles?",
        r"drones?", r"air[- ]defen[cs]e", r"terroris\w*", r"extremis\w*", r"alliance", r"naval", r"navy",
        r"drills?", r"troops", r"soldiers", r"munitions?", r"ammunition", r"S-400", r"fighter jets?",
        r"mutual assistance", r"aggress\w*", r"warships?", r"bombers?", r"nuclear weapons?", r"war",
    ],
    "energy": [
        r"oil", r"gas", r"petroleum", r"nuclear (?:power|plant|plants|reactors?|energy|fuel)", r"reactors?",
        r"electricity", r"energy", r"pipelines?", r"(?-i:LNG)", r"Rosatom", r"Gazprom", r"Bushehr",
        r"refiner(?:y|ies)", r"power plants?", r"crude", r"uranium", r"Power of Siberia", r"fuel",
    ],
    "economy": [
        r"trade", r"trading", r"markets?", r"invest\w*", r"financ\w*", r"bank\w*", r"payments?",
        r"currenc(?:y|ies)", r"sanctions?", r"industr\w*", r"agricultur\w*", r"tariffs?", r"exports?",
        r"imports?", r"econom\w*", r"roubles?", r"rubles?", r"yuan", r"dollars?", r"(?-i:GDP)", r"business\w*",
        r"customs", r"free[- ]trade", r"turnover", r"grain", r"wheat", r"commerc\w*",
    ],
    "transport": [
        r"corridors?", r"rail\w*", r"ports?", r"shipping", r"logistic\w*", r"transport\w*", r"roads?",
        r"bridges?", r"routes?", r"cargo", r"maritime", r"North-South", r"(?-i:INSTC)", r"flights?", r"airlines?",
        r"highways?", r"freight", r"sea route", r"transit",
    ],
    "science_tech": [
        r"research\w*", r"scien\w*", r"technolog\w*", r"nanotech\w*", r"aerospace", r"space", r"satellites?",
        r"artificial intelligence", r"(?-i:AI)", r"medic\w*", r"biotech\w*", r"lunar", r"cosmodrome", r"innovat\w*",
        r"digital", r"cyber\w*", r"semiconductors?", r"pharmaceutic\w*", r"vaccines?", r"health\w*",
    ],
    "culture": [
        r"cultur\w*", r"touris\w*", r"travel\w*", r"educat\w*", r"universit(?:y|ies)", r"students?",
        r"media", r"exchanges?", r"visas?", r"languages?", r"sports?", r"films?", r"museums?", r"youth",
        r"people-to-people", r"schools?", r"scholarships?", r"heritage",
    ],
    "humanitarian": [
        r"humanitarian", r"aid", r"refugees?", r"relief", r"famine", r"food (?:aid|assistance|supplies)",
        r"disasters?", r"displaced", r"civilians?", r"hunger", r"rescue", r"earthquakes?",
    ],
    "diplomacy": [
        r"talks", r"visit\w*", r"summit\w*", r"sign\w*", r"ratif\w*", r"treat(?:y|ies)", r"relations",
        r"partnership", r"(?-i:BRICS)", r"(?-i:SCO)", r"Shanghai Cooperation Organi[sz]ation", r"(?-i:EAEU)",
        r"Eurasian Economic Union", r"United Nations", r"(?-i:UN)", r"sovereign\w*", r"territor\w*",
        r"multipolar\w*", r"world order", r"global order", r"foreign minist\w*", r"embass(?:y|ies)",
        r"ambassadors?", r"diplomat\w*", r"bilateral", r"political", r"negotiat\w*", r"counterpart",
        r"Security Council", r"annex\w*", r"recogni[sz]\w*",
    ],
}
