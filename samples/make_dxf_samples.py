"""Write the DXF twins of the GeoJSON samples, drawn as an architect would draw them.

    python samples/make_dxf_samples.py

Writes, next to this script:

- ``oak-house.dxf``: the shared house, millimetres (``$INSUNITS=4``), ground and first
  floor side by side on ``GF-`` and ``FF-`` layers; room outlines on ``*-A-AREA``, MTEXT
  labels with formatting codes and the area, ``H=2.50`` ceiling texts, door blocks (swing
  arc and leaf), fitting blocks (WC, BASIN, BATH, ...; one mirrored), the sloped ceiling
  as a 3D polyline on ``FF-A-CLNG``, meter and TV-point blocks.
- ``birch-court.dxf``: the five flats on one plan, room tag blocks with NAME / ID /
  DWELLING / AREA attributes and ``CH 2.4`` texts.
- ``walls-only.dxf``: the oak house ground floor as wall lines only (openings left in the
  walls, with jambs and door swings), room names as TEXT.

Reading each twin gives the rooms, uses and areas of its GeoJSON (see tests/test_dxf_samples.py).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import ezdxf
import numpy as np
from shapely.geometry import LineString, Point
from shapely.ops import nearest_points

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from floorplan.classify import classify  # noqa: E402
from floorplan.io.geojson import read  # noqa: E402

MM = 1000.0
LEVEL_PREFIX = {0.0: "GF", 1.0: "FF", 2.0: "SF"}
#: first floor drawn this far (metres) to the right of the ground floor
LEVEL_OFFSET = 20.0
FITTING_BLOCKS = {"wc": "WC", "basin": "BASIN", "bath": "BATH", "shower": "SHOWER",
                  "bed": "BED", "wardrobe": "WARDROBE", "kitchen units": "KITCHEN",
                  "sink": "SINK"}


def new_doc(plan=None) -> ezdxf.document.Drawing:
    doc = ezdxf.new("R2018", setup=True)
    if plan is not None:  # plan facts as drawing properties (DWGPROPS)
        for key in ("name", "scheme", "tenants"):
            value = getattr(plan.meta, key)
            if value is not None:
                doc.header.custom_vars.append(key, str(value))
        if plan.meta.wheelchair:
            doc.header.custom_vars.append("wheelchair", "yes")
    doc.header["$INSUNITS"] = 4
    doc.header["$MEASUREMENT"] = 1
    door = doc.blocks.new("DOOR")  # unit leaf: hinge at (0, 0), closed along +x, opens to +y
    door.add_arc((0, 0), 1.0, 0, 90)
    door.add_line((0, 0), (0, 1.0))
    for name in set(FITTING_BLOCKS.values()) | {"FITTING"}:
        blk = doc.blocks.new(name)  # unit square, scaled to the fitting's size
        blk.add_lwpolyline([(0, 0), (1, 0), (1, 1), (0, 1)], close=True)
        if name in ("BASIN", "SINK", "WC"):
            blk.add_circle((0.5, 0.5), 0.3)
    tv = doc.blocks.new("TV-POINT")
    tv.add_circle((0, 0), 50)
    tv.add_text("TV", height=60).set_placement((80, 0))
    for util in ("GAS", "ELEC"):
        m = doc.blocks.new(f"{util}-METER")
        m.add_lwpolyline([(-100, -60), (100, -60), (100, 60), (-100, 60)], close=True)
    tag = doc.blocks.new("ROOMTAG")
    for i, t in enumerate(("NAME", "ID", "DWELLING", "AREA", "USE")):
        tag.add_attdef(t, (0, -250 * i), dxfattribs={"height": 180})
    return doc


def below(room, c, k: int) -> tuple[float, float]:
    """The k-th line below a room's label point, kept inside small rooms."""
    y0, y1 = room.polygon.bounds[1], room.polygon.bounds[3]
    return (c.x, c.y - k * min(0.3, (y1 - y0) / 10))


def xy(pt, dx: float = 0.0) -> tuple[float, float]:
    return ((pt[0] + dx) * MM, pt[1] * MM)


def draw_door(msp, door, rooms, dx: float, layer: str) -> None:
    """A door block whose closed leaf runs along the nearest room edge, centred on the door."""
    p = door.geometry if isinstance(door.geometry, Point) else door.geometry.centroid
    width = door.width or 0.9
    edges = [r.polygon.exterior for r in rooms]
    edge = min(edges, key=lambda e: e.distance(p))
    q = nearest_points(edge, p)[0]
    coords = list(edge.coords)
    seg = min((LineString([a, b]) for a, b in zip(coords, coords[1:], strict=False)),
              key=lambda s: s.distance(q))
    (x0, y0), (x1, y1) = seg.coords
    ang = math.atan2(y1 - y0, x1 - x0)
    hinge = (p.x - math.cos(ang) * width / 2, p.y - math.sin(ang) * width / 2)
    msp.add_blockref("DOOR", xy(hinge, dx), dxfattribs={
        "layer": layer, "xscale": width * MM, "yscale": width * MM, "zscale": width * MM,
        "rotation": math.degrees(ang)})


