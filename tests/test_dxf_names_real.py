"""Names and figures on a real drawing's own text (issue 10, item 3).

skymakerolof__floorplan.dxf (tests/data/real/files/, rebuilt by ``make realcheck``) is a
US house in inches whose header says millimetres. Its room names are underlined TEXT on
A-NOTE (``%%uMASTER`` over ``%%uBEDROOM``), its sizes separate TEXT under them
(``13'8 x 14'``), and door and window tags (``2668``, ``6068 S.G.D.``), notes (``GAS``,
``18" MIN. RAISED``, ``PLATFORM``, ``PROVIDE 20 MIN. DOOR W/ SELF CLOSING HINGES``) and
section marks (``D-D``, ``A6``) are text too.

The rooms are not found from its walls here (that is the wall reader's part): each test
adds the rooms to the real drawing as closed outlines on A-AREA, drawn on the wall faces
measured by hand from the A-WALL lines (tests/data/real/expected.toml gives the
coordinates; the garage is x -212.77..41.23, y -210.63..39.37, its inner faces). So the
names, figures and units below are read from the drawing's own text, as a user's file
holds it.
"""

from __future__ import annotations

from pathlib import Path

import ezdxf
import pytest

from floorplan.engine import check
from floorplan.io import dxf

FILE = Path(__file__).parent / "data" / "real" / "files" / "skymakerolof__floorplan.dxf"
IN2 = 0.0254 ** 2

#: name as written, wall faces (x0, x1, y0, y1) in inches, the size label under the name
ROOMS = {
    "MASTER BEDROOM": ((-642.77, -478.77, 173.37, 341.37), "13'8 x 14'"),   # 164 x 168
    "BEDROOM 2": ((-642.77, -480.77, -6.63, 125.37), "13'6 x 11'"),         # 162 x 132
    "BEDROOM 3": ((-476.77, -338.77, -30.63, 125.37), "11'6 x 13'"),        # 138 x 156
    "MSTR. BATH": ((-474.77, -390.77, 274.37, 341.37), "7' x 5'7"),         # 84 x 67
    "TOIL.": ((-386.77, -326.77, 274.37, 341.37), "5' x 5'7"),              # 60 x 67
    "BATH": ((-386.77, -326.77, 173.37, 270.37), "5' x 8'1"),               # 60 x 97
    "W.I.C.": ((-642.77, -545.77, 129.37, 169.37), "8'1 x 3'4"),            # 97 x 40
    "Pantry": ((-212.77, -160.77, 45.37, 125.37), "4'4 x 6'8"),             # 52 x 80
    "UTIL.": ((-156.77, -93.77, 45.37, 125.37), "5'3 x 6'8"),               # 63 x 80
    "2 CAR GARAGE": ((-212.77, 41.23, -210.63, 39.37), "21'2 x 20'10"),     # 254 x 250
}


def _drawing(tmp_path, rooms=ROOMS, **changed):
    if not FILE.exists():
        pytest.skip(f"{FILE.name} is absent (make realcheck rebuilds it)")
    doc = ezdxf.readfile(FILE)
    msp = doc.modelspace()
    for name, ((x0, x1, y0, y1), _) in rooms.items():
        x0, x1, y0, y1 = changed.get(name, (x0, x1, y0, y1))
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True,
                           dxfattribs={"layer": "A-AREA"})
    p = tmp_path / "house.dxf"
    doc.saveas(p)
    return p


def test_every_room_takes_its_own_label_and_size(tmp_path):
    plan = dxf.read(_drawing(tmp_path))
    assert plan.meta.units == "in"                       # $INSUNITS=4 overruled
    assert any(f.code == "FP007" and f.status == "fail" for f in plan.findings)
    got = {r.name: r for r in plan.rooms if r.source == "outline"}
    assert sorted(got) == sorted(ROOMS)                  # the outlines drawn here, each once
    # the other rooms are read from the walls round the labels no outline holds: rooms of
    # the hand reading (tests/data/real/expected.toml), never one of those outlined
    others = {"HALL", "W.I.C.", "CLO.", "CLOSET", "GREAT ROOM", "DINING ROOM", "KITCHEN"}
    beside = [r for r in plan.rooms if r.source != "outline"]
    assert all(set(r.name.split(" + ")) <= others for r in beside), [r.name for r in beside]
    for name, ((x0, x1, y0, y1), size) in ROOMS.items():
        room = got[name]
        assert room.polygon.area == pytest.approx((x1 - x0) * (y1 - y0) * IN2, rel=1e-6)
        assert [s.text for s in room.stated] == [size], name
        assert room.confidence == "high", (name, room.confidence_reason)
    assert got["MASTER BEDROOM"].polygon.area == pytest.approx(17.775, abs=0.001)
    outlined = {r.id for r in got.values()}
    assert not [f for f in plan.findings if f.code in ("FP008", "FP009")
                and set(f.rooms) & outlined]


def test_notes_tags_and_section_marks_never_name_a_room(tmp_path):
    """The garage holds GAS, WH, 18" MIN. RAISED, PLATFORM, BOLLARD..., PROVIDE 20 MIN. DOOR
    ... and the NOTE block; the bedrooms hold door tags 2668 and 2468. Only the label names
    the room."""
    plan = dxf.read(_drawing(tmp_path))
    garage = next(r for r in plan.rooms if "GARAGE" in r.name)
    assert garage.name == "2 CAR GARAGE"
    for r in plan.rooms:
        for word in ("GAS", "PROVIDE", "MIN.", "2668", "2468", "D-D", "A6", "PLATFORM", "NOTE"):
            assert word not in r.name.split(), (r.name, word)


def test_a_room_drawn_smaller_than_its_size_label_is_an_input_finding(tmp_path):
    # bedroom 3 drawn 138 x 140 in (12.46 m²) against its label 11'6 x 13' (138 x 156 in,
    # 13.89 m²): 10 % less
    plan = dxf.read(_drawing(tmp_path, **{"BEDROOM 3": (-476.77, -338.77, -14.63, 125.37)}))
    b3 = next(r for r in plan.rooms if r.name == "BEDROOM 3")
    (f,) = [f for f in plan.findings if f.code == "FP008" and b3.id in f.rooms]
    assert f.rooms == (b3.id,)
    assert "11'6 x 13'" in f.message and "13.89" in f.message and "12.46" in f.message


def test_header_units_contradicted_so_the_verdict_cannot_pass(tmp_path):
    report = check(dxf.read(_drawing(tmp_path)))
    assert report.result != "pass"
