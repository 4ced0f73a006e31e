"""``ezdxf.readfile`` with the DXF text turned into tags in bulk: the same tags, faster.

ezdxf reads an ASCII DXF a line at a time (``ascii_tags_loader``, a generator) and then
types every tag's value in a second generator (``tag_compiler``): two Python frames and
one ``DXFTag.__init__`` per tag, 15-19 % of a whole check on a large drawing. Here the
text is split into lines by ``str.split``, the group codes converted by one ``map(int,
...)``, the values of each type by one ``map`` per type (numpy's masks find which), the
points (x, y and z tags) paired in arrays, and the tag objects made and filled by
``map`` over ezdxf's own classes and slots, then handed to ezdxf's own loader
(``Drawing.from_tags``), which builds the document as ``readfile`` does.

The tags are exactly ezdxf's (:func:`compile_tags` is held to ``tag_compiler`` tag for
tag, type for type, in ``tests/test_dxf_tags.py``). Whatever this does not do as ezdxf
would, it leaves to ezdxf: a binary DXF, a file that ezdxf would refuse or whose tags
ezdxf would find fault with (a group code that is not a number, a value of the wrong
type, a point without its y), a point cut off by the end of the file: :func:`readfile`
then answers ``None`` and the caller reads the file with ``ezdxf.readfile``, which says
what is wrong as it always did. The text is worked through in pieces of about
:data:`CHUNK` characters, each ending before a ``0`` tag (no point spans one), so the
lines of only one piece are held at a time.
"""

from __future__ import annotations

from array import array
from collections import deque
from itertools import compress, repeat
from operator import itemgetter

import numpy as np
from ezdxf.document import Drawing
from ezdxf.filemanagement import dxf_file_info
from ezdxf.lldxf.types import BINARY_DATA, POINT_CODES, TYPE_TABLE, DXFBinaryTag, DXFTag, DXFVertex
from ezdxf.lldxf.validator import is_binary_dxf_file, is_dxf_file
from ezdxf.tools.codepage import is_supported_encoding

#: about how many characters of DXF text are split into lines at once
CHUNK = 1 << 22
_POINTS = np.array(sorted(POINT_CODES), dtype=np.int64)
_FLOATS = np.array(sorted(c for c, t in TYPE_TABLE.items() if t is float), dtype=np.int64)
_INTS = np.array(sorted(c for c, t in TYPE_TABLE.items() if t is int), dtype=np.int64)
_BINARY = np.array(sorted(BINARY_DATA), dtype=np.int64)
#: the setters of a tag's two slots (ezdxf's ``DXFTag.__init__`` sets just these)
_set_code = vars(DXFTag)["_code"].__set__
_set_value = vars(DXFTag)["_value"].__set__


class _NotPlain(Exception):
    """Something ezdxf's own reading should answer: give the file back to it."""


def readfile(path: str, encoding: str | None = None) -> Drawing | None:
    """The drawing ``ezdxf.readfile(path, encoding=encoding)`` reads, or ``None`` when this
    leaves the file to ezdxf (see the module's docstring)."""
    tagged = compile_file(str(path), encoding)
    return None if tagged is None else drawing(tagged, str(path), encoding)


def drawing(tagged: list[DXFTag], path: str, encoding: str | None) -> Drawing:
    """The drawing ezdxf's own loader builds from the tags of :func:`compile_file`."""
    doc = Drawing.from_tags(tagged)
    doc.filename = path
    if encoding is not None and is_supported_encoding(encoding):
        doc.encoding = encoding
    return doc


def compile_file(path: str, encoding: str | None = None) -> list[DXFTag] | None:
    """The tags of the DXF file ``path`` (read as ``ezdxf.readfile`` reads it), or
    ``None`` when this leaves the file to ezdxf."""
    try:
        if is_binary_dxf_file(path) or not is_dxf_file(path):
            return None
        info = dxf_file_info(path)
        if encoding is not None:
            info.encoding = encoding
        with open(path, encoding=info.encoding, errors="surrogateescape") as fp:
            text = fp.read()
    except (OSError, LookupError, ValueError):
        return None
    tags = compile_tags(text)
    del text
    return tags


def compile_tags(text: str) -> list[DXFTag] | None:
    """The tags ``tag_compiler(ascii_tags_loader(stream))`` yields for a stream of
    ``text`` (read with universal newlines), or ``None`` when ezdxf should say."""
    out: list[DXFTag] = []
    try:
        for lines, last in _pieces(text):
            if _compile(lines, last, out):
                break
    except (_NotPlain, ValueError):
        return None
    return out


def _pieces(text: str):
    """``(lines, last)``: the text's lines a piece at a time, each but the last ending
    before a ``0`` tag, an even number of lines in each."""
    start, n = 0, len(text)
    while start < n:
        end = _cut(text, start, start + CHUNK) if start + CHUNK < n else -1
        if end < 0:
            lines = text[start:].split("\n")
            if lines[-1] == "":  # the text ends with a newline: nothing after it
                lines.pop()
            yield lines, True
            return
        lines = text[start:end - 1].split("\n")  # (end - 1: the piece's last newline)
        if len(lines) % 2:
            raise _NotPlain("odd piece")
        yield lines, False
        start = end


