"""What the collector makes: primitives, texts and inserts in drawing units.

Kept apart from :mod:`~floorplan.io.dxf.collect` so that the block expander
(:mod:`~floorplan.io.dxf.blocks`) and the collector can both build on them without
importing each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Prim:
    """One piece of geometry: ``pts`` is an (n, 2) or (n, 3) array in drawing units."""

    uid: int
    etype: str
    layer: str
    handle: str
    pts: np.ndarray
    closed: bool = False
    chain: tuple[int, ...] = ()  # uids of the INSERTs it sits in, outermost first
    extra: dict = field(default_factory=dict)


@dataclass
class Text:
    uid: int
    text: str
    x: float
    y: float
    layer: str
    height: float
    handle: str
    chain: tuple[int, ...] = ()
    tag: str | None = None  # the ATTRIB tag when the text is a block attribute
    etype: str = "TEXT"


@dataclass
class Insert:
    uid: int
    name: str
    layer: str
    handle: str
    x: float
    y: float
    chain: tuple[int, ...] = ()
    attribs: dict[str, str] = field(default_factory=dict)
    pts: np.ndarray | None = None  # every flattened point of its content (drawing units)


@dataclass
class Collected:
    loops: list[Prim] = field(default_factory=list)      # closed (or first==last) outlines
    opens: list[Prim] = field(default_factory=list)      # open polylines, lines, arcs, splines
    arcs: list[Prim] = field(default_factory=list)       # ARCs again, with centre and radius
    faces3d: list[Prim] = field(default_factory=list)    # 3D polylines and 3DFACEs (x, y, z)
    hatches: list[Prim] = field(default_factory=list)    # HATCH boundary polygons
    circles: list[Prim] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    inserts: list[Insert] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)   # (dxftype, layer, reason) -> n
    read_as: Counter = field(default_factory=Counter)   # what was read otherwise -> n
    next_uid: int = 0
    by_uid: dict[int, Insert] = field(default_factory=dict)
    blocks: dict = field(default_factory=dict, repr=False)  # expanded blocks (dxf_blocks)
    movable: bool = True  # False once a block had to be expanded where it is (dxf_blocks)

    def uid(self) -> int:
        self.next_uid += 1
        return self.next_uid
