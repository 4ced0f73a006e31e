"""Room names to uses: "BED 2", "K/L/D", "W.C.", "Køkken" ... -> :class:`~floorplan.model.Use`.

The classifier is data: a synonym table (words and phrases as architects write them,
in English, the European languages met in real drawings and Russian; Chinese and Japanese
in :mod:`floorplan.classify_cjk`) and a priority order for
names that hold more than one (``"Bedroom 1 en-suite"`` is an en-suite). Kitchen, living
and dining words combine (``"Kitchen/Diner"``, ``"Living/Dining"``, ``"K/L/D"``). A name
it cannot place gives ``None`` and the caller reports FP004: it never guesses.

>>> classify("BEDROOM No 2")
<Use.BEDROOM: 'bedroom'>
>>> classify("K/L/D")
<Use.KITCHEN_LIVING_DINING: 'kitchen_living_dining'>
>>> classify("Plant room") is Use.PLANT
True
>>> classify("Room 3078") is None
True
"""

from __future__ import annotations

import re
import unicodedata

from floorplan.classify_cjk import CJK_TABLE, NOT_HOME_TABLE, find_cjk
from floorplan.model import Use

#: Synonyms per use. Multi-word entries match as phrases; all matching is on whole words
#: after normalisation (case folded, accents kept and also stripped, ``.`` and ``-``
#: removed inside words, digits split off).
SYNONYMS: dict[Use, tuple[str, ...]] = {
    Use.STAFF_SLEEP_IN: (
        "sleep in", "sleepin", "sleep-in", "staff bedroom", "staff bed", "staff sleep",
        "staff sleeping", "carer bedroom", "carers bedroom", "night staff",
    ),
    Use.OFFICE: (
        "office", "staff office", "staff room", "admin", "buro", "büro",
        "kontor", "ufficio", "bureau", "oficina", "kantoor", "managers office",
        "managers room", "admin office", "landlords office",
    ),
    # a study is a room for the tenants, not an office for staff (standards decision 10)
    Use.STUDY: ("study", "study room", "home study", "arbeitszimmer"),
    Use.ENSUITE: ("ensuite", "en suite", "ens", "ensuite bathroom", "ensuite shower"),
    Use.WET_ROOM: ("wet room", "wetroom", "wet rm", "accessible shower room"),
    Use.SHOWER_ROOM: (
        "shower", "shower room", "shower rm", "dusche", "duschbad", "douche", "doccia",
        "brusebad", "bruserum", "dusj", "ducha",
    ),
    Use.BATHROOM: (
        "bathroom", "bath", "bathrm", "bath rm", "bad", "badezimmer", "badeværelse",
        "badevaerelse", "baderom", "badrum", "bagno", "salle de bain", "salle de bains",
        "baño", "bano", "badkamer", "łazienka", "lazienka", "kylpyhuone", "family bathroom",
        "accessible bathroom",
    ),
    Use.WC: (
        "wc", "toilet", "toilets", "restroom", "restrooms", "rest room", "cloaks", "cloakroom", "cloak room", "lavatory", "loo",
        "powder room", "toilette", "toiletten", "gäste wc", "gaeste wc", "gæstetoilet",
        "gaestetoilet", "bagno di servizio", "aseo", "wc/cloaks", "disabled wc",
        "accessible wc", "toil", "powder",
        "handicaptoilet", "hc toilet",
    ),
    Use.KITCHEN: (
        "kitchen", "kit", "kitch", "kitchenette", "küche", "kueche", "kuche", "køkken",
        "kokken", "kök", "kok", "kjøkken", "kjokken", "cucina", "cuisine", "cocina",
        "keuken", "kuchnia", "keittiö", "keittio", "teeküche",
        "tekøkken", "thekøkken",
    ),
    Use.DINING: (
        "dining", "diner", "dining room", "dining rm", "esszimmer", "essen", "essbereich",
        "spisestue", "spisekøkken", "matsal", "sala da pranzo", "comedor",
        "salle à manger", "salle a manger", "eetkamer", "jadalnia",
    ),
    Use.LIVING: (
        "living", "living room", "living rm", "lounge", "sitting", "sitting room",
        "sitting rm", "reception", "reception room", "family room", "day room", "snug",
        "tv room", "great room", "great rm", "common room", "communal lounge", "wohnzimmer", "wohnen", "wohnraum",
        "stue", "dagligstue", "opholdsstue", "fællesrum", "faellesrum", "vardagsrum",
        "soggiorno", "salotto", "salon", "séjour", "sejour", "sala", "sala de estar",
        "woonkamer", "pokój dzienny", "olohuone", "stua",
        "ophold", "opholdsrum",
    ),
    Use.BEDROOM: (
        "bedroom", "bed", "bedrm", "bed rm", "bdrm", "br", "mbr", "master bed", "master bedroom",
        "principal bedroom", "double bedroom", "single bedroom", "twin bedroom",
        "tenant bedroom", "schlafzimmer", "schlafraum", "kinderzimmer", "soveværelse",
        "sovevaerelse", "værelse", "vaerelse", "soverom", "sovrum", "camera",
        "camera da letto", "camera matrimoniale", "chambre", "dormitorio", "habitación",
        "habitacion", "slaapkamer", "sypialnia", "makuuhuone",
        "gästezimmer", "gaestezimmer",
    ),
    Use.UTILITY: (
        "utility", "utility room", "utility rm", "laundry", "hauswirtschaftsraum", "hwr",
        "waschküche", "waschkueche", "bryggers", "lavanderia", "buanderie", "tvättstuga",
        "util",
        "bijkeuken", "washok",
    ),
    Use.STORAGE: (
        "store", "storage", "stores", "cupboard", "cpd", "cpbd", "airing cupboard",
        "ac", "linen", "lin", "linen cupboard", "closet", "clo", "clos", "stor",
        "wic", "walk in closet", "walkin closet", "pantry", "larder", "walk in wardrobe",
        "wardrobe", "bin store", "cycle store", "abstellraum", "abstellkammer", "lager",
        "depot", "ripostiglio", "dispensa", "despensa", "rangement", "debarras",
        "berging", "skab", "depotrum", "förråd", "forrad", "bod", "pulizie",
        "cleaning", "cleaners", "custodial", "janitor", "janitors", "janitors closet", "rengøring", "rengøringsrum", "viktualierum", "pulterkammer",
        "vorratsraum", "speisekammer", "ankleide",
    ),
    Use.PLANT: (
        "plant", "plant room", "boiler", "boiler room", "riser", "comms", "services",
        "meter cupboard", "meter room", "technik", "technikraum", "haustechnik", "teknik",
        "teknikrum", "locale tecnico", "cuarto de instalaciones", "tank room",
        "plantroom", "server", "server room", "serverrum", "switchroom", "switch room",
        "fyrrum", "heizraum", "heizungsraum", "hausanschlussraum",
    ),
    Use.STAIRS: (
        "stair", "stairs", "staircase", "stairway", "stairways", "stairwell", "treppe", "treppenhaus", "trappe",
        "trapp", "trappa", "scala", "escalera", "escalier", "trap",
        "trapperum", "trappenhuis", "trapportaal", "treppenraum",
    ),
    Use.LANDING: ("landing", "podest", "overloop"),
    Use.CORRIDOR: (
        "corridor", "passage", "circulation", "korridor", "gang", "corridoio", "pasillo",
        "couloir", "gang/korridor", "fordelingsgang",
    ),
    Use.HALL: (
        "hall", "hallway", "entrance", "entrance hall", "lobby", "porch", "vestibule",
        "foyer", "flur", "diele", "eingang", "entré", "entre", "forstue", "hall d'entrée",
        "ingresso", "entrada", "recibidor", "hal", "halle", "lobby/hall", "windfang",
    ),
}

