"""What every worker imports before its first plan (the pool forks after it; a Dask
worker's sandbox does it before its budget starts)."""

from __future__ import annotations

from floorplan.batch.rows import Options


def preload(options: Options) -> None:
    """Import what every worker needs before the pool forks them, so each does not
    import shapely, the rules and the renderer again (about half a second a worker)."""
    import floorplan.engine  # noqa: F401
    import floorplan.io.geojson  # noqa: F401
    import floorplan.reporters.json_report  # noqa: F401

    if options.images:
        try:
            import floorplan.render.raster  # noqa: F401  (the PNG backend: Pillow)
            import floorplan.render.scene  # noqa: F401
        except ImportError:
            pass
