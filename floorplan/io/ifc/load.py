"""Open an IFC file: check it is a whole IFC-SPF file, then parse it with IfcOpenShell.

Everything that makes a model unusable is one :class:`~floorplan.errors.PlanReadError`:
IfcOpenShell not installed, a file that is not STEP, a truncated file, a schema that is
not IFC, a model without any ``IfcSpace``, an ifcZIP that is not one model within the
budgets (:mod:`.ifczip`).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from floorplan.errors import PlanReadError

log = logging.getLogger(__name__)

#: how to get IfcOpenShell, said when it is missing
INSTALL_HINT = ("reading IFC models needs IfcOpenShell: install the ifc extra with "
                "pip install 'floorplan-check[ifc]'")
#: how an architect gets spaces into an IFC export, said when a model has none
NO_SPACES_HINT = (
    "the model has no IfcSpace, so there are no rooms to check. Export rooms as spaces: "
    "Revit: place Rooms, then in IFC Export options tick 'Export rooms in 3D views' "
    "(Revit 2023+: Additional Content > Export rooms, areas and spaces); "
    "Archicad: place Zones and export with a translator whose 'Zones' are exported as IfcSpace; "
    "Vectorworks: draw Spaces and tick 'Export IFC' on each (IFC data: IfcSpace)")
#: an IFC-SPF file ends with this line (a file without it was cut short)
TRAILER = b"END-ISO-10303-21;"
#: how much of the file's end is searched for :data:`TRAILER` (trailing comments, blanks)
TAIL_BYTES = 4096


def check_file(path: str | os.PathLike, name: str | None = None) -> None:
    """Refuse a file that is not a complete IFC-SPF (STEP) file, before IfcOpenShell
    parses it (it would accept a truncated file and return part of the model); ``name``
    is what the one line calls it (the ifcZIP and its member)."""
    where = name or str(path)
    with open(path, "rb") as fh:
        head = fh.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - TAIL_BYTES))
        tail = fh.read()
    if not head.startswith(b"ISO-10303-21"):
        raise PlanReadError(where, "not an IFC file: it does not begin with 'ISO-10303-21;' "
                            "(IFC-SPF .ifc files and ifcZIPs holding one are read, not ifcXML)")
    if TRAILER not in tail:
        raise PlanReadError(where, "the IFC file is truncated: it does not end with "
                            "'END-ISO-10303-21;' (export it again, or copy it whole)")


def import_ifcopenshell() -> Any:
    """The ``ifcopenshell`` module, or a one-line error saying how to install it."""
    try:
        import ifcopenshell
        import ifcopenshell.geom  # noqa: F401
        import ifcopenshell.util.element  # noqa: F401
        import ifcopenshell.util.placement  # noqa: F401
        import ifcopenshell.util.unit  # noqa: F401
    except ImportError:
        raise PlanReadError("ifc", INSTALL_HINT) from None
    return ifcopenshell


def open_model(path: str | os.PathLike) -> Any:
    """The parsed model (an ``ifcopenshell.file``) holding at least one ``IfcSpace``; an
    ifcZIP (:mod:`.ifczip`) is unpacked first, within its budgets."""
    from floorplan.io.ifc import ifczip

    if ifczip.is_zip(path):
        with ifczip.unpacked(path) as (inner, member):
            return _parse(inner, str(path), f"{path}: {member}")
    return _parse(path, str(path), str(path))


def _parse(path: str | os.PathLike, source: str, where: str) -> Any:
    check_file(path, where)
    try:
        ifcopenshell = import_ifcopenshell()
    except PlanReadError:
        raise PlanReadError(source, INSTALL_HINT) from None
    try:
        model = ifcopenshell.open(str(path))
    except Exception as exc:  # IfcOpenShell raises its own and RuntimeError for bad STEP
        text = str(exc).strip().splitlines()
        raise PlanReadError(where, f"not a readable IFC model ({text[0] if text else type(exc).__name__})") from None
    schema = str(getattr(model, "schema", ""))
    if not schema.upper().startswith("IFC"):
        raise PlanReadError(where, f"a STEP file of schema {schema!r}, not IFC")
    try:
        spaces = model.by_type("IfcSpace")
    except Exception:
        spaces = []
    if not spaces:
        raise PlanReadError(source, NO_SPACES_HINT)
    log.info("%s: %s, %d spaces", where, schema, len(spaces))
    return model
