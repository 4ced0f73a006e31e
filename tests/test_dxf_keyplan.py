"""A key plan (floorplan/io/dxf/names/keyplan.py): a small copy of the plan on the same sheet,
its labels repeating the rooms' names, is set aside, not counted as labels in no room.

Built in code, in metres: three room outlines on a room layer, BEDROOM x 0..4, y 0..3,
KITCHEN x 4..8, y 0..3, BATH x 0..3, y 3..5, each named at its middle, and a label HALL at
(5.5, 4.0) in no room; just below them, within the plan's extent (the 2 m margin of
account.PLAN_MARGIN), the four labels again at a fifth of the size from (1, -1.8) (a
locator in a title block), with no walls round them.
"""

from __future__ import annotations

from floorplan.io.dxf.names.keyplan import key_plan
from tests.dxf_patterns import Sheet, read


def _fp010(plan) -> list[str]:
    return [f.message for f in plan.findings if f.code == "FP010"]


ROOMS = {"BEDROOM": (0, 0, 4, 3), "KITCHEN": (4, 0, 8, 3), "BATH": (0, 3, 3, 5)}


def _sheet(at: dict[str, tuple[float, float]]) -> Sheet:
    s = Sheet()
    for name, (x0, y0, x1, y1) in ROOMS.items():
        s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], "A-AREA", closed=True)
        s.text(name, ((x0 + x1) / 2, (y0 + y1) / 2))
    s.text("HALL", (5.5, 4.0))
    for name, p in at.items():
        s.text(name, p, height=0.05)
    return s


def _where(lost: list[str]) -> list[str]:
    return sorted(m.split(" lies")[0] for m in lost)


def test_the_labels_of_a_copy_at_a_fifth_of_the_size_are_a_key_plan(tmp_path):
    # the labels at (2, 1.5), (6, 1.5), (1.5, 4) and (5.5, 4) drawn again at 1/5 from
    # (1, -1.8): (1.4, -1.5), (2.2, -1.5), (1.3, -1.0), (2.1, -1.0); both HALLs stay lost
    # (no room of that name is read), the copies of the three rooms' names are the key plan's
    s = _sheet({"BEDROOM": (1.4, -1.5), "KITCHEN": (2.2, -1.5), "BATH": (1.3, -1.0),
                "HALL": (2.1, -1.0)})
    plan = read(s, tmp_path)
    assert _where(_fp010(plan)) == ["the label 'HALL' at (2.10, -1.00) m",
                                    "the label 'HALL' at (5.50, 4.00) m"]
    assert any("3 room labels" in n and "a key plan" in n and "1/5.0" in n for n in plan.notes)


def test_names_copied_out_of_their_layout_are_still_lost(tmp_path):
    # the same labels, KITCHEN's and BEDROOM's swapped: no one scale and shift carries
    # them into their rooms, so nothing is a key plan
    s = _sheet({"BEDROOM": (2.2, -1.5), "KITCHEN": (1.4, -1.5), "BATH": (1.3, -1.0)})
    plan = read(s, tmp_path)
    assert _where(_fp010(plan)) == ["the label 'BATH' at (1.30, -1.00) m",
                                    "the label 'BEDROOM' at (2.20, -1.50) m",
                                    "the label 'HALL' at (5.50, 4.00) m",
                                    "the label 'KITCHEN' at (1.40, -1.50) m"]
    assert not any("a key plan" in n for n in plan.notes)


class _T:
    def __init__(self, x, y):
        self.x, self.y = x, y


class _R:
    def __init__(self, name, poly):
        self.name, self.polygon = name, poly


def _rooms():
    from shapely.geometry import box

    return [_R("Bedroom", box(0, 0, 4, 3)), _R("Kitchen", box(4, 0, 8, 3)), _R("Bath", box(0, 3, 3, 5))]


def test_a_copy_at_the_plans_own_size_is_no_key_plan():
    # the labels laid out as the rooms', shifted 20 m east at the same size (scale 1): a
    # second floor or a repeated view, not a key plan; all stay lost
    lost = [(_T(22, 1.5), "Bedroom"), (_T(26, 1.5), "Kitchen"), (_T(21.5, 4), "Bath")]
    kept, aside, _ = key_plan(lost, _rooms())
    assert aside == [] and kept == lost


def test_two_names_are_too_few_to_tell_a_key_plan():
    lost = [(_T(20.2, 10.15), "Bedroom"), (_T(20.6, 10.15), "Kitchen")]
    assert key_plan(lost, _rooms())[1] == []
