"""GeoJSON plans: the floorplan convention, IMDF venues and OpenStreetMap indoor exports.

- :mod:`.convention` reads a FeatureCollection (any of the three flavours) into a Plan;
- :mod:`.imdf` finds an IMDF venue's files, :mod:`.osm` knows what OSM indoor tags mean;
- :mod:`.lonlat` projects longitude/latitude to local metres and parses OSM level strings;
- :mod:`.write` writes a plan back as GeoJSON.

See ``docs/input-geojson.md``.
"""

from __future__ import annotations

import os

from floorplan.io.geojson import imdf
from floorplan.io.geojson.convention import read, read_data, read_text
from floorplan.io.geojson.write import plan_to_geojson, to_lonlat
from floorplan.model import Plan


def read_imdf(path: str | os.PathLike, units: str | None = None) -> Plan:
    """Read an IMDF venue: a folder or zip archive holding ``unit.geojson``."""
    files = imdf.load_venue(path)
    return read_data(files["unit"], source=str(path), units=units, siblings=files)


__all__ = ["plan_to_geojson", "read", "read_data", "read_imdf", "read_text", "to_lonlat"]