#: Russian room words, the common ones (a drawing from Russia labels its rooms so:
#: ``Спальня``, ``Кухня``, ``Прихожая``). ``Гараж`` (garage) has no use here, as in English;
#: ``Санузел`` (a bathroom with its WC, or a WC alone) says neither clearly and stays out.
RUSSIAN: dict[Use, tuple[str, ...]] = {
    Use.BEDROOM: ("спальня", "спальная комната"),
    Use.LIVING: ("гостиная",),
    Use.DINING: ("столовая",),
    Use.KITCHEN: ("кухня",),
    Use.BATHROOM: ("ванная", "ванная комната"),
    Use.WC: ("туалет", "уборная"),
    Use.HALL: ("прихожая", "холл"),
    Use.CORRIDOR: ("коридор",),
    Use.STAIRS: ("лестница",),
    Use.STORAGE: ("кладовая", "кладовка"),
    Use.PLANT: ("котельная",),
    Use.STUDY: ("кабинет",),
}
for _use, _words in RUSSIAN.items():
    SYNONYMS[_use] = SYNONYMS[_use] + _words

#: Room words with no use here, on purpose: teaching and meeting rooms, labs, lifts
#: (``Undervisning``, ``Mødelokale``, ``Møderum``, ``Meeting Room``, ``Seminar Room``,
#: ``Klaslokaal``, ``Besprechungsraum``, ``Elevator``, ``Lift``) are no room of a home, and
#: no housing use fits them: they give ``None`` (``other``, FP004), which says so. A word
#: several languages use for different rooms stays out too (Danish ``Garderobe`` is a
#: cloakroom for coats, English ``cloakroom`` a WC).

