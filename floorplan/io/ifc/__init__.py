"""IFC models (IfcOpenShell, the optional ``ifc`` extra): every ``IfcSpace`` a room.

- :mod:`.load` checks the file and opens it (one line and exit 2 when it cannot);
- :mod:`.reader` turns spaces into rooms, storeys into levels, units into metres;
- :mod:`.shapes` takes a space's footprint and ceilings from its 3D body;
- :mod:`.doors` joins each door to the spaces it stands between.

This is the only package importing ``ifcopenshell``, and only when an IFC file is read.
See ``docs/input-ifc.md``.
"""

from __future__ import annotations

import os

from floorplan.model import Plan


def read(path: str | os.PathLike, units: str | None = None) -> Plan:
    """Read an IFC-SPF (``.ifc``) model into a plan in metres.

    ``units`` is ignored (an IFC model declares its units) and said so in the notes.
    """
    from floorplan.io.ifc import load, reader

    model = load.open_model(path)
    plan = reader.build(model, str(path))
    if units is not None:
        from dataclasses import replace

        plan = replace(plan, notes=(*plan.notes, f"--units {units} ignored: the model's units "
                                    "are declared in its IfcUnitAssignment"))
    return plan