def draw_fitting(msp, ob, dx: float, layer: str, mirror: bool = False) -> None:
    x0, y0, x1, y1 = ob.polygon.bounds
    name = FITTING_BLOCKS.get(ob.name.lower(), "FITTING")
    w, h = (x1 - x0) * MM, (y1 - y0) * MM
    if mirror:  # drawn mirrored, as copied from the other hand of a pair
        msp.add_blockref(name, xy((x1, y0), dx), dxfattribs={"layer": layer, "xscale": -w, "yscale": h})
    else:
        msp.add_blockref(name, xy((x0, y0), dx), dxfattribs={"layer": layer, "xscale": w, "yscale": h})


def oak_house(src: Path, out: Path) -> None:
    plan = read(src)
    doc = new_doc(plan)
    msp = doc.modelspace()
    mirrored = False
    for level in plan.levels:
        pre = LEVEL_PREFIX[level]
        dx = LEVEL_OFFSET * level
        rooms = [r for r in plan.rooms if r.level == level]
        for r in rooms:
            pts = [xy(c, dx) for c in r.polygon.exterior.coords[:-1]]
            msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": f"{pre}-A-AREA"})
            msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": f"{pre}-A-WALL"})
            c = r.polygon.representative_point()
            if r.use_given and classify(r.name) != r.use:
                # the name alone would say another use: a room data block states it
                ref = msp.add_blockref("ROOMTAG", xy((c.x, c.y + 0.3), dx),
                                       dxfattribs={"layer": f"{pre}-A-AREA-IDEN"})
                ref.add_auto_attribs({"NAME": r.name, "ID": "", "DWELLING": "",
                                      "AREA": f"{r.polygon.area:.2f} m²", "USE": str(r.use)})
            else:
                label = (f"{{\\fArial|b1|i0;{r.name}}}\\P{{\\H0.7x;{r.polygon.area:.2f} m²}}")
                msp.add_mtext(label, dxfattribs={"layer": f"{pre}-A-AREA-IDEN", "char_height": 200,
                                                 "attachment_point": 5}).set_location(xy((c.x, c.y), dx))
            if r.wheelchair and "wheelchair" not in r.name.lower():
                msp.add_text("WHEELCHAIR", height=100, dxfattribs={
                    "layer": f"{pre}-A-AREA-IDEN"}).set_placement(xy(below(r, c, 3), dx))
            if r.ceiling_height is not None:
                msp.add_text(f"H={r.ceiling_height:.2f}", height=120, dxfattribs={
                    "layer": f"{pre}-A-AREA-IDEN"}).set_placement(xy(below(r, c, 2), dx))
        for d in plan.doors:
            if d.level in (None, level):
                draw_door(msp, d, rooms, dx, f"{pre}-A-DOOR")
        for ob in plan.obstacles:
            if ob.level in (None, level):
                mirror = ob.name.lower() == "wc" and not mirrored
                mirrored = mirrored or mirror
                draw_fitting(msp, ob, dx, f"{pre}-A-FLOR-FIXT", mirror)
        for c in plan.ceilings:
            if c.level == level and c.heights is not None:
                pts3 = [(*xy(p, dx), h * MM) for p, h in zip(c.polygon.exterior.coords[:-1], c.heights,
                                                             strict=True)]
                msp.add_polyline3d(pts3, close=True, dxfattribs={"layer": f"{pre}-A-CLNG"})
        for m in plan.meters:
            if m.level in (None, level):
                name = "GAS-METER" if m.utility == "gas" else "ELEC-METER"
                msp.add_blockref(name, xy((m.point.x, m.point.y), dx), dxfattribs={"layer": f"{pre}-E-METR"})
        for a in plan.aerials:
            if a.level in (None, level):
                msp.add_blockref("TV-POINT", xy((a.point.x, a.point.y), dx), dxfattribs={"layer": f"{pre}-E-TV"})
        x0, y0, x1, y1 = np.array([r.polygon.bounds for r in rooms]).T
        title = "GROUND FLOOR PLAN" if level == 0 else "FIRST FLOOR PLAN"
        msp.add_text(title, height=300, dxfattribs={"layer": "A-ANNO-TTLB"}).set_placement(
            xy((min(x0), min(y0) - 1.5), dx))
    msp.add_text("OAK HOUSE, 12 ELM ROAD: ALL DIMENSIONS IN MM", height=250,
                 dxfattribs={"layer": "A-ANNO-TTLB"}).set_placement(xy((0, -3.0)))
    save(doc, out)


