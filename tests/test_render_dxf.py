"""The DXF mark-up: re-read with ezdxf; the original drawing untouched, the mark-up on its
own layers and exactly over the rooms, in the drawing's own units and coordinates."""

from __future__ import annotations

import hashlib

import pytest

from floorplan.engine import check
from floorplan.errors import OutputError
from floorplan.findings import Finding, Mark, Status
from floorplan.io import read_plan
from floorplan.render import render_to_file
from tests.plans import plan, rect
from tests.render_helpers import report, three_rooms

ezdxf = pytest.importorskip("ezdxf")

OX, OY = 530_000_000, 180_000_000  # national grid, in millimetres
ROOMS = [("Bedroom 1", 0, 0, 4000, 3000), ("Lounge", 4100, 0, 5000, 4000), ("Hall", 0, 3100, 4000, 1200)]
PREFIX = "FLOORPLAN-"


@pytest.fixture()
def mm_dxf(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for name, x, y, w, h in ROOMS:
        msp.add_lwpolyline([(OX + x, OY + y), (OX + x + w, OY + y), (OX + x + w, OY + y + h), (OX + x, OY + y + h)],
                           close=True, dxfattribs={"layer": "A-AREA"})
        msp.add_text(name, height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement(
            (OX + x + w / 2, OY + y + h / 2))
    msp.add_line((OX - 200, OY - 200), (OX + 9300, OY - 200), dxfattribs={"layer": "A-WALL"})
    path = tmp_path / "plan.dxf"
    doc.saveas(path)
    return path


def _snapshot(doc):
    """Handle -> (type, layer, coordinates) of every model-space entity."""
    out = {}
    for e in doc.modelspace():
        if e.dxftype() == "LWPOLYLINE":
            coords = tuple(tuple(p) for p in e.get_points("xy"))
        elif e.dxftype() == "LINE":
            coords = (tuple(e.dxf.start), tuple(e.dxf.end))
        elif e.dxftype() == "TEXT":
            coords = (e.dxf.text, tuple(e.dxf.insert))
        else:
            coords = ()
        out[e.dxf.handle] = (e.dxftype(), e.dxf.layer, coords)
    return out


def _markup(doc, kind=None, result=None):
    """Mark-up entities, of one kind (FILL, LABEL...) and result (FAIL, REVIEW, PASS, INFO)."""
    out = []
    for e in doc.modelspace():
        parts = e.dxf.layer.split("-")
        if len(parts) != 3 or parts[0] != "FLOORPLAN":
            continue
        if (kind is None or parts[2] == kind) and (result is None or parts[1] == result):
            out.append(e)
    return out


def test_input_is_never_modified_and_original_entities_are_unchanged(mm_dxf, tmp_path):
    before_bytes = hashlib.sha256(mm_dxf.read_bytes()).hexdigest()
    before = _snapshot(ezdxf.readfile(mm_dxf))
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    assert hashlib.sha256(mm_dxf.read_bytes()).hexdigest() == before_bytes
    after = _snapshot(ezdxf.readfile(out))
    assert {h: v for h, v in after.items() if h in before} == before
    assert all(v[1].startswith(PREFIX) for h, v in after.items() if h not in before)


def test_markup_layers_are_there(mm_dxf, tmp_path):
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    doc = ezdxf.readfile(out)
    names = {layer.dxf.name for layer in doc.layers}
    for result in ("FAIL", "REVIEW", "PASS"):
        for kind in ("FILL", "LABEL", "CIRCLE", "MARKER", "TABLE"):
            assert f"FLOORPLAN-{result}-{kind}" in names
    assert "FLOORPLAN-INFO-PLAN" not in names  # the drawing has its own plan
    # layers the drawing used without defining them are defined, so viewers show them
    assert {"A-AREA", "A-AREA-IDEN", "A-WALL"} <= names
    assert doc.header["$INSUNITS"] == 4


def test_fills_sit_exactly_over_the_rooms_in_millimetres(mm_dxf, tmp_path):
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    doc = ezdxf.readfile(out)
    fills = [e for e in _markup(doc, "FILL") if e.dxftype() == "HATCH"]
    assert len(fills) == 3
    got = sorted(sorted((round(v[0]), round(v[1])) for v in h.paths[0].vertices) for h in fills)
    want = sorted(sorted([(OX + x, OY + y), (OX + x + w, OY + y), (OX + x + w, OY + y + h), (OX + x, OY + y + h)])
                  for _, x, y, w, h in ROOMS)
    assert got == want


def test_clear_circles_in_drawing_units(mm_dxf, tmp_path):
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    circles = [e for e in _markup(ezdxf.readfile(out), "CIRCLE") if e.dxftype() == "CIRCLE"]
    # the largest circle of each room: half its shorter side, in mm
    radii = sorted(round(c.dxf.radius) for c in circles)[-3:]
    assert radii == [600, 1500, 2000]
    for c in circles:
        assert OX <= c.dxf.center.x <= OX + 9100 and OY <= c.dxf.center.y <= OY + 4300


def test_labels_and_the_findings_table(mm_dxf, tmp_path):
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    doc = ezdxf.readfile(out)
    labels = [e for e in _markup(doc, "LABEL") if e.dxftype() == "TEXT"]
    # the drawing names its rooms: the mark-up adds the areas, below the drawing's names
    texts = {e.dxf.text for e in labels}
    assert {"12.0 m2", "20.0 m2", "4.8 m2"} <= texts  # m2: the standard CAD fonts lack ²
    assert not any(name in t for t in texts for name, *_ in ROOMS)
    (bed,) = [e for e in labels if e.dxf.text == "12.0 m2"]
    assert OX < bed.dxf.align_point.x < OX + 4000 and OY < bed.dxf.align_point.y < OY + 1500
    table = [e.dxf.text for e in _markup(doc, "TABLE") if e.dxftype() == "TEXT"]
    assert {"Rule", "Room", "Measured", "Required", "Status", "Reference"} <= set(table)
    # the table is beside the plan, not over it
    xs = [e.dxf.insert.x for e in _markup(doc, "TABLE") if e.dxftype() == "TEXT"]
    assert min(xs) > OX + 9100


def test_marking_up_a_marked_up_drawing_replaces_the_old_markup(mm_dxf, tmp_path):
    once, twice = tmp_path / "once.dxf", tmp_path / "twice.dxf"
    render_to_file(check(read_plan(mm_dxf)), once)
    render_to_file(check(read_plan(once)), twice)
    n1 = len(_markup(ezdxf.readfile(once)))
    n2 = len(_markup(ezdxf.readfile(twice)))
    assert n1 == n2


def test_a_plan_from_geojson_gets_a_new_drawing_with_the_plan(tmp_path):
    p, findings = three_rooms()
    out = tmp_path / "new.dxf"
    render_to_file(report(p, findings), out)
    doc = ezdxf.readfile(out)
    assert doc.header["$INSUNITS"] == 6
    outlines = [e for e in _markup(doc, "PLAN") if e.dxftype() == "LWPOLYLINE"]
    assert len(outlines) == 4 + 1 + 1  # four rooms, the wardrobe, the door drawn as a line
    # the failing room outline and the offending door fail, the warning is to review
    assert {e.dxf.layer for e in _markup(doc, "MARKER")} == {"FLOORPLAN-FAIL-MARKER",
                                                              "FLOORPLAN-REVIEW-MARKER"}
    door_marks = [e for e in _markup(doc, "MARKER") if e.dxftype() == "LWPOLYLINE"
                  and [tuple(v) for v in e.get_points("xy")] == [(4.05, 3.5), (4.05, 4.25)]]
    assert len(door_marks) == 1 and door_marks[0].dxf.layer == "FLOORPLAN-FAIL-MARKER"
    fail_rows = [e.dxf.text for e in _markup(doc, "TABLE", "FAIL") if e.dxftype() == "TEXT"
                 and e.dxf.text == "not met"]
    assert len(fail_rows) == 2
    low = [e for e in _markup(doc, "HEADROOM") if e.dxftype() == "HATCH"]
    assert len(low) == 1 and low[0].dxf.pattern_name == "ANSI31"


def test_levels_from_geojson_are_set_side_by_side(tmp_path):
    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 0, 0, 4, 4, level=1))
    out = tmp_path / "levels.dxf"
    render_to_file(report(p), out)
    fills = [e for e in _markup(ezdxf.readfile(out), "FILL") if e.dxftype() == "HATCH"]
    boxes = sorted((min(v[0] for v in h.paths[0].vertices), max(v[0] for v in h.paths[0].vertices)) for h in fills)
    assert boxes[0][1] < boxes[1][0]


