"""floorplan: read floor plans, measure rooms as UK housing standards do, check them.

::

    import floorplan
    report = floorplan.check("samples/oak-house.geojson")
    report.render("oak-house.png")

The package is layered, and imports point one way:

* :mod:`floorplan.model` - frozen dataclasses (the plan), metres throughout;
* :mod:`floorplan.io` - readers (GeoJSON, DXF) that produce a :class:`~floorplan.model.Plan`;
* :mod:`floorplan.geometry` and :mod:`floorplan.measure` - pure measurements;
* :mod:`floorplan.rules` and :mod:`floorplan.engine` - the checks, driven by profiles;
* :mod:`floorplan.report`, :mod:`floorplan.reporters`, :mod:`floorplan.render` - output;
* :mod:`floorplan.api` - ``read`` and ``check`` for notebooks and scripts (here too);
* :mod:`floorplan.cli` - the thin command-line shell.

``floorplan.read`` and ``floorplan.check`` are loaded on first use, so ``import
floorplan`` (and the command line's start-up) loads no heavy library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from floorplan._version import __version__

__all__ = ["Report", "__version__", "check", "read"]

if TYPE_CHECKING:
    from floorplan.api import Report, check, read


def __getattr__(name: str) -> Any:
    if name in ("read", "check", "Report"):
        from floorplan import api

        return getattr(api, name)
    raise AttributeError(f"module 'floorplan' has no attribute {name!r}")
