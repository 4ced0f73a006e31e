"""Layer names that follow CI/SfB Table 1 (elements of a building): ``A21`` external walls,
``A22--U-`` internal walls, ``(32) Internal doors``, ``24 Stairs``.

Offices that name layers by CI/SfB (the British and Scandinavian element table; Danish
offices use it with an ``A`` for the architect's layers) put the element's two-digit code at
the start of the name, with sub-divisions after it (``A314`` under 31) and often no
description at all. Table 1 (CI/SfB, RIBA 1976; e.g. the Architectural Working Drawings
Handbook, Table III):

- (21) external walls, (22) internal walls and partitions, (28) frames and columns: walls;
- (31) secondary elements to external walls (windows, external doors): glazing, which this
  reader takes as wall (a door block on it is known by its block, as on ``A-GLAZ``);
- (32) secondary elements to internal walls (internal doors, hatches): doors;
- (24) stairs and ramps: stair linework, which bounds no room (as on a ``Stairs`` layer);
- (66) transport (lifts), (7-) fittings (71-78: circulation, room, kitchen, sanitary,
  cleaning, storage fittings): fixed obstacles.

Everything else says nothing here: (23) floors, (27) roofs, (3x) other openings, (4-) finishes, (5-) services, (8-)
loose furniture, which offices also use for their space objects, and (9-) external works.

>>> cisfb_kind("A21----"), cisfb_kind("A22--U-"), cisfb_kind("A314-S-"), cisfb_kind("A321---")
('wall', 'wall', 'wall', 'door')
>>> cisfb_kind("(22) Partitions"), cisfb_kind("74 Sanitary"), cisfb_kind("A-28")
('wall', 'obstacle', 'wall')
>>> cisfb_kind("A24----"), cisfb_kind("A81--G-N"), cisfb_kind("22"), cisfb_kind("2021 survey")
('stair', None, None, None)
"""

from __future__ import annotations

import re

#: the kind of each CI/SfB Table 1 code this reader uses (two digits; see the module text)
CISFB_KINDS: dict[str, str] = {
    "21": "wall", "22": "wall", "28": "wall",
    "31": "wall",
    "32": "door",
    "24": "stair",
    "66": "obstacle",
    **{f"7{d}": "obstacle" for d in "12345678"},
}

# "A21", "A22--U-", "A-314", "A_21 Walls" (the architect's role letter; the rest may be
# empty), or a bare code that a description or brackets mark as one: "22 Partitions",
# "(32)", "(21) External walls", "31.4 Windows"
_SUB = r"(?:\.\d{1,2}|\d)?"
_ROLE = re.compile(rf"^a[-_ ]?(\d{{2}}){_SUB}(?:$|[^\d.])")
_BARE = re.compile(rf"^(?:\((\d{{2}}){_SUB}\)|(\d{{2}}){_SUB}[\s_\-.:]+[^\W\d_])")


def cisfb_code(layer: str) -> str | None:
    """The two-digit CI/SfB element code a layer name starts with, or ``None``.

    >>> cisfb_code("A314---"), cisfb_code("(31.4) Windows"), cisfb_code("A1325"), cisfb_code("Walls")
    ('31', '31', None, None)
    """
    text = str(layer).strip().casefold()
    m = _ROLE.match(text)
    if m:
        return m.group(1)
    m = _BARE.match(text)
    if m:
        return m.group(1) or m.group(2)
    return None


def cisfb_kind(layer: str) -> str | None:
    """The kind (``wall``, ``door``, ``obstacle``) a CI/SfB layer name says, or ``None``."""
    code = cisfb_code(layer)
    return CISFB_KINDS.get(code) if code else None
