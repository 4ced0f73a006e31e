"""floorplan: read floor plans, measure rooms as UK housing standards do, check them.

The package is layered, and imports point one way:

* :mod:`floorplan.model` - frozen dataclasses (the plan), metres throughout;
* :mod:`floorplan.io` - readers (GeoJSON, DXF) that produce a :class:`~floorplan.model.Plan`;
* :mod:`floorplan.geometry` and :mod:`floorplan.measure` - pure measurements;
* :mod:`floorplan.rules` and :mod:`floorplan.engine` - the checks, driven by profiles;
* :mod:`floorplan.report`, :mod:`floorplan.reporters`, :mod:`floorplan.render` - output;
* :mod:`floorplan.cli` - the thin command-line shell.
"""

__version__ = "0.1.0"
