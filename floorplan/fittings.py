"""What a fitting is, from what a plan calls it: the vocabulary of ``Obstacle.kind``.

Both readers give each obstacle a kind: the GeoJSON convention from its ``fitting``
property, else from its ``name``; the DXF reader from the block's name, else its layer.
Rules treat some kinds apart: a turning circle may overlap a level-access ``shower``;
``kitchen_unit`` fronts need a clear zone (M4(3) 3.32(b)); a ``liftway`` is the space for
a through-floor lift (3.29); ``wheelchair_storage`` the wheelchair storage and transfer
space (3.25). A name that says none of these gives ``None``: the obstacle still blocks.

>>> fitting_kind("Kitchen units"), fitting_kind("HOB-600"), fitting_kind("A-FLOR-KITC")
('kitchen_unit', 'kitchen_unit', 'kitchen_unit')
>>> fitting_kind("Future through-floor lift"), fitting_kind("Stair lift")
('liftway', None)
>>> fitting_kind("Wheelchair store"), fitting_kind("Bath/shower"), fitting_kind("Level access shower")
('wheelchair_storage', 'bath', 'shower')
>>> fitting_kind("Sofa"), fitting_kind("A-FLOR-FIXT")
('furniture', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

#: every kind a reader gives (a plan may state others; they are kept as given)
KINDS = ("kitchen_unit", "shower", "bath", "wc", "basin", "bed", "wardrobe", "liftway",
         "wheelchair_storage", "radiator", "furniture")

#: (kind, words): a name holding any of the words (whole words; a trailing ``*`` matches
#: a word's start; several words match as a phrase) is of that kind. The first kind that
#: matches wins, so the specific come first (a "wheelchair store" is not a store; a
#: "bath/shower" is a bath: a shower over a bath is not a level-access shower).
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("wheelchair_storage", ("wheelchair store", "wheelchair storage", "wheelchair charging",
                            "wheelchair transfer", "wheelchair park", "wheelchair parking",
                            "wheelchair space", "wchair store")),
    ("liftway", ("liftway", "lift way", "through floor lift", "throughfloor lift",
                 "future lift", "lift shaft", "home lift", "lift", "tfl")),
    ("bath", ("bath", "bathtub", "bath tub", "tub", "badewanne", "vasca")),
    ("shower", ("shower", "shower tray", "level access shower", "walk in shower", "dusche",
                "douche", "doccia", "ducha")),
    ("wc", ("wc", "toilet", "lavatory", "water closet", "wc pan")),
    ("basin", ("basin", "whb", "wash hand basin", "handbasin", "vanity", "lavabo")),
    ("kitchen_unit", ("kitc*", "worktop", "work top", "counter", "hob", "oven", "cooker",
                      "sink", "fridge", "freezer", "dishwasher", "base unit", "base units",
                      "kitchen unit", "kitchen units", "küche", "kueche", "cucina")),
    ("bed", ("bed", "beds", "double bed", "single bed", "cot", "bett", "letto")),
    ("wardrobe", ("wardrobe", "wardrobes", "robe", "robes", "armoire", "schrank")),
    ("radiator", ("radiator", "rad", "heizkörper", "heizkoerper")),
    ("furniture", ("sofa", "settee", "armchair", "chair", "chairs", "table", "desk", "dining",
                   "furn*", "couch", "dresser", "chest of drawers")),
)
#: words that stop a name being a liftway ("stair lift" is a seat on the stair)
_NOT_LIFT = ("stair", "stairlift")
_SPLIT = re.compile(r"[^\w]+|_")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _words(text: str) -> list[str]:
    """Lower-case words, split at anything not a letter or digit, at digits and at
    camel-case joins ("KitchenUnit-600" -> kitchen, unit)."""
    text = _CAMEL.sub(" ", str(text))
    out: list[str] = []
    for w in _SPLIT.split(text.casefold()):
        out += [p for p in re.split(r"(\d+)", w) if p and not p.isdigit()]
    return out


def _has(words: list[str], keyword: str) -> bool:
    parts = keyword.split()
    if len(parts) == 1:
        k = parts[0]
        if k.endswith("*"):
            return any(w.startswith(k[:-1]) for w in words)
        return k in words
    n = len(parts)
    return any(words[i:i + n] == parts for i in range(len(words) - n + 1))


def fitting_kind(*names: str | None) -> str | None:
    """The kind the first of ``names`` that says one gives (``None``: none does)."""
    for name in names:
        if not name:
            continue
        kind = _name_kind(name) if isinstance(name, str) else _kind_of(name)
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=4096)  # a plan places the same few blocks, on the same layers, many times
def _name_kind(name: str) -> str | None:
    return _kind_of(name)


def _kind_of(name: object) -> str | None:
    """The kind one name says, or ``None``."""
    words = _words(str(name))
    for kind, keywords in _WORDS:
        if kind == "liftway" and any(w in _NOT_LIFT for w in words):
            continue
        if any(_has(words, k) for k in keywords):
            return kind
    return None


def stated_kind(value: object) -> str | None:
    """A kind a plan states (``"kitchen_unit"``, ``"Kitchen units"``): one of
    :data:`KINDS` where the words say one, else the text as given, lower case with
    spaces as ``_``; ``None`` for an empty or non-text value."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().casefold().replace("-", "_").replace(" ", "_")
    if text in KINDS:
        return text
    return fitting_kind(value) or text


__all__ = ["KINDS", "fitting_kind", "stated_kind"]
