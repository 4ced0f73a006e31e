"""Synthetic schemes of flats for the benchmark, written as DXF and as GeoJSON.

Every flat is the same eight rooms on a 10 x 8 m footprint with 100 mm walls (gaps
between the room outlines), seven internal doors and an entrance door, and a bath in
the bathroom; flats sit on a square grid 300 mm apart. Both files hold the same scheme:

* DXF in millimetres (``$INSUNITS`` 4): each room a closed LWPOLYLINE on ``A-AREA`` with
  its name as MTEXT inside it; doors are INSERTs of a ``DOOR`` block (leaf and swing) on
  ``A-DOOR``; baths are INSERTs of a ``BATH`` block on ``A-FLOR-FIXT``.
* GeoJSON in metres, the floorplan convention: rooms (with ``dwelling`` and
  ``ceiling_height``), door points, bath obstacles.

>>> rooms, doors, obstacles = layout(16)
>>> len(rooms), len(doors), len(obstacles)
(16, 16, 2)
"""

from __future__ import annotations

import json
import math
from pathlib import Path

#: (name, x0, y0, x1, y1) in metres within a flat
FLAT_ROOMS = [
    ("Hall", 0.0, 0.0, 1.2, 8.0),
    ("Bedroom 1", 1.3, 0.0, 5.0, 3.5),
    ("Bedroom 2", 5.1, 0.0, 8.0, 3.5),
    ("Bathroom", 8.1, 0.0, 10.0, 2.4),
    ("Store", 8.1, 2.5, 10.0, 3.5),
    ("Kitchen/Living/Dining", 1.3, 3.6, 6.5, 8.0),
    ("WC", 6.6, 3.6, 8.0, 5.2),
    ("Bedroom 3", 6.6, 5.3, 10.0, 8.0),
]
#: door points (x, y, angle of the wall it sits in) within a flat; the first is the entrance
FLAT_DOORS = [
    (0.6, -0.05, 0.0),
    (1.25, 1.75, 90.0), (1.25, 5.8, 90.0), (5.05, 1.75, 90.0), (8.05, 1.2, 90.0),
    (9.0, 2.45, 0.0), (6.55, 4.4, 90.0), (6.55, 6.6, 90.0),
]
#: a bath against two walls of the bathroom: (x0, y0, x1, y1)
FLAT_BATH = (8.1, 0.0, 9.8, 0.7)
FLAT_W, FLAT_H, GAP = 10.0, 8.0, 0.3


def layout(n_rooms: int):
    """Rooms ``(flat, name, x0, y0, x1, y1)``, doors ``(flat, x, y, angle)`` and baths
    ``(flat, x0, y0, x1, y1)`` of a scheme of about ``n_rooms`` rooms (metres)."""
    flats = max(1, math.ceil(n_rooms / len(FLAT_ROOMS)))
    cols = math.ceil(math.sqrt(flats))
    rooms, doors, baths = [], [], []
    count = 0
    for f in range(flats):
        ox, oy = (f % cols) * (FLAT_W + GAP), (f // cols) * (FLAT_H + GAP)
        for name, x0, y0, x1, y1 in FLAT_ROOMS:
            if count == n_rooms:
                break
            rooms.append((f + 1, name, ox + x0, oy + y0, ox + x1, oy + y1))
            count += 1
        for x, y, ang in FLAT_DOORS:
            doors.append((f + 1, ox + x, oy + y, ang))
        bx0, by0, bx1, by1 = FLAT_BATH
        baths.append((f + 1, ox + bx0, oy + by0, ox + bx1, oy + by1))
    return rooms, doors, baths


def write_geojson(path: Path, n_rooms: int) -> Path:
    rooms, doors, baths = layout(n_rooms)
    feats = []
    for i, (flat, name, x0, y0, x1, y1) in enumerate(rooms):
        feats.append({"type": "Feature", "properties": {
            "kind": "room", "id": f"R{i + 1}", "name": name, "dwelling": f"Flat {flat}",
            "level": 0, "ceiling_height": 2.4},
            "geometry": {"type": "Polygon", "coordinates": [[
                [round(x0, 3), round(y0, 3)], [round(x1, 3), round(y0, 3)],
                [round(x1, 3), round(y1, 3)], [round(x0, 3), round(y1, 3)],
                [round(x0, 3), round(y0, 3)]]]}})
    for i, (_, x, y, _) in enumerate(doors):
        feats.append({"type": "Feature", "properties": {"kind": "door", "id": f"D{i + 1}", "width": 0.9},
                      "geometry": {"type": "Point", "coordinates": [round(x, 3), round(y, 3)]}})
    for _, x0, y0, x1, y1 in baths:
        feats.append({"type": "Feature", "properties": {"kind": "obstacle", "name": "bath"},
                      "geometry": {"type": "Polygon", "coordinates": [[
                          [round(x0, 3), round(y0, 3)], [round(x1, 3), round(y0, 3)],
                          [round(x1, 3), round(y1, 3)], [round(x0, 3), round(y1, 3)],
                          [round(x0, 3), round(y0, 3)]]]}})
    data = {"type": "FeatureCollection",
            "floorplan": {"version": 1, "units": "m", "name": f"Synthetic scheme, {len(rooms)} rooms",
                          "scheme": "flats_scheme"},
            "features": feats}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def write_dxf(path: Path, n_rooms: int) -> Path:
    import ezdxf

    rooms, doors, baths = layout(n_rooms)
    doc = ezdxf.new("R2013", units=4)  # millimetres
    doc.header["$INSUNITS"] = 4
    for layer in ("A-AREA", "A-DOOR", "A-FLOR-FIXT", "A-WALL"):
        doc.layers.add(layer)
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 900), dxfattribs={"layer": "0"})
    door.add_arc((0, 0), 900, 0, 90, dxfattribs={"layer": "0"})
    bath = doc.blocks.new("BATH")
    bath.add_lwpolyline([(0, 0), (1700, 0), (1700, 700), (0, 700)], close=True)
    msp = doc.modelspace()
    mm = 1000.0
    for _, name, x0, y0, x1, y1 in rooms:
        msp.add_lwpolyline([(x0 * mm, y0 * mm), (x1 * mm, y0 * mm), (x1 * mm, y1 * mm), (x0 * mm, y1 * mm)],
                           close=True, dxfattribs={"layer": "A-AREA"})
        text = msp.add_mtext(name, dxfattribs={"layer": "A-AREA", "char_height": 200})
        text.set_location(((x0 + x1) / 2 * mm, (y0 + y1) / 2 * mm))
    for _, x, y, ang in doors:
        # the block's hinge is at one end of the opening, the opening along its x axis
        a = math.radians(ang)
        hx, hy = (x - 0.45 * math.cos(a)) * mm, (y - 0.45 * math.sin(a)) * mm
        msp.add_blockref("DOOR", (hx, hy), dxfattribs={"layer": "A-DOOR", "rotation": ang})
    for _, x0, y0, _, _ in baths:
        msp.add_blockref("BATH", (x0 * mm, y0 * mm), dxfattribs={"layer": "A-FLOR-FIXT"})
    doc.saveas(path)
    return path


def write(folder: Path, n_rooms: int) -> dict[str, Path]:
    """Both files of a ``n_rooms`` scheme in ``folder``: ``{"dxf": ..., "geojson": ...}``."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"scheme-{n_rooms}"
    return {"dxf": write_dxf(folder / f"{stem}.dxf", n_rooms),
            "geojson": write_geojson(folder / f"{stem}.geojson", n_rooms)}