def test_required_circle_marks_become_dxf_circles(tmp_path):
    from shapely.geometry import Point

    p = plan(rect("R1", "Wet room", 0, 0, 1.2, 3))
    f = Finding("T3", "turning", Status.FAIL, "", rooms=("R1",),
                marks=(Mark("circle", Point(0.6, 1.5).buffer(0.6, quad_segs=32), size=1.2),
                       Mark("required_circle", Point(0.6, 1.5).buffer(0.75, quad_segs=32), size=1.5)))
    out = tmp_path / "c.dxf"
    render_to_file(report(p, [f]), out)
    circles = sorted(round(e.dxf.radius, 3) for e in _markup(ezdxf.readfile(out), "CIRCLE") if e.dxftype() == "CIRCLE")
    assert 0.6 in circles and 0.75 in circles


def test_plan_text_cannot_inject_dxf_codes(tmp_path):
    p = plan(rect("R1", "Bed %%c \\P {x}", 0, 0, 4, 3))
    out = tmp_path / "t.dxf"
    render_to_file(report(p), out)
    texts = [e.dxf.text for e in _markup(ezdxf.readfile(out), "LABEL") if e.dxftype() == "TEXT"]
    assert any(t.startswith("Bed % %c \\P {x}") for t in texts)


def test_no_file_is_left_when_the_folder_is_missing(tmp_path):
    p, findings = three_rooms()
    with pytest.raises(OutputError):
        render_to_file(report(p, findings), tmp_path / "missing" / "x.dxf")