#: Rooms a home's rules count for nothing, named so plainly that no rule need wait on them:
#: a garage or a lift is no bedroom, bathroom or kitchen. :func:`classify` gives them
#: ``None`` (``other``), as for any room word with no use here; :func:`names_other` says the
#: name states it, so they are not rooms "of unknown use" (FP004) that may change a rule.
NOT_HOME: tuple[str, ...] = (
    "garage", "carport", "car port", "lift", "elevator", "garaje", "garagem", "autorimessa",
    "garasje", "aufzug", "fahrstuhl", "ascensore", "ascensor", "elevador", "elevator shaft",
    "lift shaft", "гараж", "лифт",
)
_NOT_HOME = frozenset(NOT_HOME)

#: When a name holds words of several uses, the first use in this list wins. A study
#: comes after a bedroom: "Bedroom 4/Study" may be slept in, so it is held to a bedroom's
#: minimums.
PRIORITY: tuple[Use, ...] = (
    Use.STAFF_SLEEP_IN, Use.ENSUITE, Use.WET_ROOM, Use.SHOWER_ROOM, Use.BATHROOM, Use.WC,
    Use.PLANT, Use.UTILITY, Use.STORAGE, Use.OFFICE,
    Use.KITCHEN, Use.DINING, Use.LIVING, Use.BEDROOM, Use.STUDY,
    Use.STAIRS, Use.LANDING, Use.CORRIDOR, Use.HALL,
)

#: kitchen/living/dining combinations (``"Kitchen/Diner"``, ``"Lounge/Diner"``, ``"K/L/D"``)
COMBINED: dict[frozenset[Use], Use] = {
    frozenset({Use.KITCHEN, Use.DINING}): Use.KITCHEN_DINING,
    frozenset({Use.LIVING, Use.DINING}): Use.LIVING_DINING,
    frozenset({Use.KITCHEN, Use.LIVING}): Use.KITCHEN_LIVING_DINING,
    frozenset({Use.KITCHEN, Use.LIVING, Use.DINING}): Use.KITCHEN_LIVING_DINING,
}

#: letter abbreviations: a name made only of these letters is a communal combination
LETTERS: dict[str, Use] = {"k": Use.KITCHEN, "l": Use.LIVING, "d": Use.DINING}

#: words that qualify a room without changing its use; a name made only of these and
#: numbers is not classified ("Room 12")
_STOP = frozenset({"no", "nr", "n", "room", "rm", "the", "of", "and"})

_SPLIT_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def _fold(text: str) -> str:
    """Case-fold and strip accents (``"Køkken"`` -> ``"kokken"``)."""
    text = text.casefold().replace("ø", "o").replace("æ", "ae").replace("ł", "l")
    text = text.replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(name: str) -> str:
    """Lower-case words separated by single spaces, punctuation removed.

    >>> normalise("W.C.")
    'wc'
    >>> normalise("EN-SUITE 2")
    'ensuite 2'
    >>> normalise("Bed1")
    'bed 1'
    """
    text = name.casefold()
    text = re.sub(r"(?<=\w)[.](?=\w)", "", text)  # W.C. -> WC.
    text = re.sub(r"\b(en|sleep)\s*-\s*(suite|in)\b", r"\1\2", text)
    text = text.replace("&", " and ").replace("+", " and ")
    text = _SPLIT_DIGITS.sub(" ", text)
    words = re.findall(r"[^\W_]+", text)
    return " ".join(words)