def birch_court(src: Path, out: Path) -> None:
    plan = read(src)
    doc = new_doc(plan)
    msp = doc.modelspace()
    for r in plan.rooms:
        pts = [xy(c) for c in r.polygon.exterior.coords[:-1]]
        msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": "A-AREA"})
        c = r.polygon.representative_point()
        ref = msp.add_blockref("ROOMTAG", xy((c.x, c.y + 0.3)), dxfattribs={"layer": "A-AREA-IDEN"})
        ref.add_auto_attribs({"NAME": r.name, "ID": r.id, "DWELLING": r.dwelling or "",
                              "AREA": f"{r.polygon.area:.2f} m²",
                              "USE": str(r.use) if r.use_given else ""})
        if r.ceiling_height is not None:
            msp.add_text(f"CH {r.ceiling_height:.1f}", height=120, dxfattribs={
                "layer": "A-AREA-IDEN"}).set_placement(xy(below(r, c, 2)))
    for d in plan.doors:
        draw_door(msp, d, plan.rooms, 0.0, "A-DOOR")
    for ob in plan.obstacles:
        draw_fitting(msp, ob, 0.0, "A-FLOR-FIXT")
    for m in plan.meters:
        msp.add_blockref("ELEC-METER", xy((m.point.x, m.point.y)), dxfattribs={"layer": "E-METR"})
    for a in plan.aerials:
        msp.add_blockref("TV-POINT", xy((a.point.x, a.point.y)), dxfattribs={"layer": "E-TV"})
    save(doc, out)


def walls_only(src: Path, out: Path) -> None:
    """The ground floor as wall faces with openings, jambs and swings: no room outlines."""
    plan = read(src)
    doc = new_doc()
    msp = doc.modelspace()
    rooms = [r for r in plan.rooms if r.level == 0.0]
    doors = [d for d in plan.doors if d.level in (None, 0.0)]
    cuts = []
    for d in doors:
        p = d.geometry if isinstance(d.geometry, Point) else d.geometry.centroid
        cuts.append(p.buffer((d.width or 0.9) / 2, cap_style="square"))
    from shapely.ops import unary_union
    holes = unary_union(cuts) if cuts else None
    for r in rooms:
        edge = r.polygon.exterior
        parts = edge.difference(holes) if holes is not None else edge
        for g in getattr(parts, "geoms", [parts]):
            msp.add_lwpolyline([xy(c) for c in g.coords], dxfattribs={"layer": "A-WALL"})
    for d in doors:  # jambs across the wall at each side of the opening
        p = d.geometry if isinstance(d.geometry, Point) else d.geometry.centroid
        draw_door(msp, d, rooms, 0.0, "A-DOOR")
        edge = min((r.polygon.exterior for r in rooms), key=lambda e: e.distance(p))
        q = nearest_points(edge, p)[0]
        nx, ny = p.x - q.x, p.y - q.y
        n = math.hypot(nx, ny) or 1.0
        nx, ny = nx / n, ny / n
        tx, ty = -ny, nx
        w = (d.width or 0.9) / 2
        for s in (-1, 1):
            a = (q.x + s * tx * w, q.y + s * ty * w)
            b = (a[0] + nx * 0.1, a[1] + ny * 0.1)
            msp.add_line(xy(a), xy(b), dxfattribs={"layer": "A-WALL"})
    for r in rooms:
        c = r.polygon.representative_point()
        msp.add_text(r.name, height=200, dxfattribs={"layer": "A-ANNO-TEXT"}).set_placement(
            xy((c.x, c.y)))
    save(doc, out)


#: layer colours (ACI) by the discipline/major group of an AIA-style name
LAYER_COLOURS = {"AREA": 4, "WALL": 7, "DOOR": 3, "FIXT": 6, "ANNO": 2, "CLNG": 5, "METR": 1, "TV": 1}


def save(doc: ezdxf.document.Drawing, out: Path) -> None:
    """Give every layer the entities name a layer-table entry (a CAD program or ezdxf's
    viewer hides entities whose layer is not defined), then save."""
    used = {e.dxf.layer for e in doc.modelspace()}
    for block in doc.blocks:
        used |= {e.dxf.layer for e in block}
    for name in sorted(used - {"0"}):
        if name not in doc.layers:
            colour = next((c for key, c in LAYER_COLOURS.items() if key in name.upper()), 7)
            doc.layers.add(name, color=colour)
    doc.saveas(out)


def main() -> None:
    oak_house(HERE / "oak-house.geojson", HERE / "oak-house.dxf")
    birch_court(HERE / "birch-court.geojson", HERE / "birch-court.dxf")
    walls_only(HERE / "oak-house.geojson", HERE / "walls-only.dxf")


if __name__ == "__main__":
    main()
