"""Input integrity (FP001-FP014): what the readers and the measuring step noticed.

These rules report problems found while reading the plan: an outline that was not
closed, a polygon that had to be repaired, rooms that overlap, a room whose use could
not be told, a door that joins nothing, drawing units that were assumed or that the
drawing contradicts, a stated area the geometry does not bear out, a room the reader is
unsure of, a label that names no room. Each is a ``warn`` unless the plan cannot be
checked as read (FP007 fails: units the drawing contradicts make every measurement
wrong); each names the room or the entity and draws it. When nothing was found the rule
passes.

PASS (FP004): every room's name tells its use ("Bedroom 1", "K/L/D").
WARN (FP004): a room named "Room 3078".
"""

from __future__ import annotations

from floorplan.errors import one_line
from floorplan.findings import Mark, Outcome, Status
from floorplan.rules.base import rule
from floorplan.rules.context import name_of


def _reported(ctx, code: str):
    raised = [f for f in tuple(ctx.plan.findings) + tuple(ctx.m.findings) if f.code == code]
    for f in raised:
        marks = [Mark("room", ctx.rooms_by_id[r].polygon, label=name_of(ctx.rooms_by_id[r]))
                 for r in f.rooms if r in ctx.rooms_by_id]
        if f.geometry is not None:
            # a text the reader could not place shows its words; other entities their name
            marks.append(Mark("label", f.geometry, label=f.label) if f.label
                         else Mark("entity", f.geometry, label=f.entity))
        yield Outcome(Status(f.status), rooms=tuple(f.rooms), measured=f.measured,
                      message=one_line(f.message), marks=tuple(marks))
    if not raised:
        yield Outcome(Status.PASS, message="nothing to report")


def _input_rule(code: str, name: str, doc: str):
    def fn(ctx, opts):
        yield from _reported(ctx, code)

    fn.__doc__ = doc
    fn.__name__ = name.replace("-", "_")
    fn.__module__ = __name__
    return rule(code, name)(fn)


unclosed_outline = _input_rule("FP001", "unclosed-outline", """
    A room outline that is not closed: closed when the gap is within tolerance, else
    skipped; either way said, naming the entity.""")
invalid_geometry = _input_rule("FP002", "invalid-geometry", """
    A self-intersecting or degenerate room polygon: repaired where it can be, and said.""")
overlapping_rooms = _input_rule("FP003", "overlapping-rooms", """
    Two rooms on the same level overlapping by more than 0.05 m² (the overlap is drawn).""")
unclassified_room = _input_rule("FP004", "unclassified-room", """
    A room whose use could not be told from its name or properties; it counts as
    'other' and no rule about bedrooms, kitchens or bathrooms sees it. A room named
    plainly as one a home's rules count for nothing (a garage, a lift: the words of
    ``floorplan.classify.NOT_HOME``) is 'other' by its name, and not reported.""")
unconnected_door = _input_rule("FP005", "unconnected-door", """
    A door that does not join two spaces (not within 0.4 m of any room, or naming a room
    that is not on the plan).""")
units_assumed = _input_rule("FP006", "units-assumed", """
    The drawing did not declare its units: which were assumed and why.""")
units_contradicted = _input_rule("FP007", "units-contradicted", """
    The units used (given with --units, or declared in the file) disagree with strong
    evidence in the drawing: the figures written in it (area tags, dimension strings),
    door widths, room sizes, label heights, the plan's size. A fail: every area and width would be wrong by the factor
    between the units, so the plan cannot be said to meet the standard until the units
    are confirmed (give the right --units). Weaker evidence against --units (one kind,
    such as the room sizes alone) is a warning.""")
stated_figure_mismatch = _input_rule("FP008", "stated-figure-mismatch", """
    A room's area or dimensions written in the drawing (``12.5 m2``, ``3.20 x 4.10``,
    ``14'2" x 12'4"``) differ from its measured outline by more than 5 %: the outline
    may not follow the room, or the figure is out of date. Names the room, both figures
    and the text. A stated area more than 10 % out also makes the room one of low
    confidence (FP009), so that no rule passes or fails its area on a reading the
    drawing itself contradicts.""")
low_confidence_room = _input_rule("FP009", "low-confidence-room", """
    A room the reader is unsure of (its outline closed across wide gaps, found from a
    label alone, several room labels in one space...): check it on the drawing. The
    reason is given; the plan is marked on the image.""")
plans_apart = _input_rule("FP012", "plans-apart", """
    A DXF sheet holds several plan-like views that do not look like floors of one
    building (no level titles, footprints of different sizes): the most plan-like one
    was read and the others set aside. Lists the views found; read another with
    --view N.""")
hidden_layer_room = _input_rule("FP013", "hidden-layer-room", """
    A room closed only by an outline on a frozen or switched-off layer, not by the
    drawing as shown: its label lies in no room the visible linework encloses, or the
    visible linework cut it or ran it into another where the label's written area is the
    outline's; the hidden layer's outlines agree with the rooms read elsewhere, so the
    room was read from it (source ``hidden_outline``, at most medium confidence). Names
    the room and the layer: check it on the drawing.""")
floor_in_no_room = _input_rule("FP014", "floor-in-no-room", """
    Floor inside the building's walls that no room read holds (pieces of room size, not
    wall, not a space set aside): rooms there may not have been read, as when a window or
    doorway is left open and a room runs out of the building, on a drawing with no room
    labels to say so. Says how much, in how many spaces and where the largest is; the
    marked-up plan shows them. Rules by use over a home are undecided while there is any.""")
unplaced_label = _input_rule("FP010", "unplaced-label", """
    A room label that lies in no room and could not be joined to one (no leader, no
    unlabelled room within reach): the room it names may be missing from the plan.
    Names the label and where it is; the marked-up plan writes its words over a "?"
    where it stands.""")
correction_unmatched = _input_rule("FP011", "correction-unmatched", """
    A correction in the assessor's corrections file (docs/corrections.md) that could not
    be applied: its point falls in no room any more (or in rooms on several levels), or
    what it asks cannot be done (rooms too far apart to merge, a line that misses the
    room). It changed nothing; names the file and line and says why.""")

