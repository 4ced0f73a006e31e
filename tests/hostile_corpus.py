"""A corpus of hostile and broken plans, made by code (nothing binary is committed).

Each case is ``(name, make, expect)``: ``make(folder) -> path`` writes the input;
``expect`` is what ``floorplan check`` must do with it:

- ``("exit2", words)``: exit code 2, one line on standard error holding every word;
- ``("read", check)``: the plan is read (exit 0 or 1) and ``check(report_dict)`` holds.

Issue 12 names the classes; each case says which in its name (``c5-...``).
"""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

RECT = [[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]


def room(coords, name="Bedroom 1", **props) -> dict:
    return {"type": "Feature", "properties": {"kind": "room", "name": name, **props},
            "geometry": {"type": "Polygon", "coordinates": coords}}


def fc(*features, **top) -> dict:
    return {"type": "FeatureCollection", **top, "features": list(features)}


def write_json(folder: Path, name: str, data: Any) -> Path:
    p = folder / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


def write_text(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


# ------------------------------------------------------------------ the ground truth


def ground_rect_lonlat(lon0: float, lat0: float, w: float = 4.0, h: float = 3.0):
    """A w x h metre rectangle on the WGS84 ellipsoid, as lon/lat corners (the radii of
    curvature at lat0; over 4 m the error is far below a square millimetre)."""
    a, f = 6378137.0, 1 / 298.257223563
    e2 = f * (2 - f)
    s = math.sin(math.radians(lat0))
    m = a * (1 - e2) / (1 - e2 * s * s) ** 1.5
    n = a / math.sqrt(1 - e2 * s * s)
    dlon = math.degrees(w / (n * math.cos(math.radians(lat0))))
    dlat = math.degrees(h / m)
    return [[lon0, lat0], [lon0 + dlon, lat0], [lon0 + dlon, lat0 + dlat], [lon0, lat0 + dlat],
            [lon0, lat0]]


def to_web_mercator(ll):
    r = 6378137.0
    return [[r * math.radians(lon), r * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))]
            for lon, lat in ll]


def area_of(d: dict, name: str = "Bedroom 1") -> float:
    [r] = [r for r in d["rooms"] if r["name"] == name]
    return r["gross_area_m2"]


# ------------------------------------------------------------------ the cases


def _deep(folder: Path) -> Path:
    text = '{"type": "FeatureCollection", "features": [' + "[" * 100000 + "]" * 100000 + "]}"
    return write_text(folder, "deep.geojson", text)


def _deep_coords(folder: Path) -> Path:
    coords = "[" * 50000 + "0" + "]" * 50000
    text = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
            '{"kind": "room"}, "geometry": {"type": "Polygon", "coordinates": ' + coords + '}}]}')
    return write_text(folder, "deepc.geojson", text)


def _surrogate(folder: Path) -> Path:
    text = json.dumps(fc(room([RECT], name="Bed\\ud800room 1\r\n"))).replace("\\\\ud800", "\\ud800")
    return write_text(folder, "surrogate.geojson", text)


def _cr(folder: Path) -> Path:
    return write_json(folder, "cr.geojson", fc(room([RECT], name="Bedroom\r1\t\x07")))


def _formula(folder: Path) -> Path:
    return write_json(folder, "formula.geojson",
                      fc(room([RECT], name="=HYPERLINK(\"http://x\")"), floorplan={"name": "@x"}))


def _hole_bigger(folder: Path) -> Path:
    hole = [[-1, -1], [6, -1], [6, 5], [-1, 5], [-1, -1]]  # 42 m², around the 12 m² outline
    return write_json(folder, "hole.geojson", fc(room([RECT, hole])))


def _hole_across(folder: Path) -> Path:
    hole = [[3, 1], [5, 1], [5, 2], [3, 2], [3, 1]]  # half inside: 1 m² of it is in the room
    return write_json(folder, "hole-across.geojson", fc(room([RECT, hole])))


def _lat95(folder: Path) -> Path:
    ll = [[0.0, 95.0], [0.0001, 95.0], [0.0001, 95.0001], [0.0, 95.0001], [0.0, 95.0]]
    return write_json(folder, "lat95.geojson", fc(room([ll]), crs="EPSG:4326"))


