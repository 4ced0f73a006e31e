"""Meters and aerials: marked by a block (its name or layer says meter or aerial) or by a
text (``ELEC METER``, ``TV POINT``: :func:`~floorplan.io.dxf.text.kind.kind`), at the
block's insertion point or the text's.
"""

from __future__ import annotations

from shapely.geometry import Point

from floorplan.io.dxf.text import kind as dxf_text
from floorplan.model import Aerial, Meter


def meters_and_aerials(inserts, texts, ins_kind: dict, used: set[int], locate
                       ) -> tuple[list[Meter], list[Aerial]]:
    """The meters and aerials of a drawing: INSERTs of kind ``meter`` or ``aerial``
    (``ins_kind``: uid -> kind), then texts outside those blocks that say one (added to
    ``used``); ``locate(point, layer)`` gives each its level."""
    meters: list[Meter] = []
    aerials: list[Aerial] = []
    for ins in inserts:
        k = ins_kind.get(ins.uid)
        if k == "meter":
            meters.append(Meter(Point(ins.x, ins.y), dxf_text.meter_utility(
                " ".join([ins.name, *ins.attribs.values()])), locate(Point(ins.x, ins.y), ins.layer)))
        elif k == "aerial":
            aerials.append(Aerial(Point(ins.x, ins.y), locate(Point(ins.x, ins.y), ins.layer)))
    for t in texts:
        if any(ins_kind.get(u) in ("meter", "aerial") for u in t.chain):
            continue
        k = dxf_text.kind(t.text)[0]
        if k == "meter":
            meters.append(Meter(Point(t.x, t.y), dxf_text.meter_utility(t.text),
                                locate(Point(t.x, t.y), t.layer)))
            used.add(t.uid)
        elif k == "aerial":
            aerials.append(Aerial(Point(t.x, t.y), locate(Point(t.x, t.y), t.layer)))
            used.add(t.uid)
    return meters, aerials
