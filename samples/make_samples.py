"""Write the bundled GeoJSON sample plans from the room schedules below.

    python samples/make_samples.py

Both plans are drawn as internal room faces in metres with 100 mm internal walls, as an
architect's room-area plan is. Their hand-worked areas are in ``tests/test_samples.py``.

* ``oak-house.geojson``: a four-tenant supported-living shared house over two floors: a
  wheelchair user's bedroom with a level-access en-suite, a staff sleep-in room, a
  kitchen/diner and lounge on the ground floor; two bedrooms, a bathroom and an attic
  bedroom under a sloped ceiling on the first floor.
* ``birch-court.geojson``: a micro-community of five self-contained one-bedroom flats off
  a shared corridor; flats 1-4 are 43.68 m², flat 5 is 33.68 m² (too small).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def box(x0: float, y0: float, x1: float, y1: float) -> list:
    """A closed rectangle ring, anticlockwise from the lower-left corner."""
    r = lambda v: round(v, 6)  # noqa: E731
    return [[[r(x0), r(y0)], [r(x1), r(y0)], [r(x1), r(y1)], [r(x0), r(y1)], [r(x0), r(y0)]]]


def feature(geometry_type: str, coordinates, **props) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": {"type": geometry_type, "coordinates": coordinates}}


def room(rid, name, x0, y0, x1, y1, **props) -> dict:
    return feature("Polygon", box(x0, y0, x1, y1), kind="room", id=rid, name=name, **props)


def door(did, x, y, width=0.9, **props) -> dict:
    return feature("Point", [x, y], kind="door", id=did, width=width, **props)


def obstacle(name, x0, y0, x1, y1, **props) -> dict:
    return feature("Polygon", box(x0, y0, x1, y1), kind="obstacle", name=name, **props)


def point(kind, x, y, **props) -> dict:
    return feature("Point", [x, y], kind=kind, **props)


def oak_house() -> dict:
    g = {"level": 0, "ceiling_height": 2.5}   # ground floor
    f = {"level": 1, "ceiling_height": 2.4}   # first floor
    feats = [
        # ground floor: west wing, hall with stairs, east wing
        room("G1", "Bedroom 1 (wheelchair)", 0, 0, 3.9, 3.6, wheelchair=True, **g),
        room("G2", "En-suite 1", 0, 3.7, 2.5, 6.3, use="wet_room", wheelchair=True, **g),
        room("G3", "Store", 2.6, 3.7, 3.9, 6.3, **g),
        room("G4", "Staff Sleep-in", 0, 6.4, 3.9, 9.0, **g),
        room("G5", "Entrance Hall", 4.0, 0, 5.6, 9.0, **g),
        room("G6", "Kitchen/Diner", 5.7, 0, 11.0, 4.0, **g),
        room("G7", "Lounge", 5.7, 4.1, 11.0, 9.0, **g),
        door("D1", 4.8, -0.05, 1.0, level=0),          # front door
        door("D2", 3.95, 1.8, 0.9, level=0),          # hall - bedroom 1
        door("D3", 1.2, 3.65, 0.9, level=0),          # bedroom 1 - en-suite
        door("D4", 3.95, 5.0, 0.8, level=0),          # hall - store
        door("D5", 3.95, 7.7, 0.8, level=0),          # hall - sleep-in
        door("D6", 5.65, 2.0, 0.9, level=0),          # hall - kitchen/diner
        door("D7", 5.65, 6.5, 0.9, level=0),          # hall - lounge
        door("D8", 8.5, -0.05, 0.9, level=0),         # back door
        obstacle("bed", 0.0, 0.6, 0.9, 2.6, level=0),
        obstacle("wardrobe", 2.9, 0.0, 3.9, 0.6, level=0),
        obstacle("WC", 0.0, 5.55, 0.45, 6.3, level=0),
        obstacle("basin", 1.9, 5.85, 2.5, 6.3, level=0),
        obstacle("shower", 1.6, 3.7, 2.5, 4.6, level=0),
        obstacle("kitchen units", 5.7, 0.0, 11.0, 0.6, level=0),
        point("meter", 3.3, 6.1, utility="gas", level=0),
        point("meter", 3.6, 6.1, utility="electricity", level=0),
        point("aerial", 0.2, 0.2, level=0),
        point("aerial", 10.8, 8.8, level=0),
        # first floor: west wing over the ground floor, landing, attic room in the roof
        room("F1", "Bedroom 2", 0, 0, 3.9, 3.6, **f),
        room("F2", "Bedroom 3", 0, 3.7, 3.9, 5.9, **f),
        room("F3", "Linen Cpd", 0, 6.0, 1.2, 9.0, **f),
        room("F4", "Bathroom", 1.3, 6.0, 3.9, 9.0, **f),
        room("F5", "Landing", 4.0, 2.0, 5.6, 9.0, **f),
        room("F6", "Bedroom 4 (attic)", 5.7, 6.0, 9.7, 9.0, **f),
        room("F7", "Eaves Store", 9.8, 6.0, 11.0, 9.0, **f),
        # the roof slope over the attic: 2.4 m at y = 6.0 down to 0.9 m at the eaves, y = 9.0
        feature("Polygon", box(5.7, 6.0, 11.0, 9.0), kind="ceiling",
                heights=[2.4, 2.4, 0.9, 0.9, 2.4], level=1),
        door("D9", 3.95, 1.8, 0.9, level=1),          # landing - bedroom 2
        door("D10", 3.95, 4.8, 0.8, level=1),         # landing - bedroom 3
        door("D11", 3.95, 7.0, 0.8, level=1),         # landing - bathroom
        door("D12", 5.65, 6.6, 0.8, level=1),         # landing - bedroom 4
        door("D13", 9.75, 6.6, 0.7, level=1),         # bedroom 4 - eaves store
        door("D14", 0.6, 5.95, 0.6, level=1),         # bedroom 3 - linen cupboard
        obstacle("bath", 1.3, 8.3, 3.0, 9.0, level=1),
        obstacle("WC", 3.3, 6.0, 3.9, 6.7, level=1),
        obstacle("basin", 1.3, 6.0, 1.9, 6.45, level=1),
        point("aerial", 0.2, 0.2, level=1),
        point("aerial", 6.0, 6.2, level=1),
    ]
    return {
        "type": "FeatureCollection",
        "floorplan": {"version": 1, "name": "Oak House, 12 Elm Road (shared house, 4 tenants)",
                      "units": "m", "scheme": "shared_house", "tenants": 4, "wheelchair": False},
        "features": feats,
    }


def _flat(n: int, x: float, width: float, small: bool = False) -> list[dict]:
    """One flat: living space and bedroom at the front (y 0-4.0), hall, shower room and
    stores at the back (y 4.1-6.5), its front door on the shared corridor (y 6.6)."""
    d = {"dwelling": f"Flat {n}", "level": 0, "ceiling_height": 2.4}
    p = f"F{n}"
    if not small:  # 7.0 m wide: 15.6 + 12.0 + 4.32 + 6.0 + 2.64 + 3.12 = 43.68 m²
        rooms = [
            room(f"{p}.1", "Kitchen/Living", x, 0, x + 3.9, 4.0, **d),
            room(f"{p}.2", "Bedroom", x + 4.0, 0, x + 7.0, 4.0, **d),
            room(f"{p}.3", "Hall", x, 4.1, x + 1.8, 6.5, **d),
            room(f"{p}.4", "Shower Room", x + 1.9, 4.1, x + 4.4, 6.5, **d),
            room(f"{p}.5", "Store", x + 4.5, 4.1, x + 5.6, 6.5, **d),
            room(f"{p}.6", "Walk-in Wardrobe", x + 5.7, 4.1, x + 7.0, 6.5, **d),
        ]
        doors = [
            door(f"{p}.D1", x + 0.9, 6.55, 0.9, level=0),   # front door from the corridor
            door(f"{p}.D2", x + 0.9, 4.05, 0.8, level=0),   # hall - living
            door(f"{p}.D3", x + 1.85, 5.3, 0.8, level=0),   # hall - shower room
            door(f"{p}.D4", x + 3.95, 2.0, 0.8, level=0),   # living - bedroom
            door(f"{p}.D5", x + 5.0, 4.05, 0.7, level=0),   # bedroom - store
            door(f"{p}.D6", x + 6.3, 4.05, 0.7, level=0),   # bedroom - wardrobe
        ]
        extras = [
            obstacle("kitchen units", x, 0, x + 0.6, 3.0, level=0),
            obstacle("bed", x + 5.6, 0.5, x + 7.0, 2.5, level=0),
            obstacle("shower", x + 3.5, 5.6, x + 4.4, 6.5, level=0),
            obstacle("WC", x + 1.9, 5.8, x + 2.6, 6.5, level=0),
            obstacle("basin", x + 3.7, 4.1, x + 4.4, 4.55, level=0),
            point("meter", x + 5.0, 6.3, utility="electricity", level=0),
            point("aerial", x + 0.3, 3.7, level=0),
            point("aerial", x + 6.7, 3.7, level=0),
        ]
    else:  # 5.4 m wide: 12.0 + 9.2 + 3.6 + 4.8 + 4.08 = 33.68 m²
        rooms = [
            room(f"{p}.1", "Kitchen/Living", x, 0, x + 3.0, 4.0, **d),
            room(f"{p}.2", "Bedroom", x + 3.1, 0, x + 5.4, 4.0, **d),
            room(f"{p}.3", "Hall", x, 4.1, x + 1.5, 6.5, **d),
            room(f"{p}.4", "Shower Room", x + 1.6, 4.1, x + 3.6, 6.5, **d),
            room(f"{p}.5", "Store", x + 3.7, 4.1, x + 5.4, 6.5, **d),
        ]
        doors = [
            door(f"{p}.D1", x + 0.75, 6.55, 0.9, level=0),
            door(f"{p}.D2", x + 0.75, 4.05, 0.8, level=0),
            door(f"{p}.D3", x + 1.55, 5.3, 0.8, level=0),
            door(f"{p}.D4", x + 3.05, 2.0, 0.8, level=0),
            door(f"{p}.D5", x + 4.5, 4.05, 0.7, level=0),
        ]
        extras = [
            obstacle("kitchen units", x, 0, x + 0.6, 2.4, level=0),
            obstacle("bed", x + 4.0, 0.5, x + 5.4, 2.5, level=0),
            obstacle("shower", x + 2.8, 5.7, x + 3.6, 6.5, level=0),
            obstacle("WC", x + 1.6, 5.8, x + 2.3, 6.5, level=0),
            point("meter", x + 4.5, 6.3, utility="electricity", level=0),
            point("aerial", x + 0.3, 3.7, level=0),
            point("aerial", x + 5.1, 3.7, level=0),
        ]
    return rooms + doors + extras


def birch_court() -> dict:
    feats: list[dict] = []
    x = 0.0
    for n in range(1, 6):
        small = n == 5
        feats += _flat(n, x, 5.4 if small else 7.0, small)
        x += (5.4 if small else 7.0) + 0.2
    length = x - 0.2  # 4 x 7.0 + 5.4 + 4 party walls of 0.2 = 34.2 m
    feats.append(room("C1", "Corridor", 0, 6.6, length, 8.0, level=0, ceiling_height=2.4))
    feats.append(door("C1.D1", -0.05, 7.3, 1.0, level=0))   # the building's entrance
    return {
        "type": "FeatureCollection",
        "floorplan": {"version": 1, "name": "Birch Court (five self-contained flats)",
                      "units": "m", "scheme": "flats_scheme", "wheelchair": False},
        "features": feats,
    }


def main() -> None:
    for name, data in (("oak-house", oak_house()), ("birch-court", birch_court())):
        path = HERE / f"{name}.geojson"
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
