"""Fuzzing the readers: GeoJSON dictionaries and DXF documents built from hypothesis
strategies, pushed through what a user runs (read, check, the JSON report).

The one property: a plan is read and checked, or the reader raises a
:class:`~floorplan.errors.FloorplanError` whose message is one line. Anything else (an
``AttributeError``, a ``GEOSException``, a ``RecursionError``, a message with a newline)
is a bug. ``tests/test_fuzz.py`` runs each harness for a bounded, seeded time in the
suite; ``make fuzz`` runs them for ten minutes each (``FLOORPLAN_FUZZ_SECONDS``).
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floorplan.errors import FloorplanError

# ------------------------------------------------------------------ values

NUMBERS = st.one_of(
    st.integers(-10, 10), st.floats(-50, 50, allow_nan=False), st.sampled_from(
        [0.0, -0.0, 1e-12, 1e300, -1e300, math.inf, -math.inf, math.nan, 2**70, 10**400, 95.0,
         180.5, 571000.0, 5.7e6]))
TEXT = st.one_of(st.sampled_from(["Bedroom 1", "Kitchen", "WC", "Hall", "=1+1", "Bed\r2",
                                  "\ud800", "\x00", "", " ", "K/L/D", "Lounge\n", "x" * 500]),
                 st.text(max_size=12))
JSON = st.recursive(st.none() | st.booleans() | NUMBERS | TEXT,
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(TEXT, kids, max_size=4), max_leaves=12)

# ------------------------------------------------------------------ GeoJSON


POINT = st.lists(NUMBERS, min_size=2, max_size=3)
RING = st.one_of(
    st.lists(POINT, min_size=0, max_size=8),
    st.builds(lambda x, y, w, h, close: [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]
              + ([[x, y]] if close else []),
              st.floats(-20, 20), st.floats(-20, 20), st.floats(0.1, 8), st.floats(0.1, 8),
              st.booleans()),
)
GEOMETRY = st.one_of(
    st.fixed_dictionaries({"type": st.just("Polygon"),
                           "coordinates": st.lists(RING, min_size=0, max_size=3)}),
    st.fixed_dictionaries({"type": st.just("MultiPolygon"),
                           "coordinates": st.lists(st.lists(RING, max_size=2), max_size=3)}),
    st.fixed_dictionaries({"type": st.sampled_from(["Point", "LineString"]),
                           "coordinates": st.one_of(POINT, st.lists(POINT, max_size=4))}),
    st.fixed_dictionaries({"type": TEXT, "coordinates": JSON}),
    st.none(), JSON,
)
PROPS = st.fixed_dictionaries(
    {"kind": st.sampled_from(["room", "door", "ceiling", "obstacle", "meter", "aerial", None,
                              "wall"])},
    optional={"name": TEXT | JSON, "id": TEXT | JSON, "use": TEXT, "level": NUMBERS | TEXT | JSON,
              "ceiling_height": NUMBERS | JSON, "height": NUMBERS, "heights": st.lists(NUMBERS),
              "width": NUMBERS | JSON, "connects": JSON | st.lists(TEXT, min_size=2, max_size=2),
              "dwelling": TEXT | JSON, "wheelchair": JSON, "indoor": TEXT, "door": TEXT,
              "level_id": JSON, "category": TEXT, "utility": JSON, "entrance": JSON})
FEATURE = st.one_of(
    st.fixed_dictionaries({"type": st.just("Feature"), "properties": PROPS, "geometry": GEOMETRY},
                          optional={"feature_type": st.sampled_from(["unit", "opening", "x"]),
                                    "id": JSON}),
    JSON,
)
CRS = st.one_of(st.none(), st.sampled_from([
    "EPSG:4326", "EPSG:3857", "EPSG:27700", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:32631",
    "EPSG:999999", "nonsense", {"type": "name", "properties": {"name": "EPSG:3857"}},
    {"type": "EPSG", "properties": {"code": 27700}}, {"type": "link", "properties": {}}]), JSON)
META = st.one_of(st.none(), JSON, st.fixed_dictionaries({}, optional={
    "units": st.sampled_from(["m", "mm", "ft", "parsec"]) | JSON, "scheme": TEXT | JSON,
    "tenants": NUMBERS | JSON, "name": TEXT | JSON, "wheelchair": JSON}))
COLLECTION = st.one_of(
    st.fixed_dictionaries({"type": st.just("FeatureCollection"),
                           "features": st.lists(FEATURE, max_size=6)},
                          optional={"crs": CRS, "floorplan": META, "name": JSON}),
    JSON,
)


def geojson_case(data) -> None:
    """Read and check one GeoJSON dictionary; only one-line FloorplanErrors may escape."""
    from floorplan.engine import check
    from floorplan.io.geojson import read_data
    from floorplan.reporters import get

    try:
        plan = read_data(data, source="fuzz.geojson")
        get("json")(check(plan, None))
        get("text")(check(plan, None))
    except FloorplanError as exc:
        assert "\n" not in str(exc), repr(str(exc))


# ------------------------------------------------------------------ DXF

LAYERS = st.sampled_from(["0", "A-AREA", "A-WALL", "A-DOOR", "ROOMS", "WALLS", "DOOR",
                          "A-AREA-IDEN", "TEXT", "Furniture", "\u00e9tage 1"])
XY = st.tuples(NUMBERS, NUMBERS)
SMALL_XY = st.tuples(st.floats(-20, 20), st.floats(-20, 20))
ENTITY = st.one_of(
    st.tuples(st.just("lwpolyline"), st.lists(st.one_of(SMALL_XY, XY), min_size=0, max_size=7),
              st.booleans(), LAYERS, st.sampled_from([0.0, 0.0, 0.5, -1.0, math.nan])),
    st.tuples(st.just("rect"), SMALL_XY, st.floats(0.2, 8), st.floats(0.2, 8), LAYERS),
    st.tuples(st.just("line"), XY, XY, LAYERS),
    st.tuples(st.just("arc"), SMALL_XY, st.floats(0.01, 2) | NUMBERS, st.floats(0, 360),
              st.floats(0, 360), LAYERS),
    st.tuples(st.just("circle"), SMALL_XY, st.floats(0.01, 2) | NUMBERS, LAYERS),
    st.tuples(st.just("text"), TEXT, XY, st.floats(0.05, 1) | NUMBERS, LAYERS),
    st.tuples(st.just("mtext"), TEXT, SMALL_XY, LAYERS),
    st.tuples(st.just("insert"), st.integers(0, 3), XY, st.floats(-3, 3), st.floats(-180, 180),
              LAYERS),
    st.tuples(st.just("hatch"), st.lists(SMALL_XY, min_size=3, max_size=6), LAYERS),
    st.tuples(st.just("face"), st.lists(st.tuples(st.floats(-9, 9), st.floats(-9, 9),
                                                  st.floats(0, 3)), min_size=4, max_size=4),
              LAYERS),
)
DRAWING = st.tuples(st.sampled_from([0, 1, 4, 6, 5, 2, 99]), st.lists(ENTITY, max_size=10),
                    st.lists(st.lists(ENTITY, max_size=4), max_size=4))


def _add(space, ent, blocks: list[str]) -> None:
    kind, *a = ent
    if kind == "lwpolyline":
        pts, closed, layer, bulge = a
        space.add_lwpolyline([(x, y, 0, 0, bulge) for x, y in pts], format="xyseb",
                             close=closed, dxfattribs={"layer": layer})
    elif kind == "rect":
        (x, y), w, h, layer = a
        space.add_lwpolyline([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], close=True,
                             dxfattribs={"layer": layer})
    elif kind == "line":
        p, q, layer = a
        space.add_line(p, q, dxfattribs={"layer": layer})
    elif kind == "arc":
        c, r, s, e, layer = a
        space.add_arc(c, r, s, e, dxfattribs={"layer": layer})
    elif kind == "circle":
        c, r, layer = a
        space.add_circle(c, r, dxfattribs={"layer": layer})
    elif kind == "text":
        text, p, h, layer = a
        space.add_text(text, dxfattribs={"insert": p, "height": h, "layer": layer})
    elif kind == "mtext":
        text, p, layer = a
        space.add_mtext(text, dxfattribs={"insert": p, "layer": layer})
    elif kind == "insert" and blocks:
        i, p, scale, rot, layer = a
        space.add_blockref(blocks[i % len(blocks)], p, dxfattribs={
            "xscale": scale or 1, "yscale": scale or 1, "rotation": rot, "layer": layer})
    elif kind == "hatch":
        pts, layer = a
        h = space.add_hatch(dxfattribs={"layer": layer})
        h.paths.add_polyline_path(pts, is_closed=True)
    elif kind == "face":
        pts, layer = a
        space.add_3dface(pts, dxfattribs={"layer": layer})


def _try_add(space, ent, blocks: list[str]) -> None:
    try:
        _add(space, ent, blocks)
    except Exception:  # noqa: BLE001 - ezdxf will not make it (10^400): no such drawing
        pass


def dxf_case(drawing) -> None:
    """Write one generated drawing and read and check it; only one-line FloorplanErrors."""
    import ezdxf

    from floorplan.engine import check
    from floorplan.io import read_plan
    from floorplan.reporters import get

    insunits, entities, block_defs = drawing
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = insunits
    names = [f"B{i}" for i in range(len(block_defs))]
    for name in names:
        doc.blocks.new(name)
    for name, ents in zip(names, block_defs, strict=True):
        for ent in ents:
            _try_add(doc.blocks.get(name), ent, names)  # blocks may nest, even themselves
    for ent in entities:
        _try_add(doc.modelspace(), ent, names)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.dxf"
        try:
            doc.saveas(path)
        except Exception:  # noqa: BLE001 - ezdxf cannot write it: not a reader's problem
            return
        try:
            plan = read_plan(path)
            get("json")(check(plan, None))
        except FloorplanError as exc:
            assert "\n" not in str(exc), repr(str(exc))


# ------------------------------------------------------------------ running


def run_for(case, strategy, seconds: float, examples: int, seed: int | None) -> int:
    """Run ``case`` over ``strategy`` for about ``seconds`` (at least one batch of
    ``examples``); seeded runs are the same every time. Returns the examples tried."""
    tried = 0
    start = time.monotonic()
    batch = 0
    while True:
        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def prop(value):
            case(value)

        if seed is not None:
            from hypothesis import seed as hseed

            prop = hseed(seed + batch)(prop)
        prop()
        tried += examples
        batch += 1
        if time.monotonic() - start >= seconds:
            return tried
