"""What every worker imports before its first plan (the pool forks after it; a Dask
worker's sandbox does it before its budget starts)."""

from __future__ import annotations

from floorplan.batch.rows import Options


def preload(options: Options) -> None:
    """Import what every worker needs before the pool forks them, so each does not
    import shapely, the rules and matplotlib again (about half a second a worker)."""
    import floorplan.engine  # noqa: F401
    import floorplan.io.geojson  # noqa: F401
    import floorplan.reporters.json_report  # noqa: F401

    if options.images:
        try:
            import matplotlib.backends.backend_agg  # noqa: F401
            import matplotlib.figure  # noqa: F401
            import matplotlib.patches  # noqa: F401

            import floorplan.render.mpl  # noqa: F401  (the PNG backend)
            import floorplan.render.scene  # noqa: F401
        except ImportError:
            pass
