"""What DXF layer and block names mean: keyword lists, and the ``--layer-map`` file.

Every list here is data. An office with its own CAD standard writes a TOML file::

    # my-office.toml
    [layers]
    room = ["RM-OUTLINE", "ZONES"]          # extends the built-in room keywords
    wall = { replace = ["A-WALL-FULL"] }    # replaces the built-in wall keywords
    [blocks]
    obstacle = ["SANI-*"]

Keys of ``[layers]`` and ``[blocks]`` are the kinds below; a list extends the built-in
keywords, ``{ replace = [...] }`` replaces them. Matching is case-insensitive, on the
layer name with any xref prefix (``plan$0$`` or ``plan|``) and trailing numbers removed.
A layer whose words say nothing but that starts with a CI/SfB element code (``A21----``
external walls, ``A321`` internal doors) is read by that code (:mod:`.cisfb`).
A keyword of four letters or more matches anywhere in the name (``walls`` holds
``wall``); a shorter one (``dr``, ``wc``) matches a whole word only. A trailing ``*`` asks
for a word that starts with the keyword.

>>> m = LayerMap()
>>> m.layer_kind("A-AREA")
'room'
>>> m.layer_kind("Xref$0$Walls")
'wall'
>>> m.layer_kind("A-FLOR-STRS"), m.layer_kind("Treppe"), m.layer_kind("STAIR WALLS")
('stair', 'stair', 'wall')
>>> m.layer_kind("MURATURA sezioni - section wall"), m.layer_kind("PROIEZIONI Tratteggiate - dashed")
('wall', 'projection')
>>> m.layer_kind("Luft"), m.layer_kind("M-HVAC-DUCT"), m.layer_kind("VENTANAS")
('projection', 'projection', None)
>>> m.layer_kind("A-320G - Permanent Solid Partitions 12"), m.layer_kind("A-325G - Internal Doors 6")
('wall', 'door')
>>> m.block_kind("WC-01")
'obstacle'
>>> level_of_layer("GF-A-AREA"), level_of_layer("A-AREA-L01"), level_of_layer("Walls")
(0.0, 1.0, None)
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from floorplan.errors import PlanReadError
from floorplan.io.dxf.cisfb import cisfb_code, cisfb_kind

#: Built-in layer keywords, in the order they are tried (first kind that matches wins).
LAYER_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ignore": ("dim", "dims", "dimension", "dimensions", "a-anno-dims", "title", "border",
               "viewport", "vport", "defpoints", "grid",
               # a virtual partition parts an open floor on paper (for space planning): no
               # wall stands there (before ``wall``, which "partition" says)
               "virtual"),
    "ceiling": ("ceiling", "clg", "headroom", "a-clng", "decke"),
    "door": ("door", "doors", "dr", "a-door", "tür", "tuer", "tur", "porta", "porte", "puerta"),
    "meter": ("meter", "mtr"),
    "aerial": ("aerial", "tv"),
    "obstacle": ("furn", "fitting", "fittings", "sanitary", "san", "kitc", "fixt", "a-flor-fixt",
                 "a-furn", "mobili", "mobel", "möbel", "sanit", "equip", "appliance", "lift",
                 "wheelchair stor", "wheelchair-stor", "wheelchair_stor"),
    # what is drawn over or under the floor, seen and not cut: a roof's bays or a canopy
    # seen from below, hidden and overhead edges. It bounds no room and is no wall. Before
    # ``room`` and ``wall``: a layer of overhead walls (``A-WALL-OVHD``) is a projection;
    # after ``door``, so an overhead garage door is a door (a layer drawn in a broken
    # linetype is one too: :func:`~floorplan.io.dxf.walls.marks.dashed_layers`)
    "projection": ("projection", "projections", "proiezion*", "proyecci*", "projektion*",
                   "hidden", "hidn", "dashed", "tratteggi*", "ocult*", "verdeckt*", "skjult",
                   "overhead", "ovhd",
                   # ventilation ducts run overhead, and their grilles are marks in a room's
                   # floor: Danish and German 'Luft' (air), 'Lüftung', HVAC layers
                   "luft", "lüftung", "lueftung", "hvac", "ductwork", "ducting", "ventilation",
                   "ventilasjon", "ventilazione", "ventilación", "ventilacion"),
    "room": ("room", "rooms", "space", "spaces", "area", "a-area", "area-assign", "a-flor-iden",
             "zone", "zones", "raum", "räume", "stanza", "locali", "rm"),
    # a partition is an internal wall, whatever code the layer starts with: "A-320G -
    # Permanent Solid Partitions" is no door layer for its CI/SfB-like "32"
    "wall": ("wall", "walls", "a-wall", "wand", "mur", "muro", "muri", "muratur*", "parete", "glaz",
             "partition", "prtn",
             "a-glaz", "window", "windows", "fenster", "crystal", "cristal", "column", "columns",
             "col", "a-cols", "pillar", "pilastr*", "s-cols",
             # the end of a wall at an opening (a door's or a window's jamb, a pier between
             # bi-folds): its reveal is wall, which the room's area stops at
             "jamb"),
    # a stair's treads, nosings, flight outlines and break lines bound no room (the floor
    # runs on under and over a flight): never walls, glazing or room outlines. After
    # ``wall``, so a layer of stair walls is a wall layer
    "stair": ("stair", "stairs", "strs", "a-flor-strs", "treppe", "trappe", "trapp",
              "escal", "scala", "stufe", "trap*"),
}

#: Built-in block-name keywords (a block's layer is tried with LAYER_KEYWORDS first).
BLOCK_KEYWORDS: dict[str, tuple[str, ...]] = {
    # FD20 ... FD120: a fire door's rating names the door ("int 826 FD30")
    "door": ("door", "dr", "a-door", "tür", "tuer", "porta", "porte", "puerta", "fd20", "fd30",
             "fd60", "fd90", "fd120"),
    "meter": ("meter", "mtr", "gas-meter", "elec-meter"),
    "aerial": ("aerial", "tv", "tv-point", "tvpoint"),
    "obstacle": ("wc", "toilet", "bath", "shower", "basin", "sink", "bed", "wardrobe", "kitchen",
                 "whb", "bidet", "urinal", "hob", "oven", "fridge", "worktop", "cooker", "sofa",
                 "table", "desk", "dining", "furn*", "fixt*", "sanitary", "lift", "wheelchair stor",
                 "wheelchair-stor", "wheelchair_stor"),
    "label": ("roomtag", "room-tag", "roomname", "room-name", "tag-room", "space-tag",
              "spacetag", "label", "area-tag"),
    # the sheet's frame and title block (an A3 border, "Title_Block-0"): drawn round the
    # plan, its cells are no rooms and its words no room names
    "sheet": ("title*", "titleblock", "border*", "a0", "a1", "a2", "a3", "a4"),
}

KINDS = tuple(dict.fromkeys(tuple(LAYER_KEYWORDS) + tuple(BLOCK_KEYWORDS)))

#: a door whose block name or layer holds one of these is an entrance door (a home's or
#: a building's front door); matched as the keywords above are
ENTRANCE_KEYWORDS: tuple[str, ...] = ("entrance", "entry", "front door", "front-door",
                                      "front_door", "frontdoor", "main door", "main-door",
                                      "main_door", "eingang", "haustür", "haustuer", "ingresso",
                                      "entrée", "entree")

_XREF = re.compile(r"^.*(\$0\$|\|)")
_TRAIL_NUM = re.compile(r"[\s_\-.]*\d+$")
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8192)  # called for every primitive's layer: a plan has a few dozen
def normalise_layer(name: str) -> str:
    """Lower case, xref prefix and trailing numbers removed.

    >>> normalise_layer("Site$0$A-WALL-01")
    'a-wall'
    """
    text = _XREF.sub("", str(name)).strip().casefold()
    return _TRAIL_NUM.sub("", text) or text


def _matches(norm: str, words: tuple[str, ...], keyword: str) -> bool:
    kw = keyword.casefold()
    if kw.endswith("*"):
        stem = kw[:-1]
        return any(w.startswith(stem) for w in words) or norm.startswith(stem)
    if len(kw) >= 4:
        return kw in norm
    return kw in words or norm == kw


@dataclass(frozen=True)
class LayerMap:
    """Keyword lists by kind; built-in unless a ``--layer-map`` file changed them."""

    layers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(LAYER_KEYWORDS))
    blocks: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(BLOCK_KEYWORDS))

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.layers.items())), tuple(sorted(self.blocks.items()))))

    def layer_kind(self, layer: str) -> str | None:
        """The kind a layer name says (``room``, ``wall``, ``door``...) or ``None``.
        A layer that names a room (``Room - Kitchen``) is a room layer."""
        return _kind(self, "layers", layer)

    def block_kind(self, block: str) -> str | None:
        """The kind a block name says, or ``None`` (UUID-like names say nothing)."""
        return _kind(self, "blocks", block)


@lru_cache(maxsize=4096)
def _kind(lmap: LayerMap, table: str, name: str) -> str | None:
    if table == "layers" and name_from_layer(name):
        return "room"
    norm = normalise_layer(name)
    words = tuple(_WORDS.findall(norm))
    for kind, keywords in getattr(lmap, table).items():
        if any(_matches(norm, words, kw) for kw in keywords):
            return kind
    if table == "layers":
        # a layer named by its CI/SfB element code ("A21----", "(22) Partitions"), when
        # its words say nothing
        return cisfb_kind(_XREF.sub("", str(name)))
    return None


def says_entrance(*names: str | None) -> bool:
    """True when any of ``names`` (a door's block name, its layer) says entrance.

    >>> says_entrance("DOOR-ENTRANCE-1000", "A-DOOR"), says_entrance("FrontDoor"), says_entrance("DOOR-900")
    (True, True, False)
    """
    return any(_says_entrance(name) for name in names if name)


@lru_cache(maxsize=4096)  # a plan places the same door block on the same layer: once each
def _says_entrance(name: str) -> bool:
    norm = normalise_layer(name)
    words = tuple(_WORDS.findall(norm))
    return any(_matches(norm, words, kw) for kw in ENTRANCE_KEYWORDS)


#: what a layer of windows or glazing says (a wall layer that says one of these draws glass)
GLAZING_KEYWORDS: tuple[str, ...] = ("glaz", "a-glaz", "window", "windows", "fenster", "vindue",
                                     "crystal", "cristal", "glass", "rooflight", "skylight")


@lru_cache(maxsize=8192)
def says_glazing(layer: str) -> bool:
    """True when a layer's name says it holds windows or glazing (CI/SfB 31 or 37 too).

    >>> says_glazing("WINDOWS"), says_glazing("A-GLAZ"), says_glazing("A314---"), says_glazing("A-COLS")
    (True, True, True, False)
    """
    norm = normalise_layer(layer)
    words = tuple(_WORDS.findall(norm))
    return (any(_matches(norm, words, kw) for kw in GLAZING_KEYWORDS)
            or cisfb_code(_XREF.sub("", str(layer))) in ("31", "37"))


_LEVEL_WORDS = {
    "ground": 0.0, "gf": 0.0, "eg": 0.0, "first": 1.0, "ff": 1.0, "og": 1.0, "second": 2.0,
    "sf": 2.0, "third": 3.0, "basement": -1.0, "lower": -1.0, "bf": -1.0,
}
_LEVEL_NUM = re.compile(r"(?:^|[\W_])(?:l|lvl|level|floor|fl|storey|etage)[\s_\-]*(-?\d{1,2})(?:$|[\W_])")


def level_of_layer(layer: str) -> float | None:
    """The level a layer name says (``GF-…`` 0, ``…-L01`` 1, ``First floor`` 1) or ``None``."""
    text = _XREF.sub("", str(layer)).casefold()
    m = _LEVEL_NUM.search(text)
    if m:
        return float(int(m.group(1)))
    for w in _WORDS.findall(text):
        if w in _LEVEL_WORDS:
            return _LEVEL_WORDS[w]
    return None


_ROOM_LAYER_NAME = re.compile(r"^\s*(?:room|space|rm|raum)\s*[-_:–]\s*(.+?)\s*$", re.IGNORECASE)


def name_from_layer(layer: str) -> str | None:
    """A room name carried by the layer name (``Room - Kitchen`` -> ``Kitchen``)."""
    m = _ROOM_LAYER_NAME.match(_XREF.sub("", str(layer)))
    return m.group(1) if m else None


def room_siblings(layers, kind_of) -> set[str]:
    """The layers among ``layers`` (names; ``kind_of(name)`` their kind) that are named
    like a room layer of the same drawing with one word changed to a room's use, and that
    say nothing themselves: beside ``Actual_Rooms``, ``Actual_Closets`` holds the closets'
    outlines; beside ``A-AREA-ROOM``, ``A-AREA-STOR`` would not (``stor`` names no use).

    >>> sorted(room_siblings(["Actual_Rooms", "Actual_Closets", "Actual_Walls", "Fridge"],
    ...                      lambda n: {"Actual_Rooms": "room", "Actual_Walls": "wall"}.get(n)))
    ['Actual_Closets']
    """
    from floorplan.classify import classify

    def words(name: str) -> list[str]:
        return [w for w in _WORDS.findall(normalise_layer(name)) if not w.isdigit()]

    rooms = [words(n) for n in layers if kind_of(n) == "room"]
    out: set[str] = set()
    for name in layers:
        if kind_of(name) is not None:
            continue
        mine = words(name)
        for theirs in rooms:
            if len(mine) != len(theirs) or len(mine) < 2:
                continue
            differ = [a for a, b in zip(mine, theirs, strict=True) if a != b]
            if len(differ) == 1 and (classify(differ[0]) or classify(differ[0].rstrip("s"))):
                out.add(name)
                break
    return out


def load_layer_map(path: str | os.PathLike | None) -> LayerMap:
    """The built-in map, changed by the TOML file at ``path`` (``None``: built-in only).

    Raises :class:`~floorplan.errors.PlanReadError` naming the file and the key at fault.
    """
    if path is None:
        return LayerMap()
    source = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise PlanReadError(source, "layer map: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanReadError(source, f"layer map is not valid TOML: {exc}") from None
    except OSError as exc:
        raise PlanReadError(source, f"layer map: {exc.strerror or exc}") from None
    unknown = set(data) - {"layers", "blocks"}
    if unknown:
        raise PlanReadError(source, f"layer map: unknown table {sorted(unknown)[0]!r} "
                            "(expected [layers] and [blocks])")
    tables = {"layers": dict(LAYER_KEYWORDS), "blocks": dict(BLOCK_KEYWORDS)}
    for table, kinds in data.items():
        if not isinstance(kinds, dict):
            raise PlanReadError(source, f"layer map: [{table}] must be a table of kinds")
        for kind, value in kinds.items():
            where = f"{table}.{kind}"
            if kind not in KINDS:
                raise PlanReadError(source, f"layer map: unknown kind {kind!r} (expected one of "
                                    f"{', '.join(KINDS)})", where)
            replace = False
            if isinstance(value, dict):
                if set(value) != {"replace"}:
                    raise PlanReadError(source, "layer map: a table value must be "
                                        "{ replace = [...] }", where)
                value, replace = value["replace"], True
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise PlanReadError(source, "layer map: expected a list of names", where)
            words = tuple(v.strip() for v in value)
            old = tables[table].get(kind, ())
            tables[table][kind] = words if replace else tuple(dict.fromkeys(words + old))
    return LayerMap(layers=tables["layers"], blocks=tables["blocks"])