def _index() -> dict[str, Use]:
    table: dict[str, Use] = {}
    for use, words in SYNONYMS.items():
        for w in words:
            for form in {normalise(w), normalise(_fold(w))}:
                table.setdefault(form, use)
    return table


_TABLE = _index()
_MAX_WORDS = max(len(k.split()) for k in _TABLE)


def _hits(words: list[str]) -> list[Use]:
    """Uses named in ``words``, longest phrase first at each position."""
    found: list[Use] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            use = _TABLE.get(phrase)
            if use is not None:
                found.append(use)
                i += n
                break
        else:
            i += 1
    return found


#: a ratio of one to so many (1:1, 1:50, 1 : 100): a drawing's scale, said in a title block
#: or a scale bar ("Disegno in scala 1:1 (metri)": scala is also Italian for a stair)
_SCALE = re.compile(r"(?<![\d.,:])1\s*:\s*\d{1,5}(?![\d.,:])")


def classify(name: str | None) -> Use | None:
    """The use a room name says, or ``None`` when it says none clearly. A text that states
    a drawing's scale (``1:100``) names no room, whatever its words.

    >>> classify("Kitchen/Diner")
    <Use.KITCHEN_DINING: 'kitchen_dining'>
    >>> classify("Schlafzimmer")
    <Use.BEDROOM: 'bedroom'>
    >>> classify("Scala"), classify("Disegno in scala 1:1 (metri)")
    (<Use.STAIRS: 'stairs'>, None)
    """
    if not name or not name.strip():
        return None
    if _SCALE.search(name):  # "Disegno in scala 1:1", "Scale 1:100 at A1": a drawing's scale
        return None
    words = [w for w in normalise(name).split() if not w.isdigit()]
    folded = [w for w in normalise(_fold(name)).split() if not w.isdigit()]
    if not words:
        return None
    cjk = set(find_cjk(name, CJK_TABLE))  # Chinese, Japanese: no spaces between words
    letters = "".join(words)
    if len(words) > 1 and all(w in LETTERS for w in words) or (
        len(words) == 1 and 2 <= len(letters) <= 3 and set(letters) <= set(LETTERS)
        and len(set(letters)) == len(letters)
    ):
        parts = frozenset(LETTERS[c] for c in letters)
        if parts in COMBINED:
            return COMBINED[parts]
    hits = set(_hits(words)) | set(_hits(folded)) | cjk
    if not hits:
        return None
    communal = hits & {Use.KITCHEN, Use.LIVING, Use.DINING}
    if len(communal) > 1 and frozenset(communal) in COMBINED:
        others = [u for u in PRIORITY if u in hits and u not in communal]
        # "Kitchen/Diner store" is a store; "Kitchen/Diner" is a kitchen-diner
        if not others or PRIORITY.index(others[0]) > PRIORITY.index(Use.KITCHEN):
            return COMBINED[frozenset(communal)]
    for use in PRIORITY:
        if use in hits:
            return use
    return None


def names_other(name: str | None) -> bool:
    """The name says the room is one a home's rules count for nothing (:data:`NOT_HOME`: a
    garage, a lift), and no use of :func:`classify`'s.

    >>> names_other("Гараж"), names_other("Double Garage 2"), names_other("Lift")
    (True, True, True)
    >>> names_other("Garage/Store"), names_other("Resource Room"), names_other("")
    (False, False, False)
    """
    if not name or classify(name) is not None:
        return False
    if find_cjk(name, NOT_HOME_TABLE):
        return True
    words = [w for w in normalise(name).split() if not w.isdigit()]
    folded = [w for w in normalise(_fold(name)).split() if not w.isdigit()]
    for ws in (words, folded):
        for n in (1, 2):
            if any(" ".join(ws[i:i + n]) in _NOT_HOME for i in range(len(ws) - n + 1)):
                return True
    return False