REAL = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "samples-real"
REAL_DXF = sorted(REAL.glob("*.dxf")) if REAL.is_dir() else []


@pytest.mark.parametrize("path", REAL_DXF, ids=[p.name for p in REAL_DXF])
def test_real_drawings_are_marked_up_without_touching_them(path, tmp_path):
    src = tmp_path / path.name
    src.write_bytes(path.read_bytes())
    from ezdxf import recover

    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    # R12 files may carry no handles (ezdxf assigns new ones), so compare the entities in
    # order: type, layer and coordinates
    before = list(_snapshot(recover.readfile(src)[0]).values())
    # a sheet with no plan-like view (a site plan) is read as the assessor names its view
    no_plan = path.name in ("cc0house__plan.dxf", "hypar__FromJson.dxf")
    rep = check(read_plan(src, view=1 if no_plan else None))
    out = tmp_path / "marked.dxf"
    render_to_file(rep, out)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest
    marked = recover.readfile(out)[0]
    after = [v for v in _snapshot(marked).values() if not v[1].startswith(PREFIX)]
    assert after == before
    # R12 drawings have no HATCH: their fills are coloured outlines
    fills = [e for e in _markup(marked, "FILL") if e.dxftype() in ("HATCH", "POLYLINE")]
    assert len(fills) >= len(rep.plan.rooms)
    render_to_file(rep, tmp_path / "marked.png")


def test_every_markup_entity_takes_its_colour_from_its_layer(mm_dxf, tmp_path):
    out = tmp_path / "marked.dxf"
    render_to_file(check(read_plan(mm_dxf)), out)
    doc = ezdxf.readfile(out)
    marks = _markup(doc)
    assert marks
    assert all(e.dxf.color == 256 and not e.has_dxf_attrib("true_color") for e in marks)
    # and the layers have ACI colours: text layers 7 (black on white, white on black)
    for layer in doc.layers:
        if layer.dxf.name.startswith(PREFIX):
            assert 1 <= layer.color <= 255 and not layer.has_dxf_attrib("true_color")
            if layer.dxf.name.endswith("-LABEL"):
                assert layer.color == 7


def test_labels_are_on_their_rooms_result_layer_in_a_standard_font(tmp_path):
    p, findings = three_rooms()
    out = tmp_path / "new.dxf"
    rep = report(p, findings)
    render_to_file(rep, out)
    doc = ezdxf.readfile(out)
    assert doc.styles.get("FLOORPLAN").dxf.font.lower() == "arial.ttf"
    texts = [e for e in _markup(doc, "LABEL") if e.dxftype() == "TEXT"]
    assert texts and all(e.dxf.style == "FLOORPLAN" for e in texts)
    assert all(t.isascii() for e in _markup(doc) if e.dxftype() == "TEXT" for t in e.dxf.text)
    for rid in ("R1", "R4"):
        want = {"fail": "FAIL", "warn": "REVIEW", "pass": "PASS"}[rep.room_status(rid).value]
        name = next(r.name for r in rep.plan.rooms if r.id == rid)
        [label] = [e for e in texts if e.dxf.text == name]
        assert label.dxf.layer == f"FLOORPLAN-{want}-LABEL"


def test_audit_finds_nothing_and_extents_span_the_drawing(mm_dxf, tmp_path):
    from ezdxf import bbox

    for src in (mm_dxf, None):
        out = tmp_path / "marked.dxf"
        rep = check(read_plan(mm_dxf)) if src else report(*three_rooms())
        render_to_file(rep, out)
        doc = ezdxf.readfile(out)
        auditor = doc.audit()
        assert not auditor.has_errors and not auditor.has_fixes, auditor.errors
        lo, hi = doc.header["$EXTMIN"], doc.header["$EXTMAX"]
        box = bbox.extents(doc.modelspace())
        assert lo[0] <= box.extmin.x + 1e-6 and lo[1] <= box.extmin.y + 1e-6
        assert hi[0] >= box.extmax.x - 1e-6 and hi[1] >= box.extmax.y - 1e-6
        assert hi[0] - lo[0] < 10 * (box.extmax.x - box.extmin.x)  # not the 1e20 default


def test_freezing_the_pass_layers_leaves_only_what_fails_or_is_to_review(tmp_path):
    p, findings = three_rooms()
    out = tmp_path / "new.dxf"
    render_to_file(report(p, findings), out)
    doc = ezdxf.readfile(out)
    left = [e for e in _markup(doc) if e.dxf.layer.split("-")[1] in ("FAIL", "REVIEW")]
    assert {e.dxf.layer.split("-")[2] for e in left} >= {"FILL", "MARKER", "TABLE"}
    # every failing finding's table row is on the FAIL table layer
    rows = [e for e in _markup(doc, "TABLE") if e.dxftype() == "TEXT" and e.dxf.text == "not met"]
    assert rows and all(e.dxf.layer == "FLOORPLAN-FAIL-TABLE" for e in rows)