def _level_huge(folder: Path) -> Path:
    return write_text(folder, "level.geojson", json.dumps(fc(room([RECT], level=1))).replace(
        '"level": 1', '"level": ' + "9" * 400))


def _ceiling_huge(folder: Path) -> Path:
    return write_text(folder, "ceiling.geojson", json.dumps(fc(room([RECT], ceiling_height=2))
                                                           ).replace('"ceiling_height": 2',
                                                                     '"ceiling_height": ' + "9" * 400))


def _coords_huge(folder: Path) -> Path:
    big = [[0, 0], [1e300, 0], [1e300, 1e300], [0, 0]]
    return write_json(folder, "huge.geojson", fc(room([big])))


def _crs_malformed(folder: Path) -> Path:
    return write_json(folder, "crs.geojson", fc(room([RECT]), crs={"type": "name", "properties": "x"}))


def _crs_list(folder: Path) -> Path:
    return write_json(folder, "crs-list.geojson", fc(room([RECT]), crs=[1, 2]))


def _crs_unknown(folder: Path) -> Path:
    return write_json(folder, "crs-unknown.geojson", fc(room([RECT]), crs="EPSG:999999"))


def _mercator(folder: Path) -> Path:
    merc = to_web_mercator(ground_rect_lonlat(0.47, 51.74))  # Chelmsford, Essex
    return write_json(folder, "mercator.geojson",
                      fc(room([merc]), crs={"type": "name", "properties": {
                          "name": "urn:ogc:def:crs:EPSG::3857"}}))


def _bng(folder: Path) -> Path:
    e, n = 571000.0, 206000.0  # Chelmsford on the British National Grid
    rect = [[e, n], [e + 4, n], [e + 4, n + 3], [e, n + 3], [e, n]]
    return write_json(folder, "bng.geojson", fc(room([rect]), crs="EPSG:27700"))


def _bng_true_area() -> float:
    """The ground area of a 4 x 3 m grid rectangle at E 571 km, N 206 km: grid lengths are
    the ground's times the point scale factor k = F0 (1 + dE^2 / (2 F0^2 rho nu)) (OS's
    guide to coordinate systems, to first order: 1e-7 here), so the area is 12 / k^2."""
    a, b, f0 = 6377563.396, 6356256.909, 0.9996012717
    e2 = (a * a - b * b) / (a * a)
    s = math.sin(math.radians(51.73))  # the latitude there
    nu = a / math.sqrt(1 - e2 * s * s)
    rho = a * (1 - e2) / (1 - e2 * s * s) ** 1.5
    k = f0 * (1 + (571000.0 - 400000.0) ** 2 / (2 * f0 * f0 * rho * nu))
    return 12.0 / k**2


BNG_TRUE = _bng_true_area()


def _selfcross(folder: Path) -> Path:
    rng = np.random.default_rng(1)
    pts = rng.uniform([0, 0], [4, 3], size=(400, 2)).tolist()
    return write_json(folder, "tangle.geojson", fc(room([pts + [pts[0]]])))


def _many_vertices(folder: Path) -> Path:
    n = 200_000
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    r = 2 + 0.05 * ((np.arange(n) * 7919) % 13) / 13  # jagged: a millimetre does not help
    pts = np.column_stack([r * np.cos(t), r * np.sin(t)]).round(6).tolist()
    return write_json(folder, "vertices.geojson", fc(room([pts + [pts[0]]])))


def _smooth_vertices(folder: Path) -> Path:
    n = 200_000
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pts = np.column_stack([2 * np.cos(t), 2 * np.sin(t)]).tolist()
    return write_json(folder, "circle.geojson", fc(room([pts + [pts[0]]])))


def _imdf(folder: Path, unit_name: str, opening: Any, level: Any = None,
          opening_name: str = "doors-export.json") -> Path:
    venue = folder / f"venue-{unit_name}"
    venue.mkdir()
    ll = ground_rect_lonlat(0.47, 51.74)
    unit = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "u1", "feature_type": "unit",
         "properties": {"category": "room", "name": {"en": "Bedroom 1"}, "level_id": "L0"},
         "geometry": {"type": "Polygon", "coordinates": [ll]}}]}
    write_json(venue, unit_name, unit)
    if opening is not None:
        write_json(venue, opening_name, opening)
    if level is not None:
        write_json(venue, "levels-export.json", level)
    return venue / unit_name


