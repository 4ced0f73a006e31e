"""Readers and writers. :func:`read_plan` picks the reader by content, not only by name.

Only :mod:`floorplan.io.dxf` imports ezdxf, and only when a DXF is read.
"""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path

from floorplan._gc import paused_gc
from floorplan.errors import PlanReadError
from floorplan.io import limits, paths
from floorplan.model import Plan


def sniff(path: str | os.PathLike) -> str:
    """``"dxf"``, ``"geojson"``, ``"imdf"`` or ``"ifc"`` for a path, by what it holds.

    Only a regular file or a folder is opened (a FIFO would block forever); a file over
    :data:`~floorplan.io.limits.MAX_PLAN_BYTES` is refused.
    """
    p = Path(path)
    st = paths.check_input(p)
    if stat.S_ISDIR(st.st_mode):
        return "imdf"
    if st.st_size > limits.MAX_PLAN_BYTES:
        raise PlanReadError(str(path), f"is {st.st_size / 2**20:.0f} MiB, over the "
                            f"{limits.MAX_PLAN_BYTES / 2**20:.0f} MiB a plan may be")
    if p.suffix.lower() == ".ifcxml":
        raise PlanReadError(str(path), "ifcXML models are not read: export the model as IFC "
                            "(.ifc, STEP, or .ifczip)")
    if p.suffix.lower() == ".ifczip":
        return "ifc"  # floorplan.io.ifc unpacks it (or refuses it, one line)
    if zipfile.is_zipfile(p):
        return "ifc" if _holds_ifc(p) else "imdf"
    with open(p, "rb") as fh:
        head = fh.read(4096)
    if not head.strip():
        raise PlanReadError(str(path), "the file is empty")
    if head.startswith(b"AutoCAD Binary DXF"):
        return "dxf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"ISO-10303-21") or p.suffix.lower() == ".ifc":
        return "ifc"  # a STEP file (IFC-SPF); floorplan.io.ifc refuses a .ifc that is not one
    if b"\x00" in head:
        raise PlanReadError(str(path), "a binary file that is neither a DXF nor a GeoJSON plan")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return "geojson"
    lines = [ln.strip() for ln in stripped.splitlines()[:4]]
    if len(lines) >= 2 and lines[0] in (b"0", b"999") or b"SECTION" in head[:200]:
        return "dxf"
    suffix = p.suffix.lower()
    if suffix == ".dxf":
        return "dxf"
    if suffix in (".geojson", ".json"):
        return "geojson"
    raise PlanReadError(str(path), "neither a DXF nor a GeoJSON file (unrecognised content)")


def _holds_ifc(p: Path) -> bool:
    """A zip holding a ``.ifc`` and no IMDF manifest: an ifcZIP whatever its name."""
    try:
        with zipfile.ZipFile(p) as zf:
            names = [n.lower() for n in zf.namelist()[:1000]]
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        return False
    return (any(n.endswith(".ifc") for n in names)
            and not any(n.rsplit("/", 1)[-1] == "manifest.json" for n in names))


def read_plan(
    path: str | os.PathLike,
    *,
    units: str | None = None,
    layer_map: str | os.PathLike | None = None,
    view: int | None = None,
) -> Plan:
    """Read a plan from a DXF, GeoJSON or IFC file (or IMDF folder/archive); ``"-"`` is stdin.

    ``units`` overrides whatever the file declares or the reader would assume; ``view``
    names the view of a DXF sheet to read (numbered from 1, left to right).
    Raises :class:`~floorplan.errors.PlanReadError` for input that cannot be used.
    """
    kind = None if str(path) == "-" else sniff(path)
    # a plan is thousands of objects that all live on; the collector's full passes over
    # them would find nothing to free, and grow faster than the plan (a 10,000-room
    # GeoJSON read: 0.99 s with them, 0.77 s without). A DXF read leaves no cyclic
    # garbage beyond a few hundred objects (tests/test_dxf_garbage.py), so what it made
    # is set aside as results (paused_gc): else the first allocation after it walks all
    # of them, 40-70 ms on a drawing of any size
    with paused_gc(results=kind == "dxf"):
        if kind is None:
            text = read_stdin()
            if _looks_like_dxf(text):
                raise PlanReadError("-", "standard input takes a GeoJSON plan only; this looks "
                                    "like a DXF drawing: give its file name instead")
            from floorplan.io import geojson

            return geojson.read_text(text, source="-", units=units)
        paths.protect(path)
        if layer_map is not None:
            paths.protect(layer_map)
        if kind == "dxf":
            from floorplan.io import dxf

            return dxf.read(path, units=units, layer_map=layer_map, view=view)
        if kind == "ifc":
            from floorplan.io import ifc

            return ifc.read(path, units=units)
        from floorplan.io import geojson  # (not imported for a DXF: 5 ms)

        if kind == "imdf":
            return geojson.read_imdf(path, units=units)
        return geojson.read(path, units=units)


def read_stdin() -> str:
    """Standard input as text, refused when it is a terminal (nothing would ever come) or
    larger than :data:`~floorplan.io.limits.MAX_PLAN_BYTES`."""
    stream = sys.stdin
    if stream is None:
        raise PlanReadError("-", "there is no standard input to read")
    try:
        if stream.isatty():
            raise PlanReadError("-", "standard input is a terminal: pipe a GeoJSON plan into "
                                "it, or name a plan file")
    except (AttributeError, ValueError):
        pass
    raw = getattr(stream, "buffer", None)
    try:
        if raw is not None:
            data = raw.read(limits.MAX_PLAN_BYTES + 1)
            if len(data) > limits.MAX_PLAN_BYTES:
                raise PlanReadError("-", f"standard input holds over "
                                    f"{limits.MAX_PLAN_BYTES / 2**20:.0f} MiB, more than a plan may")
            try:
                return data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise PlanReadError("-", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        text = stream.read(limits.MAX_PLAN_BYTES + 1)
    except OSError as exc:
        raise PlanReadError("-", f"cannot read standard input ({exc.strerror or exc})") from None
    if len(text) > limits.MAX_PLAN_BYTES:
        raise PlanReadError("-", "standard input holds more than a plan may")
    return text


def _looks_like_dxf(text: str) -> bool:
    """A DXF's first lines: a group code (``0`` or ``999``) and then ``SECTION``/a comment."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if head[:1] in ("{", "["):
        return False
    lines = [ln.strip() for ln in head.splitlines()[:4]]
    return (len(lines) >= 2 and lines[0] in ("0", "999")) or "SECTION" in head
