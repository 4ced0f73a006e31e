"""The DXF text made into tags in bulk (floorplan/io/dxf/load/tags.py) gives ezdxf's own tags.

The reference is ezdxf's reader itself: ``tag_compiler(ascii_tags_loader(stream))`` on the
same file, compared tag for tag, class for class and value type for value type. What
ezdxf would refuse (or read in a way of its own) is given back to it: ``None``.
"""

from __future__ import annotations

from pathlib import Path

import ezdxf
import pytest
from ezdxf.lldxf.tagger import ascii_tags_loader, tag_compiler

from floorplan.io.dxf.load import tags


def _ezdxf_tags(path: Path) -> list:
    with open(path, encoding="utf-8", errors="surrogateescape") as fp:
        return list(tag_compiler(ascii_tags_loader(fp)))


def _ours(path: Path):
    with open(path, encoding="utf-8", errors="surrogateescape") as fp:
        return tags.compile_tags(fp.read())


def _same(a: list, b: list) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert type(x) is type(y), (x, y)
        assert x.code == y.code, (x, y)
        assert type(x._value) is type(y._value), (x, y)
        assert x.value == y.value, (x, y)


def _write(tmp_path: Path, pairs: list[tuple[str, str]], newline: str = "\n", end: str = "\n") -> Path:
    path = tmp_path / "t.dxf"
    text = newline.join(f"{c}{newline}{v}" for c, v in pairs) + end
    path.write_bytes(text.encode("utf-8"))
    return path


#: a little of everything ezdxf types: 2D and 3D points, an extended-data point, a
#: comment between a point's x and y, a binary chunk, an integer written as a float,
#: a 0 tag's value with spaces round it, a bool and a string with spaces kept
ODD_TAGS = [
    ("0", "SECTION"), ("2", "ENTITIES"),
    ("  0", "LINE"), ("5", "1F"), ("8", "A-WALL "), ("10", "1.5"), ("20", "-2"), ("30", "0.0"),
    ("11", "4"), ("999", "a comment between x and y"), ("21", "5.25"), ("31", "1e3"),
    ("0", "LWPOLYLINE"), ("90", "3"), ("70", "1.0"), ("10", "0"), ("20", "0"), ("10", "3"),
    ("20", "0"), ("42", "0.5"), ("10", "3"), ("20", "2"),
    ("1001", "APP"), ("1010", "1"), ("1020", "2"), ("1030", "3"), ("1000", " text  "),
    ("0", " MTEXT "), ("1", "Bed room"), ("290", "1"), ("310", "DEADBEEF00"),
    ("0", "ENDSEC"), ("0", "EOF"),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("end", ["\n", "", "\n\n", "\n0\nJUNK\nxx\n"])
def test_odd_tags_are_ezdxfs(tmp_path, newline, end):
    path = _write(tmp_path, ODD_TAGS, newline, end if newline == "\n" else end.replace("\n", "\r\n"))
    ours = _ours(path)
    assert ours is not None
    _same(_ezdxf_tags(path), ours)
    assert ours[-1].value == "EOF"


def test_pieces_end_before_a_0_tag(tmp_path, monkeypatch):
    """Cut into pieces of a few hundred characters, a real drawing's tags are the same."""
    doc = ezdxf.new("R2013")
    msp = doc.modelspace()
    for i in range(60):
        msp.add_lwpolyline([(i, 0), (i + 1, 0), (i + 1, 2)], close=True)
        msp.add_line((i, 0, 1), (i, 5, 2))
        msp.add_mtext(f"Room {i}").set_location((i, 1))
    path = tmp_path / "d.dxf"
    doc.saveas(path)
    whole = _ours(path)
    _same(_ezdxf_tags(path), whole)
    for size in (7, 64, 333, 1000):
        monkeypatch.setattr(tags, "CHUNK", size)
        _same(whole, _ours(path))


@pytest.mark.parametrize("pairs", [
    [("0", "SECTION"), ("x0", "LINE"), ("0", "EOF")],                      # a code not a number
    [("0", "LINE"), ("10", "one"), ("20", "2"), ("0", "EOF")],             # a float not a number
    [("0", "LINE"), ("40", "wide"), ("0", "EOF")],
    [("0", "LINE"), ("70", "seven"), ("0", "EOF")],                        # an int not a number
    [("0", "LINE"), ("10", "1"), ("21", "2"), ("0", "EOF")],               # x without its y
    [("0", "LINE"), ("10", "1"), ("20", "2")],                             # a point at the end
    [("0", "LINE"), ("310", "NOTHEX"), ("0", "EOF")],                      # binary not hex
])
def test_what_ezdxf_would_say_is_left_to_it(tmp_path, pairs):
    assert _ours(_write(tmp_path, pairs)) is None


def test_an_empty_line_for_a_code_is_left_to_ezdxf(tmp_path):
    path = tmp_path / "e.dxf"
    path.write_text("0\nSECTION\n\n2\n0\nEOF\n")
    assert _ours(path) is None


def test_readfile_reads_the_drawing_ezdxf_reads(tmp_path):
    doc = ezdxf.new("R2010", units=4)
    doc.layers.add("A-AREA")
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4000, 0), (4000, 3000), (0, 3000)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    msp.add_text("Kitchen", dxfattribs={"insert": (2000, 1500)})
    path = tmp_path / "r.dxf"
    doc.saveas(path)
    ours, theirs = tags.readfile(str(path)), ezdxf.readfile(path)
    assert ours is not None
    assert ours.filename == str(path)
    assert ours.header["$INSUNITS"] == theirs.header["$INSUNITS"] == 4
    assert [(e.dxftype(), e.dxf.layer) for e in ours.modelspace()] == \
        [(e.dxftype(), e.dxf.layer) for e in theirs.modelspace()]
    assert list(ours.modelspace()[0].get_points("xy")) == [(0, 0), (4000, 0), (4000, 3000), (0, 3000)]


def test_readfile_leaves_binary_and_non_dxf_files_to_ezdxf(tmp_path):
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (1, 1))
    binary = tmp_path / "b.dxf"
    doc.saveas(binary, fmt="bin")
    assert tags.readfile(str(binary)) is None
    other = tmp_path / "o.dxf"
    other.write_text("not a drawing\n")
    assert tags.readfile(str(other)) is None
