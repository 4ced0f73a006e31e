"""The floors floorplan is held against, each run as its own process (``python floors.py WHAT PATH``).

* ``ezdxf``: a bare ``ezdxf.readfile`` of the drawing, or ``ezdxf.recover.readfile`` when
  only that loads it (floorplan's reader also tries ``readfile`` first and then recovers);
* ``shape``: ``json.load`` of a GeoJSON file and ``shapely.geometry.shape()`` of every
  feature's geometry, the plain way to read one;
* ``from_geojson``: ``json.load`` of the file (for its properties) and
  ``shapely.from_geojson`` of its text (every geometry, parsed by GEOS in one call);
* ``read``: floorplan's own ``read_plan``, nothing after it (the reader alone, for the
  GeoJSON read goal).

Each includes starting Python and importing what it needs, as the ``floorplan`` command
does: the figures compare whole processes.
"""

from __future__ import annotations

import json
import sys


def bare_ezdxf(path: str) -> str:
    import ezdxf
    from ezdxf import recover

    try:
        ezdxf.readfile(path)
        return "readfile"
    except Exception:  # noqa: BLE001 - whatever sends floorplan's reader to recover
        recover.readfile(path)
        return "recover"


def shape(path: str) -> int:
    from shapely.geometry import shape as to_shape

    with open(path, encoding="utf-8-sig") as fh:
        data = json.load(fh)
    return len([to_shape(f["geometry"]) for f in data["features"] if f.get("geometry")])


def from_geojson(path: str) -> int:
    import shapely

    with open(path, encoding="utf-8-sig") as fh:
        text = fh.read()
    data = json.loads(text)
    shapely.from_geojson(text)
    return len(data["features"])


def read(path: str) -> int:
    from floorplan.io import read_plan

    return len(read_plan(path).rooms)


WORKERS = {"ezdxf": bare_ezdxf, "shape": shape, "from_geojson": from_geojson, "read": read}

if __name__ == "__main__":
    print(WORKERS[sys.argv[1]](sys.argv[2]))
