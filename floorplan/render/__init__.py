"""Draw the marked-up plan: :func:`render_to_file` picks a backend by the file's extension.

The frontend (:mod:`floorplan.render.scene`) turns a report into primitives with semantic
style keys; a backend draws them. Backends are listed in :data:`BACKENDS` and imported
only when used, so matplotlib and ezdxf load only for the output that needs them.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from floorplan._gc import paused_gc
from floorplan.errors import OutputError

#: extension -> (backend module, scene layout: levels as side-by-side panels or pages)
BACKENDS: dict[str, tuple[str, str]] = {
    ".png": ("floorplan.render.mpl", "panels"),
    ".svg": ("floorplan.render.mpl", "panels"),
    ".pdf": ("floorplan.render.mpl", "pages"),
    ".dxf": ("floorplan.render.dxf_markup", "panels"),
}


def render_to_file(report, path: str | os.PathLike, style=None) -> None:
    """Draw ``report``'s plan to ``path`` (PNG, SVG, PDF or DXF), written atomically."""
    from floorplan.render.scene import build
    from floorplan.render.style import STYLE

    ext = Path(path).suffix.lower()
    try:
        module, mode = BACKENDS[ext]
    except KeyError:
        raise OutputError(f"{path}: cannot draw a {ext or 'file without an extension'} "
                          f"(expected one of {', '.join(BACKENDS)})") from None
    style = style or STYLE
    with paused_gc():
        scene = build(report, style, layout_mode=mode, legible=ext != ".dxf")
        backend = importlib.import_module(module)
        backend.write(scene, path, style=style, report=report)