def _imdf_siblings(folder: Path) -> Path:
    ll = ground_rect_lonlat(0.47, 51.74)
    door = [ll[1], [ll[1][0], ll[1][1] + (ll[2][1] - ll[1][1]) / 3]]
    opening = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "o1", "feature_type": "opening",
         "properties": {"category": "pedestrian", "level_id": "L0"},
         "geometry": {"type": "LineString", "coordinates": door}}]}
    level = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "L0", "feature_type": "level",
         "properties": {"ordinal": 2, "category": "unspecified"}, "geometry": None}]}
    return _imdf(folder, "units-2024.geojson", opening, level)


def _imdf_no_openings(folder: Path) -> Path:
    return _imdf(folder, "my-units.geojson", None)


def _imdf_bad_opening(folder: Path) -> Path:
    return _imdf(folder, "unit.geojson", [1, 2, 3], opening_name="opening.geojson")


def _imdf_opening_props(folder: Path) -> Path:
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "feature_type": "opening", "properties": "door"}]}
    return _imdf(folder, "unit.geojson", bad, opening_name="opening.geojson")


def _zip_bomb(folder: Path) -> Path:
    p = folder / "venue.zip"
    unit = json.dumps(fc(room([RECT])))
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("unit.geojson", unit)
        with zf.open("opening.geojson", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(300):  # 300 MiB of spaces, packed to a few hundred kB
                fh.write(chunk)
    return p


def _zip_ratio(folder: Path) -> Path:
    p = folder / "ratio.zip"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("unit.geojson", json.dumps(fc(room([RECT]))) + " " * (20 << 20))
    return p


def _dxf_doc():
    import ezdxf

    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 6  # metres
    msp = doc.modelspace()
    msp.add_lwpolyline(RECT[:-1], close=True, dxfattribs={"layer": "A-AREA"})
    return doc, msp


def _laughs(folder: Path) -> Path:
    doc, msp = _dxf_doc()
    prev = None
    for lvl in range(8):  # 10^8 lines when expanded
        b = doc.blocks.new(f"L{lvl}")
        if prev is None:
            b.add_line((0, 0), (1, 0))
        else:
            for i in range(10):
                b.add_blockref(prev, (i * 2, 0))
        prev = f"L{lvl}"
    msp.add_blockref(prev, (100, 100))
    p = folder / "laughs.dxf"
    doc.saveas(p)
    return p


def _minsert(folder: Path) -> Path:
    doc, msp = _dxf_doc()
    b = doc.blocks.new("CHAIR")
    b.add_circle((0, 0), 0.2)
    ref = msp.add_blockref("CHAIR", (10, 10))
    ref.grid(size=(5000, 5000), spacing=(0.5, 0.5))  # 25 million chairs
    p = folder / "minsert.dxf"
    doc.saveas(p)
    return p


def _dxf_nan(folder: Path) -> Path:
    doc, msp = _dxf_doc()
    msp.add_text("BEDROOM 1\x07", dxfattribs={"layer": "A-AREA-IDEN", "insert": (2, 1.5)})
    msp.add_line((0, 0), (float("nan"), 1))
    msp.add_line((0, 0), (1e300, 1e300))
    msp.add_lwpolyline([(10, 0), (float("inf"), 0), (14, 3), (10, 3)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    msp.add_text("GHOST", dxfattribs={"layer": "A-AREA-IDEN", "insert": (float("nan"), 0)})
    p = folder / "nan.dxf"
    doc.saveas(p)
    return p


def _dxf_nan_curve(folder: Path) -> Path:
    # a spline with a NaN control point, in a block: ezdxf's flattening never ended on it
    # (the fuzz harness found a read that ran for over half an hour)
    doc, msp = _dxf_doc()
    block = doc.blocks.new("BAD-CURVE")
    spline = block.add_spline()
    spline.dxf.degree = 3
    spline.control_points = [(0, 0, 0), (1, float("nan"), 0), (2, 0, 0), (3, 1, 0)]
    msp.add_blockref("BAD-CURVE", (0, 0))
    msp.add_text("BEDROOM 1", dxfattribs={"layer": "A-AREA-IDEN", "insert": (12, 1.5)})
    msp.add_lwpolyline([(10, 0), (14, 0), (14, 3), (10, 3)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    p = folder / "nan-curve.dxf"
    doc.saveas(p)
    return p


def _dxf_zero_circle(folder: Path) -> Path:
    # a circle of radius 0 on a fitting layer (the fuzz harness found it: an internal error)
    doc, msp = _dxf_doc()
    msp.add_text("BEDROOM 1", dxfattribs={"layer": "A-AREA-IDEN", "insert": (12, 1.5)})
    msp.add_lwpolyline([(10, 0), (14, 0), (14, 3), (10, 3)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    circle = msp.add_circle((11, 1), 0.5, dxfattribs={"layer": "Furniture"})
    circle.dxf.__dict__["radius"] = 0.0  # ezdxf's validator would refuse it on the way in
    p = folder / "zero-circle.dxf"
    doc.saveas(p)
    return p


def _dxf_door_at_infinity(folder: Path) -> Path:
    # a block on a door layer that inserts itself at x = inf (the fuzz harness found it:
    # the door reached GEOS at (NaN, inf), an internal error)
    import math

    from ezdxf.math import Vec3

    doc, msp = _dxf_doc()
    block = doc.blocks.new("B0")
    ref = block.add_blockref("B0", (0, 0), dxfattribs={"layer": "A-DOOR"})
    ref.dxf.__dict__["insert"] = Vec3(math.inf, 0, 0)  # past ezdxf's validator
    msp.add_blockref("B0", (0, 0))
    msp.add_text("BEDROOM 1", dxfattribs={"layer": "A-AREA-IDEN", "insert": (12, 1.5)})
    msp.add_lwpolyline([(10, 0), (14, 0), (14, 3), (10, 3)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    p = folder / "door-at-infinity.dxf"
    doc.saveas(p)
    return p


def _dxf_visualstyle(folder: Path) -> Path:
    # a VISUALSTYLE object without its group code 291: ezdxf 1.4 cannot load it even in
    # recover mode (found in Aspose.CAD's sample.dxf); ezdxf's own message is just "291"
    import io

    doc, _ = _dxf_doc()
    out = io.StringIO()
    doc.write(out)
    text = out.getvalue()
    at = text.rindex("  0\nENDSEC")  # the end of the OBJECTS section
    text = (text[:at] + "  0\nVISUALSTYLE\n  5\nFFF0\n100\nAcDbVisualStyle\n  2\nBroken\n"
            " 70\n0\n" + text[at:])
    return write_text(folder, "visualstyle.dxf", text)


def _nan_curve_ok(d: dict) -> bool:
    return (len(d["rooms"]) == 1 and d["rooms"][0]["name"] == "BEDROOM 1"
            and abs(d["rooms"][0]["gross_area_m2"] - 12.0) < 1e-6
            and "not finite" in " ".join(d["warnings"]))


def _nan_ok(d: dict) -> bool:
    said = " ".join(d["warnings"])
    return (len(d["rooms"]) == 1 and d["rooms"][0]["name"] == "BEDROOM 1"
            and abs(d["rooms"][0]["gross_area_m2"] - 12.0) < 1e-6
            and "not finite" in said and "handle" in said)


CASES: list[tuple[str, Callable[[Path], Path], tuple]] = [
    ("c4-deep-json", _deep, ("exit2", ["deep.geojson", "nested too deeply"])),
    ("c4-deep-coordinates", _deep_coords, ("exit2", ["deepc.geojson", "nested too deeply"])),
    ("c4-tangled-outline", _selfcross, ("exit2", ["tangle.geojson", "crosses itself"])),
    ("c4-200k-vertices", _many_vertices, ("exit2", ["vertices.geojson", "corners"])),
    ("c4-200k-vertices-smooth", _smooth_vertices,
     ("read", lambda d: abs(area_of(d) - math.pi * 4) < 0.01)),
    ("c4-zip-bomb", _zip_bomb, ("exit2", ["venue.zip", "opening.geojson", "MiB"])),
    ("c4-zip-ratio", _zip_ratio, ("exit2", ["ratio.zip", "unit.geojson", "times"])),
    ("c5-latitude-95", _lat95, ("exit2", ["lat95.geojson", "feature 0", "latitude"])),
    ("c5-huge-integer-level", _level_huge, ("exit2", ["level.geojson", "feature 0", "level"])),
    ("c5-huge-ceiling", _ceiling_huge, ("exit2", ["ceiling.geojson", "ceiling_height"])),
    ("c5-1e300-coordinates", _coords_huge, ("exit2", ["huge.geojson", "feature 0"])),
    ("c6-hole-bigger-than-outline", _hole_bigger,
     ("read", lambda d: abs(area_of(d) - 12.0) < 1e-6
      and any(f["rule"] == "FP002" for f in d["findings"]))),
    ("c6-hole-across-the-outline", _hole_across,
     ("read", lambda d: abs(area_of(d) - 11.0) < 1e-6
      and any(f["rule"] == "FP002" for f in d["findings"]))),
    ("c7-crs-properties-not-object", _crs_malformed, ("exit2", ["crs.geojson", "crs"])),
    ("c7-crs-a-list", _crs_list, ("exit2", ["crs-list.geojson", "crs"])),
    ("c7-imdf-opening-not-collection", _imdf_bad_opening,
     ("exit2", ["opening.geojson", "FeatureCollection"])),
    ("c7-imdf-opening-properties", _imdf_opening_props,
     ("exit2", ["opening.geojson", "feature 0", "properties"])),
    ("c8-web-mercator", _mercator, ("read", lambda d: abs(area_of(d) - 12.0) < 0.01
                                    and d["plan"].get("crs", "EPSG:3857") == "EPSG:3857")),
    ("c8-british-national-grid", _bng, ("read", lambda d: abs(area_of(d) - BNG_TRUE) < 2e-4)),
    ("c8-unknown-crs", _crs_unknown, ("exit2", ["crs-unknown.geojson", "EPSG:999999"])),
    ("c9-lone-surrogate", _surrogate,
     ("read", lambda d: d["rooms"][0]["name"] == "Bed\ufffdroom 1")),
    ("c9-carriage-return", _cr, ("read", lambda d: d["rooms"][0]["name"] == "Bedroom 1")),
    ("c10-formula-name", _formula, ("read", lambda d: d["rooms"][0]["name"].startswith("="))),
    ("c4-dxf-billion-laughs", _laughs, ("exit2", ["laughs.dxf", "entities", "--max-entities"])),
    ("c4-dxf-minsert-25-million", _minsert, ("exit2", ["minsert.dxf", "entities"])),
    ("c5-dxf-nan-inf-1e300", _dxf_nan, ("read", _nan_ok)),
    ("c5-dxf-nan-curve", _dxf_nan_curve, ("read", _nan_curve_ok)),
    ("c5-dxf-door-at-infinity", _dxf_door_at_infinity,
     ("read", lambda d: len(d["rooms"]) == 1 and d["doors"] == []
      and any("not finite" in w for w in d["warnings"]))),
    ("c7-dxf-unloadable-visualstyle", _dxf_visualstyle,
     ("exit2", ["visualstyle.dxf", "recover mode", "group code 291", "VISUALSTYLE"])),
    ("c5-dxf-zero-circle", _dxf_zero_circle,
     ("read", lambda d: len(d["rooms"]) == 1 and abs(d["rooms"][0]["gross_area_m2"] - 12) < 1e-6)),
    ("i10-imdf-siblings-by-type", _imdf_siblings,
     ("read", lambda d: len(d["doors"]) == 1 and d["rooms"][0]["level"] == 2)),
    ("i10-imdf-no-openings-warns", _imdf_no_openings,
     ("read", lambda d: any("opening" in w for w in d["warnings"]))),
]
