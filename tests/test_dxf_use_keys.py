"""A room label of several lines, one of them keyed as the room's use (``FICM: Women's
Restroom``), the others its building and number and the department that runs it: the use
line names the room (a university facilities drawing's room text, holdout8)."""

from __future__ import annotations

import pytest

from floorplan.model import Use
from tests.dxf_patterns import Sheet, read, two_room_plan


def label(s: Sheet, text: str, at) -> None:
    s.msp.add_mtext(text, dxfattribs={"layer": "Rooms-Information", "char_height": 0.2,
                                      "insert": at})


@pytest.mark.parametrize("left, right, names, uses", [
    # a number line and a department line, then the use: the use names each room (the
    # department "Custodial Services" says plant, the building's number nothing)
    ("Bldg.1, Room 304\\P128300-FacMgmt-Custodial Services\\PFICM: Women's Restroom\\PASF: ",
     "Bldg.1, Room 305\\P120000-Academic Affairs-Provost\\PFICM: Staff Office\\PASF: 192",
     ["Staff Office", "Women's Restroom"], [Use.OFFICE, Use.WC]),
    # a name of its own that says a use stays, whatever the use line says
    ("Bedroom 2\\PUse: Sleeping", "KITCHEN\\PType: Kitchen/Diner",
     ["Bedroom 2", "KITCHEN"], [Use.BEDROOM, Use.KITCHEN]),
    # a line keyed as the name wins over the use line
    ("Room name: Lounge\\PUse: Office", "Name: Store\\PFICM: Custodial",
     ["Lounge", "Store"], [Use.LIVING, Use.STORAGE]),
])
def test_the_use_line_names_a_room_whose_other_lines_do_not(tmp_path, left, right, names, uses):
    s = Sheet()
    two_room_plan(s, names=None)          # rooms x 0.1-4.1 and 4.2-8.2, y 0.1-3.1
    label(s, left, (0.5, 2.5))
    label(s, right, (4.6, 2.5))
    plan = read(s, tmp_path)
    got = sorted((r.name, r.use) for r in plan.rooms)
    assert got == sorted(zip(names, uses, strict=True))
