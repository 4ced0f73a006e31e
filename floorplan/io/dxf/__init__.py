"""The DXF reader: the only package that imports ezdxf (see ``docs/input-dxf.md``).

One module per stage, in the order :func:`read` runs them:

- :mod:`.load` opens the file (recover mode for damaged files);
- :mod:`.collect` walks model space once, with :mod:`.blocks` expanding INSERTs into the
  primitives of :mod:`.prims`;
- :mod:`.units` decides the units, :mod:`.frame` moves the points to local metres;
- :mod:`.rooms` finds room outlines, :mod:`.walls` finds rooms in wall linework;
- :mod:`.names` and :mod:`.text` name the rooms, :mod:`.doors` finds doors,
  :mod:`.features` fittings and ceilings; :mod:`.layers` is the layer map, :mod:`.account` counts what was left.

:mod:`.reader` runs the stages and builds the :class:`~floorplan.model.Plan`.
"""

from __future__ import annotations

from floorplan.io.dxf.reader import read

__all__ = ["read"]
