"""Spaces under a room's size kept for the label written in them.

A face of the wall linework under :data:`~floorplan.io.dxf.walls.MIN_AREA` is usually a
column, a duct or the box drawn round a label. A cupboard or a WC can be as small, and
the drawing says which it is: a name written in it whose text fills little of it (a
label box is drawn tight round its text). Such a face is kept, of medium confidence.

>>> from shapely.geometry import box
>>> # a 0.6 x 0.8 m closet labelled CLO. in 0.15 m text: the text fills 0.05 of 0.48 m²
>>> [round(p.area, 2) for p, _ in labelled_small([box(0, 0, 0.6, 0.8)], [(0.2, 0.4, "CLO.", 0.15)])]
[0.48]
>>> # a 1.2 x 0.4 m box drawn round BEDROOM in 0.25 m text: a label box
>>> labelled_small([box(0, 0, 1.2, 0.4)], [(0.1, 0.1, "BEDROOM", 0.25)])
[]
"""

from __future__ import annotations

from shapely.geometry import Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls import MIN_AREA, WallRoom

#: a text's width is about this many times its height per character
CHAR_WIDTH = 0.6
#: a text filling more than this share of a small face is a label in its box
LABEL_BOX_SHARE = 0.3


def labelled_small(faces: list[Polygon], texts: list[tuple[float, float, str, float]]
                   ) -> list[tuple[Polygon, str]]:
    """The ``faces`` that hold a name among ``texts`` ((x, y, name, height)) filling
    at most LABEL_BOX_SHARE of them, each with that name."""
    return [(faces[k], name) for k, (name, fills) in _held(faces, texts).items() if not fills]


def label_boxes(faces: list[Polygon], texts: list[tuple[float, float, str, float]]
                ) -> list[Polygon]:
    """The ``faces`` drawn round a text that fills most of them: boxes round labels.

    >>> from shapely.geometry import box
    >>> [p.bounds for p in label_boxes([box(0, 0, 1.2, 0.4)], [(0.1, 0.1, "BEDROOM", 0.25)])]
    [(0.0, 0.0, 1.2, 0.4)]
    """
    return [faces[k] for k, (_, fills) in _held(faces, texts).items() if fills]


def _held(faces, texts) -> dict[int, tuple[str, bool]]:
    """For each face holding a text: the text, and whether it fills the face (more than
    LABEL_BOX_SHARE of it); a text that does not fill it wins."""
    if not faces or not texts:
        return {}
    tree = STRtree(faces)
    out: dict[int, tuple[str, bool]] = {}
    for x, y, name, h in texts:
        for k in tree.query(Point(x, y), predicate="within").tolist():
            fills = h * CHAR_WIDTH * h * max(len(name.strip()), 1) > LABEL_BOX_SHARE * faces[k].area
            if k not in out or (out[k][1] and not fills):
                out[k] = (name, fills)
    return dict(sorted(out.items()))


def cupboards(small: list[Polygon], texts: list, found: list, notes: list[str]) -> list:
    """Faces under a room's size that a name written in them keeps (a cupboard, a WC;
    :mod:`~floorplan.io.dxf.cupboards`), overlapping no room ``found``."""
    kept = labelled_small(small, texts)
    if not kept:
        return []
    tree = STRtree([w.polygon for w in found]) if found else None
    out = []
    for f, name in kept:
        if tree is not None and any(found[i].polygon.intersection(f).area > 0.01 * f.area
                                    for i in tree.query(f, predicate="intersects").tolist()):
            continue
        out.append(WallRoom(f, "walls", "medium", f"a space of {f.area:.2f} m², under a room's "
                            f"size, kept for the label {name!r} in it"))
    if out:
        notes.append(f"{len(out)} spaces under {MIN_AREA} m² kept for the labels in them")
    return out


def fill_label_boxes(found: list, boxes: list[Polygon]) -> None:
    """A box drawn round a label is no wall: the room it stands in, as a hole, keeps
    its floor."""
    if not boxes or not found:
        return
    tree = STRtree(boxes)
    for w in found:
        p = w.polygon
        if not p.interiors or not len(tree.query(p, predicate="intersects")):
            continue
        keep = [r for r in p.interiors
                if not any(Polygon(r).symmetric_difference(boxes[i]).area < 1e-6 * max(boxes[i].area, 1e-9)
                           for i in tree.query(Polygon(r), predicate="intersects").tolist())]
        if len(keep) < len(p.interiors):
            w.polygon = Polygon(p.exterior, keep)
