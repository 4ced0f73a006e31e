"""Floor patterns drawn with the walls: paving or tiles in the same linework as the walls
(a drawing exported with no layers, as FreeCAD's Shape2DView writes one) are a pattern,
not walls; closed outlines of one size standing apart (columns) are no pattern.

Every drawing is in metres; the expected areas are worked by hand from the wall faces
drawn, never copied from the program.
"""

from __future__ import annotations

import numpy as np
from shapely import affinity
from shapely.geometry import Polygon, box

from floorplan.io.dxf.views.tiles import pattern_lines, tile_shaped, tile_shapes, tiling
from tests.dxf_patterns import Sheet, read, rooms_of, two_room_plan


def slabs(s: Sheet, x0: float, y0: float, nx: int, ny: int, side: float = 0.49,
          joint: float = 0.01, layer: str = "0") -> None:
    """``nx`` x ``ny`` square slabs of ``side`` with ``joint`` between them from (x0, y0),
    each drawn as four LINEs (as an export draws each slab's edges)."""
    pitch = side + joint
    for i in range(nx):
        for j in range(ny):
            x, y = x0 + i * pitch, y0 + j * pitch
            c = [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]
            for a, b in zip(c[:-1], c[1:], strict=True):
                s.line(a, b, layer)


def test_paving_drawn_with_the_walls_does_not_part_the_rooms(tmp_path):
    s = Sheet()
    # two rooms of 4 x 3 m between wall faces (12 m² each: x 0.1-4.1 and 4.2-8.2, y 0.1-3.1),
    # the walls on layer 0 like the paving
    two_room_plan(s, layer="0")
    # each room paved with 8 x 6 slabs of 0.49 m, 10 mm joints, 5 mm off the wall faces
    slabs(s, 0.105, 0.105, 8, 6)
    slabs(s, 4.205, 0.105, 8, 6)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    note = next(n for n in plan.notes if "tiling" in n)
    assert note.startswith("384 line(s)") and "96 cells about 0.49 m" in note  # 96 x 4 edges


def test_without_the_paving_the_same_rooms(tmp_path):
    """The control: the same plan, no paving, reads the same two rooms."""
    s = Sheet()
    two_room_plan(s, layer="0")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert not any("tiling" in n for n in plan.notes)


def _edges(polys) -> list[np.ndarray]:
    out = []
    for p in polys:
        c = np.asarray(p.exterior.coords)
        out += [c[k:k + 2] for k in range(len(c) - 1)]
    return out


def test_columns_standing_apart_are_no_tiling():
    # 16 columns of 0.8 x 0.8 on a 6 m grid: one size, many, but none a joint from another
    cols = [box(6.0 * i, 6.0 * j, 6.0 * i + 0.8, 6.0 * j + 0.8) for i in range(4) for j in range(4)]
    assert not tiling(cols).any()
    assert pattern_lines(_edges(cols)) == ([], 0, 0.0)


def test_cells_sharing_edges_tile():
    # a 4 x 4 grid of 0.6 m ceiling tiles drawn edge to edge (no joint): a corner cell has
    # two neighbours, an edge cell three, an inner one four
    cells = [box(0.6 * i, 0.6 * j, 0.6 * i + 0.6, 0.6 * j + 0.6) for i in range(4) for j in range(4)]
    assert tiling(cells).all()
    lines = _edges(cells)
    drop, n, side = pattern_lines(lines)
    assert (sorted(drop), n, round(side, 3)) == (list(range(len(lines))), 16, 0.6)


def test_the_end_cells_of_a_row_do_not_tile():
    # twelve 1 x 1 m cells in one row: a cell of a tiling has two neighbours of its size
    # a joint away, so the two end cells (one neighbour each) do not count
    row = [box(float(i), 0.0, i + 1.0, 1.0) for i in range(12)]
    assert tiling(row).tolist() == [False] + [True] * 10 + [False]


def test_a_stairs_treads_are_no_tiles():
    # a flight of 14 treads 1.0 x 0.28 m (longer than TILE_ASPECT to wide): the flight's
    # lines stay linework
    treads = [box(0.0, 0.28 * k, 1.0, 0.28 * (k + 1)) for k in range(14)]
    assert pattern_lines(_edges(treads)) == ([], 0, 0.0)


