"""The DXF reader: the only package that imports ezdxf (see ``docs/input-dxf.md``).

One sub-package per stage, in the order :func:`read` runs them:

- :mod:`.load` opens the file (recover mode for damaged files);
- :mod:`.collect` walks model space once, blocks expanded, into primitives;
- :mod:`.units` decides the units and moves the points to local metres;
- :mod:`.rooms` finds the rooms: outlines, else faces of the wall linework (:mod:`.walls`),
  in the floor-plan views of the sheet (:mod:`.views`);
- :mod:`.names` names them, with what :mod:`.text` says each text is;
- :mod:`.doors` finds doors, :mod:`.features` fittings, ceilings and rooflights.

Beside them: :mod:`.layers` (with :mod:`.cisfb`) is the layer map every stage reads;
:mod:`.reader` runs the stages and builds the :class:`~floorplan.model.Plan`;
:mod:`.account` counts what was left, and :mod:`.hidden` takes the rooms on hidden
layers that the account proves. The stages import one way (the order is in
``tests/test_dxf_layout.py``).
"""

from __future__ import annotations

from floorplan.io.dxf.reader import read

__all__ = ["read"]
