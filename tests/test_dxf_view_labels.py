"""A view is judged by where its texts stand, not by how large they are written.

Built in code, in metres: six closed rooms 3 x 3 m (outlines on a layer that says nothing,
0.2 m apart for the walls), each holding one word the room vocabulary does not know,
written 2.3 m high (a comment height in a CAD program's own units, typed into a drawing in
metres). Estimated as boxes, the six words cover about 6 x (0.6 x 2.3 x 7) x 2.3 = 133 m²,
more than the six rooms' 54 m²: a view judged by text area alone is "mostly text". Each text
stands alone in its own closed room, so each is that room's label.
"""

from __future__ import annotations

import pytest

from floorplan.errors import PlanReadError
from tests.dxf_patterns import Sheet, read

WORDS = ("Zalkovo", "Brimset", "Quornal", "Teplizh", "Vardusk", "Omrilet")


def _rooms(s: Sheet, words=WORDS, height: float = 2.3) -> None:
    for k, word in enumerate(words):
        x, y = (k % 3) * 3.2, (k // 3) * 3.2
        s.poly([(x, y), (x + 3, y), (x + 3, y + 3), (x, y + 3)], "0", closed=True)
        s.text(word, (x + 1.5, y + 1.5), height=height)


def test_tall_texts_each_alone_in_its_room_are_labels(tmp_path):
    s = Sheet()
    _rooms(s)
    plan = read(s, tmp_path)
    # six rooms of 3 x 3 m, each named by the one text inside it
    assert sorted((r.name, round(r.polygon.area, 6)) for r in plan.rooms) == sorted(
        (w, 9.0) for w in WORDS)


def test_a_legend_of_tall_text_outside_the_rooms_is_still_mostly_text(tmp_path):
    # the same texts, standing beside one closed frame, none of them inside it: a legend
    s = Sheet()
    s.poly([(0, 0), (3, 0), (3, 3), (0, 3)], "0", closed=True)
    for k, word in enumerate(WORDS):
        s.text(word, (4.0, 0.5 + 2.5 * k), height=2.3)
    with pytest.raises(PlanReadError, match="mostly text"):
        read(s, tmp_path)


def test_many_texts_in_one_space_are_no_label(tmp_path):
    # a schedule's frame holding all six words: a space holds a room's name, area and
    # size at most (views.SPACE_TEXTS), not six texts
    s = Sheet()
    s.poly([(0, 0), (3, 0), (3, 3), (0, 3)], "0", closed=True)
    for k, word in enumerate(WORDS):
        s.text(word, (0.2, 0.2 + 0.45 * k), height=2.3)
    with pytest.raises(PlanReadError, match="mostly text"):
        read(s, tmp_path)