def _cut(text: str, start: int, at: int) -> int:
    """Where a piece that starts at ``start`` (a code line) can end after ``at``: the
    start of a line that holds the group code 0, an even number of lines on (-1: nowhere
    before the end)."""
    pos = text.find("\n", at) + 1
    if pos == 0:
        return -1
    if text.count("\n", start, pos) % 2:  # pos starts a value line: on to the next code line
        pos = text.find("\n", pos) + 1
    while pos > 0:
        nl = text.find("\n", pos)
        if nl < 0:
            return -1
        if text[pos:nl].strip() == "0":
            return pos
        pos = text.find("\n", nl + 1) + 1  # past the value line
    return -1


def _compile(lines: list[str], last: bool, out: list[DXFTag]) -> bool:
    """Append the tags of ``lines`` to ``out``; True when the EOF tag was among them."""
    codes, values = lines[0::2], lines[1::2]
    del lines
    # ezdxf stops at the first (0, EOF): a value EOF, exactly, after a code 0
    eof = False
    start = 0
    while True:
        try:
            k = values.index("EOF", start)
        except ValueError:
            break
        if int(codes[k]) == 0:
            del codes[k + 1:], values[k + 1:]
            eof = True
            break
        start = k + 1
    if len(codes) > len(values):  # a group code without its value, at the very end
        if not last:
            raise _NotPlain("odd piece")
        int(codes[-1])  # ezdxf reads it (and may fail on it), then stops
        codes.pop()
    icodes = list(map(int, codes))
    del codes
    ic = np.array(icodes, dtype=np.int64)
    keep = ic != 999  # comments: ezdxf skips them before it types anything
    if not keep.all():
        mask = keep.tolist()
        icodes, values, ic = list(compress(icodes, mask)), list(compress(values, mask)), ic[keep]
    n = len(ic)
    if n == 0:
        return eof
    vals = np.array(values, dtype=object)
    # points: each x tag, its y (code + 10, which ezdxf requires) and its z (code + 20,
    # or the tag after is a tag of its own); no y or z code is a point code itself
    is_x = np.isin(ic, _POINTS)
    xs = np.flatnonzero(is_x)
    used = np.zeros(n, dtype=bool)
    if len(xs):
        if xs[-1] + 1 >= n or xs[-1] + 2 >= n and (last or eof):
            # no y, or (at the very end) no tag after the y: ezdxf fails or drops it
            raise _NotPlain("point at the end")
        xc = ic[xs]
        if not (ic[xs + 1] == xc + 10).all():
            raise _NotPlain("a point without its y")
        # (a point whose y ends a piece: the next tag, a 0 tag, is no z)
        has_z = ic[np.minimum(xs + 2, n - 1)] == xc + 20
        if xs[-1] + 2 >= n:
            has_z[-1] = False
        used[xs + 1] = True
        used[(xs + 2)[has_z]] = True
    plain = np.flatnonzero(~(used | is_x))  # the tags that are no part of a point
    pc = ic[plain]
    pv = vals[plain]
    for kinds, cast in ((_FLOATS, float), (_INTS, int)):
        at = np.flatnonzero(np.isin(pc, kinds))
        if len(at):
            vals_at = pv[at]
            try:
                pv[at] = np.fromiter(map(cast, vals_at), dtype=object, count=len(at))
            except ValueError:
                if cast is float:
                    raise
                pv[at] = np.fromiter(map(_int, vals_at), dtype=object, count=len(at))
    at = np.flatnonzero(pc == 0)
    if len(at):
        pv[at] = np.fromiter(map(str.strip, pv[at]), dtype=object, count=len(at))
    pcodes = pc.tolist()
    tags = _made(DXFTag, pcodes, pv.tolist())
    for k in np.flatnonzero(np.isin(pc, _BINARY)).tolist():
        tags[k] = DXFBinaryTag.from_string(pcodes[k], values[plain[k]])
    if not len(xs):
        out.extend(tags)
        return eof
    positions = [plain]
    for flat in (False, True):  # the 2D points, then the 3D ones
        at = xs[has_z != flat]
        if not len(at):
            continue
        axes = [vals[at], vals[at + 1]] + ([] if flat else [vals[at + 2]])
        coords = zip(*(map(float, a.tolist()) for a in axes), strict=True)
        tags += _made(DXFVertex, ic[at].tolist(), list(map(array, repeat("d"), coords)))
        positions.append(at)
    # the plain tags and the points, in the order of the file
    order = np.argsort(np.concatenate(positions), kind="stable").tolist()
    out.extend(itemgetter(*order)(tags) if len(order) > 1 else [tags[order[0]]])
    return eof


def _int(text: str) -> int:
    """An integer value as ezdxf types it: written as a float by some programs."""
    try:
        return int(text)
    except ValueError:
        return int(float(text))


def _made(cls, codes: list[int], values: list) -> list:
    """``[cls(c, v) for c, v in zip(codes, values)]`` without a Python ``__init__`` call
    each (``DXFVertex`` takes its array as it is)."""
    made = list(map(cls.__new__, repeat(cls, len(codes))))
    deque(map(_set_code, made, codes), maxlen=0)
    deque(map(_set_value, made, values), maxlen=0)
    return made