def cut_slabs(s: Sheet, x0: float, y0: float, x1: float, y1: float, side: float = 0.69,
              joint: float = 0.01, layer: str = "0") -> None:
    """A room's paving from its corner (x0, y0) up to its wall faces x1 and y1: whole
    slabs of ``side`` with ``joint`` between them, and where a wall face cuts a slab
    short, that slab drawn as the edges it has left, ending on the wall face (as an
    export draws a paving clipped by the walls)."""
    pitch = side + joint
    x = x0
    while x < x1:
        y = y0
        while y < y1:
            xe, ye = min(x + side, x1), min(y + side, y1)
            edges = [((x, y), (xe, y)), ((x, y), (x, ye))]
            if ye < y1:
                edges.append(((x, ye), (xe, ye)))
            if xe < x1:
                edges.append(((xe, y), (xe, ye)))
            for a, b in edges:
                s.line(a, b, layer)
            y += pitch
        x += pitch


def test_slabs_a_wall_cuts_short_do_not_part_the_room(tmp_path):
    """The kitchen (x 4.2-8.2, y 0.1-3.1, 12 m²) paved from its south-west corner with
    0.69 m slabs at a 0.7 m pitch: 5 x 4 whole slabs (to x 7.695, y 2.895), then a column
    the east wall cuts to 0.295 m (x 7.905-8.2) and a row the north wall cuts to 0.195 m
    (y 2.905-3.1). The cut slabs are no tiles, but their edges lie on the lattice's grid
    lines (a whole number of pitches from the whole slabs' edges) and end on a wall or on
    a slab's next edge: the lattice, not walls. Left in, they cut the room's edge into
    faces of 0.2 m² and less, each dropped and so taken out of the kitchen."""
    s = Sheet()
    two_room_plan(s, layer="0")
    cut_slabs(s, 4.205, 0.105, 8.2, 3.1)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]


def test_a_wall_along_the_grid_is_kept():
    """A line on a grid line of the lattice but longer than a pitch (a wall drawn on a
    joint) is no cut slab's edge; nor is a short line off the grid (a wall's face the
    joint's half off it)."""
    whole = [box(x * 0.7, y * 0.7, x * 0.7 + 0.69, y * 0.7 + 0.69) for x in range(5) for y in range(4)]
    lines = [np.array(b.exterior.coords) for b in whole]
    wall = np.array([[3.5, -0.5], [3.5, 3.5]])             # on the grid line x = 3.5, 4 m long
    face = np.array([[3.495, 2.8], [3.495, 3.3]])          # 5 mm off the grid, short
    drop, cells, _ = pattern_lines(lines + [wall, face])
    assert cells == 20 and set(drop) == set(range(20))


def test_tile_shapes_reads_each_cell_as_a_tile_or_not():
    # sides 0.1-1.5 m, at most 2.5 long to wide, at least 97 % of the smallest rectangle
    cells = [
        (box(0, 0, 0.5, 0.5), True),    # a paving slab
        (box(0, 0, 0.6, 1.4), True),    # 1.4 / 0.6 = 2.33 long to wide
        (box(0, 0, 0.05, 0.05), False),  # a side under 0.1 m
        (box(0, 0, 1.0, 2.0), False),   # a side over 1.5 m
        (box(0, 0, 0.3, 1.0), False),   # 3.33 long to wide: a stair's tread
        (Polygon([(0, 0), (1, 0), (1, 0.5), (0.5, 0.5), (0.5, 1), (0, 1)]), False),  # an L: 75 %
        (Polygon([(0, 0), (1, 0), (0, 1)]), False),  # a triangle: half its rectangle
        (affinity.rotate(box(0, 0, 1.0, 1.0), 30), True),  # a slab laid at 30 degrees
    ]
    got = tile_shapes([c for c, _ in cells]).tolist()
    assert got == [want for _, want in cells]
    assert [tile_shaped(c) for c, _ in cells] == got
    assert tile_shapes([]).tolist() == []
